// A person's walk through the page as one of tests/flows/operators.toml's operators: the start
// button, each question the page asks answered from the operator's table (a question the table
// does not answer throws), until the check-answers page. Shared by tests/e2e/flows.test.mjs and
// the benchmark (bench/walk.mjs). `pace`: milliseconds spent on each question, as a person would.
import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';

/** @returns {{id: string, zh: string, en: string, answers: Record<string, unknown>}[]} */
export function operators() {
  return parse(readFileSync(new URL('./operators.toml', import.meta.url), 'utf8')).operator;
}

/** Answer the question on screen as `op` would; returns its id. */
export async function answerAs(page, op) {
  const a = page.locator('mpcheck-app').first();
  const fs = a.locator('.question-page fieldset.field');
  const qid = await fs.getAttribute('data-question');
  const q = await page.evaluate((id) => document.querySelector('mpcheck-app').qsById.get(id), qid);
  // A pair asked as one (www/app/pairs.js): its option is the two answers.
  for (const k of q.sets || [qid]) if (!(k in op.answers)) throw new Error(`${op.id} was asked "${k}", which its table does not answer (add the person's answer to tests/flows/operators.toml)`);
  const want = q.sets ? q.sets.map((k) => op.answers[k]).join('+') : op.answers[qid];
  if (await fs.locator('.picker').count()) {
    for (const cid of want) {
      const name = await page.evaluate((id) => document.querySelector('mpcheck-app').catalogue.requirements[id].name, cid);
      await fs.locator('input[type=search]').fill(name);
      await fs.locator(`.picker-results input[value="${cid}"]`).check();
    }
    if (!want.length) {
      await a.locator('button[data-action="skip"]').click();
      return qid;
    }
  } else if (q.kind === 'number') await fs.locator('input.number-input').fill(String(want));
  else if (q.kind === 'yes_no') await fs.locator(`input[value="${want ? 'yes' : 'no'}"]`).check();
  else if (Array.isArray(want)) {
    if (!want.length) await fs.locator('input[value="__none__"]').check();
    for (const oid of want) await fs.locator(`input[value="${oid}"]`).check();
  } else await fs.locator(`input[value="${want}"]`).check();
  await a.locator('.question-page button[type=submit]').click();
  return qid;
}

/** From the start page to the check-answers page; the question ids answered, in order. */
export async function walk(page, op, pace = 0) {
  const a = page.locator('mpcheck-app').first();
  await a.locator('.start-button').click();
  const seen = [];
  for (let i = 0; i < 40; i++) {
    await a.locator('.question-page, .check-answers').first().waitFor({ timeout: 30000 });
    if (!(await a.locator('.question-page').count())) break;
    if (pace) await page.waitForTimeout(pace);
    seen.push(await answerAs(page, op));
  }
  return seen;
}
