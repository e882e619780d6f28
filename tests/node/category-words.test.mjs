// The category picker's search index (pkg/category-words.json, scripts/category-words.mjs): everyday
// words, Chinese and English, find the categories a shop owner means (「茶」, "tea").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { score } from '../../www/components/category-picker/search.js';

// Built into dist/ by scripts/assemble.mjs (the index is not part of the wasm-pack output).
const pkg = join(import.meta.dirname, '..', '..', 'dist', 'pkg');
const read = (f) => JSON.parse(readFileSync(join(pkg, f), 'utf8'));
const zh = read('names.zh-CN.json');
const en = read('names.en.json');
const index = read('category-words.json');

/** The categories a query finds, best first, as the picker scores them (names, then the index). */
function search(q) {
  const ids = Object.keys(zh.names);
  return ids
    .map((id, i) => ({ id, s: score(q, { zh: zh.names[id], en: en.names[id] || '', initials: [], words: index.words[i] }) }))
    .filter((x) => x.s >= 0)
    .sort((a, b) => b.s - a.s)
    .map((x) => x.id);
}

test('everyday words find their categories in both languages: 「茶」 and "tea", 「咖啡」 and "coffee", 「理发」 and "barber"', () => {
  assert.equal(index.words.length, Object.keys(zh.names).length, 'one entry per category, in the names order');
  for (const [word, english, han] of [['茶', 'tea', /茶|饮/], ['咖啡', 'coffee', /咖啡|饮|餐/], ['理发', 'barber', /美发|美容|生活服务/]]) {
    const a = search(word);
    const b = search(english);
    assert.ok(a.length > 0, `「${word}」 finds something`);
    assert.ok(b.length > 0, `"${english}" finds something`);
    // The English word finds what the Chinese one finds (its first results among them).
    assert.ok(b.slice(0, 3).every((id) => a.includes(id)), `"${english}": ${b.slice(0, 3).map((id) => zh.names[id]).join(' | ')}`);
    assert.ok(b.slice(0, 3).some((id) => han.test(zh.names[id] + index.words[Object.keys(zh.names).indexOf(id)])), `"${english}" → ${zh.names[b[0]]}`);
  }
});
