// Small DOM helpers. Every text goes through textContent: data never becomes markup.

/**
 * Create an element.
 * @param {string} tag
 * @param {{class?: string, text?: string, attrs?: Record<string, string|boolean|number|null|undefined>,
 *   props?: Record<string, unknown>}} [opts]
 * @param {...(Node|string|null|undefined|false|Array<Node|string|null|undefined|false>)} children
 * @returns {HTMLElement}
 */
export function h(tag, opts = {}, ...children) {
  const el = document.createElement(tag);
  if (opts.class) el.className = opts.class;
  if (opts.text != null) el.textContent = String(opts.text);
  if (opts.attrs) {
    for (const [k, v] of Object.entries(opts.attrs)) {
      if (v === false || v == null) continue;
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  if (opts.props) Object.assign(el, opts.props);
  append(el, children);
  return el;
}

/**
 * Append children (nodes or strings, nested arrays, falsy values skipped).
 * @param {Node} el
 * @param {Array<unknown>} children
 */
export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return el;
}

/**
 * A button that looks like a link (for in-page navigation without touching the host URL).
 * @param {string} text
 * @param {string} action  value of data-action, handled by the app's delegated click listener
 * @param {Record<string,string>} [data]
 */
export function actionLink(text, action, data = {}, extra = {}) {
  const b = h('button', { class: 'link' + (extra.class ? ' ' + extra.class : ''), text, attrs: { type: 'button' } });
  b.dataset.action = action;
  for (const [k, v] of Object.entries(data)) b.dataset[k] = v;
  if (extra.label) b.setAttribute('aria-label', extra.label);
  return b;
}

/**
 * A real button with a data-action.
 * @param {string} text
 * @param {string} action
 * @param {{kind?: 'primary'|'secondary'|'warning', data?: Record<string,string>, label?: string, type?: string}} [o]
 */
export function button(text, action, o = {}) {
  const b = h('button', { class: 'button ' + (o.kind || 'primary'), text, attrs: { type: o.type || 'button' } });
  if (action) b.dataset.action = action;
  for (const [k, v] of Object.entries(o.data || {})) b.dataset[k] = v;
  if (o.label) b.setAttribute('aria-label', o.label);
  return b;
}

/** An id unique inside this document, for label/aria wiring. */
export function uid(prefix, instance, id) {
  return `${prefix}-${instance}-${String(id).replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/**
 * Move focus to an element without scrolling jumps; headings get tabindex=-1 for this.
 * @param {HTMLElement|null} el
 */
export function focusEl(el) {
  if (!el) return;
  if (!el.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: false });
}
