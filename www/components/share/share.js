// Share and keep: the answers as a link (URL fragment, never sent to a server), the result as
// Markdown, and printing (the print stylesheet gives a clean PDF).
import { h } from '../dom.js';

/**
 * Copy text; falls back to selecting a text field (WeChat's browser may refuse the API).
 * @param {string} text
 * @param {HTMLTextAreaElement|null} fallbackField
 * @returns {Promise<boolean>}
 */
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

/**
 * @param {import('../../app/types.js').Ctx} ctx
 * @param {{link: () => string, withDetails: () => Promise<void>, print: () => void}} on the share link;
 *   wait for the sources' titles and links (fetched once idle after the first result); print
 * @returns {{el: HTMLElement, actions: import('../../app/types.js').Actions}}
 */
export function renderShare(ctx, on) {
  const { t } = ctx;
  const linkId = ctx.uid('share', 'link');
  const box = h('section', { class: 'share card', attrs: { 'aria-labelledby': linkId + '-h' } });
  box.appendChild(h('h3', { class: 'group-title', attrs: { id: linkId + '-h' }, text: t('share.title') }));
  const status = h('p', { class: 'copy-status', attrs: { role: 'status' } });
  const buffer = /** @type {HTMLTextAreaElement} */ (h('textarea', { class: 'copy-buffer', attrs: { 'aria-hidden': 'true', tabindex: '-1', readonly: true } }));
  const field = h('input', { class: 'text-input share-link', attrs: { id: linkId, type: 'text', readonly: true } });
  field.value = on.link();
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
    status,
    buffer,
  );
  const copy = async (/** @type {string} */ text, /** @type {string} */ okKey) => {
    const ok = await copyText(text, buffer);
    status.textContent = ok ? t(okKey) : t('share.copyFailed');
    buffer.value = text; // the copied text stays inspectable (and copyable by hand)
  };
  const actions = {
    'copy-link': () => copy(on.link(), 'share.copiedLink'),
    // With the sources' titles and links; the Markdown writer is a module of its own (few copy it).
    'copy-md': () =>
      Promise.all([import('./markdown.js'), on.withDetails()]).then(
        ([m]) => copy(m.resultMarkdown(ctx, on.link()), 'share.copiedMarkdown'),
        () => (status.textContent = t('share.copyFailed')),
      ),
    print: () => on.print(),
  };
  return { el: box, actions };
}
