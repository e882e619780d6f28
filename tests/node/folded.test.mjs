// Questions folded into others (issue 19): links and saved answers made before still open with the
// same meaning (www/app/folded.js), read through the page's own link and record readers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeAnswers, validateAnswers, encodeAnswers } from '../../www/app/answers.js';
import { FOLDED } from '../../www/app/folded.js';

const { questions } = JSON.parse(readFileSync(new URL('../../pkg/questions.zh-CN.json', import.meta.url), 'utf8'));
const byId = new Map(questions.map((q) => [q.id, q]));

test('each folded question is gone, and the question it joined has the options it had', () => {
  // The old questions' option ids, as they were (rules/questions.toml before the fold).
  const had = {
    special_goods: ['e_cigarettes', 'tobacco', 'pesticides', 'vet_drugs', 'seeds', 'refined_oil', 'hazardous_chemicals', 'cultural_relics', 'live_animals'],
    communication: ['chat', 'calls', 'conference', 'dating'],
    personalised_feed: ['personalised_feed'], // a yes/no question, now one option
  };
  for (const [from, [into]] of Object.entries(FOLDED)) {
    assert.ok(!byId.has(from), `${from} is no longer a question`);
    const ids = byId.get(into).options.map((o) => o.id);
    for (const id of had[from]) assert.ok(ids.includes(id), `${into} has ${id}`);
  }
});

test('an old link: both answers join; "not sure" stays not sure; an old answer alone is left out and named', () => {
  const d = decodeAnswers('#v=1&platform=wechat&sells=own_goods&goods=general,prepackaged_food&special_goods=tobacco&content=ugc&communication=chat,dating', questions);
  assert.deepEqual(d.answers.goods, ['general', 'prepackaged_food', 'tobacco']);
  assert.deepEqual(d.answers.content, ['ugc', 'chat', 'dating']);
  assert.equal('special_goods' in d.answers, false);
  assert.deepEqual(d.ignored, []);
  // "None of these" in both: none of the joined ones.
  assert.deepEqual(decodeAnswers('#v=1&goods=&special_goods=', questions).answers.goods, []);
  assert.equal(decodeAnswers('#v=1&goods=general&special_goods=not_sure', questions).answers.goods, 'not_sure');
  assert.equal(decodeAnswers('#v=1&content=not_sure&communication=chat', questions).answers.content, 'not_sure');
  const alone = decodeAnswers('#v=1&platform=wechat&communication=chat', questions);
  assert.equal('content' in alone.answers, false, 'asked again rather than "none of the other kinds"');
  assert.deepEqual(alone.ignored, ['communication']);
  // An option the old question never had is not let in through it.
  assert.deepEqual(decodeAnswers('#v=1&goods=general&special_goods=general,bogus', questions).ignored, ['special_goods']);
  // A yes/no question folded in as one option: yes is that option, no is none.
  assert.deepEqual(decodeAnswers('#v=1&content=ugc&personalised_feed=yes', questions).answers.content, ['ugc', 'personalised_feed']);
  assert.deepEqual(decodeAnswers('#v=1&content=ugc&personalised_feed=no', questions).answers.content, ['ugc']);
  assert.equal(decodeAnswers('#v=1&content=ugc&personalised_feed=not_sure', questions).answers.content, 'not_sure');
  // Written back in today's form.
  assert.equal(encodeAnswers(d.answers, questions).includes('special_goods'), false);
});

test('saved answers made before read the same way', () => {
  const v = validateAnswers({ platform: 'douyin', goods: ['cosmetics'], special_goods: [], content: ['live'], communication: ['chat'] }, questions);
  assert.deepEqual(v.answers.goods, ['cosmetics']);
  assert.deepEqual(v.answers.content, ['live', 'chat']);
  assert.deepEqual(v.dropped, []);
  assert.deepEqual(validateAnswers({ content: ['video'], personalised_feed: true }, questions).answers.content, ['video', 'personalised_feed']);
  assert.deepEqual(validateAnswers({ content: ['video'], personalised_feed: false }, questions).answers.content, ['video']);
  const lone = validateAnswers({ platform: 'douyin', special_goods: ['tobacco'] }, questions);
  assert.equal('goods' in lone.answers, false);
  assert.deepEqual(lone.dropped, ['special_goods']);
});
