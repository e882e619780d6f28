// The category picker's search index (dist/pkg/category-words.json, a few KB gzip): for each WeChat
// category, in the order of names.zh-CN.json (the words of the n-th category are the n-th string; a
// category's id is not written again: 5.4 KB gzip where a record keyed by id was 9.5 KB), the words of its scope (「适用于提供食品、饮料、茶叶…」 → 食品 饮料 茶叶 …) and the everyday
// words of scripts/data/category-synonyms.json whose targets its name or scope has. The picker loads
// it instead of the category details file (categories.<lang>.json, the documents and long texts).
// Called by scripts/assemble.mjs:  categoryWords(categoriesFile, namesFile, synonymsFile) → index

/** Words that say nothing about what a category covers. */
const FILLER = /^(适用于|提供|包括|包含|相关|服务|在线|销售|配送|以及|及|等|其他|其它|各类|各种|类|平台|信息|业务|用户|商家|产品|内容)+$/;

/**
 * @param {{version: string, categories: Record<string, {scope?: string}>}} categories categories.zh-CN.json
 * @param {{names: Record<string, string>}} names names.zh-CN.json (the categories' names)
 * @param {{words: Record<string, string[]>}} synonyms
 * @returns {{version: string, group: string, words: string[]}}
 */
export function categoryWords(categories, names, synonyms) {
  const words = [];
  for (const id of Object.keys(names.names)) {
    const c = categories.categories[id] || {};
    const scope = String(c.scope || '').split(/注[:：]/)[0];
    const name = String(names.names?.[id] || '');
    const found = new Set();
    for (const part of scope.replace(/适用于|提供|涉及|包括|如/g, '、').split(/[、，,。；;：:（）()\/\s及和与或等]+/)) {
      const w = part.replace(/(的)?(在线销售|销售|配送|服务|相关|业务)+$/g, '').trim();
      if (w.length >= 2 && w.length <= 4 && /\p{Script=Han}/u.test(w) && !FILLER.test(w) && !name.includes(w)) found.add(w);
    }
    for (const [word, targets] of Object.entries(synonyms.words)) {
      if (targets.some((t) => name.includes(t) || scope.includes(t)) && !name.includes(word)) found.add(word);
    }
    words.push([...found].join(' '));
  }
  return { version: categories.version, group: names.group, words };
}
