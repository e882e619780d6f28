// The first screen of the results: what this operator cannot do (with the ways round it the engine
// finds: another platform, another entity type), what is closed to a personal account (said once),
// how many things there are to do, and the plan's first steps with where to apply.
import { h } from '../dom.js';
import { answersRead } from '../../app/report.js';
import { questionLink, renderRequirement } from '../requirement-card/requirement-card.js';
import { stepItem, totalText } from '../plan-view/plan-view.js';

/** @typedef {import('../../app/types.js').Ctx} Ctx */
/** @typedef {import('../../app/types.js').Report} Report */
/** @typedef {import('../../app/types.js').Answers} Answers */
/** @typedef {ReturnType<typeof import('../../app/report.js').outcome>} Outcome */

/**
 * @param {Ctx} ctx
 * @param {Outcome} o
 * @param {ReturnType<typeof import('../../app/report.js').planSteps>} plan
 * @param {(answers: Answers) => Report} evaluate the report for other answers
 * @returns {HTMLElement}
 */
export function renderOutcome(ctx, o, plan, evaluate) {
  const { t } = ctx;
  const sep = ctx.lang === 'en' ? ', ' : '、';
  const name = (/** @type {{id: string}} */ it) => ctx.catalogue?.requirements[it.id]?.name || it.id;
  const box = h('div', { class: 'outcome card' });
  if (o.blockers.length) {
    const platform = ctx.answerWords('platform');
    const list = h('ul', { class: 'blockers' });
    // What the platform refuses is listed here only: its card behind the refusal (the rows below
    // hold what is required, a licence out of reach included).
    const refused = h('section', { class: 'group group-not_accepted', attrs: { 'aria-label': t('group.not_accepted') } }, list);
    const onlyPlatform = o.blockers.every((b) => b.kind === 'platform');
    /** @type {string[]|null} */
    let platforms = null;
    let last = '';
    for (const b of o.blockers) {
      const reason = [h('strong', { text: name(b.item) }), t('req.colon'), b.text];
      const li = h(
        'li',
        { class: 'blocker blocker-' + b.kind, attrs: { 'data-req': b.item.id } },
        b.item.status === 'not_accepted' ? h('details', { class: 'req-row blocker-row' }, h('summary', {}, reason), renderRequirement(b.item, ctx, { headingLevel: 4, personal: false })) : reason,
      );
      const alt = b.kind === 'platform' ? (platforms ||= otherPlatforms(ctx, evaluate)) : b.kind === 'entity' ? otherEntities(ctx, evaluate, [b.item.id]) : null;
      const words = alt && (alt.length ? t(`outcome.alt.${b.kind}`, { list: alt.join(sep) }) : t(`outcome.alt.${b.kind}None`));
      // The same way round under every refusal is said once, after the list.
      if (words && !(b.kind === 'platform' && onlyPlatform)) li.appendChild(h('p', { class: 'alternative', text: words }));
      else if (words) last = words;
      list.appendChild(li);
    }
    if (last) list.appendChild(h('li', { class: 'blocker-platform alternative-all' }, h('p', { class: 'alternative', text: last })));
    const onPlatform = o.blockers.some((b) => b.kind === 'platform');
    box.append(h('p', { class: 'outcome-verdict', text: onPlatform ? t('outcome.blockedOn', { platform }) : t('outcome.blocked') }), refused);
  }
  if (o.personal.length) {
    const alt = otherEntities(ctx, evaluate, o.personal.map((it) => it.id));
    const cats = personalCategories(ctx);
    box.appendChild(
      h(
        'div',
        { class: 'personal', attrs: { role: 'note' } },
        h('p', { class: 'outcome-verdict', text: t('outcome.personal', { list: o.personal.map(name).join(sep) }) }),
        h('p', { text: alt.length ? t('outcome.personalWay', { list: alt.join(ctx.lang === 'en' ? ' or ' : '或') }) : t('outcome.alt.entityNone') }),
        cats.length ? h('p', { class: 'hint', text: t('outcome.personalCategories', { list: cats.join(sep) }) }) : null,
      ),
    );
  }
  const [first, ...rest] = headline(o, ctx);
  box.appendChild(h('p', { class: 'overview-line' }, h('strong', { text: first }), rest.length ? (ctx.lang === 'en' ? ' ' : '') + rest.join(ctx.lang === 'en' ? ' ' : '') : null));
  if (plan.total && plan.steps.length) box.appendChild(h('p', { class: 'outcome-total', text: totalText(plan.total, ctx) }));
  const next = (ctx.report?.next_questions || []).filter((n) => ctx.asked().includes(n.id) && !ctx.qsById.get(n.id)?.on_results);
  if (next.length) {
    box.appendChild(h('p', { class: 'next-question' }, h('span', { text: t('outcome.answerFirst', { n: next[0].settles }) + ' ' }), questionLink(next[0].id, ctx, 'results')));
  }
  return box;
}

/**
 * "Do these first": the plan's first steps, each with where to apply.
 * @param {Ctx} ctx
 * @param {ReturnType<typeof import('../../app/report.js').planSteps>} plan
 * @param {string} planId the full plan's section, for the link to it
 */
export function renderFirstSteps(ctx, plan, planId) {
  const { t } = ctx;
  if (!plan.first.length) return null;
  const section = h('section', { class: 'first-steps', attrs: { 'aria-labelledby': ctx.uid('first', 'h') } });
  section.appendChild(h('h3', { class: 'group-title', attrs: { id: ctx.uid('first', 'h') }, text: t('outcome.firstSteps') }));
  section.appendChild(h('ol', { class: 'plan-steps' }, plan.first.map((s, i) => stepItem(s, ctx, 'plan-step first-step', true, plan.first[i - 1]))));
  if (plan.steps.length > plan.first.length) {
    section.appendChild(h('button', { class: 'link more', text: t('outcome.wholePlan', { n: plan.steps.length - plan.first.length }), attrs: { type: 'button', 'data-action': 'jump', 'data-target': planId } }));
  }
  return section;
}

/** @param {Outcome} o @param {Ctx} ctx */
function headline(o, ctx) {
  const { t } = ctx;
  // One and many worded apart (English needs it; the Chinese words are the same).
  const parts = [o.todo ? t(o.todo === 1 ? 'outcome.todoOne' : 'outcome.todo', { n: o.todo }) : t('outcome.nothingToDo')];
  if (o.held) parts.push(t('outcome.held', { n: o.held }));
  if (o.possible.length) parts.push(t(o.possibleQuestions === 1 ? 'outcome.possibleOne' : 'outcome.possible', { n: o.possible.length, q: o.possibleQuestions }));
  if (o.confirming.length) parts.push(t('outcome.confirming', { n: o.confirming.length }));
  return parts;
}

/**
 * The other platforms on which none of these answers is refused (the engine asked again).
 * @param {Ctx} ctx
 * @param {(answers: Answers) => Report} evaluate
 */
function otherPlatforms(ctx, evaluate) {
  const q = ctx.qsById.get('platform');
  const out = [];
  for (const opt of q?.options || []) {
    if (opt.id === ctx.answers.platform) continue;
    const r = tryEvaluate(evaluate, { ...ctx.answers, platform: opt.id });
    if (r && !r.requirements.some((it) => it.status === 'not_accepted' || (it.status === 'required' && (it.problems || []).some((p) => p.blocks && p.certain))))
      out.push(opt.label);
  }
  return out;
}

/**
 * The other entity types for which none of these items is closed.
 * @param {Ctx} ctx
 * @param {(answers: Answers) => Report} evaluate
 * @param {string[]} ids
 */
function otherEntities(ctx, evaluate, ids) {
  const out = [];
  for (const e of ['individual_business', 'company']) {
    if (e === ctx.answers.entity) continue;
    const r = tryEvaluate(evaluate, { ...ctx.answers, entity: e });
    if (!r) continue;
    const closed = r.requirements.filter(
      (it) => ids.includes(it.id) && (it.status === 'not_accepted' ? answersRead(it).has('entity') : (it.problems || []).some((p) => p.blocks && p.certain && (p.answers || []).includes('entity'))),
    );
    if (!closed.length) out.push(ctx.entityLabel(e));
  }
  return out;
}

/** @param {(answers: Answers) => Report} evaluate @param {Answers} answers */
function tryEvaluate(evaluate, answers) {
  try {
    return evaluate(answers);
  } catch {
    return null;
  }
}

/** The top-level WeChat categories open to a personal account (from the catalogue). */
function personalCategories(ctx) {
  if (ctx.answers.platform !== 'wechat') return [];
  const reqs = Object.values(ctx.catalogue?.requirements || {});
  const tops = reqs.filter((r) => r.group === 'wechat_category' && /** @type {string[]} */ (r.entities || []).includes('individual')).map((r) => r.name.split('›')[0].trim());
  return [...new Set(tops)];
}
