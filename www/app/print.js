// Printing: every collapsed part (sources, eligibility, the rows' cards) is opened before the page
// is laid out for print, and closed again after.

/**
 * @param {ShadowRoot} root the element's shadow root
 * @param {AbortSignal} signal ends the listeners with the element
 */
export function watchPrint(root, signal) {
  window.addEventListener('beforeprint', () => {
    // `toggle` now, not after the page is laid out for print: a row draws its card (whose own
    // disclosures the next round opens).
    for (let round = 0, shut; round < 3 && (shut = root.querySelectorAll('details:not([open])')).length; round++) {
      for (const d of shut) {
        Object.assign(d, { open: true }).setAttribute('data-print-opened', '');
        d.dispatchEvent(new Event('toggle'));
      }
    }
  }, { signal });
  window.addEventListener('afterprint', () => {
    for (const d of root.querySelectorAll('details[data-print-opened]')) Object.assign(d, { open: false }).removeAttribute('data-print-opened');
  }, { signal });
}
