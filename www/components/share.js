// Share and keep: the answers as a link (URL fragment, never sent to a server), the result as
// Markdown, and printing (the print stylesheet gives a clean PDF).
import { h } from './dom.js';
import { encodeAnswers, answerWords } from './answers.js';
import { visibleItems, GROUPS } from './results-view.js';

/** The share link for the current answers. */
export function shareLink(app) {
  const frag = encodeAnswers(app.ctx.answers, app.ctx.qs);
  const loc = window.location;
  return loc.href.split('#')[0] + '#' + frag;
}

/** Escape text so it stays text in Markdown. */
function md(s) {
  return String(s).replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\n+/g, ' ');
}

/** The result as Markdown. */
export function resultMarkdown(app) {
  const ctx = app.ctx;
  const { t, report, catalogue } = ctx;
  const out = [];
  out.push('# ' + md(t('md.title')), '');
  out.push(md(t('results.version', { version: report.version, reviewed: catalogue.reviewed || '' })), '');
  out.push('## ' + md(t('summary.title')), '');
  for (const qid of app.askedIds()) {
    const q = ctx.qsById.get(qid);
    if (q && ctx.answers[qid] !== undefined) out.push('- ' + md(q.text) + ' ' + md(answerWords(q, ctx.answers[qid], t, ctx.lang)));
  }
  out.push('');
  const items = visibleItems(report);
  for (const g of GROUPS) {
    const gi = items.filter((i) => i.status === g);
    if (!gi.length) continue;
    out.push('## ' + md(t('group.' + g)), '');
    for (const it of gi) {
      const r = catalogue.requirements[it.id] || {};
      const bits = [];
      if (r.authority) bits.push(t('req.authority') + t('req.colon') + r.authority);
      if (r.lead_time) bits.push(t('req.leadTime') + t('req.colon') + t('req.days', { min: r.lead_time[0], max: r.lead_time[1] }));
      bits.push(t('confidence.' + (r.confidence || 'unconfirmed')));
      out.push('- **' + md(r.name || it.id) + '** (' + md(t('layer.' + it.layer)) + ') ' + md(bits.join(' · ')));
      for (const p of it.problems || []) out.push('  - ⚠ ' + md(p.text));
      for (const b of it.because || []) {
        const why = b.rule === 'picked' ? t('why.picked') : catalogue.rules?.[b.rule]?.text || b.rule;
        const ans = (b.answers || []).map((q) => report.answers?.[q]).filter(Boolean).map((a) => a.question + ' ' + a.answer);
        out.push('  - ' + md(why) + (ans.length ? ' (' + md(ans.join(ctx.lang === 'en' ? '; ' : '；')) + ')' : ''));
      }
      for (const sid of r.sources || []) {
        const s = catalogue.sources?.[sid];
        if (s) out.push('  - ' + md(s.title) + (s.url ? ' <' + encodeURI(s.url) + '>' : '') + ' ' + md(t('source.meta', { tag: t('tag.' + s.tag), checked: s.checked })));
      }
    }
    out.push('');
  }
  if (report.plan?.steps?.length) {
    out.push('## ' + md(t('plan.title')), '');
    report.plan.steps.forEach((s, i) => {
      out.push(`${i + 1}. ${md(catalogue.requirements[s.id]?.name || s.id)} (${md(t('plan.when', { s0: s.start[0], s1: s.start[1], f0: s.finish[0], f1: s.finish[1] }))})`);
    });
    out.push('', md(t('plan.total', { min: report.plan.total[0], max: report.plan.total[1] })), '');
  }
  out.push('---', md(t('results.disclaimer')), '', shareLink(app));
  return out.join('\n') + '\n';
}

/** Copy text; falls back to selecting a text field (WeChat's browser may refuse the API). */
export async function copyText(text, fallbackField) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall through */
  }
  if (fallbackField) {
    fallbackField.value = text;
    fallbackField.focus();
    fallbackField.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
  return false;
}

/** @param {any} app */
export function renderShare(app) {
  const ctx = app.ctx;
  const { t } = ctx;
  const linkId = app.uid('share', 'link');
  const box = h('section', { class: 'share card', attrs: { 'aria-labelledby': linkId + '-h' } });
  box.appendChild(h('h3', { class: 'group-title', attrs: { id: linkId + '-h' }, text: t('share.title') }));
  const field = h('input', { class: 'text-input share-link', attrs: { id: linkId, type: 'text', readonly: true } });
  field.value = shareLink(app);
  box.append(
    h('label', { class: 'label', attrs: { for: linkId }, text: t('share.link') }),
    h('p', { class: 'hint', text: t('share.linkHint') }),
    field,
    h(
      'div',
      { class: 'actions' },
      h('button', { class: 'button secondary', text: t('share.copyLink'), attrs: { type: 'button', 'data-action': 'copy-link' } }),
      h('button', { class: 'button secondary', text: t('share.copyMarkdown'), attrs: { type: 'button', 'data-action': 'copy-md' } }),
      h('button', { class: 'button secondary', text: t('share.print'), attrs: { type: 'button', 'data-action': 'print' } }),
    ),
    h('p', { class: 'copy-status', attrs: { role: 'status' } }),
    h('textarea', { class: 'copy-buffer', attrs: { 'aria-hidden': 'true', tabindex: '-1', readonly: true } }),
  );
  return box;
}
