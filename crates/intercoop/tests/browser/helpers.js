// Shared helpers of the browser tests: start a real intercoop on a free port with a
// fresh data folder, and launch Debian's Chromium through playwright-core.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '../../../..');
export const binary = process.env.INTERCOOP_BIN || join(root, 'target/debug/intercoop');
export const shots = join(root, 'target/browser');
mkdirSync(shots, { recursive: true });

function freePort() {
  return new Promise((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

/** Runs an intercoop subcommand against the server's data folder; returns stdout. */
export function cli(server, args) {
  return execFileSync(binary, [...args, '--data-dir', server.dataDir], {
    env: { ...process.env, INTERCOOP_BASE_URL: server.base },
    encoding: 'utf8',
  }).trim();
}

/** Starts `intercoop serve` (or `demo` when asked) and waits until /readyz answers. */
export async function startServer({ demo = false } = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'intercoop-browser-'));
  const base = `http://127.0.0.1:${port}`;
  const args = [demo ? 'demo' : 'serve', '--bind', `127.0.0.1:${port}`, '--data-dir', dataDir, '--base-url', base];
  const proc = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, INTERCOOP_WORKER_INTERVAL_MS: '50' } });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  const server = { proc, base, dataDir, log: () => log };
  for (let i = 0; i < 600; i++) {
    try {
      const r = await fetch(`${base}/readyz`);
      if (r.ok) return server;
    } catch { /* not yet listening */ }
    if (proc.exitCode !== null) throw new Error(`intercoop exited:\n${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`intercoop did not become ready:\n${log}`);
}

export async function stopServer(server) {
  server.proc.kill('SIGTERM');
  await new Promise((r) => server.proc.once('exit', r));
}

/** Debian's Chromium, with the flags that work on these machines. */
export async function launch(locale = 'fr-FR') {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
  return { browser, page: await context.newPage() };
}
