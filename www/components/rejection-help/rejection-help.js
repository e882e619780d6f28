// Rejection help: paste the platform's message, get likely causes and fixes from diagnose().
// The pasted text is only ever handled as text (textContent, never markup).
import { h } from '../dom.js';

export const MAX_BYTES = 65536;

/** @typedef {import('../../app/types.js').Cause} Cause */

/**
 * @param {import('../../app/types.js').Ctx} ctx with the report and the catalogue
 * @param {{text: string, causes: Cause[]|null}} props the pasted text and the causes found, kept by
 *   the shell while the reader looks at other views
 * @param {{ready: () => Promise<unknown>, diagnose: (text: string) => Promise<Cause[]>,
 *   keep: (text: string, causes: Cause[]|null) => void}} on ready: fetch what diagnosing needs (the
 *   causes' texts) while the reader pastes; diagnose; keep the text and causes for next time
 * @returns {import('../../app/types.js').Rendered}
 */
export function renderRejectionHelp(ctx, props, on) {
  const { t } = ctx;
  const id = ctx.uid('diag', 'text');
  let causes = props.causes;
  const page = h('div', { class: 'rejection' });
  page.appendChild(h('h2', { class: 'page-heading', text: t('diag.title') }));
  page.appendChild(h('p', { text: t('diag.intro') }));
  const area = h('textarea', { class: 'textarea', attrs: { id, rows: '8', 'aria-describedby': id + '-hint', spellcheck: 'false' } });
  /** @type {HTMLTextAreaElement} */ (area).value = props.text || '';
  const err = h('p', { class: 'error-message', attrs: { id: id + '-error', hidden: true } });
  const form = h(
    'form',
    { class: 'diag-form', attrs: { novalidate: true } },
    h('label', { class: 'label', attrs: { for: id }, text: t('diag.label') }),
    h('p', { class: 'hint', attrs: { id: id + '-hint' }, text: t('diag.hint') }),
    err,
    area,
    h('div', { class: 'actions' }, h('button', { class: 'button primary', text: t('diag.submit'), attrs: { type: 'submit' } })),
  );
  const results = h('div', { class: 'diag-results', attrs: { 'aria-live': 'polite' } });
  page.append(form, results);
  const show = () => {
    results.replaceChildren();
    if (!causes) return;
    results.appendChild(h('h3', { class: 'group-title', attrs: { tabindex: '-1' }, text: causes.length ? t('diag.found', { n: causes.length }) : t('diag.nothing') }));
    if (!causes.length) {
      results.appendChild(h('p', { text: t('diag.nothingHint') }));
      return;
    }
    for (const c of causes) results.appendChild(causeCard(c, ctx));
  };
  const text = () => /** @type {HTMLTextAreaElement} */ (area).value;
  ctx.on(area, 'input', () => on.keep(text(), causes));
  // The causes' texts are a separate small file: fetch them while the reader pastes.
  on.ready().catch(() => {}); // reported on submit
  ctx.on(form, 'submit', async (e) => {
    e.preventDefault();
    const pasted = text();
    const bytes = new TextEncoder().encode(pasted).length;
    let problem = null;
    if (!pasted.trim()) problem = t('diag.empty');
    else if (bytes > MAX_BYTES) problem = t('diag.tooLong', { max: MAX_BYTES / 1024 });
    if (problem) {
      err.textContent = problem;
      err.hidden = false;
      area.setAttribute('aria-describedby', id + '-hint ' + id + '-error');
      area.setAttribute('aria-invalid', 'true');
      area.focus();
      return;
    }
    err.hidden = true;
    area.setAttribute('aria-describedby', id + '-hint');
    area.removeAttribute('aria-invalid');
    try {
      causes = await on.diagnose(pasted); // a failed fetch of the causes is tried again
      on.keep(pasted, causes);
    } catch (ex) {
      err.textContent = t('diag.failed', { message: String(ex && ex.message ? ex.message : ex) });
      err.hidden = false;
      return;
    }
    show();
    const heading = results.querySelector('h3');
    if (heading) heading.focus();
  });
  show();
  return { el: page, focus: () => page.querySelector('.page-heading') };
}

/**
 * @param {Cause} c
 * @param {import('../../app/types.js').Ctx} ctx
 */
function causeCard(c, ctx) {
  const { t, report } = ctx;
  const catalogue = /** @type {import('../../app/types.js').Catalogue} */ (ctx.catalogue);
  const card = h('article', { class: 'cause card', attrs: { 'data-cause': c.id } });
  card.appendChild(h('h4', { class: 'req-name', text: c.title }));
  for (const field of /** @type {const} */ (['meaning', 'fix', 'rule'])) {
    const [first, ...more] = wording(c, field, ctx);
    if (!first) continue;
    card.appendChild(h('p', {}, h('strong', { text: t('diag.' + field) }), ' ', first));
    for (const m of more) card.appendChild(h('p', { class: 'on-platform' }, m));
  }
  if (c.matched && c.matched.length) {
    card.appendChild(h('p', { class: 'matched' }, h('strong', { text: t('diag.evidence') }), ' ', c.matched.map((m) => h('q', { class: 'evidence', text: m })).flatMap((q, i) => (i ? [' ', q] : [q]))));
  }
  // What the fix may need: not another platform's items when the platform is answered.
  const platform = /** @type {string|undefined} */ (ctx.answers.platform);
  const implies = (c.implies || []).filter((id) => {
    const ps = /** @type {string[]|undefined} */ (catalogue.requirements[id]?.platforms);
    return !platform || !ps || !ps.length || ps.includes(platform);
  });
  if (implies.length) {
    const status = new Map((report?.requirements || []).map((i) => [i.id, i.status]));
    card.appendChild(
      h(
        'div',
        {},
        h('p', { class: 'settle-title', text: t('diag.implies') }),
        h('ul', {}, implies.map((id) => h('li', {}, catalogue.requirements[id]?.name || id, status.has(id) ? h('span', { class: 'tag tag-' + status.get(id), text: t('group.' + status.get(id)) }) : null))),
      ),
    );
  }
  return card;
}

/**
 * A cause's meaning, fix or rule as true for this user: on the platform they answered, that
 * platform's wording (or else the general one); not knowing it, the general wording and then each
 * platform's own, each named (never one text for several platforms).
 * @param {Cause} c
 * @param {'meaning'|'fix'|'rule'} field
 * @param {import('../../app/types.js').Ctx} ctx
 * @returns {string[]}
 */
export function wording(c, field, ctx) {
  const on = c.on || {};
  const platform = /** @type {string|undefined} */ (ctx.answers.platform);
  if (platform) return [on[platform]?.[field] || c[field]].filter(Boolean);
  const options = ctx.qsById.get('platform')?.options || [];
  const named = Object.entries(on)
    .filter(([, w]) => w[field])
    .map(([p, w]) => (options.find((o) => o.id === p)?.label || p) + ctx.t('req.colon') + w[field]);
  return [c[field], ...named].filter(Boolean);
}
