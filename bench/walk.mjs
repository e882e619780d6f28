// Issue 19's figures for the benchmark (bench/run.mjs, part g):
//   - questions answered per typical operator (tests/flows/operators.toml) when the engine's next
//     question is followed, as the page does: count, median, max;
//   - the walk weight: everything a person's walk fetches until the first result shows — the tea
//     shop's walk on a 360 px phone, a few seconds a question (idle prefetch included), each file of
//     dist/ gzipped on its own as the budgets count.
import { serveDist } from './serve.mjs';
import { operators, walk } from '../tests/flows/walk.mjs';
import { PAIRS } from '../www/app/pairs.js';

/**
 * @param {{evaluate: (answers: object, lang: string) => any}} mp the engine (tests/node/engine.mjs)
 * @returns {{counts: [string, number][], median: number, max: number}}
 */
export function operatorCounts(mp) {
  const counts = [];
  for (const op of operators()) {
    const answers = {};
    let n = 0;
    for (let next; (next = mp.evaluate(answers, 'zh-CN').flow.next); n++) {
      if (!(next in op.answers)) throw new Error(`${op.id} is asked ${next}, which its table does not answer`);
      answers[next] = op.answers[next];
      // A pair (www/app/pairs.js) is one question on the page while both are unanswered: one count.
      const pair = PAIRS.find(([a, b]) => next === a && !(b in answers) && b in op.answers);
      if (pair) answers[pair[1]] = op.answers[pair[1]];
      // An empty category list is the picker left empty: the page leaves it unanswered and stops.
      if (Array.isArray(op.answers[next]) && !op.answers[next].length && next.endsWith('_categories')) {
        n++;
        break;
      }
    }
    counts.push([op.id, n]);
  }
  const n = counts.map(([, c]) => c).sort((a, b) => a - b);
  const median = n.length % 2 ? n[(n.length - 1) / 2] : (n[n.length / 2 - 1] + n[n.length / 2]) / 2;
  return { counts, median, max: n[n.length - 1] };
}

/**
 * @param {string} root the repository
 * @param {(paths: string[]) => {files: string[], gzip: number}} fetchedSize
 * @param {number} pace milliseconds a person spends on each question
 */
export async function walkWeight(root, fetchedSize, pace, operator = 'tea-shop') {
  const { chromium: pw } = await import('playwright-core');
  const { url, stop } = await serveDist(root);
  try {
    const browser = await pw.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    try {
      const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
      const page = await ctx.newPage();
      const done = [];
      page.on('requestfinished', (r) => done.push(new URL(r.url()).pathname));
      await page.goto(url);
      const op = operators().find((o) => o.id === operator);
      const seen = await walk(page, op, pace);
      const a = page.locator('mpcheck-app');
      await a.locator('.check-answers button[data-view="results"]').click();
      await a.locator('.results .group-title').first().waitFor({ state: 'visible', timeout: 30_000 });
      const f = fetchedSize(done);
      await ctx.close();
      return { operator, questions: seen.length, pace_ms: pace, ...f };
    } finally {
      await browser.close();
    }
  } finally {
    stop();
  }
}
