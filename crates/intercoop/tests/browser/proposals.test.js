// A representative opens the co-funding from the email, sees its would-be share,
// joins, and sees its new share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, stopServer, cli, launch, logIn, mailTo, shots } from './helpers.js';

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

    const mail = await mailTo(server, 'sofia@cagette.example', (m) => m.subject.startsWith('Co-funding open'), 'Co-funding open');
    const link = mail.text.match(/http:\/\/127\.0\.0\.1:\d+\/proposals\/\d+/)[0];
    assert.ok(link.endsWith(`/proposals/${p.id}`));

    // The link asks Sofia to log in; the link she is then emailed brings her back.
    await page.goto(link);
    assert.equal(new URL(page.url()).pathname, '/login');
    await logIn(page, server, 'sofia@cagette.example');
    assert.equal(page.url(), link);
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
