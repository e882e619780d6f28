// The answers object as JSON text, for the wasm adapter (src/wasm.rs) to read in one piece.
// JSON.stringify writes NaN and ±Infinity as null, which would read as "unanswered"; they are
// written as {} instead, which the engine refuses as an invalid value, as it refuses them natively.
// Getters, Proxy traps and toJSON run here; what they throw reaches the adapter as an error.

const notFinite = (k, v) => (typeof v === 'number' && !Number.isFinite(v) ? {} : v);

/**
 * @param {object} answers
 * @returns {string}
 */
export function answers_text(answers) {
  for (const k of Object.keys(answers)) {
    const v = answers[k];
    if (typeof v === 'number' && !Number.isFinite(v)) return JSON.stringify(answers, notFinite);
  }
  return JSON.stringify(answers);
}
