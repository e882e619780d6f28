// Rejection help: paste the platform's message, get likely causes and fixes from diagnose().
// The pasted text is only ever handled as text (textContent, never markup).
import { h } from './dom.js';

export const MAX_BYTES = 65536;

/** @param {any} app */
export function renderRejectionHelp(app) {
  const ctx = app.ctx;
  const { t } = ctx;
  const id = app.uid('diag', 'text');
  const page = h('div', { class: 'rejection' });
  page.appendChild(h('h2', { class: 'page-heading', text: t('diag.title') }));
  page.appendChild(h('p', { text: t('diag.intro') }));
  const area = h('textarea', { class: 'textarea', attrs: { id, rows: '8', 'aria-describedby': id + '-hint', spellcheck: 'false' } });
  area.value = app.diagnoseText || '';
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
    const causes = app.diagnoseResult;
    if (!causes) return;
    results.appendChild(h('h3', { class: 'group-title', attrs: { tabindex: '-1' }, text: causes.length ? t('diag.found', { n: causes.length }) : t('diag.nothing') }));
    if (!causes.length) {
      results.appendChild(h('p', { text: t('diag.nothingHint') }));
      return;
    }
    for (const c of causes) results.appendChild(causeCard(c, ctx));
  };
  ctx.on(area, 'input', () => {
    app.diagnoseText = area.value;
  });
  // The causes' texts are a separate small file: fetch them while the reader pastes.
  const ready = app.causesReady();
  ready.catch(() => {}); // reported on submit
  ctx.on(form, 'submit', async (e) => {
    e.preventDefault();
    const text = area.value;
    const bytes = new TextEncoder().encode(text).length;
    let problem = null;
    if (!text.trim()) problem = t('diag.empty');
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
      const engine = await ready.catch(() => app.causesReady()); // a failed fetch is tried again
      app.diagnoseResult = engine.diagnose(text, ctx.lang);
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

function causeCard(c, ctx) {
  const { t, catalogue, report } = ctx;
  const card = h('article', { class: 'cause card', attrs: { 'data-cause': c.id } });
  card.appendChild(h('h4', { class: 'req-name', text: c.title }));
  if (c.meaning) card.appendChild(h('p', {}, h('strong', { text: t('diag.meaning') }), ' ', c.meaning));
  if (c.fix) card.appendChild(h('p', {}, h('strong', { text: t('diag.fix') }), ' ', c.fix));
  if (c.rule) card.appendChild(h('p', {}, h('strong', { text: t('diag.rule') }), ' ', c.rule));
  if (c.matched && c.matched.length) {
    card.appendChild(h('p', { class: 'matched' }, h('strong', { text: t('diag.evidence') }), ' ', c.matched.map((m) => h('q', { class: 'evidence', text: m })).flatMap((q, i) => (i ? [' ', q] : [q]))));
  }
  if (c.implies && c.implies.length) {
    const status = new Map((report?.requirements || []).map((i) => [i.id, i.status]));
    card.appendChild(
      h(
        'div',
        {},
        h('p', { class: 'settle-title', text: t('diag.implies') }),
        h('ul', {}, c.implies.map((id) => h('li', {}, catalogue.requirements[id]?.name || id, status.has(id) ? h('span', { class: 'tag tag-' + status.get(id), text: t('group.' + status.get(id)) }) : null))),
      ),
    );
  }
  return card;
}
