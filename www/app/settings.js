// The element's settings: each is an attribute and a property of the same meaning, so that a host
// page may use either (plain HTML writes attributes; Vue, React 19 and Lit set properties once the
// element is defined). A property set before the element was defined (or upgraded) is taken over
// when it connects (upgradeProperties). `lang` and `answers` are the shell's own accessors: their
// getters give the current language and answers, not the setting.
//
//   attribute     property     kind
//   lang          lang         'zh-CN' | 'en'
//   platform      platform     string (an option of the platform question)
//   answers       answers      string (share-link encoding) or an Answers object (property only)
//   compact       compact      boolean
//   storage-key   storageKey   string, default "mpcheck"
//   sync-url      syncUrl      boolean
//   hide-title    hideTitle    boolean
//   load-timeout  loadTimeout  string: seconds without a byte before a download is given up (20; read on connect)
//   history       history      boolean: each screen is an entry in the browser's history (Back goes
//                              back one question); off, the host page's history is never touched

/** Attributes the element observes. */
export const ATTRIBUTES = ['lang', 'platform', 'answers', 'compact', 'storage-key', 'sync-url', 'hide-title', 'load-timeout', 'history'];

const STRINGS = { platform: 'platform', storageKey: 'storage-key', loadTimeout: 'load-timeout' };
const BOOLEANS = { compact: 'compact', syncUrl: 'sync-url', hideTitle: 'hide-title', history: 'history' };
const PROPERTIES = ['lang', 'answers', ...Object.keys(STRINGS), ...Object.keys(BOOLEANS)];

/**
 * A boolean setting's value from a property: `''` (what a framework passes for a bare attribute in
 * a template) and `true` turn it on; false, null, undefined and "false" off.
 * @param {unknown} v
 */
function on(v) {
  return v === '' || (!!v && v !== 'false');
}

/**
 * Give the element class a property for each string and boolean setting, reflected to its attribute
 * (attributeChangedCallback then does the rest), and its observedAttributes: every setting's.
 * @param {typeof HTMLElement} cls
 */
export function reflectSettings(cls) {
  Object.defineProperty(cls, 'observedAttributes', { configurable: true, get: () => ATTRIBUTES });
  for (const [prop, attr] of Object.entries(STRINGS)) {
    Object.defineProperty(cls.prototype, prop, {
      configurable: true,
      get() {
        const v = this.getAttribute(attr);
        return prop === 'storageKey' ? v || 'mpcheck' : v;
      },
      set(v) {
        if (v == null) this.removeAttribute(attr);
        else this.setAttribute(attr, String(v));
      },
    });
  }
  for (const [prop, attr] of Object.entries(BOOLEANS)) {
    Object.defineProperty(cls.prototype, prop, {
      configurable: true,
      get() {
        return this.hasAttribute(attr);
      },
      set(v) {
        this.toggleAttribute(attr, on(v));
      },
    });
  }
}

/**
 * Settings given as properties before the element was defined are own properties of the instance,
 * hiding the class's accessors: run them through the accessors now.
 * @param {HTMLElement} el
 */
export function upgradeProperties(el) {
  for (const p of PROPERTIES) {
    if (!Object.prototype.hasOwnProperty.call(el, p)) continue;
    const v = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (el))[p];
    delete (/** @type {Record<string, unknown>} */ (/** @type {unknown} */ (el)))[p];
    /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (el))[p] = v;
  }
}
