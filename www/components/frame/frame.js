// The frame around every view: the masthead (title, rule-base version, language switch), the
// navigation between the parts of the checker, and the footer. The shell keeps one element of each
// and draws them again when the language, the view or the layout changes.
import { h } from '../dom.js';

/**
 * Lengths inside the checker are multiples of --mpcheck-rem. Registered as a <length>, it is
 * computed once on the wrapper (1em of the reader's default size) and inherited as an absolute
 * length, so a host page's `html { font-size: 62.5% }` does not shrink the checker. Registration is
 * global and cannot be undone; a second copy of the element finds it registered already.
 */
export const OWN_UNIT = (() => {
  try {
    CSS.registerProperty({ name: '--mpcheck-rem', syntax: '<length>', inherits: true, initialValue: '16px' });
    return true;
  } catch (e) {
    return !!e && /** @type {Error} */ (e).name === 'InvalidModificationError';
  }
})();
export const WIDE = 760; // px of the element's own width: room for questions and live results side by side

/** @typedef {import('../../app/types.js').Translate} Translate */

const NAV = ['questions', 'summary', 'results', 'checklist', 'diagnose'];

/**
 * The frame's parts, appended to the wrapper; named as the shell keeps them. `part` attributes are
 * the host page's ::part() hooks (docs/embed.md).
 * @param {HTMLElement} shell the wrapper
 */
export function buildFrame(shell) {
  const part = (/** @type {string} */ tag, /** @type {string} */ cls, /** @type {Record<string, string>} */ attrs = {}) => h(tag, { class: cls, attrs });
  const f = {
    _masthead: part('div', 'masthead', { part: 'masthead' }),
    _notices: part('div', 'notices'),
    _nav: part('nav', 'nav', { part: 'nav' }),
    _statusBar: part('div', 'status-bar', { part: 'status' }),
    _main: part('div', 'view', { part: 'view' }),
    // Scrollable when long, so it must be reachable by keyboard (tabindex) and named (region).
    _aside: part('div', 'live-results', { part: 'live', role: 'region', tabindex: '0', 'aria-labelledby': 'live-results-title' }),
    _layout: h('div', { class: 'layout' }),
    _live: part('div', 'visually-hidden', { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }),
    _footer: part('div', 'footer', { part: 'footer' }),
  };
  f._layout.append(f._main, f._aside);
  shell.append(f._masthead, f._notices, f._nav, f._statusBar, f._layout, f._live, f._footer);
  return f;
}

/**
 * @param {HTMLElement} masthead
 * @param {{t: Translate, lang: string}} props
 * @param {{switchLanguage: (lang: string) => void}} on
 * @returns {import('../../app/types.js').Actions}
 */
export function drawMasthead(masthead, { t, lang }, on) {
  const other = lang === 'en' ? 'zh-CN' : 'en';
  masthead.replaceChildren(
    h('p', { class: 'app-title', text: t('app.title') }),
    h('p', { class: 'app-version' }),
    h('button', {
      class: 'button secondary lang-switch',
      text: t('app.otherLanguage'),
      attrs: { type: 'button', 'data-action': 'lang', 'data-lang': other, lang: other, 'aria-label': t('app.switchLanguage') },
    }),
  );
  return { lang: (d) => on.switchLanguage(d.lang || other) };
}

/**
 * @param {HTMLElement} nav
 * @param {{t: Translate, view: string, wide: boolean, mode: 'one'|'all'}} props
 * @param {{toggleMode: () => void}} on the views are the router's "view" action
 * @returns {import('../../app/types.js').Actions}
 */
export function drawNav(nav, { t, view, wide, mode }, on) {
  nav.setAttribute('aria-label', t('nav.label'));
  const active = view === 'question' || view === 'all' || view === 'start' ? 'questions' : view;
  const ul = h('ul', { class: 'nav-list' });
  for (const name of NAV) {
    const b = h('button', { class: 'nav-item', text: t('nav.' + name), attrs: { type: 'button', 'data-action': 'view', 'data-view': name } });
    if (name === active) b.setAttribute('aria-current', 'page');
    ul.appendChild(h('li', {}, b));
  }
  if (wide) {
    const label = mode === 'all' ? t('nav.oneAtATime') : t('nav.allOnOnePage');
    ul.appendChild(h('li', { class: 'nav-mode' }, h('button', { class: 'nav-item mode-toggle', text: label, attrs: { type: 'button', 'data-action': 'toggle-mode', 'aria-pressed': String(mode === 'all') } })));
  }
  nav.replaceChildren(ul);
  return { 'toggle-mode': () => on.toggleMode() };
}

/**
 * @param {HTMLElement} footer
 * @param {{t: Translate}} props
 */
export function drawFooter(footer, { t }) {
  footer.replaceChildren(h('p', { class: 'footer-version' }), h('p', { text: t('footer.privacy') }));
}

/**
 * The rule-base version (from the engine) and its review date (from the catalogue, once it is here),
 * in the masthead and the footer.
 * @param {HTMLElement} masthead
 * @param {HTMLElement} footer
 * @param {{t: Translate, version: string, reviewed: string|undefined}} props
 */
export function drawVersion(masthead, footer, { t, version, reviewed }) {
  const head = masthead.querySelector('.app-version');
  const foot = footer.querySelector('.footer-version');
  if (head) head.textContent = reviewed ? t('results.version', { version, reviewed }) : t('results.versionOnly', { version });
  if (foot) foot.textContent = reviewed ? t('footer.version', { version, reviewed }) : t('footer.versionOnly', { version });
}
