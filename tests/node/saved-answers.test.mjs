// The saved-answers store (www/store/saved-answers.js) against storage that is full, read-only,
// absent or changed by another tab: nothing a user entered is lost, and every failure is said.
import test from 'node:test';
import assert from 'node:assert/strict';
import { openStore, RECORD_VERSION, MAX_BACKUPS, MAX_BACKUP_CHARS } from '../../www/store/saved-answers.js';

/** A Storage whose quota (characters of keys and values) and faults the test sets. */
class FakeStorage {
  constructor({ quota = 5 * 1024 * 1024, readOnly = false, unreadable = false, lying = false } = {}) {
    Object.assign(this, { quota, readOnly, unreadable, lying, map: new Map() });
  }
  used() {
    let n = 0;
    for (const [k, v] of this.map) n += k.length + v.length;
    return n;
  }
  getItem(k) {
    if (this.unreadable) throw new Error('SecurityError');
    return this.map.has(k) ? this.map.get(k) : null;
  }
  setItem(k, v) {
    if (this.readOnly) throw new Error('QuotaExceededError');
    const before = this.map.has(k) ? k.length + this.map.get(k).length : 0;
    if (this.used() - before + k.length + v.length > this.quota) throw new Error('QuotaExceededError');
    // A storage that says it wrote but keeps the old value (seen on some in-app browsers).
    if (this.lying) return;
    this.map.set(k, String(v));
  }
  removeItem(k) {
    if (this.readOnly) throw new Error('QuotaExceededError');
    this.map.delete(k);
  }
}

let clock = 0;
const now = () => new Date(Date.UTC(2026, 11, 6, 0, 0, clock++)).toISOString();
const questions = { platform: ['wechat', 'douyin'], entity: ['company', 'individual'], capital: 'number' };
/** Keeps answers to known questions with fitting values (as validateAnswers does). */
const fit = (answers) => {
  const out = {};
  const dropped = [];
  for (const [q, v] of Object.entries(answers)) {
    const kind = questions[q];
    const ok = kind === 'number' ? typeof v === 'number' : Array.isArray(kind) && kind.includes(v);
    if (ok) out[q] = v;
    else dropped.push(q);
  }
  return { answers: out, dropped };
};
const saved = (answers) => ({ answers, ticks: {} });
const record = (v, answers, extra = {}) => JSON.stringify({ ...(v === undefined ? {} : { v }), answers, ticks: {}, ...extra });

test('a saved record reads back as it was written', () => {
  const s = new FakeStorage();
  const a = openStore(s, 'mpcheck', { now });
  assert.deepEqual(a.save({ answers: { platform: 'wechat' }, ticks: { x: true }, lang: 'en', mode: 'all' }), { ok: true });
  const b = openStore(s, 'mpcheck', { now }).load(fit);
  assert.deepEqual(b.notes, []);
  assert.deepEqual(b.saved, { answers: { platform: 'wechat' }, ticks: { x: true }, lang: 'en', mode: 'all' });
  assert.equal(JSON.parse(s.getItem('mpcheck')).v, RECORD_VERSION);
});

test('answers from two links in a row never replace the own record; adopting one backs the own record up', () => {
  const s = new FakeStorage();
  const store = openStore(s, 'mpcheck', { now });
  store.save(saved({ platform: 'wechat', entity: 'company' }));
  // Links A and B arrive: the page shows them and saves nothing until the user adopts one.
  const own = openStore(s, 'mpcheck', { now }).load(fit).saved;
  assert.deepEqual(own.answers, { platform: 'wechat', entity: 'company' });
  // The user changes an answer of link B: B becomes theirs, and the old record is kept.
  const r = store.adopt(saved({ platform: 'douyin', entity: 'individual' }));
  assert.equal(r.ok, true);
  assert.ok(r.backup);
  assert.deepEqual(store.load(fit).saved.answers, { platform: 'douyin', entity: 'individual' });
  const [last] = store.backups();
  assert.equal(last.why, 'replaced');
  assert.deepEqual(last.saved.answers, { platform: 'wechat', entity: 'company' });
});

test('a damaged record is replaced only after its copy is confirmed; the notice names that copy', () => {
  const s = new FakeStorage();
  s.setItem('mpcheck.backups', JSON.stringify([{ at: '2026-01-01T00:00:00.000Z', why: 'damaged', raw: '{old' }]));
  s.setItem('mpcheck', '{"v":1,"answers":');
  const store = openStore(s, 'mpcheck', { now });
  const { saved: got, notes } = store.load(fit);
  assert.equal(got, null);
  assert.equal(notes.length, 1);
  assert.equal(notes[0].kind, 'damaged');
  assert.ok(notes[0].backup, 'a confirmed copy');
  const kept = store.backups();
  assert.equal(kept[0].at, notes[0].backup, 'the notice points at the new copy, not the old backup');
  assert.equal(kept.length, 2, 'the earlier backup is still there');
  assert.deepEqual(store.save(saved({ platform: 'wechat' })), { ok: true });
  assert.equal(JSON.parse(s.getItem('mpcheck.backups'))[1].raw, '{"v":1,"answers":');
});

test('when the copy cannot be written the damaged value stays, and saving over it is refused until discarded', () => {
  for (const raw of ['{"v":1,"answers":', record(99, { platform: 'wechat' })]) {
    const s = new FakeStorage();
    s.setItem('mpcheck', raw);
    s.quota = s.used() + 10; // nearly full: no room for a copy
    const store = openStore(s, 'mpcheck', { now });
    const { notes } = store.load(fit);
    assert.equal(notes[0].backup, null, 'no copy claimed');
    assert.deepEqual(store.save(saved({ platform: 'douyin' })), { ok: false, reason: 'kept' });
    assert.equal(s.getItem('mpcheck'), raw, 'the value is where it was');
    store.discardKept();
    s.quota = 1e6;
    assert.deepEqual(store.save(saved({ platform: 'douyin' })), { ok: true });
  }
});

test('a storage that claims a write it did not make is not trusted', () => {
  const s = new FakeStorage();
  s.setItem('mpcheck', '{broken');
  s.lying = true;
  const store = openStore(s, 'mpcheck', { now });
  assert.equal(store.load(fit).notes[0].backup, null);
  assert.equal(s.getItem('mpcheck'), '{broken');
});

test('at most three backups and 64 KB are kept, the oldest dropped first with a notice', () => {
  const s = new FakeStorage();
  const store = openStore(s, 'mpcheck', { now });
  const dropped = [];
  for (let i = 0; i < MAX_BACKUPS + 2; i++) {
    store.save(saved({ platform: i % 2 ? 'wechat' : 'douyin', capital: i }));
    const r = store.adopt(saved({ platform: 'wechat', capital: 100 + i }));
    dropped.push(...r.dropped);
  }
  assert.equal(store.backups().length, MAX_BACKUPS);
  assert.equal(dropped.length, 2);
  // A large damaged value pushes out older copies to stay within 64 KB.
  const big = '{' + 'x'.repeat(MAX_BACKUP_CHARS - 10);
  s.setItem('mpcheck', big);
  const { notes } = store.load(fit);
  assert.ok(notes.some((n) => n.kind === 'backup_dropped'));
  const total = JSON.parse(s.getItem('mpcheck.backups')).reduce((n, b) => n + b.raw.length, 0);
  assert.ok(total <= MAX_BACKUP_CHARS, `${total} characters kept`);
});

test('another tab changing the answers is never overwritten before the user chooses', () => {
  const s = new FakeStorage();
  const win = new EventTarget();
  const mine = openStore(s, 'mpcheck', { now });
  const theirs = openStore(s, 'mpcheck', { now });
  mine.save(saved({ platform: 'wechat' }));
  mine.load(fit);
  const seen = [];
  mine.watch(win, (other) => seen.push(other));
  theirs.save(saved({ platform: 'douyin' }));
  const event = Object.assign(new Event('storage'), { key: 'mpcheck', newValue: s.getItem('mpcheck'), storageArea: s });
  win.dispatchEvent(event);
  assert.equal(seen.length, 1);
  assert.deepEqual(seen[0].answers, { platform: 'douyin' });
  assert.equal(mine.conflicted, true);
  assert.deepEqual(mine.save(saved({ platform: 'wechat', entity: 'company' })), { ok: false, reason: 'conflict' });
  assert.equal(JSON.parse(s.getItem('mpcheck')).answers.platform, 'douyin', 'their record is still there');
  // "Keep mine": this tab's record wins.
  const r = mine.resolve('mine', saved({ platform: 'wechat', entity: 'company' }));
  assert.equal(r.ok, true);
  assert.deepEqual(JSON.parse(s.getItem('mpcheck')).answers, { platform: 'wechat', entity: 'company' });
  // An event for this tab's own write, or another key or storage, is not a conflict.
  win.dispatchEvent(Object.assign(new Event('storage'), { key: 'mpcheck', newValue: s.getItem('mpcheck'), storageArea: s }));
  win.dispatchEvent(Object.assign(new Event('storage'), { key: 'other', newValue: '{}', storageArea: s }));
  win.dispatchEvent(Object.assign(new Event('storage'), { key: 'mpcheck', newValue: '{}', storageArea: new FakeStorage() }));
  assert.equal(seen.length, 1);
  // "Load theirs", after another change.
  theirs.save(saved({ platform: 'douyin', entity: 'individual' }));
  win.dispatchEvent(Object.assign(new Event('storage'), { key: 'mpcheck', newValue: s.getItem('mpcheck'), storageArea: s }));
  assert.deepEqual(mine.resolve('theirs').saved.answers, { platform: 'douyin', entity: 'individual' });
  assert.deepEqual(mine.save(saved({ platform: 'douyin', entity: 'company' })), { ok: true });
});

test('full or read-only storage: saved answers are still read, and every failed save says why', () => {
  const s = new FakeStorage();
  s.setItem('mpcheck', record(RECORD_VERSION, { platform: 'wechat' }));
  s.readOnly = true;
  const store = openStore(s, 'mpcheck', { now });
  const { saved: got, notes } = store.load(fit);
  assert.deepEqual(got.answers, { platform: 'wechat' }, 'read although nothing can be written');
  assert.deepEqual(notes, []);
  assert.deepEqual(store.save(saved({ platform: 'douyin' })), { ok: false, reason: 'full' });
  s.readOnly = false;
  s.quota = s.used() + 5;
  assert.deepEqual(store.save(saved({ platform: 'douyin', entity: 'company', capital: 1000 })), { ok: false, reason: 'full' });
  // Blocked storage (private mode, sandboxed frames).
  assert.deepEqual(openStore(null, 'mpcheck').load(fit).notes, [{ kind: 'unavailable' }]);
  assert.deepEqual(openStore(null, 'mpcheck').save(saved({})), { ok: false, reason: 'unavailable' });
  assert.deepEqual(openStore(new FakeStorage({ unreadable: true }), 'mpcheck').load(fit).notes, [{ kind: 'unavailable' }]);
});

test('every earlier record version migrates; what does not map is backed up and named', () => {
  const renamed = { kind_of_entity: 'entity' };
  // Version 0 (no `v`) and 1 hold the same fields as today.
  for (const v of [undefined, 1]) {
    const s = new FakeStorage();
    s.setItem('mpcheck', record(v, { platform: 'wechat', kind_of_entity: 'company' }, { lang: 'en' }));
    const store = openStore(s, 'mpcheck', { now, renamed });
    const { saved: got, notes } = store.load(fit);
    assert.deepEqual(got.answers, { platform: 'wechat', entity: 'company' }, `version ${v}`);
    assert.equal(got.lang, 'en');
    assert.deepEqual(notes, [], 'nothing lost, nothing to say');
    assert.equal(JSON.parse(s.getItem('mpcheck')).v, RECORD_VERSION, 'rewritten in today\'s layout');
    assert.equal(store.backups().length, 0);
  }
  // Answers that no longer fit: kept answers load, the record as it was is backed up first.
  const s = new FakeStorage();
  const before = record(1, { platform: 'wechat', gone: true, entity: 'robot' });
  s.setItem('mpcheck', before);
  const store = openStore(s, 'mpcheck', { now, renamed });
  const { saved: got, notes } = store.load(fit);
  assert.deepEqual(got.answers, { platform: 'wechat' });
  assert.equal(notes[0].kind, 'migrated');
  assert.deepEqual(notes[0].dropped.sort(), ['entity', 'gone']);
  assert.equal(store.backups()[0].at, notes[0].backup);
  assert.equal(JSON.parse(s.getItem('mpcheck.backups'))[0].raw, before);
  // A version-1 record whose answers are not an object.
  const t = new FakeStorage();
  t.setItem('mpcheck', JSON.stringify({ v: 1, answers: ['wechat'], ticks: { a: true } }));
  const u = openStore(t, 'mpcheck', { now });
  const r = u.load(fit);
  assert.deepEqual(r.saved.answers, {});
  assert.deepEqual(r.saved.ticks, { a: true });
  assert.deepEqual(r.notes[0].dropped, ['answers']);
  assert.ok(r.notes[0].backup);
});

test('a newer record is kept aside, not read and not lost', () => {
  const s = new FakeStorage();
  const raw = record(RECORD_VERSION + 1, { platform: 'wechat' });
  s.setItem('mpcheck', raw);
  const store = openStore(s, 'mpcheck', { now });
  const { saved: got, notes } = store.load(fit);
  assert.equal(got, null);
  assert.equal(notes[0].kind, 'newer');
  assert.equal(JSON.parse(s.getItem('mpcheck.backups'))[0].raw, raw);
});

test('peek reads the language without writing; an unreadable storage is unavailable', () => {
  const s = new FakeStorage();
  s.map.set('mpcheck', record(1, { platform: 'wechat' }, { lang: 'en' }));
  const before = s.getItem('mpcheck');
  const store = openStore(s, 'mpcheck', { now });
  assert.deepEqual(store.peek(), { present: true, unavailable: false, lang: 'en' });
  assert.equal(s.getItem('mpcheck'), before);
  assert.equal(store.stored, false);
  store.load(fit);
  assert.equal(store.stored, true);
  assert.deepEqual(openStore(new FakeStorage({ unreadable: true }), 'mpcheck', { now }).peek(), { present: false, unavailable: true });
  assert.deepEqual(openStore(null, 'mpcheck', { now }).peek(), { present: false, unavailable: true });
});

test('version 1 kept values beside the record (<key>.backup, <key>.previous): each becomes a dated backup, removed only once copied', () => {
  // The layout of record version 1 (app/storage.js until issue 20): the record, a copy of a record it
  // could not read, and the reader's own answers a shared link replaced.
  const layout = () => {
    const s = new FakeStorage();
    s.setItem('mpcheck', record(1, { platform: 'douyin' }));
    s.setItem('mpcheck.backup', '{"v":1,"answers":{"platform":"wechat"'); // cut off
    s.setItem('mpcheck.previous', JSON.stringify({ v: 1, answers: { platform: 'wechat', entity: 'company' } }));
    return s;
  };
  const s = layout();
  const store = openStore(s, 'mpcheck', { now });
  const { saved: got, notes } = store.load(fit);
  assert.deepEqual(got.answers, { platform: 'douyin' }, 'the record itself migrates as before');
  assert.equal(s.getItem('mpcheck.backup'), null);
  assert.equal(s.getItem('mpcheck.previous'), null);
  const kept = store.backups();
  assert.deepEqual(kept.map((b) => b.why).sort(), ['damaged', 'replaced']);
  assert.deepEqual(kept.find((b) => b.why === 'replaced').saved.answers, { platform: 'wechat', entity: 'company' }, 'the own answers a link replaced are kept');
  assert.deepEqual(notes.filter((n) => n.kind === 'carried').map((n) => n.from).sort(), ['mpcheck.backup', 'mpcheck.previous']);
  assert.equal(JSON.parse(s.getItem('mpcheck')).v, RECORD_VERSION);
  // A second load finds nothing more to carry.
  assert.deepEqual(openStore(s, 'mpcheck', { now }).load(fit).notes, []);

  // No room for the copies: the old values stay where they are, nothing is lost.
  const full = layout();
  full.quota = full.used() + 10;
  const r = openStore(full, 'mpcheck', { now }).load(fit);
  assert.ok(full.getItem('mpcheck.backup') && full.getItem('mpcheck.previous'), 'left in place');
  assert.equal(r.notes.filter((n) => n.kind === 'carried').length, 0);
});

test('every record version ever written reads into today\'s (0: no `v`; 1; 2 today); a newer one is kept aside', () => {
  for (const v of [undefined, 1, RECORD_VERSION]) {
    const s = new FakeStorage();
    s.setItem('mpcheck', record(v, { platform: 'wechat' }, { lang: 'en', mode: 'all' }));
    const { saved: got } = openStore(s, 'mpcheck', { now }).load(fit);
    assert.deepEqual({ answers: got.answers, lang: got.lang, mode: got.mode }, { answers: { platform: 'wechat' }, lang: 'en', mode: 'all' }, `version ${v}`);
    assert.equal(JSON.parse(s.getItem('mpcheck')).v, RECORD_VERSION);
  }
  assert.equal(RECORD_VERSION, 2, 'a new version needs its migration test here');
});
