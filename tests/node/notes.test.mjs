// Issue 18: a requirement's note ([[requirement.note]], no met wording) is written for the answers
// its `when` names, so the page shows it only when those answers are given and it holds, never
// while one is missing (the ICP filing card of a mini-program whose product was not answered
// showed the note for mini-games). The engine lists a note only when it holds (src/engine/report.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { mp, catalogue, root } from './engine.mjs';

const cat = catalogue('zh-CN');
const isNote = (id, e) => e !== undefined && cat.requirements[id]?.eligibility?.[e] && cat.requirements[id].eligibility[e].met === undefined;

/** Every note a described report shows: [requirement, entry, certain]. */
function notesShown(report) {
  return report.requirements.flatMap((it) => it.problems.filter((p) => isNote(it.id, p.eligibility)).map((p) => [it.id, p.eligibility, p.certain]));
}

test('the ICP filing shows the WeChat mini-game note only to a mini-game', () => {
  const icp = cat.requirements['icp-filing'];
  const at = icp.eligibility.findIndex((e) => e.met === undefined && /小游戏必须先完成微信认证/.test(e.text));
  assert.ok(at >= 0, 'the ICP filing has the mini-game note');
  const shown = (answers) => mp.evaluate(answers, 'zh-CN').requirements.find((i) => i.id === 'icp-filing');
  const unknown = shown({ platform: 'wechat', entity: 'company' });
  assert.ok(!unknown.problems.some((p) => p.eligibility === at), 'product not answered: no mini-game note');
  assert.ok(!unknown.notes.includes(icp.eligibility[at].text));
  const program = shown({ platform: 'wechat', entity: 'company', product: 'mini_program' });
  assert.ok(!program.problems.some((p) => p.eligibility === at), 'a mini-program: no mini-game note');
  const game = shown({ platform: 'wechat', entity: 'company', product: 'mini_game' });
  assert.ok(game.problems.some((p) => p.eligibility === at && p.certain), 'a mini-game: the note');
  assert.ok(game.notes.includes(icp.eligibility[at].text));
});

test('no note rests on a missing answer: the operators, each with every answer left out in turn', () => {
  const ops = parse(readFileSync(join(root, 'tests/flows/operators.toml'), 'utf8')).operator;
  let shown = 0;
  let withheld = 0;
  for (const op of ops) {
    const sets = [op.answers, ...Object.keys(op.answers).map((k) => Object.fromEntries(Object.entries(op.answers).filter(([q]) => q !== k)))];
    for (const answers of sets) {
      const report = mp.evaluate(answers, 'zh-CN');
      for (const [id, e, certain] of notesShown(report)) {
        assert.ok(certain, `${op.id}: ${id} note ${e} shown while an answer it reads is missing`);
        shown++;
      }
      withheld += report.requirements.reduce((n, it) => n + it.problems.filter((p) => !p.certain && isNote(it.id, p.eligibility)).length, 0);
    }
  }
  assert.ok(shown > 0, 'notes that hold are shown');
  assert.equal(withheld, 0);
});
