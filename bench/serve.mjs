// The benchmark's static server: tests/server.mjs serving dist/ (or another folder) on a free port,
// for the page-load (bench/run.mjs, part f), walk-weight (bench/walk.mjs, part g) and in-browser
// (bench/browser.mjs) figures.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import os from 'node:os';

/**
 * Start the server and wait for its URL; `stop()` ends it and removes its temporary folder.
 * @param {string} root the repository
 * @param {string} [dir] the folder to serve (dist/)
 * @returns {Promise<{url: string, stop: () => void}>}
 */
export async function serveDist(root, dir = join(root, 'dist')) {
  const urlFile = join(mkdtempSync(join(os.tmpdir(), 'mpcheck-bench-')), 'url');
  const server = spawn('node', [join(root, 'tests', 'server.mjs'), '--root', dir, '--port', '0', '--url-file', urlFile], { stdio: 'ignore' });
  const stop = () => {
    server.kill();
    rmSync(dirname(urlFile), { recursive: true, force: true });
  };
  let url = '';
  for (let i = 0; i < 100 && !url; i++) {
    await new Promise((r) => setTimeout(r, 100));
    if (existsSync(urlFile)) url = readFileSync(urlFile, 'utf8').split('\n')[0].trim();
  }
  if (!url) {
    stop();
    throw new Error('the static server did not start');
  }
  return { url, stop };
}
