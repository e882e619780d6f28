// First result from a share link for issue 18's three operators, under bench/run.mjs's throttled profile
// (CPU x4, 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up, cache off); median of five. A measuring tool,
// not a test (timings live in the benchmark):  MPCHECK_URL=http://127.0.0.1:<port>/ node tests/e2e/tools/share-link-time.mjs
import { chromium } from 'playwright-core';
import { operators, shareHash } from '../results-layout.mjs';
const url = process.env.MPCHECK_URL;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
for (const op of operators()) {
  const samples = [];
  for (let i = 0; i < 5; i++) {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
    const t0 = Date.now();
    await page.goto(url + shareHash(op.answers), { waitUntil: 'commit' });
    await page.locator('mpcheck-app .results .outcome').first().waitFor({ state: 'visible', timeout: 30000 });
    samples.push(Date.now() - t0);
    await ctx.close();
  }
  samples.sort((a, b) => a - b);
  console.log(op.id, 'median', samples[2], 'ms', JSON.stringify(samples));
}
await browser.close();
