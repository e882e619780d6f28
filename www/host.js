// The host page's own small script: says plainly when WebAssembly is missing or the checker's
// program files did not load (with Try again), and keeps the page's language and title in step with
// the checker's language switch.
const TITLES = {
  'zh-CN': { title: '小程序资质自查', subtitle: '许可证、备案、平台类目资质，一次查清', doc: '小程序资质自查 · mpcheck' },
  en: { title: 'Mini-program licence checker', subtitle: 'Licences, filings and platform category documents, in one place', doc: 'Mini-program licence checker · mpcheck' },
};

if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
  const msg = document.getElementById('no-wasm');
  if (msg) msg.hidden = false;
  for (const el of document.querySelectorAll('mpcheck-app')) el.hidden = true;
} else {
  watchProgram();
  // A share link shows a result at once: the engine (the largest file) starts downloading now, beside
  // the element's module, not after it. Only then: a first visit's first question does not wait for it.
  if (location.hash.length > 1) preload('pkg/mpcheck_bg.wasm');
}

/** A download the checker will ask for (same URL and mode as its own request: it takes this one). */
function preload(/** @type {string} */ href) {
  const link = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href });
  document.head.append(link);
}

/**
 * The checker's program (mpcheck-app.js and the modules it imports) either defines <mpcheck-app>,
 * or fails (the script's error event), or stalls: nothing more arrives for the stall limit (20 s,
 * or the element's load-timeout attribute in seconds; every file that finishes is progress). On a
 * failure or stall, the message names the file and offers Try again (a reload: the answers are in
 * the URL and on this device).
 */
function watchProgram() {
  const app = document.querySelector('mpcheck-app');
  const box = document.getElementById('load-failed');
  const script = document.querySelector('script[src$="mpcheck-app.js"]');
  if (!app || !box || customElements.get('mpcheck-app')) return;
  const limit = (Number(app.getAttribute('load-timeout')) || 20) * 1000;
  /** @type {ReturnType<typeof setTimeout>|undefined} */
  let timer;
  const entries = () => /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource'));
  const name = (/** @type {string} */ url) => new URL(url).pathname.replace(/^.*\//, '');
  const files = ['wasm-loader.js', 'mpcheck-app.js'];
  // The file that stalled: the first program file not received.
  const stalledFile = () => {
    const got = new Set(entries().map((e) => name(e.name)));
    return { file: files.find((f) => !got.has(f)) || 'mpcheck-app.js', status: 0 };
  };
  // The file that failed: one answered with an error status, else the first that fails when asked
  // again (a connection cut half-way leaves no other trace).
  const failedFile = async () => {
    const bad = entries().find((e) => /\.m?js$/.test(e.name) && Number(e.responseStatus) >= 400);
    if (bad) return { file: name(bad.name), status: Number(bad.responseStatus) };
    for (const file of files) {
      try {
        const res = await fetch(new URL(file, script?.src || document.baseURI), { cache: 'no-store' });
        if (!res.ok) return { file, status: res.status };
        await res.arrayBuffer();
      } catch {
        return { file, status: 0 };
      }
    }
    return { file: 'mpcheck-app.js', status: 0 };
  };
  const show = async (/** @type {boolean} */ stalled) => {
    if (customElements.get('mpcheck-app')) return;
    clearTimeout(timer);
    const { file, status } = stalled ? stalledFile() : await failedFile();
    const seconds = limit / 1000;
    const zh = stalled ? `文件 ${file} 已经 ${seconds} 秒没有收到数据。` : `文件 ${file} 没有下载成功（${status ? 'HTTP ' + status : '网络错误'}）。`;
    const en = stalled ? `nothing of the file ${file} arrived for ${seconds} seconds.` : `the file ${file} did not download (${status ? 'HTTP ' + status : 'network error'}).`;
    /** @type {HTMLElement} */ (box.querySelector('[data-zh]')).textContent = zh;
    /** @type {HTMLElement} */ (box.querySelector('[data-en]')).textContent = en;
    box.hidden = false;
  };
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => show(true), limit);
  };
  const observer = typeof PerformanceObserver === 'function' ? new PerformanceObserver(arm) : null;
  observer?.observe({ type: 'resource' });
  arm();
  script?.addEventListener('error', () => show(false));
  document.getElementById('load-retry')?.addEventListener('click', () => window.location.reload());
  customElements.whenDefined('mpcheck-app').then(() => {
    clearTimeout(timer);
    observer?.disconnect();
    box.hidden = true;
  });
}

document.addEventListener('mpcheck:change', (e) => {
  const lang = e.detail && e.detail.lang === 'en' ? 'en' : 'zh-CN';
  const t = TITLES[lang];
  document.documentElement.lang = lang;
  document.title = t.doc;
  const title = document.getElementById('host-title');
  const subtitle = document.getElementById('host-subtitle');
  if (title) title.textContent = t.title;
  if (subtitle) subtitle.textContent = t.subtitle;
});
