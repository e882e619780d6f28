// The script-tag embed. One line in any page, from any folder or CDN path:
//
//   <script type="module" src="https://example.com/mpcheck/mpcheck-embed.js"></script>
//   <mpcheck-app lang="zh-CN" platform="wechat"></mpcheck-app>
//
// or, giscus-style, with the element's attributes on the script tag itself (the checker is
// inserted right after the tag, or into the element that data-target names):
//
//   <script type="module" src="…/mpcheck-embed.js" data-lang="en" data-platform="wechat" data-compact></script>
//
// Every other file (the element's modules, its stylesheet, pkg/mpcheck_bg.wasm and the
// catalogue JSON) is found relative to this file's own URL (import.meta.url), never the host page.
// Nothing is written into the host page's <head>: the styles live in the element's shadow root.
import { loadEngine } from './wasm-loader.js';

// Start the engine download now: the loader has no imports of its own, so this runs one round trip
// after the script tag, while the element's modules are still on their way.
loadEngine().catch(() => {}); // a failure is shown by the element, which asks again

/** Resolves to the element class once <mpcheck-app> is defined (and the script tags handled). */
export const ready = import('./mpcheck-app.js').then(
  (m) => {
    embedFromScriptTags();
    return m.MpcheckApp;
  },
  (e) => {
    console.error('[mpcheck] could not load the checker (mpcheck-app.js)', e);
    throw e;
  },
);
ready.catch(() => {}); // reported above; a page that awaits `ready` still sees the rejection

/** data-* attributes of the script tag that become attributes of the inserted element. */
export const EMBED_ATTRIBUTES = ['lang', 'platform', 'answers', 'compact', 'storage-key', 'sync-url', 'hide-title'];

/**
 * Insert a checker for every script tag that loaded this file and carries element attributes as
 * data-* (or data-target). Runs once per tag: the tag is marked data-mpcheck-init.
 * Errors are reported to the console, prefixed [mpcheck], and never thrown at the host page.
 * @returns {HTMLElement[]} the elements inserted (<mpcheck-app>, upgraded once defined)
 */
export function embedFromScriptTags() {
  const made = [];
  const here = import.meta.url;
  for (const script of document.querySelectorAll('script[src]')) {
    if (/** @type {HTMLScriptElement} */ (script).src !== here || script.hasAttribute('data-mpcheck-init')) continue;
    const wanted = EMBED_ATTRIBUTES.filter((a) => script.hasAttribute('data-' + a));
    const target = script.getAttribute('data-target');
    if (!wanted.length && target == null) continue; // define-only: the page writes <mpcheck-app> itself
    script.setAttribute('data-mpcheck-init', '');
    let container = null;
    if (target) {
      try {
        container = document.querySelector(target);
      } catch {
        container = null;
      }
      if (!container) {
        console.error(`[mpcheck] data-target did not match any element: "${target}"`);
        continue;
      }
    }
    if (!container && script.closest('head')) {
      console.error('[mpcheck] a script tag in <head> needs data-target="<selector>" to say where the checker goes');
      continue;
    }
    const el = document.createElement('mpcheck-app');
    for (const a of wanted) el.setAttribute(a, script.getAttribute('data-' + a) || '');
    if (container) container.append(el);
    else script.after(el);
    made.push(el);
  }
  return made;
}
