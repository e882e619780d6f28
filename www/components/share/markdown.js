// The result as Markdown, for "copy the result": plain text a reader can paste into a chat or a
// document, with every source's link.
import { answerWords } from '../../app/answers.js';
import { visibleItems, GROUPS, planSteps } from '../../app/report.js';
import { whenText, totalText, leavesOut } from '../plan-view/plan-view.js';

/**
 * Escape text so it stays text in Markdown.
 * @param {unknown} s
 */
function md(s) {
  return String(s).replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\n+/g, ' ');
}

/**
 * The result as Markdown: the answers, the items of each group with why and their sources, the
 * plan, the disclaimer and the share link.
 * @param {import('../../app/types.js').Ctx} ctx with the report and the catalogue
 * @param {string} link the share link
 * @returns {string}
 */
export function resultMarkdown(ctx, link) {
  const { t } = ctx;
  const report = /** @type {import('../../app/types.js').Report} */ (ctx.report);
  const catalogue = /** @type {import('../../app/types.js').Catalogue} */ (ctx.catalogue);
  const out = [];
  out.push('# ' + md(t('md.title')), '');
  out.push(md(t('results.version', { version: report.version, reviewed: catalogue.reviewed || '' })), '');
  out.push('## ' + md(t('summary.title')), '');
  for (const qid of ctx.asked()) {
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
      const r = catalogue.requirements[it.id] || /** @type {Partial<import('../../app/types.js').Requirement>} */ ({});
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
  const plan = planSteps(report, catalogue);
  if (plan.steps.length) {
    out.push('## ' + md(t('plan.title')), '');
    plan.steps.forEach((s, i) => out.push(`${i + 1}. ${md(catalogue.requirements[s.id]?.name || s.id)} (${md(whenText(s, ctx))})`));
    if (plan.total) out.push('', md(totalText(plan.total, ctx)));
    out.push('', md(leavesOut(plan.unknown, ctx)), '');
  }
  out.push('---', md(t('results.disclaimer')), '', link);
  return out.join('\n') + '\n';
}
