// What the page reads from a report, shared by the results, the status line and the Markdown copy.

/** The result groups, in the order the results show them. */
export const GROUPS = ['required', 'needs_confirming', 'possible', 'not_accepted', 'not_needed'];
/** The layers a group is split by: law, the mini-program's own filing, the platform's review. */
export const LAYERS = ['law', 'filing', 'platform'];

/**
 * Items worth showing: "not needed" only when an answer ruled it out (not merely irrelevant).
 * @param {import('./types.js').Report} report
 * @returns {import('./types.js').Item[]}
 */
export function visibleItems(report) {
  return report.requirements.filter((it) => it.status !== 'not_needed' || (it.because && it.because.length));
}
