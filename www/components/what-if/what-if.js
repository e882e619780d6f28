// What-if: for each answer, which requirements it drives. The engine is asked again without that
// answer (or without one chosen option) and the two reports are compared.
import { h } from '../dom.js';

const MAX_VARIANTS = 60;

/** @typedef {import('../../app/types.js').Answers} Answers */
/** @typedef {import('../../app/types.js').Report} Report */

/**
 * Variants of the answers, each leaving one thing out.
 * @param {Answers} answers
 * @param {string[]} asked
 * @param {Map<string, import('../../app/types.js').Question>} qsById
 * @returns {{qid: string, option?: string, answers: Answers}[]}
 */
export function variants(answers, asked, qsById) {
  const out = [];
  for (const qid of asked) {
    const q = qsById.get(qid);
    const v = answers[qid];
    if (!q || v === undefined || v === 'not_sure') continue;
    if (q.kind === 'several_of' && Array.isArray(v) && v.length) {
      for (const opt of v) out.push({ qid, option: opt, answers: { ...answers, [qid]: v.filter((x) => x !== opt) } });
    } else if (q.kind === 'yes_no' && v === true) {
      out.push({ qid, answers: { ...answers, [qid]: false } });
    } else if (q.kind === 'one_of' || q.kind === 'number') {
      const rest = { ...answers };
      delete rest[qid];
      out.push({ qid, answers: rest });
    }
    if (out.length >= MAX_VARIANTS) break;
  }
  return out;
}

/**
 * Requirements required now that would not be required in the other report, and the reverse.
 * @param {Report} now
 * @param {Report} other
 */
export function diff(now, other) {
  const status = new Map(other.requirements.map((i) => [i.id, i.status]));
  const lost = [];
  const gained = [];
  for (const it of now.requirements) {
    const s = status.get(it.id);
    if (it.status === 'required' && s !== 'required') lost.push(it.id);
    if (it.status !== 'required' && s === 'required') gained.push(it.id);
  }
  return { lost, gained };
}

/**
 * @param {import('../../app/types.js').Ctx} ctx with the report and the catalogue
 * @param {(answers: Answers) => Report} evaluate the report for other answers (app/engine.js)
 * @returns {HTMLElement}
 */
export function renderWhatIf(ctx, evaluate) {
  const { t } = ctx;
  const catalogue = /** @type {import('../../app/types.js').Catalogue} */ (ctx.catalogue);
  const report = /** @type {Report} */ (ctx.report);
  const section = h('section', { class: 'what-if', attrs: { 'aria-labelledby': ctx.uid('whatif', 'h') } });
  section.appendChild(h('h3', { class: 'group-title', attrs: { id: ctx.uid('whatif', 'h') }, text: t('whatif.title') }));
  section.appendChild(h('p', { class: 'hint', text: t('whatif.intro') }));
  const list = h('ul', { class: 'what-if-list' });
  const name = (id) => catalogue.requirements[id]?.name || id;
  const sep = ctx.lang === 'en' ? '; ' : '；';
  for (const v of variants(ctx.answers, ctx.asked(), ctx.qsById)) {
    let other;
    try {
      other = evaluate(v.answers);
    } catch {
      continue;
    }
    const { lost, gained } = diff(report, other);
    if (!lost.length && !gained.length) continue;
    const q = /** @type {import('../../app/types.js').Question} */ (ctx.qsById.get(v.qid));
    const what = v.option ? q.options.find((o) => o.id === v.option)?.label || v.option : ctx.answerWords(v.qid);
    const li = h('li', { class: 'what-if-item', attrs: { 'data-question': v.qid, 'data-option': v.option || '' } });
    li.appendChild(h('p', { class: 'what-if-cond' }, h('strong', { text: v.option || q.kind === 'yes_no' ? t('whatif.without', { what }) : t('whatif.unanswered', { question: q.text, what }) })));
    if (lost.length) li.appendChild(h('p', { text: t('whatif.notNeed', { list: lost.map(name).join(sep) }) }));
    if (gained.length) li.appendChild(h('p', { text: t('whatif.wouldNeed', { list: gained.map(name).join(sep) }) }));
    list.appendChild(li);
  }
  if (!list.childNodes.length) section.appendChild(h('p', { class: 'empty', text: t('whatif.none') }));
  else section.appendChild(list);
  return section;
}
