// Downloads of the checker's files that end: a fetch given up when no byte has arrived for the stall
// limit (20 s unless setLoadTimeout says otherwise), and the form each JSON file must have before the
// page uses it. files.js and wasm-loader.js fetch through this module; errors are tagged like the
// engine's own ({kind, message}): timeout, bad_file, load_failed, version_mismatch, no_wasm.

/** How long a download may go without a byte arriving before it is given up, in ms (setLoadTimeout). */
let stallLimit = 20000;

/**
 * How long a download of the checker's files may go without a byte arriving before it is given up
 * (the reader then sees which file and a Try again button): 20 s unless set. A slow download that
 * keeps receiving bytes is never given up. The `load-timeout` attribute of <mpcheck-app> sets it
 * too (seconds); tests use a short one. Page-wide, like the files.
 * @param {number|string|null|undefined} seconds ignored unless a positive number
 */
export function setLoadTimeout(seconds) {
  const n = Number(seconds);
  if (seconds != null && seconds !== '' && Number.isFinite(n) && n > 0) stallLimit = Math.round(n * 1000);
}

/** The stall limit in seconds (for the reader's message). */
export function loadTimeout() {
  return stallLimit / 1000;
}

/** URLs whose download failed (stalled, cut, no network): fetched past the HTTP cache from then on. */
const failedUrls = new Set();
/**
 * When the last byte of any watched download arrived: bytes arriving for one file are progress for
 * all (over HTTP/1.1 a request may wait for a free connection while others download).
 */
let lastByte = 0;

/**
 * fetch(), given up with a tagged `timeout` error when no byte has arrived for the stall limit
 * (before the headers or in the body; for this file, or for any watched download). Resolves to a Response whose body is watched the same way
 * while it is read, so that a streaming consumer (the wasm's compile) is covered too.
 * @param {string|URL} url
 * @param {RequestInit & {onFail?: (e: unknown) => void}} [options] for fetch; onFail hears of a
 *   failure while the body is read (a consumer such as WebAssembly's compile may report it otherwise)
 * @returns {Promise<Response>}
 */
export function watchedFetch(url, { onFail, ...options } = {}) {
  // After a failure, past the HTTP cache: a request still hanging for the same URL (a preload) holds
  // the cache's lock on it, and the next request would wait for that one first.
  if (failedUrls.has(String(url)) && !options.cache) options = { ...options, cache: 'no-store' };
  const failed = (/** @type {unknown} */ e) => {
    failedUrls.add(String(url));
    onFail?.(e);
  };
  const ctrl = new AbortController();
  let timer = /** @type {ReturnType<typeof setTimeout>|undefined} */ (undefined);
  let stalled = false;
  const file = String(url).replace(/^.*?\/(pkg\/)/, '$1').replace(/[?#].*$/, '');
  const why = () => loadError('timeout', `could not load ${file}: no data for ${stallLimit / 1000} s`);
  let own = Date.now(); // this download's start, or its last byte
  const schedule = (/** @type {number} */ ms) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const idle = Date.now() - Math.max(own, lastByte);
      if (idle < stallLimit) return schedule(stallLimit - idle);
      stalled = true;
      ctrl.abort(why());
    }, ms);
  };
  const arm = () => {
    own = Date.now();
    schedule(stallLimit);
  };
  const disarm = () => clearTimeout(timer);
  arm();
  return fetch(url, { ...options, signal: ctrl.signal }).then(
    (res) => {
      if (!res.body) {
        disarm();
        return res;
      }
      lastByte = Date.now();
      arm();
      const reader = res.body.getReader();
      const body = new ReadableStream({
        async pull(c) {
          try {
            const { done, value } = await reader.read();
            if (done) {
              disarm();
              c.close();
            } else {
              lastByte = Date.now();
              arm();
              c.enqueue(value);
            }
          } catch (e) {
            disarm();
            const err = stalled ? why() : e;
            failed(err);
            c.error(err);
          }
        },
        cancel(reason) {
          disarm();
          return reader.cancel(reason);
        },
      });
      return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
    },
    (e) => {
      disarm();
      const err = stalled ? why() : e;
      failed(err);
      throw err;
    },
  );
}

/**
 * The promise, or a tagged `timeout` error when it has not settled within the stall limit (a module
 * import, whose bytes cannot be watched).
 * @template T
 * @param {Promise<T>} promise
 * @param {string} file
 * @returns {Promise<T>}
 */
export function withinLimit(promise, file) {
  let timer;
  const limit = new Promise((_, fail) => {
    timer = setTimeout(() => fail(loadError('timeout', `could not load ${file}: no answer in ${loadTimeout()} s`)), loadTimeout() * 1000);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** Tagged error, like the engine's own errors. */
export function loadError(kind, message, cause) {
  const e = new Error(message);
  e.name = 'MpcheckLoadError';
  /** @type {any} */ (e).kind = kind;
  if (cause) /** @type {any} */ (e).cause = cause;
  return e;
}

const isObject = (/** @type {unknown} */ v) => !!v && typeof v === 'object' && !Array.isArray(v);
const objects = (/** @type {any} */ v) => isObject(v) && Object.values(v).every(isObject);

/**
 * The form each kind of JSON file must have before the page uses it (docs/api.md): what the page
 * reads without further checks. A file of the right version in another form (a broken deploy) is a
 * `bad_file` error with a Try again, never a page that waits for ever.
 * @type {Record<string, (file: any) => boolean>}
 */
const SHAPES = {
  questions: (f) => Array.isArray(f.questions) && f.questions.length > 0 && f.questions.every((q) => isObject(q) && typeof q.id === 'string' && typeof q.kind === 'string' && Array.isArray(q.options ?? [])),
  catalogue: (f) => ['requirements', 'rules', 'checks', 'sources'].every((k) => objects(f[k] ?? {})) && isObject(f.requirements),
  categories: (f) => ['categories', 'rules', 'requirements', 'eligibility', 'checks', 'sources'].every((k) => isObject(f[k] ?? {})),
  names: (f) => typeof f.group === 'string' && isObject(f.defaults) && objects(f.more ?? {}) && isObject(f.names) && Object.values(f.names).every((n) => typeof n === 'string'),
  causes: (f) => isObject(f),
  'category-words': (f) => typeof f.group === 'string' && Array.isArray(f.words) && f.words.every((w) => typeof w === 'string'),
};

/**
 * Whether a parsed JSON file of the checker's has a version and the form its kind has (SHAPES).
 * @param {string} name e.g. 'questions.zh-CN.json'
 * @param {any} file
 */
export function hasShape(name, file) {
  const shape = SHAPES[name.split('.')[0]];
  return isObject(file) && typeof file.version === 'string' && (!shape || shape(file));
}
