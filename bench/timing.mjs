// Timing helpers shared by bench/run.mjs and bench/evaluate-child.mjs.

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** Times fn per call (µs), at least `calls` calls or `minMs`, after a warm-up; median and mean. */
export function time(fn, calls, minMs = 1000, maxMs = 120_000) {
  // Warm up until V8 has optimised the module and the JS around it: at least 200 calls and 0.5 s
  // (a few of its functions stay in the baseline compiler for a while after the first calls).
  const warm = process.hrtime.bigint();
  for (let i = 0; i < calls - 1 && (i < 200 || Number(process.hrtime.bigint() - warm) < 5e8); i++) fn();
  const samples = [];
  const start = process.hrtime.bigint();
  let el = 0;
  while ((samples.length < calls || el < minMs) && el < maxMs) {
    const t = process.hrtime.bigint();
    fn();
    const now = process.hrtime.bigint();
    samples.push(Number(now - t) / 1e3);
    el = Number(now - start) / 1e6;
  }
  return { median_us: +median(samples).toFixed(2), mean_us: +(samples.reduce((a, b) => a + b, 0) / samples.length).toFixed(2), calls: samples.length };
}
