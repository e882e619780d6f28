// The category picker (with its search and pinyin table) is a module of its own, imported when a view
// that shows a category question is first drawn: the view waits for it (app/views.js, loadView), as
// it waits for the catalogue the picker lists. A first result needs neither.

/** @type {typeof import('../category-picker/category-picker.js') | null} */
let picker = null;

/**
 * Import the picker once per page; null when it is here already. A failed import may be retried.
 * @returns {Promise<void>|null}
 */
export function loadPicker() {
  if (picker) return null;
  return import('../category-picker/category-picker.js').then((m) => {
    picker = m;
  });
}

/** The picker's class (loadPicker must have resolved). */
export function categoryPicker() {
  if (!picker) throw new Error('the category picker is not loaded: loadPicker() first');
  return picker.CategoryPicker;
}

/**
 * Whether a view of this question needs the picker (a superset of isCategoryQuestion, which also
 * looks at the catalogue: a question whose options come from it).
 * @param {import('../../app/types.js').Question|undefined} q
 */
export function mayNeedPicker(q) {
  return !!q && q.kind === 'several_of' && (q.id === 'wechat_categories' || q.options.length > 40 || q.options.length === 0);
}
