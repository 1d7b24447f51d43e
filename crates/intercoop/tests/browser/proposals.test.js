// A representative opens the co-funding from the email, sees its would-be share,
// joins, and sees its new share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { startServer, stopServer, cli, launch, shots } from './helpers.js';

/** The plain-text body of an .eml file (quoted-printable or base64 decoded). */
function plainText(eml) {
  const parts = eml.split(/\r?\n--[^\r\n]+\r?\n/);
  const part = parts.find((p) => /Content-Type: text\/plain/i.test(p)) || eml;
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

async function mailTo(server, address, subjectPart) {
  for (let i = 0; i < 200; i++) {
    let files = [];
    try { files = readdirSync(join(server.dataDir, 'outbox')).filter((f) => f.endsWith('.eml')); } catch { /* not yet */ }
    for (const f of files) {
      const eml = readFileSync(join(server.dataDir, 'outbox', f), 'utf8');
      if (eml.includes(address) && eml.includes(subjectPart)) return plainText(eml);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no mail to ${address} about ${subjectPart}`);
}

test('a representative joins a co-funding from the email link', async () => {
  const server = await startServer();
  const { browser, page } = await launch('en-GB');
  try {
    cli(server, ['user', 'create', 'admin@test.example', '--name', 'Ada Admin', '--admin']);
    const token = cli(server, ['token', 'create', 'admin@test.example']);
    const api = async (method, path, body) => {
      const r = await fetch(server.base + path, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      });
      const json = await r.json();
      assert.ok(r.ok, `${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
      return json;
    };
    const ruche = await api('POST', '/api/v1/organisations', { name: 'La Ruche Coop', kind: 'user', size: 2400 });
    const cagette = await api('POST', '/api/v1/organisations', { name: 'La Cagette', kind: 'user', size: 900 });
    await api('POST', '/api/v1/people', { email: 'sofia@cagette.example', name: 'Sofia', organisation_id: cagette.id, representative: true, language: 'en' });
    const p = await api('POST', '/api/v1/proposals', { title: 'Print shelf labels from Odoo', description: 'Labels with the **price per kilo**.', requested_by: ruche.id });
    await api('POST', `/api/v1/proposals/${p.id}/campaign`, { amount_cents: 120000, key: { kind: 'equal' } });
    await api('POST', `/api/v1/proposals/${p.id}/pledges`, { organisation_id: ruche.id });

    const mail = await mailTo(server, 'sofia@cagette.example', 'Co-funding open');
    const link = mail.match(/http:\/\/127\.0\.0\.1:\d+\/proposals\/\d+/)[0];
    assert.ok(link.endsWith(`/proposals/${p.id}`));

    const login = cli(server, ['user', 'create', 'sofia@cagette.example', '--name', 'Sofia']);
    await page.goto(login);
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Print shelf labels from Odoo' }).waitFor();
    assert.equal(await page.textContent('.would-be'), '€600.00');
    assert.ok((await page.textContent('.join')).includes('La Ruche Coop: €1,200.00 → €600.00'));
    await page.screenshot({ path: join(shots, 'proposal-join.png'), fullPage: true });
    await page.getByRole('button', { name: 'Join the co-funding' }).click();
    await page.locator('.your-share').waitFor();
    assert.equal(await page.textContent('.your-share'), '€600.00');
    assert.ok((await page.textContent('#campaign')).includes('€1,200.00 / €1,200.00'));
    assert.equal(await page.locator('.would-be').count(), 0);
    await page.screenshot({ path: join(shots, 'proposal-joined.png'), fullPage: true });
  } finally {
    await browser.close();
    await stopServer(server);
  }
});
