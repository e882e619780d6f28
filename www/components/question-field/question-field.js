// One question as a form field (GOV.UK "question page" pattern): a fieldset whose legend is the
// question, a hint, the options, "not sure" and "none of these" set apart by "or".
import { h, uid } from '../dom.js';
import { categoryPicker } from './picker.js';
import { formatNumber } from '../../app/answers.js';
import { parseAmount, unitScale, yuanWords, IMPLAUSIBLE_YUAN } from './amount.js';

/** @typedef {import('../../app/types.js').Ctx} Ctx */
/** @typedef {import('../../app/types.js').Question} Question */

/**
 * @typedef {{ok: true, value?: import('../../app/types.js').AnswerValue, unanswered?: boolean} | {ok: false, error: string}} ReadResult
 */

/**
 * Build a field for question q.
 * @param {Question} q
 * @param {import('../../app/types.js').AnswerValue|undefined} value current answer (undefined = unanswered)
 * @param {Ctx} ctx
 * @param {{headingLevel?: number, onChange?: () => void, pageHeading?: boolean}} [opts]
 * @returns {{el: HTMLElement, read: () => ReadResult, showError: (msg: string|null) => void, focusTarget: () => HTMLElement|null, refresh: () => void, id: string}}
 */
export function buildField(q, value, ctx, opts = {}) {
  const { t } = ctx;
  const id = uid('q', ctx.instance, q.id);
  const hintId = id + '-hint';
  const errId = id + '-error';
  const level = opts.headingLevel || 2;
  const fs = h('fieldset', { class: 'field', attrs: { id, 'data-question': q.id } });
  const heading = h('h' + level, { class: opts.pageHeading ? 'question-heading page-heading' : 'question-heading', text: q.text });
  const legend = h('legend', {}, heading);
  fs.appendChild(legend);
  const described = [];
  if (q.help || q.kind === 'several_of') {
    const hint = h('p', { class: 'hint', attrs: { id: hintId }, text: q.help || t('q.severalHint') });
    fs.appendChild(hint);
    described.push(hintId);
  }
  const err = h('p', { class: 'error-message', attrs: { id: errId, hidden: true } });
  fs.appendChild(err);
  const setDescribed = (withError) => {
    const ids = withError ? [...described, errId] : described;
    if (ids.length) fs.setAttribute('aria-describedby', ids.join(' '));
    else fs.removeAttribute('aria-describedby');
  };
  setDescribed(false);

  let impl;
  if (q.kind === 'several_of' && isCategoryQuestion(q, ctx)) {
    impl = categoryImpl(q, value, ctx, fs, opts);
  } else if (q.kind === 'number') {
    impl = numberImpl(q, value, ctx, fs, id, opts);
  } else {
    impl = choiceImpl(q, value, ctx, fs, id, opts);
  }

  return {
    el: fs,
    id,
    read: impl.read,
    focusTarget: impl.focusTarget,
    refresh: impl.refresh || (() => {}),
    showError(msg) {
      if (msg) {
        err.textContent = '';
        err.append(h('span', { class: 'visually-hidden', text: t('error.prefix') }), msg);
        err.hidden = false;
        fs.classList.add('has-error');
      } else {
        err.hidden = true;
        err.textContent = '';
        fs.classList.remove('has-error');
      }
      setDescribed(!!msg);
    },
  };
}

/**
 * Whether a question is answered with the category picker (hundreds of options, searchable).
 * @param {Question} q
 * @param {{catalogue: unknown}} ctx
 */
export function isCategoryQuestion(q, ctx) {
  return q.kind === 'several_of' && (q.id === 'wechat_categories' || q.options.length > 40 || (q.options.length === 0 && !!ctx.catalogue));
}

function choiceImpl(q, value, ctx, fs, id, opts) {
  const { t } = ctx;
  const multi = q.kind === 'several_of';
  const type = multi ? 'checkbox' : 'radio';
  const name = id + '-input';
  const list = h('div', { class: multi ? 'checkboxes' : 'radios' });
  const options =
    q.kind === 'yes_no'
      ? [
          { id: 'yes', label: t('answer.yes') },
          { id: 'no', label: t('answer.no') },
        ]
      : q.options;
  const current = (() => {
    if (value === undefined) return new Set();
    if (value === 'not_sure') return new Set(['not_sure']);
    if (q.kind === 'yes_no') return new Set([value ? 'yes' : 'no']);
    if (multi) return new Set(value.length ? value : ['__none__']);
    return new Set([String(value)]);
  })();
  /** @type {HTMLInputElement[]} */
  const inputs = [];
  const addOption = (oid, label, help, exclusive) => {
    const inputId = uid('o', ctx.instance, q.id + '-' + oid);
    const input = h('input', { class: 'choice-input', attrs: { type, id: inputId, name, value: oid } });
    input.checked = current.has(oid);
    if (exclusive) input.dataset.exclusive = '1';
    const helpId = help ? inputId + '-hint' : null;
    if (helpId) input.setAttribute('aria-describedby', helpId);
    const item = h(
      'div',
      { class: 'choice' },
      input,
      h('label', { class: 'choice-label', attrs: { for: inputId }, text: label }),
      help ? h('p', { class: 'hint choice-hint', attrs: { id: helpId }, text: help }) : null,
    );
    inputs.push(input);
    list.appendChild(item);
  };
  for (const o of options) addOption(o.id, o.label, o.help, false);
  const extra = [];
  if (multi) extra.push(['__none__', t('answer.none')]);
  if (q.not_sure) extra.push(['not_sure', t('answer.notSure')]);
  if (extra.length) {
    list.appendChild(h('p', { class: 'divider', text: t('q.or') }));
    for (const [oid, label] of extra) addOption(oid, label, null, true);
  }
  fs.appendChild(list);
  if (multi) {
    // "None of these" and "Not sure" exclude every other box, as in GOV.UK's exclusive checkbox.
    ctx.on(list, 'change', (e) => {
      const el = /** @type {HTMLInputElement} */ (e.target);
      if (!el.checked) return;
      for (const i of inputs) {
        if (i === el) continue;
        if (el.dataset.exclusive || i.dataset.exclusive) i.checked = false;
      }
    });
  }
  if (opts.onChange) ctx.on(list, 'change', opts.onChange);
  return {
    focusTarget: () => inputs[0] || null,
    read() {
      const checked = inputs.filter((i) => i.checked).map((i) => i.value);
      if (!checked.length) return { ok: false, error: multi ? t('error.chooseSome') : t('error.chooseOne') };
      if (checked.includes('not_sure')) return { ok: true, value: 'not_sure' };
      if (q.kind === 'yes_no') return { ok: true, value: checked[0] === 'yes' };
      if (multi) return { ok: true, value: checked.includes('__none__') ? [] : checked };
      return { ok: true, value: checked[0] };
    },
  };
}

function numberImpl(q, value, ctx, fs, id, opts) {
  const { t } = ctx;
  const inputId = id + '-number';
  const input = h('input', {
    class: 'text-input number-input',
    attrs: { type: 'text', id: inputId, inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false' },
  });
  if (typeof value === 'number') input.value = String(value);
  const unitId = inputId + '-unit';
  const row = h(
    'div',
    { class: 'input-row' },
    h('label', { class: 'visually-hidden', attrs: { for: inputId }, text: q.text }),
    input,
    q.unit ? h('span', { class: 'suffix', attrs: { id: unitId }, text: q.unit }) : null,
  );
  if (q.unit) input.setAttribute('aria-describedby', unitId);
  fs.appendChild(row);
  let notSure = null;
  if (q.not_sure) {
    const nsId = inputId + '-not-sure';
    notSure = h('input', { class: 'choice-input', attrs: { type: 'checkbox', id: nsId } });
    notSure.checked = value === 'not_sure';
    input.disabled = notSure.checked;
    fs.append(
      h('p', { class: 'divider', text: t('q.or') }),
      h('div', { class: 'checkboxes' }, h('div', { class: 'choice' }, notSure, h('label', { class: 'choice-label', attrs: { for: nsId }, text: t('answer.notSure') }))),
    );
    ctx.on(notSure, 'change', () => {
      input.disabled = notSure.checked;
      if (opts.onChange) opts.onChange();
    });
  }
  if (opts.onChange) ctx.on(input, 'change', opts.onChange);
  let confirmed = '';
  return {
    focusTarget: () => input,
    read() {
      if (notSure && notSure.checked) return { ok: true, value: 'not_sure' };
      const raw = input.value.trim();
      if (!raw) return { ok: false, error: t('error.enterNumber') };
      const scale = unitScale(q.unit);
      const a = parseAmount(raw, scale);
      if (!a.ok) return { ok: false, error: t(scale ? 'error.notAmount' : 'error.notNumber') };
      const n = a.value;
      if ((q.min != null && n < q.min) || (q.max != null && n > q.max)) {
        return { ok: false, error: t('error.range', { min: formatNumber(q.min ?? 0, ctx.lang), max: formatNumber(q.max ?? n, ctx.lang) }) };
      }
      // A plain number that is implausibly large in the question's unit: asked once, taken the second time.
      if (a.plain && a.yuan > IMPLAUSIBLE_YUAN && confirmed !== raw) {
        confirmed = raw;
        return { ok: false, error: t('error.confirmAmount', { n: formatNumber(n, ctx.lang), unit: q.unit || '', yuan: yuanWords(a.yuan, ctx.lang) }) };
      }
      return { ok: true, value: n };
    },
  };
}

function categoryImpl(q, value, ctx, fs, opts) {
  const CategoryPicker = categoryPicker();
  const picker = new CategoryPicker(q, Array.isArray(value) ? value : [], ctx, opts.onChange);
  fs.appendChild(picker.el);
  return {
    focusTarget: () => picker.input,
    refresh() {
      picker.renderChips();
      picker.renderList();
    },
    read() {
      // Skipping is allowed: no category picked leaves the question unanswered.
      const v = picker.value();
      return v.length ? { ok: true, value: v } : { ok: true, unanswered: true };
    },
  };
}
