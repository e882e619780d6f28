// Start page: what the checker does, what it does not, and where the answers stay
// (GOV.UK "check a service is suitable").
import { h } from '../dom.js';

/**
 * @param {{t: import('../../app/types.js').Translate, hasAnswers: boolean, reviewed: string|null}} props
 *   `reviewed`: the rule base's review date, null while the catalogue is on its way (the shell fills
 *   it in then: the paragraph marked data-reviewed)
 * @param {{startOver: () => void}} on
 * @returns {import('../../app/types.js').Rendered}
 */
export function renderStartPage({ t, hasAnswers, reviewed }, on) {
  const page = h('div', { class: 'start-page' });
  // The start button comes right after the lead, on the first screen of a phone (360×740); what the
  // checker covers and where the answers stay follow it.
  page.append(h('h2', { class: 'page-heading', text: t('start.title') }), h('p', { class: 'lead', text: t('start.lead') }), h('p', { class: 'hint', text: t('start.time') }));
  const actions = h('div', { class: 'actions' });
  // "resume" and "view" are the router's actions (app/router.js).
  if (hasAnswers) {
    actions.append(
      h('button', { class: 'button primary start-button', text: t('start.continue'), attrs: { type: 'button', 'data-action': 'resume' } }),
      h('button', { class: 'button secondary', text: t('start.results'), attrs: { type: 'button', 'data-action': 'view', 'data-view': 'results' } }),
      h('button', { class: 'button secondary', text: t('summary.startOver'), attrs: { type: 'button', 'data-action': 'start-over' } }),
    );
  } else {
    actions.append(h('button', { class: 'button primary start-button', text: t('start.start'), attrs: { type: 'button', 'data-action': 'resume' } }));
  }
  page.append(
    actions,
    h('ul', { class: 'bullets' }, h('li', { text: t('start.layerLaw') }), h('li', { text: t('start.layerFiling') }), h('li', { text: t('start.layerPlatform') })),
    h('p', { text: t('start.also') }),
    h('p', {
      class: 'inset',
      attrs: { 'data-reviewed': '' },
      text: reviewed !== null ? t('start.notAdvice', { date: reviewed }) : t('start.notAdviceNoDate'),
    }),
    h('p', { text: t('start.privacy') }),
  );
  return { el: page, focus: () => page.querySelector('.page-heading'), actions: { 'start-over': () => on.startOver() } };
}
