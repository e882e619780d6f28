// A small static file server for dist/ (and for tests), on loopback only.
//
//   node tests/server.mjs [--root dist] [--host 127.0.0.1] [--port 8080] [--prefix /sub/] [--url-file f]
//
// --port 0 picks any free port; a taken port moves on to the next free one (up to 100 further).
// --prefix serves the site under a sub-path only (as on a static host's sub-folder).
// --url-file writes the base URL to a file once listening (for scripts).
// It sets only Content-Type, Content-Length and Cache-Control (plus Content-Encoding: gzip for text
// and wasm when the client accepts it, as ordinary static hosts do): no COOP/COEP or other special
// headers, because dist/ must work on any static host.
//
// As a module: `const { url, close } = await startServer({ root, port: 0, prefix: '/x/' })`.
//
// Fault injection (for the e2e tests of network faults): a path that starts with
// `/__fault/<spec>/` serves the site below it as usual (pages and modules resolve their files
// relative to themselves, so every file the page asks for goes through it), except the file the
// spec names, which gets the fault. The spec is a query string (faultPath() writes one):
//   file=pkg/mpcheck_bg.wasm  the file (path in the site, as a suffix of the request's path)
//   kind=404|500              that status
//   kind=stall                headers and the first 1,024 bytes, then nothing (the connection stays open)
//   kind=hang                 no answer at all
//   kind=cut                  headers with the full length, half the body, then the connection is cut
//   kind=slow                 the whole body in 12 pieces, one every `ms` (default 500) ms
//   kind=shape                a JSON file's `version` with every other field replaced by "?"
//   kind=version              a JSON file as it is but for its `version` ("0.0.0-other")
//   times=n                   only the first n requests for the file (default: all)
//   id=…                      the fault's name: `/__fault-off/<id>` ends it (the network is back, so
//                             Try again works: a preload may have asked for the file already)
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.tgz': 'application/gzip',
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

function send(res, status, text, head) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(head ? undefined : text);
}

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|wasm)|image\/svg)/;
const gzipCache = new Map();

/** The file gzipped (level 9), cached until it changes. */
function gzipped(file, stat) {
  const key = `${file}:${stat.mtimeMs}:${stat.size}`;
  let body = gzipCache.get(key);
  if (!body) {
    body = gzipSync(readFileSync(file), { level: 9 });
    gzipCache.set(key, body);
  }
  return body;
}

/**
 * The path below `/__fault/<spec>/` for a fault on one file (see the header).
 * @param {{file: string, kind: string, times?: number, ms?: number, id?: string}} spec
 */
export function faultPath(spec) {
  const q = new URLSearchParams(Object.entries(spec).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  return `__fault/${encodeURIComponent(q.toString())}/`;
}

/** How many requests each fault spec has served its fault to (for `times`). */
const faultCounts = new Map();
/** The ids of faults ended by `/__fault-off/<id>`. */
const faultsOff = new Set();

/**
 * The fault of this request, if its path is under `/__fault/<spec>/` and names the spec's file:
 * returns the path without the prefix, and the fault (or null when this file is served as usual).
 * @param {string} rawPath the request's path, not decoded
 */
function faultOf(rawPath, prefix) {
  const m = new RegExp('^' + prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '__fault/([^/]*)/').exec(rawPath);
  if (!m) return { path: rawPath, fault: null };
  const path = prefix + rawPath.slice(m[0].length);
  const spec = new URLSearchParams(decodeURIComponent(m[1]));
  const file = spec.get('file') || '';
  if (faultsOff.has(spec.get('id'))) return { path, fault: null };
  if (!file || !decodeURIComponent(path.split('?')[0]).endsWith('/' + file)) return { path, fault: null };
  const key = createHash('sha1').update(m[1]).digest('hex');
  const served = faultCounts.get(key) || 0;
  const times = Number(spec.get('times') || Infinity);
  if (served >= times) return { path, fault: null };
  faultCounts.set(key, served + 1);
  return { path, fault: { kind: spec.get('kind') || '404', ms: Number(spec.get('ms') || 500) } };
}

/** Serves the file with the fault (no compression, so that bytes are what the fault says). */
function serveFault(res, file, type, fault) {
  const body = readFileSync(file);
  const { kind } = fault;
  if (!['404', '500', 'hang', 'shape', 'version', 'stall', 'cut', 'slow'].includes(kind)) return send(res, 400, `unknown fault ${kind}\n`);
  if (kind === '404' || kind === '500') return send(res, Number(kind), kind === '404' ? 'not found\n' : 'server error\n');
  if (kind === 'hang') return; // the connection is closed with the server
  if (kind === 'shape' || kind === 'version') {
    let out;
    try {
      const json = JSON.parse(body.toString('utf8'));
      out = kind === 'version' ? { ...json, version: '0.0.0-other' } : Object.fromEntries(Object.keys(json).map((k) => [k, k === 'version' ? json.version : '?']));
    } catch {
      out = { broken: true };
    }
    const text = JSON.stringify(out);
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
    return res.end(text);
  }
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': 'no-store' });
  if (kind === 'stall') return res.write(body.subarray(0, Math.min(1024, body.length >> 1)));
  if (kind === 'cut') {
    res.write(body.subarray(0, body.length >> 1));
    return setTimeout(() => res.socket?.destroy(), 50);
  }
  if (kind === 'slow') {
    const piece = Math.ceil(body.length / 12);
    let at = 0;
    const next = () => {
      if (res.destroyed) return;
      res.write(body.subarray(at, at + piece));
      at += piece;
      if (at >= body.length) res.end();
      else setTimeout(next, fault.ms);
    };
    return next();
  }
}

function handler(rootDir, prefix) {
  return (req, res) => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'method not allowed\n', head);
    }
    const off = /\/__fault-off\/([^/?]+)$/.exec(req.url);
    if (off) {
      faultsOff.add(decodeURIComponent(off[1]));
      return send(res, 200, 'fault ended\n', head);
    }
    let path;
    let fault;
    try {
      const found = faultOf(new URL(req.url, 'http://localhost').pathname, prefix);
      fault = found.fault;
      path = decodeURIComponent(found.path);
    } catch {
      return send(res, 400, 'bad request\n', head);
    }
    if (path.includes('\0')) return send(res, 400, 'bad request\n', head);
    if (prefix !== '/') {
      if (path === prefix.slice(0, -1)) {
        res.writeHead(301, { Location: prefix });
        return res.end();
      }
      if (!path.startsWith(prefix)) return send(res, 404, 'not found\n', head);
      path = '/' + path.slice(prefix.length);
    }
    let file = resolve(rootDir, '.' + path);
    if (file !== rootDir && !file.startsWith(rootDir + sep)) return send(res, 403, 'forbidden\n', head);
    let stat;
    try {
      stat = statSync(file);
      if (stat.isDirectory()) {
        if (!path.endsWith('/')) {
          const u = new URL(req.url, 'http://localhost');
          res.writeHead(301, { Location: u.pathname + '/' + u.search });
          return res.end();
        }
        file = join(file, 'index.html');
        stat = statSync(file);
      }
    } catch {
      return send(res, 404, 'not found\n', head);
    }
    if (!stat.isFile()) return send(res, 404, 'not found\n', head);
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (fault) return serveFault(res, file, type, fault);
    if (/\bgzip\b/.test(req.headers['accept-encoding'] || '') && COMPRESSIBLE.test(type)) {
      const body = gzipped(file, stat);
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': body.length,
        'Content-Encoding': 'gzip',
        Vary: 'Accept-Encoding',
        'Cache-Control': 'no-cache',
      });
      return res.end(head ? undefined : body);
    }
    res.writeHead(200, {
      'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': stat.size,
      'Cache-Control': 'no-cache',
    });
    if (head) return res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}

function listen(server, port, host) {
  return new Promise((ok, fail) => {
    const onError = (e) => {
      server.off('listening', onListening);
      fail(e);
    };
    const onListening = () => {
      server.off('error', onError);
      ok();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Serves `root` on loopback. Returns { url, port, server, close }.
 * A taken port moves on to the next one (up to `tries` ports); port 0 lets the system choose.
 */
export async function startServer({ root = 'dist', host = '127.0.0.1', port = 0, prefix = '/', tries = 100 } = {}) {
  if (!LOOPBACK.has(host)) throw new Error(`refusing to listen on ${host}: loopback only (127.0.0.1, localhost, ::1)`);
  const rootDir = resolve(root);
  if (!statSync(rootDir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`${rootDir} is not a folder`);
  if (!prefix.startsWith('/')) prefix = '/' + prefix;
  if (!prefix.endsWith('/')) prefix += '/';
  const server = createServer(handler(rootDir, prefix));
  server.keepAliveTimeout = 1000;
  let p = Number(port);
  for (let i = 0; ; i++) {
    try {
      await listen(server, p, host);
      break;
    } catch (e) {
      if (e.code !== 'EADDRINUSE' || p === 0 || i + 1 >= tries || p >= 65535) throw e;
      p += 1;
    }
  }
  const actual = server.address().port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${actual}${prefix}`;
  const close = () =>
    new Promise((ok) => {
      server.close(() => ok());
      server.closeAllConnections?.();
    });
  return { url, port: actual, server, close };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      root: { type: 'string', default: 'dist' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: process.env.PORT || '8080' },
      prefix: { type: 'string', default: '/' },
      'url-file': { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`bad port ${values.port}`);
    process.exit(2);
  }
  let started;
  try {
    started = await startServer({ root: values.root, host: values.host, port, prefix: values.prefix });
  } catch (e) {
    console.error(`server: ${e.message}`);
    process.exit(1);
  }
  if (values['url-file']) writeFileSync(values['url-file'], started.url + '\n');
  if (started.port !== port && port !== 0) console.log(`server: port ${port} is taken, using ${started.port}`);
  console.log(`Serving ${values.root}/ at ${started.url}  (Ctrl+C to stop)`);
  const stop = async () => {
    await started.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
