// What the operator already holds is offered on the results page (issue 19), not asked before it:
// a restaurant's walk reaches its result without the question; the results offer a closed
// tick-list of the licences this result requires; ticking the food business licence marks it as
// held ("已有"), out of the plan, and the answer is in the link and the saved answers like any other.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, app, ready, answersOf, axe, PHONE } from './helpers.mjs';
import { operators, walk } from '../flows/walk.mjs';

let browser, close;
before(async () => ({ browser, close } = await launch()));
after(() => close());

const el = 'document.querySelector("mpcheck-app")';

test('held: not asked before the result; a tick-list on the results takes what is held out of the plan, and stays in links', async () => {
  const { context, page, errors } = await openPage(browser, PHONE);
  const op = operators().find((o) => o.id === 'restaurant-ordering');
  const seen = await walk(page, op);
  assert.ok(!seen.includes('held'), `held is not asked before the result: ${seen.join(' ')}`);
  await app(page).locator('.check-answers button[data-action="view"][data-view="results"]').click();
  const list = app(page).locator('.results .held-list');
  await list.waitFor();
  assert.equal(await list.getAttribute('open'), null, 'closed until opened');
  // Only licences this result requires are offered (the food business licence, not a game's approval).
  await list.locator('summary').click();
  await list.locator('.held-form').waitFor(); // the tick-list is imported when it is opened
  const offered = await list.locator('input[type=checkbox]').evaluateAll((is) => is.map((i) => i.value));
  assert.ok(offered.includes('food-licence'), `offered: ${offered}`);
  assert.ok(!offered.includes('game-approval'), `offered: ${offered}`);
  const required = await page.evaluate(`${el}.report.requirements.filter((i) => i.status === "required").map((i) => i.id)`);
  for (const id of offered) assert.ok(required.includes(id), `${id} is offered but not required`);
  const inPlan = async () => page.evaluate(`${el}.report.plan.steps.some((s) => s.id === "food-licence")`);
  assert.ok(await inPlan(), 'the food business licence is a step before it is ticked');
  assert.deepEqual(await axe(page), [], 'axe on the open tick-list');

  await list.locator('input[value="food-licence"]').check();
  await list.locator('button[type=submit]').click();
  await app(page).locator('.req-row.held[data-row="food-licence"]').waitFor();
  assert.deepEqual((await answersOf(page)).held, ['food-licence']);
  const item = await page.evaluate(`${el}.report.requirements.find((i) => i.id === "food-licence")`);
  assert.equal(item.held, true, 'marked as held');
  assert.equal(await app(page).locator('.req-row.held[data-row="food-licence"]').count(), 1, 'its row says 已有');
  assert.equal(await app(page).locator('.results [data-step="food-licence"]').count(), 0, 'not a plan step');
  assert.equal(await inPlan(), false);
  // Still offered, ticked, so that it can be unticked.
  await app(page).locator('.results .held-list summary').click();
  await app(page).locator('.results .held-list input[value="food-licence"]:checked').waitFor();

  // In the link and the saved answers: a fresh page from the link has it held.
  const link = page.url(); // the standalone page keeps its link in the address
  assert.match(decodeURIComponent(link), /held=food-licence/);
  const fresh = await openPage(browser, PHONE, { url: null });
  await fresh.page.goto(link);
  await ready(fresh.page);
  assert.deepEqual((await answersOf(fresh.page)).held, ['food-licence']);
  assert.equal(await fresh.page.evaluate(`${el}.report.requirements.find((i) => i.id === "food-licence").held`), true);
  await fresh.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('held: the tick-list is there exactly when the result requires something it lists', async () => {
  const { context, page } = await openPage(browser, PHONE);
  const op = operators().find((o) => o.id === 'personal-portfolio');
  await walk(page, op);
  await app(page).locator('.check-answers button[data-action="view"][data-view="results"]').click();
  await app(page).locator('.results .page-heading').waitFor();
  const required = await page.evaluate(`${el}.report.requirements.filter((i) => i.status === "required" && !i.held).map((i) => i.id)`);
  const options = await page.evaluate(`${el}.qsById.get("held").options.map((o) => o.id)`);
  const expected = required.some((id) => options.includes(id)) ? 1 : 0;
  assert.equal(await app(page).locator('.results .held-list').count(), expected, `required: ${required}`);
  await context.close();
});
