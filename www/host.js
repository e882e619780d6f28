// The host page's own small script: says plainly when WebAssembly is missing, and keeps the
// page's language and title in step with the checker's language switch.
const TITLES = {
  'zh-CN': { title: '小程序资质自查', subtitle: '许可证、备案、平台类目资质，一次查清', doc: '小程序资质自查 · mpcheck' },
  en: { title: 'Mini-program licence checker', subtitle: 'Licences, filings and platform category documents, in one place', doc: 'Mini-program licence checker · mpcheck' },
};

if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
  const msg = document.getElementById('no-wasm');
  if (msg) msg.hidden = false;
  for (const el of document.querySelectorAll('mpcheck-app')) el.hidden = true;
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
