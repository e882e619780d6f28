// Start page: what the checker does, what it does not, and where the answers stay
// (GOV.UK "check a service is suitable").
import { h } from './dom.js';

/** @param {any} app */
export function renderStartPage(app) {
  const ctx = app.ctx;
  const { t } = ctx;
  const hasAnswers = Object.keys(ctx.answers).length > 0;
  const page = h('div', { class: 'start-page' });
  page.append(
    h('h2', { class: 'page-heading', text: t('start.title') }),
    h('p', { class: 'lead', text: t('start.lead') }),
    h('ul', { class: 'bullets' }, h('li', { text: t('start.layerLaw') }), h('li', { text: t('start.layerFiling') }), h('li', { text: t('start.layerPlatform') })),
    h('p', { text: t('start.also') }),
    // The review date is in the catalogue, which may still be on its way: the app fills it in.
    h('p', {
      class: 'inset',
      attrs: { 'data-reviewed': '' },
      text: ctx.catalogue ? t('start.notAdvice', { date: ctx.catalogue.reviewed || '' }) : t('start.notAdviceNoDate'),
    }),
    h('p', { text: t('start.privacy') }),
    h('p', { class: 'hint', text: t('start.time') }),
  );
  const actions = h('div', { class: 'actions' });
  if (hasAnswers) {
    actions.append(
      h('button', { class: 'button primary start-button', text: t('start.continue'), attrs: { type: 'button', 'data-action': 'resume' } }),
      h('button', { class: 'button secondary', text: t('start.results'), attrs: { type: 'button', 'data-action': 'view', 'data-view': 'results' } }),
      h('button', { class: 'button secondary', text: t('summary.startOver'), attrs: { type: 'button', 'data-action': 'start-over' } }),
    );
  } else {
    actions.append(h('button', { class: 'button primary start-button', text: t('start.start'), attrs: { type: 'button', 'data-action': 'resume' } }));
  }
  page.appendChild(actions);
  return { el: page, focus: () => page.querySelector('.page-heading') };
}
