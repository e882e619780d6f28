// Issue 18: no internal text reaches a reader. Every user-facing string of the shipped words
// (questions, the whole catalogue with its details, rejection causes), in both languages: no file
// names or repository paths, nothing about how the project was made, myths that name the claim
// rather than "the article"; and in the Chinese words no Latin-script word outside an allow-list
// of product names, licence codes and abbreviations a Chinese reader meets as they are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue, pkgDir } from './engine.mjs';

const read = (name) => JSON.parse(readFileSync(join(pkgDir, name), 'utf8'));

/** Every user-facing string of one language with where it is: [path, text]. Ids, conditions,
 * URLs, dates and tags are not user-facing. */
function strings(lang) {
  const out = [];
  const NOT_WORDS = new Set(['id', 'when', 'url', 'checked', 'tag', 'kind', 'layer', 'step', 'difficulty', 'confidence',
    'group', 'sources', 'entities', 'prerequisites', 'platforms', 'implies', 'version', 'reviewed', 'options_from', 'ask_when', 'myth_sources']);
  const walk = (v, path) => {
    if (typeof v === 'string') out.push([path, v]);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) if (!NOT_WORDS.has(k)) walk(x, `${path}.${k}`);
    }
  };
  const c = catalogue(lang);
  // WeChat's category table (names, scopes, documents) is the platform's own words, kept verbatim.
  const VERBATIM = new Set(['name', 'scope', 'documents']);
  for (const [id, r] of Object.entries(c.requirements)) {
    const own = r.group === 'wechat_category' ? Object.fromEntries(Object.entries(r).filter(([k]) => !VERBATIM.has(k))) : r;
    walk(own, `requirements.${id}`);
  }
  walk(c.rules, 'rules');
  walk(c.checks, 'checks');
  walk(c.sources, 'sources');
  walk(read(`questions.${lang}.json`).questions, 'questions');
  walk(read(`causes.${lang}.json`).causes, 'causes');
  return out;
}

// Latin-script words a Chinese reader meets as they are: product and company names, licence and
// filing codes, abbreviations, units, and the names of platform interfaces a developer types.
const ALLOWED = new Set(`ICP App APP app iOS Android API SDK H5 AI AIGC ID OCR QQ PC UGC VR AR GPS HTTPS HTTP URL
  B1 B11 B12 B13 B14 B2 B21 B22 B23 B24 B25 B26 PLAT OFF SEC CA ISBN IP Wi-Fi WiFi IM OTC GSP GMP SaaS CEO VIP
  N KOL MCN LBS RTC UG QA IAP IAA AppID appid openid unionid web-view webview errcode errmsg
  beian miit gov cn www com tsm dns https OTA EDI ETC KTV CORS K12 WIFI Wi-Fi B2B B2C O2O SIM MAIGOO EMS
  PDF Link Short URL CA
  request WebSocket wss localhost version_desc risky review pass devtools develop platform AppSecret logo slogan
  jpg png pdf excel x R S C U v2 GitHub Global Blue Planet Hi Sky GB16740-97 B2b MP3 vpn setprivacysetting`.split(/\s+/).filter(Boolean));
// Interface names (wx.getPhoneNumber, tt.login, my.tradePay), error codes and domains are code.
const CODE = /^(wx|tt|my|swan|qq|ks)\.[A-Za-z.]+$|^[a-z]+[A-Za-z]*(\.[a-z][A-Za-z]*)+$|^[a-z]+[A-Z][A-Za-z]*$|^[a-z0-9-]+(\.[a-z0-9-]+)+$|^[a-z]+(-[a-z]+)+$|^[A-Z][A-Z0-9_]+$/;

test('no Latin-script words in the Chinese words outside the allow-list', () => {
  const bad = [];
  for (const [path, s] of strings('zh-CN')) {
    // Official document titles quoted verbatim, and URLs, are kept as they are.
    // Links, e-mail addresses and domains (kuaishou.com/norm), and {question} placeholders are not words.
    const text = s.replace(/https?:\/\/\S+|[\w.-]+@[\w.-]+|\b[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|cn|net|org)(\/[\w/.-]*)?/g, '').replace(/\{[a-z0-9_]+\}/g, '');
    for (const w of text.match(/[A-Za-z][A-Za-z0-9._+-]*[A-Za-z0-9]|[A-Za-z]/g) || []) {
      if (!ALLOWED.has(w) && !CODE.test(w)) bad.push(`${path}: «${w}» in ${s.slice(0, 80)}`);
    }
  }
  if (process.env.MPCHECK_SHOW_ALL) console.log(bad.join('\n'));
  assert.deepEqual(bad.slice(0, 40), [], `${bad.length} Latin words in Chinese strings`);
});

test('no file names, repository paths or notes about how the project was made, in either language', () => {
  // app.json is the mini-program's own configuration file, which a developer edits: not ours.
  const FILE = /\b[\w.-]+\.(md|toml|mjs|js|rs|py|php|json|jsonl)\b|\b(src|docs|rules|www|tests|tools|scripts|shared|reference)\/[\w./-]+/;
  const MAKING = /this project|the post this project|started from|research id|search-index|search index|mirror:|findings|the article|文章(说|没|把|提到|完全|的说法|也)|本项目|原帖|博文|the (blog )?post\b/i;
  const bad = [];
  for (const lang of ['zh-CN', 'en']) {
    for (const [path, s] of strings(lang)) {
      const text = s.replace(/https?:\/\/\S+/g, '').replace(/\bapp\.json\b/g, '');
      if (FILE.test(text) || MAKING.test(text)) bad.push(`${lang} ${path}: ${text.slice(0, 120)}`);
    }
  }
  if (process.env.MPCHECK_SHOW_ALL) console.log(bad.join('\n'));
  assert.deepEqual(bad.slice(0, 40), [], `${bad.length} strings with internal text`);
});
