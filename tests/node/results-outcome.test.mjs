// The results page's reading of a report (www/app/report.js), on the engine's real reports: the
// outcome's counts agree with describe.js's, blockers and what is closed to a personal account are
// found, other platforms' items are left out, and plan durations are unknown where the engine says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { mp, catalogue, root } from './engine.mjs';
import { outcome, planSteps } from '../../www/app/report.js';

const ops = parse(readFileSync(join(root, 'tests/flows/operators.toml'), 'utf8')).operator;
const cat = catalogue('zh-CN');

for (const op of ops) {
  test(`${op.id}: the outcome counts as describe.js counts, and shows nothing for another platform`, () => {
    const report = mp.evaluate(op.answers, 'zh-CN');
    const o = outcome(report, cat, op.answers);
    assert.equal(o.todo, report.counts.required, 'things to do: a one-of group once, held apart');
    assert.equal(o.held, report.counts.held);
    assert.equal(o.confirming.length, report.counts.needs_confirming);
    for (const it of [...o.required, ...o.possible, ...o.notNeeded, ...o.confirming]) {
      const ps = cat.requirements[it.id].platforms || [];
      assert.ok(!ps.length || ps.includes(op.answers.platform), `${it.id} is for ${ps.join(', ')}`);
    }
    const plan = planSteps(report, cat);
    assert.deepEqual(plan.unknown.map((s) => s.id).sort(), [...report.plan.unknown].sort());
    assert.ok(plan.first.every((s) => !s.item.problems.some((p) => p.blocks && p.certain)), 'a first step is within reach');
  });
}

test('the mall on Douyin is blocked by the platform; an individual live-streamer is told what is closed to a personal account', () => {
  const mall = ops.find((o) => o.id === 'douyin-mall-live');
  const o = outcome(mp.evaluate(mall.answers, 'zh-CN'), cat, mall.answers);
  assert.ok(o.blockers.some((b) => b.kind === 'platform' && b.item.id === 'dy-cat-marketplace' && b.text.length > 0));
  const answers = { platform: 'wechat', product: 'mini_program', entity: 'individual', own_platform: false, sells: [], content: ['live'], live_kind: ['performance'], sector: [], personal_data: [], promotion: [] };
  const p = outcome(mp.evaluate(answers, 'zh-CN'), cat, answers);
  assert.ok(p.personal.some((it) => it.id === 'culture-licence'));
  assert.ok(!p.blockers.some((b) => p.personal.includes(b.item)), 'said once, not again as a blocker');
});
