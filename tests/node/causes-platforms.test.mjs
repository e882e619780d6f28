// Issue 18, "every sentence true for this user", in the rejection help: diagnose reads only the
// pasted text, so a cause's meaning, fix and rule are worded for every platform, and what holds on
// one platform is that platform's own wording (causes.<lang>.json `on`). No text names two
// platforms; a general text names none; the page (rejection-help.js `wording`) shows the answered
// platform's wording only, or, the platform not answered, the general text and each platform's
// apart, named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pkgDir, mp } from './engine.mjs';
import { wording } from '../../www/components/rejection-help/rejection-help.js';

const PLATFORMS = {
  'zh-CN': { wechat: /微信/, douyin: /抖音/, alipay: /支付宝/, baidu: /百度/, qq: /QQ/, kuaishou: /快手/ },
  en: { wechat: /WeChat/, douyin: /Douyin/, alipay: /Alipay/, baidu: /Baidu/, qq: /\bQQ\b/, kuaishou: /Kuaishou/ },
};
const FIELDS = ['meaning', 'fix', 'rule'];
const file = (lang) => JSON.parse(readFileSync(join(pkgDir, `causes.${lang}.json`), 'utf8'));
const named = (text, lang) => Object.entries(PLATFORMS[lang]).filter(([, re]) => re.test(text)).map(([p]) => p);

for (const lang of ['zh-CN', 'en']) {
  test(`${lang}: a general cause text names no platform; a platform's text names no other`, () => {
    const causes = Object.entries(file(lang).causes);
    assert.ok(causes.length > 10);
    let perPlatform = 0;
    for (const [id, c] of causes) {
      for (const f of FIELDS) assert.deepEqual(named(c[f], lang), [], `${id}.${f}: ${c[f]}`);
      for (const [p, w] of Object.entries(c.on || {})) {
        assert.ok(p in PLATFORMS[lang], `${id}: ${p} is a platform`);
        for (const f of FIELDS) {
          if (!w[f]) continue;
          perPlatform++;
          for (const other of named(w[f], lang)) assert.equal(other, p, `${id}.on.${p}.${f} names ${other}: ${w[f]}`);
        }
      }
      // Every cause says what it means and how to fix it, on every platform.
      for (const p of Object.keys(PLATFORMS[lang])) {
        const ctx = context({ platform: p }, lang);
        assert.equal(wording(c, 'meaning', ctx).length, 1, `${id} on ${p}`);
        assert.equal(wording(c, 'fix', ctx).length, 1, `${id} on ${p}`);
      }
    }
    assert.ok(perPlatform > 5, 'some causes are worded per platform');
  });
}

/** What `wording` reads of the page's context: the answers, the platform question, the colon. */
function context(answers, lang) {
  const options = Object.keys(PLATFORMS[lang]).map((id) => ({ id, label: { wechat: '微信', douyin: '抖音' }[id] || id }));
  return { answers, qsById: new Map([['platform', { options }]]), t: (k) => (k === 'req.colon' ? '：' : k) };
}

test('the page: the answered platform\'s wording only; without an answer, each platform\'s apart and named', () => {
  const causes = mp.diagnose('你的小程序未接入官方交易组件，使用了第三方支付收款', 'zh-CN');
  const payment = causes.find((c) => c.id === 'payment');
  assert.ok(payment, `payment found: ${causes.map((c) => c.id)}`);
  const [onDouyin] = wording(payment, 'fix', context({ platform: 'douyin' }, 'zh-CN'));
  assert.match(onDouyin, /pay-button/);
  assert.doesNotMatch(onDouyin, /微信/);
  const [onWechat] = wording(payment, 'fix', context({ platform: 'wechat' }, 'zh-CN'));
  assert.match(onWechat, /微信支付/);
  assert.doesNotMatch(onWechat, /抖音|pay-button/);
  // Kuaishou has no wording of its own: the general one, naming no platform.
  const [onKuaishou, ...none] = wording(payment, 'fix', context({ platform: 'kuaishou' }, 'zh-CN'));
  assert.deepEqual(none, []);
  assert.deepEqual(named(onKuaishou, 'zh-CN'), []);
  // Not answered: the general text, then WeChat's and Douyin's, each named and alone.
  const unknown = wording(payment, 'fix', context({}, 'zh-CN'));
  assert.equal(unknown.length, 3);
  assert.deepEqual(named(unknown[0], 'zh-CN'), []);
  assert.match(unknown[1], /^微信：/);
  assert.match(unknown[2], /^抖音：/);
  // A rule that cites WeChat's documents only: none on Douyin, named on WeChat's when not answered.
  const login = mp.diagnose('小程序进入即要求登录', 'zh-CN').find((c) => c.id === 'login_first');
  assert.ok(login);
  assert.deepEqual(wording(login, 'rule', context({ platform: 'douyin' }, 'zh-CN')), []);
  assert.match(wording(login, 'rule', context({}, 'zh-CN'))[0], /^微信：《/);
});
