// Issue 18, the words of a result: every eligibility sentence true for these answers (met or not
// met, with the answer's value), nothing about another entity type, what the operator already
// holds, and how a result counts (a "one of" group once, needs-confirming never as required).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogue, mp } from './engine.mjs';

const MALL = {
  platform: 'wechat', product: 'mini_program', entity: 'company', foreign_share: 'none', capital: 5000,
  reach: 'several_provinces', own_platform: true, sells: ['third_party'], goods: ['general'], content: [],
  sector: [], promotion: [],
};
const item = (report, id) => report.requirements.find((i) => i.id === id);

test('a company with 5,000 万元 reads that its capital meets the requirement, in its own figure', () => {
  const zh = item(mp.evaluate(MALL, 'zh-CN'), 'vats-b21');
  assert.equal(zh.status, 'required');
  const capital = zh.conditions.filter((c) => c.text.includes('注册资本'));
  assert.ok(capital.length > 0, JSON.stringify(zh.conditions));
  for (const c of capital) {
    assert.equal(c.met, true, c.text);
    assert.match(c.text, /5,000 万元/);
    assert.doesNotMatch(c.text, /低于|不够|只够/);
  }
  assert.ok(zh.conditions.every((c) => c.met === true), JSON.stringify(zh.conditions));
  const en = item(mp.evaluate(MALL, 'en'), 'vats-b21');
  assert.ok(en.conditions.some((c) => c.met === true && c.text.includes('5,000')), JSON.stringify(en.conditions));
});

test('a company with 50 万元 reads what is missing, in its own figure, and the entity condition as met', () => {
  const zh = item(mp.evaluate({ ...MALL, capital: 50, reach: 'one_province' }, 'zh-CN'), 'vats-b21');
  const unmet = zh.conditions.filter((c) => c.met === false);
  assert.ok(unmet.some((c) => c.blocks && /50 万元.*不够/.test(c.text)), JSON.stringify(zh.conditions));
  assert.ok(zh.conditions.some((c) => c.met === true && c.text.includes('企业（公司）')), JSON.stringify(zh.conditions));
});

test('an individual is told once that the licence is closed to it, and nothing about capital or other entity types', () => {
  const r = mp.evaluate({ ...MALL, entity: 'individual' }, 'zh-CN');
  const b21 = item(r, 'vats-b21');
  assert.ok(b21.conditions.length >= 1);
  for (const c of b21.conditions) {
    assert.doesNotMatch(c.text, /注册资本|境外|机关|媒体|\{/, c.text);
  }
  assert.ok(b21.conditions.some((c) => c.met === false && c.blocks && c.text.includes('个人')));
  for (const n of b21.notes) assert.doesNotMatch(n, /境外|机关、媒体/, n);
});

test('notes for another entity type are not shown (the ICP filing of a company)', () => {
  const icp = item(mp.evaluate(MALL, 'zh-CN'), 'icp-filing');
  assert.ok(icp.notes.length > 0);
  for (const n of icp.notes) assert.doesNotMatch(n, /个人主体|个体工商户最多|境外主体/, n);
});

test('a company holds its business licence; what the operator ticks as held is done and leaves the plan', () => {
  const r = mp.evaluate({ ...MALL, held: ['vats-b21'] }, 'zh-CN');
  assert.equal(item(r, 'business-licence').held, true);
  assert.equal(item(r, 'vats-b21').held, true);
  assert.equal(item(r, 'vats-b21').conditions.length, 0, 'what they hold is not checked again');
  const steps = r.plan.steps.map((s) => s.id);
  assert.ok(!steps.includes('business-licence') && !steps.includes('vats-b21'), steps.join(' '));
  assert.ok(steps.includes('icp-filing'));
  // An individual has no business licence to hold.
  assert.equal(item(mp.evaluate({ ...MALL, entity: 'individual' }, 'zh-CN'), 'business-licence')?.held ?? false, false);
});

test('the held question is asked (ranked) while a required item could be held, and not once answered', () => {
  const open = mp.evaluate(MALL, 'zh-CN');
  assert.ok(open.next_questions.some((q) => q.id === 'held'), JSON.stringify(open.next_questions));
  const answered = mp.evaluate({ ...MALL, held: [] }, 'zh-CN');
  assert.ok(!answered.next_questions.some((q) => q.id === 'held'));
});

test('counts: held items apart, a one-of group once, needs-confirming never as required', () => {
  const r = mp.evaluate(MALL, 'zh-CN');
  const required = r.requirements.filter((i) => i.status === 'required');
  const groups = new Set(required.filter((i) => i.one_of).map((i) => i.one_of_id));
  const direct = required.filter((i) => !i.one_of && !i.held).length;
  assert.equal(r.counts.required, direct + groups.size);
  assert.equal(r.counts.held, required.filter((i) => i.held).length);
  assert.equal(r.counts.needs_confirming, r.requirements.filter((i) => i.status === 'needs_confirming').length);
  for (const i of required.filter((x) => x.one_of)) {
    for (const other of i.one_of) {
      const o = item(r, other);
      if (o?.status === 'required' && o.one_of) assert.equal(o.one_of_id, i.one_of_id);
    }
  }
});

test('a plan step with an unknown lead time says so (null), and the plan names it', () => {
  const r = mp.evaluate(MALL, 'zh-CN');
  for (const s of r.plan.steps) {
    assert.ok(s.lead_time === null || (Array.isArray(s.lead_time) && s.lead_time[0] <= s.lead_time[1]), JSON.stringify(s));
  }
  assert.deepEqual(r.plan.unknown, r.plan.steps.filter((s) => s.lead_time === null).map((s) => s.id));
});

test('a Douyin, Alipay or Baidu report says nothing of WeChat on the items that apply (names, summaries, conditions, notes)', () => {
  const bad = new Set();
  for (const platform of ['douyin', 'alipay', 'baidu']) {
    for (const answers of [{ ...MALL, platform }, { ...MALL, platform, entity: 'individual' }, { platform, product: 'mini_game', entity: 'company', game_pay: 'ads' }]) {
      const r = mp.evaluate(answers, 'zh-CN');
      const c = catalogue('zh-CN');
      for (const i of r.requirements.filter((x) => ['required', 'possible', 'not_accepted', 'needs_confirming'].includes(x.status))) {
        const texts = [i.name, c.requirements[i.id]?.summary ?? '', ...i.conditions.map((x) => x.text), ...i.notes, ...i.problems.map((p) => p.text)];
        // Alipay's rule against WeChat's name in a listing is about WeChat on another platform.
        for (const t of texts) if (/微信/.test(t) && !/不能出现腾讯或微信的名称/.test(t)) bad.add(`${platform} ${i.id}: ${t.slice(0, 90)}`);
      }
    }
  }
  assert.deepEqual([...bad], []);
});

test('blockers: an individual running a mall is told what is closed to its entity type; a company with enough capital has none of those', () => {
  const ind = mp.evaluate({ ...MALL, entity: 'individual' }, 'zh-CN');
  const b21 = ind.blockers.find((b) => b.id === 'vats-b21');
  assert.ok(b21 && b21.entity && b21.texts.some((t) => t.includes('个人')), JSON.stringify(ind.blockers));
  const co = mp.evaluate(MALL, 'zh-CN');
  assert.ok(!co.blockers.some((b) => b.id === 'vats-b21'), JSON.stringify(co.blockers));
});

test('items of other platforms are marked elsewhere (a Douyin mall: the Alipay and Baidu rules, and the Douyin mini-game rules)', () => {
  const r = mp.evaluate({ ...MALL, platform: 'douyin' }, 'zh-CN');
  const elsewhere = r.requirements.filter((i) => i.elsewhere);
  assert.ok(elsewhere.some((i) => i.id.startsWith('ali-')) && elsewhere.some((i) => i.id.startsWith('bd-')), 'other platforms\' items are marked');
  for (const i of elsewhere) {
    assert.equal(i.status, 'not_needed');
    // Douyin's own items are elsewhere only when they are about another product (a mini-game's).
    if (i.id.startsWith('dy-')) assert.ok(i.because.every((b) => b.answers.includes('product')), `${i.id} is Douyin's own`);
  }
  assert.ok(!r.requirements.some((i) => i.elsewhere && i.status !== 'not_needed'));
});

test('a condition not known yet is worded without a verdict: no "yours is not answered, which is short", in either language', () => {
  const unsure = { ...MALL };
  delete unsure.capital;
  for (const lang of ['zh-CN', 'en']) {
    const r = mp.evaluate(unsure, lang);
    const b21 = item(r, 'vats-b21');
    const open = b21.conditions.filter((c) => c.met === null);
    assert.ok(open.some((c) => c.blocks && c.settle?.includes('capital')), JSON.stringify(b21.conditions));
    const unanswered = lang === 'en' ? 'Not answered' : '未回答';
    for (const it of r.requirements) {
      for (const c of it.conditions.filter((x) => x.met === null)) {
        assert.ok(!c.text.includes(unanswered), `${it.id}: ${c.text}`);
        assert.doesNotMatch(c.text, lang === 'en' ? /which is short|enough only/ : /不够|只够/, `${it.id}: ${c.text}`);
      }
      for (const p of it.problems.filter((x) => !x.certain)) assert.ok(!p.text.includes(unanswered), `${it.id}: ${p.text}`);
    }
    // Once the capital is given, the verdict is back, with the figure.
    const known = item(mp.evaluate({ ...MALL, capital: 50, reach: 'one_province' }, lang), 'vats-b21');
    assert.ok(known.conditions.some((c) => c.met === false && /50/.test(c.text)), JSON.stringify(known.conditions));
  }
});
