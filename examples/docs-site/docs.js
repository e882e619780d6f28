// The example docs site's own script (a file, not inline: the page's CSP allows no inline script).
// It shows what a host page can do with the checker's events: they bubble out of the shadow root.
const MAX = 8;

function log(text) {
  const list = document.getElementById('event-log');
  if (!list) return;
  const li = document.createElement('li');
  li.textContent = text;
  list.prepend(li);
  while (list.children.length > MAX) list.lastElementChild.remove();
}

document.addEventListener('mpcheck:change', (e) => {
  const id = e.target && e.target.id ? '#' + e.target.id : 'mpcheck-app';
  const answers = Object.keys(e.detail.answers || {}).length;
  log(`${id} mpcheck:change — ${answers} answer(s), lang ${e.detail.lang}`);
});

document.addEventListener('mpcheck:result', (e) => {
  const id = e.target && e.target.id ? '#' + e.target.id : 'mpcheck-app';
  const required = (e.detail.report?.requirements || []).filter((r) => r.status === 'required').length;
  log(`${id} mpcheck:result — ${required} required`);
});
