// The three operators of issue 18 (tests/flows/operators.toml) as share links, and the results
// page's layout measured at a 360 px phone: shared by results.test.mjs and tools/screens.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { ROOT } from './helpers.mjs';

/** The operators issue 18 names. */
export const ISSUE18 = ['tea-shop', 'ad-mini-game', 'douyin-mall-live'];
/** A phone screen, as issue 18 counts them. */
export const SCREEN = { width: 360, height: 740 };

/** @returns {{id: string, zh: string, en: string, answers: Record<string, unknown>}[]} */
export function operators(ids = ISSUE18) {
  const all = parse(readFileSync(join(ROOT, 'tests/flows/operators.toml'), 'utf8')).operator;
  return ids.map((id) => all.find((o) => o.id === id));
}

/** An operator's answers as the share link's fragment (the page's format: app/answers.js). */
export function shareHash(answers) {
  const p = new URLSearchParams({ v: '1' });
  for (const [k, v] of Object.entries(answers)) p.set(k, Array.isArray(v) ? v.join(',') : v === true ? 'yes' : v === false ? 'no' : String(v));
  return '#' + p.toString();
}

/**
 * Heights on the results page, in CSS px from the top of the results (its heading): to the first
 * step of the plan (the outcome's "do these first" or else the plan) and to the end of the results,
 * every disclosure closed (as the page opens).
 * @param {import('playwright-core').Page} page
 */
export async function measure(page) {
  return page.evaluate(() => {
    const root = document.querySelector('mpcheck-app').shadowRoot;
    const results = root.querySelector('.results');
    const top = results.getBoundingClientRect().top;
    const step = root.querySelector('.first-step, .plan-step');
    const openDetails = [...results.querySelectorAll('details')].filter((d) => d.open).length;
    return {
      toFirstStep: step ? Math.round(step.getBoundingClientRect().top - top) : null,
      whole: Math.round(results.getBoundingClientRect().height),
      openDetails,
    };
  });
}
