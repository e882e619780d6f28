// Notices above the view: what happened to the reader's saved answers, a link's unknown keys, a file
// that did not load. Each can be dismissed; some carry an action (undo, restore).
import { h } from '../dom.js';

/** @typedef {import('../../app/types.js').Notice} Notice */

/** At most this many notices are shown: a new one pushes out the oldest. */
export const MAX_NOTICES = 5;

/**
 * The notices to keep, newest last: at most MAX_NOTICES (the oldest go first, but one that asks the
 * reader to choose, such as another tab's change, stays while it is among them).
 * @param {Notice[]} notices
 * @returns {Notice[]}
 */
export function capNotices(notices) {
  const out = [...notices];
  while (out.length > MAX_NOTICES) {
    const i = out.findIndex((n) => !n.actions?.some((a) => a.action === 'load-theirs'));
    out.splice(i < 0 ? 0 : i, 1);
  }
  return out;
}

/**
 * @param {HTMLElement} box
 * @param {{t: import('../../app/types.js').Translate, notices: Notice[]}} props
 * @param {{dismiss: (id: string) => void}} on
 * @returns {import('../../app/types.js').Actions} dismiss, and each notice's own action
 */
export function drawNotices(box, { t, notices }, on) {
  /** @type {import('../../app/types.js').Actions} */
  const actions = { dismiss: (d) => on.dismiss(d.notice || '') };
  box.replaceChildren(
    ...notices.map((n) => {
      // Several notices may offer the same action: the clicked button's notice runs its own.
      for (const a of n.actions || []) actions[a.action] = (d) => notices.find((x) => x.id === d.notice)?.actions?.find((x) => x.action === a.action)?.run();
      return h(
        'div',
        { class: 'notice notice-' + n.kind, attrs: { role: n.kind === 'warning' ? 'alert' : 'status', 'data-notice': n.id } },
        h('p', { text: n.text }),
        h(
          'p',
          { class: 'notice-actions' },
          ...(n.actions || []).map((a) => h('button', { class: 'link', text: a.label, attrs: { type: 'button', 'data-action': a.action, 'data-notice': n.id } })),
          h('button', { class: 'link', text: t('notice.dismiss'), attrs: { type: 'button', 'data-action': 'dismiss', 'data-notice': n.id } }),
        ),
      );
    }),
  );
  return actions;
}
