// The benchmark's static server: tests/server.mjs serving dist/ on a free port, for the page-load
// (bench/run.mjs, part f) and walk-weight (bench/walk.mjs, part g) figures.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import os from 'node:os';

/**
 * Start the server and wait for its URL; `stop()` ends it and removes its temporary folder.
 * @param {string} root the repository
 * @returns {Promise<{url: string, stop: () => void}>}
 */
export async function serveDist(root) {
  const urlFile = join(mkdtempSync(join(os.tmpdir(), 'mpcheck-bench-')), 'url');
  const server = spawn('node', [join(root, 'tests', 'server.mjs'), '--root', join(root, 'dist'), '--port', '0', '--url-file', urlFile], { stdio: 'ignore' });
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
