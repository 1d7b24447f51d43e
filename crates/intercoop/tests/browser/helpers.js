// Shared helpers of the browser tests: start a real intercoop on a free port with a
// fresh data folder, its email delivered to a real SMTP server on loopback (Python's
// aiosmtpd, as tests/smtp.rs), launch Debian's Chromium through playwright-core, and log
// in as a visitor does: the login page, then the link in the email that arrives.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createServer, createConnection } from 'node:net';
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

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The route table (`intercoop routes`): `{ method, path, access }` for every route. */
export function routeTable() {
  return execFileSync(binary, ['routes'], { encoding: 'utf8' }).trim().split('\n').map((line) => {
    const [method, path, access] = line.split(' ');
    return { method, path, access };
  });
}

/**
 * Runs an intercoop subcommand against the server's data folder; returns stdout. For
 * setting up (the first administrator, an API token), never to log in: `logIn` does
 * that as a visitor, from the email.
 */
export function cli(server, args) {
  return execFileSync(binary, [...args, '--data-dir', server.dataDir], {
    env: { ...process.env, INTERCOOP_BASE_URL: server.base },
    encoding: 'utf8',
  }).trim();
}

function hasAiosmtpd() {
  try {
    execFileSync('python3', ['-c', 'import aiosmtpd'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * A real SMTP server on loopback that keeps what it receives in a Maildir, or null when
 * aiosmtpd is not installed outside CI (then intercoop writes .eml files instead, the
 * same messages through its file transport). In CI it is required, as for tests/smtp.rs.
 */
async function startSmtp() {
  if (!hasAiosmtpd()) {
    if (process.env.CI) throw new Error('aiosmtpd is required in CI (pip install aiosmtpd)');
    console.warn('aiosmtpd not installed: the email is read from the .eml files of the outbox');
    return null;
  }
  const port = await freePort();
  const maildir = join(mkdtempSync(join(tmpdir(), 'intercoop-mail-')), 'mail');
  const proc = spawn('python3', ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`, '-c', 'aiosmtpd.handlers.Mailbox', maildir],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  proc.stderr.on('data', (d) => { log += d; });
  for (let i = 0; i < 400; i++) {
    const up = await new Promise((ok) => {
      const c = createConnection({ host: '127.0.0.1', port }, () => { c.end(); ok(true); });
      c.on('error', () => ok(false));
    });
    if (up) return { proc, port, maildir };
    if (proc.exitCode !== null) throw new Error(`aiosmtpd exited:\n${log}`);
    await sleep(25);
  }
  proc.kill('SIGTERM');
  throw new Error(`aiosmtpd did not start:\n${log}`);
}

async function stopProcess(proc) {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await exited;
}

/**
 * Starts `intercoop serve` (or `demo` when asked) and waits until /readyz answers. With
 * `seed`, the data folder is first filled by `intercoop seed --scale <seed>` (two years of
 * a realistic network: proposals in every state, co-fundings with pledges, polls of every
 * method, half closed, failed jobs, the audit log); `server.seededAdmin` is its
 * administrator's address.
 */
export async function startServer({ demo = false, seed = 0 } = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'intercoop-browser-'));
  const base = `http://127.0.0.1:${port}`;
  let seededAdmin = null;
  if (seed) {
    const out = execFileSync(binary, ['seed', '--scale', String(seed), '--data-dir', dataDir],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    seededAdmin = out.match(/administrator (\S+@\S+)/)?.[1];
    if (!seededAdmin) throw new Error(`intercoop seed printed no administrator:\n${out}`);
  }
  const smtp = await startSmtp();
  const args = [demo ? 'demo' : 'serve', '--bind', `127.0.0.1:${port}`, '--data-dir', dataDir, '--base-url', base];
  if (smtp) args.push('--smtp-url', `smtp://127.0.0.1:${smtp.port}`);
  const proc = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, INTERCOOP_WORKER_INTERVAL_MS: '50' } });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  const server = { proc, smtp, base, dataDir, seededAdmin, log: () => log, followed: new Set() };
  for (let i = 0; i < 600; i++) {
    try {
      const r = await fetch(`${base}/readyz`);
      if (r.ok) return server;
    } catch { /* not yet listening */ }
    if (proc.exitCode !== null) {
      if (smtp) await stopProcess(smtp.proc);
      throw new Error(`intercoop exited:\n${log}`);
    }
    await sleep(50);
  }
  await stopServer(server);
  throw new Error(`intercoop did not become ready:\n${log}`);
}

export async function stopServer(server) {
  await stopProcess(server.proc);
  if (server.smtp) {
    await stopProcess(server.smtp.proc);
    rmSync(dirname(server.smtp.maildir), { recursive: true, force: true });
  }
}

/** Decodes RFC 2047 encoded words (`=?utf-8?b?…?=`), as a mail client shows a subject. */
function decodeWords(value) {
  const word = /=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g;
  // The white space between two encoded words is not part of the text.
  const joined = value.replace(/(\?=)\s+(?==\?)/g, '$1');
  return joined.replace(/(?:=\?[^?]+\?[bBqQ]\?[^?]*\?=)+/g, (run) => Buffer.concat([...run.matchAll(word)].map(([, , kind, data]) => (
    kind.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1')
  ))).toString('utf8'));
}

/** The plain-text body of a message (quoted-printable or base64 decoded). */
function plainText(raw) {
  // Split at the MIME boundaries the headers declare, never at a line that only looks
  // like one (the signature's delimiter, `-- `, is `--=20` in quoted-printable).
  const boundaries = [...raw.matchAll(/boundary="?([^";\r\n]+)"?/gi)].map((m) => m[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = boundaries.length
    ? raw.split(new RegExp(`\\r?\\n--(?:${boundaries.join('|')})(?:--)?\\r?\\n`))
    : [raw];
  const part = parts.find((p) => /Content-Type: text\/plain/i.test(p)) || raw;
  const [head, ...rest] = part.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/Content-Transfer-Encoding: base64/i.test(head)) {
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** A received message as a mail client lists it: recipient, subject, id and text. */
function parseMail(raw) {
  const [head] = raw.split(/\r?\n\r?\n/);
  const headers = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] ??= line.slice(i + 1).trim();
  }
  return {
    to: (headers.to || '').toLowerCase(),
    subject: decodeWords(headers.subject || ''),
    messageId: headers['message-id'] || '',
    text: plainText(raw),
  };
}

/** Every message the server sent so far, as received (to, subject, messageId, text). */
export function received(server) {
  const files = [];
  const dirs = server.smtp
    ? [join(server.smtp.maildir, 'new'), join(server.smtp.maildir, 'cur')]
    : [join(server.dataDir, 'outbox')];
  for (const dir of dirs) {
    let names = [];
    try { names = readdirSync(dir); } catch { /* nothing received yet */ }
    // Maildir files are moved into place whole; the file transport renames a finished
    // `.tmp` file to its `.eml` name.
    for (const name of names) {
      if (!name.startsWith('.') && (server.smtp || name.endsWith('.eml'))) files.push(join(dir, name));
    }
  }
  return files.map((f) => parseMail(readFileSync(f, 'utf8')));
}

/** Waits for a message to `address` that `wanted` accepts; returns it. */
export async function mailTo(server, address, wanted, what = 'the expected email') {
  for (let i = 0; i < 200; i++) {
    const found = received(server).find((m) => m.to.includes(address.toLowerCase()) && wanted(m));
    if (found) return found;
    await sleep(50);
  }
  throw new Error(`no mail to ${address}: ${what}\n${server.log()}`);
}

/** The subjects of the login email in every language ("Your login link for …"). */
const loginSubjects = readdirSync(join(root, 'crates/intercoop/locales')).flatMap((lang) => {
  const ftl = readFileSync(join(root, 'crates/intercoop/locales', lang, 'main.ftl'), 'utf8');
  const m = ftl.match(/^mail-login-subject = (.*?)\{/m);
  return m ? [m[1]] : [];
});

/**
 * Logs in as a visitor does: on the login page (logged out; the one the browser is on,
 * or else /login), types the email address, asks for a link, opens the login email that
 * arrives, follows its link and presses its button. Returns the link (it works once).
 */
export async function logIn(page, server, email) {
  if (!page.url().startsWith(server.base + '/login')) await page.goto(server.base + '/login');
  await page.fill('#email', email);
  await page.locator('button[name="method"][value="link"]').click();
  await page.locator('[role="status"]').waitFor();
  const mail = await mailTo(server, email,
    (m) => !server.followed.has(m.messageId) && loginSubjects.some((s) => m.subject.startsWith(s)),
    'a login link');
  server.followed.add(mail.messageId);
  const link = mail.text.match(/https?:\/\/\S+\/login\/link\/\S+/)?.[0];
  if (!link?.startsWith(server.base + '/login/link/')) {
    throw new Error(`the login email to ${email} has no login link to ${server.base}:\n${mail.text}`);
  }
  // Opening the link uses nothing (mail scanners open links too): its button does.
  await page.goto(link);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/login/link/')),
    page.locator('form[action^="/login/link/"] button[type="submit"]').click(),
  ]);
  return link;
}

/** Debian's Chromium, with the flags that work on these machines, as a phone (390 px);
 * `javaScript: false` turns the page's scripts off, as some visitors do. */
export async function launch(locale = 'fr-FR', { javaScript = true } = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 }, javaScriptEnabled: javaScript });
  return { browser, page: await context.newPage() };
}
