// Issue 18, "text written per platform where platforms differ; mini-game wording in a mini-game
// flow": a Douyin report's checklist never names WeChat (nor another platform), a WeChat one never
// Douyin, and what a mini-game report says (names, summaries, authorities, myths, conditions, notes, checklist) never
// says 小程序 on its own where the text is about mini-games too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogue, mp } from './engine.mjs';

// Answers that bring in most checklist items (privacy, login, UGC, AI, selling, ads, jumps).
const BROAD = {
  product: 'mini_program', entity: 'company', foreign_share: 'none', capital: 5000, reach: 'one_province',
  own_platform: false, sells: ['own_goods', 'virtual'], goods: ['general'], content: ['ugc', 'ai', 'chat'],
  sector: [], promotion: ['ads', 'web_view', 'jumps', 'share_rewards'],
  personal_data: ['login', 'phone', 'location', 'photos', 'profile', 'minors'],
};
const GAMES = [
  { platform: 'wechat', product: 'mini_game', entity: 'individual', game_pay: 'ads', game_type: 'casual' },
  { platform: 'wechat', product: 'mini_game', entity: 'company', game_pay: 'iap', game_type: 'casual' },
  { platform: 'douyin', product: 'mini_game', entity: 'company', game_pay: 'iap', game_type: 'casual' },
];

/** Every text of a report's checklist, as the checklist view shows it: [id, text]. */
function checklistTexts(report, lang) {
  const checks = catalogue(lang).checks;
  return report.checklist.flatMap((c) => {
    const k = checks[c.id];
    assert.ok(k, `${c.id} is in the catalogue`);
    return [k.title, k.why, k.how].filter(Boolean).map((t) => [c.id, t]);
  });
}

const OTHERS = {
  douyin: { 'zh-CN': /微信|支付宝|百度|快手/, en: /WeChat|Alipay|Baidu|Kuaishou/ },
  wechat: { 'zh-CN': /抖音|支付宝|百度|快手/, en: /Douyin|Alipay|Baidu|Kuaishou/ },
};

for (const platform of ['douyin', 'wechat']) {
  for (const product of ['mini_program', 'mini_game']) {
    test(`a ${platform} ${product} checklist names no other platform, in both languages`, () => {
      for (const lang of ['zh-CN', 'en']) {
        const answers = { ...BROAD, platform, product, ...(product === 'mini_game' ? { game_pay: 'iap', game_type: 'casual' } : {}) };
        const texts = checklistTexts(mp.evaluate(answers, lang), lang);
        assert.ok(texts.length > 20, `${lang}: the checklist is filled (${texts.length} texts)`);
        for (const [id, t] of texts) assert.doesNotMatch(t, OTHERS[platform][lang], `${lang} ${id}: ${t}`);
      }
    });
  }
}

test('each platform gets its own main-category instructions', () => {
  const ids = (platform) => new Set(mp.evaluate({ ...BROAD, platform }, 'zh-CN').checklist.map((c) => c.id));
  assert.ok(ids('douyin').has('main-category-set-douyin') && !ids('douyin').has('main-category-set'));
  assert.ok(ids('wechat').has('main-category-set') && !ids('wechat').has('main-category-set-douyin'));
});

// Quoted titles and messages (《…》, 「…」) are the platform's own words and stay as they are; so do
// 小程序码 (the code image, also a mini-game's), 小程序简称 (a console field), 小程序与公众号
// (WeChat's account types), 其他小程序 / 另一个小程序 (a jump's target), 普通小程序 (set against
// games; 不是小程序: an app store, set against them) and 微信、支付宝小程序 (the telecom notices' own scope).
const KEPT = /《[^》]*》|「[^」]*」|小程序码|小程序简称|小程序与公众号|(其他|另一个|普通|不是)小程序|微信、支付宝小程序/g;
function aloneMiniProgram(text) {
  const t = text.replace(KEPT, '');
  for (let at = t.indexOf('小程序'); at >= 0; at = t.indexOf('小程序', at + 1)) {
    if (!t.slice(Math.max(0, at - 12), at + 15).includes('小游戏')) return t.slice(Math.max(0, at - 12), at + 15);
  }
  return null;
}

test('the mini-program-only test finds 小程序 on its own, and lets quoted titles and 小程序/小游戏 pass', () => {
  assert.equal(aloneMiniProgram('每个小程序都要备案'), '每个小程序都要备案');
  assert.equal(aloneMiniProgram('小程序/小游戏 ICP 备案'), null);
  assert.equal(aloneMiniProgram('填写《小程序用户隐私保护指引》'), null);
});

test('a mini-game report says 小程序 only beside 小游戏 (names, summaries, authorities, myths, conditions, notes, checklist)', () => {
  const cat = catalogue('zh-CN');
  let seen = 0;
  for (const answers of GAMES) {
    const r = mp.evaluate(answers, 'zh-CN');
    const texts = [];
    for (const i of r.requirements) {
      if (i.status === 'not_needed') continue;
      const c = cat.requirements[i.id] ?? {};
      texts.push([i.id, i.name], [i.id, c.summary], [i.id, c.myth?.text], [i.id, c.authority], [i.id, c.apply?.name], ...i.conditions.map((x) => [i.id, x.text]), ...i.notes.map((n) => [i.id, n]), ...i.problems.map((p) => [i.id, p.text]));
    }
    texts.push(...checklistTexts(r, 'zh-CN'));
    for (const [id, t] of texts) {
      if (!t) continue;
      seen++;
      const alone = aloneMiniProgram(t);
      assert.equal(alone, null, `${answers.platform} ${answers.entity} ${id}: 「${alone}」 in ${t}`);
    }
  }
  assert.ok(seen > 50, `texts read: ${seen}`);
});

test('a mini-game report in English says mini-program only beside mini-game in names', () => {
  for (const answers of GAMES) {
    for (const i of mp.evaluate(answers, 'en').requirements) {
      if (i.status === 'not_needed' || !/mini-program/i.test(i.name)) continue;
      assert.match(i.name, /mini-game/i, `${i.id}: ${i.name}`);
    }
  }
});
