// A person logs in through the link of the email the server sends, and sees the French
// dashboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, stopServer, cli, launch, logIn, shots } from './helpers.js';

test('the emailed magic link logs in and shows the French dashboard', async () => {
  const server = await startServer();
  const { browser, page } = await launch('fr-FR');
  try {
    // The first administrator of a fresh install (the CLI's own link is not used).
    cli(server, ['user', 'create', 'anne@test.example', '--name', 'Anne Dupont', '--admin']);
    // Logged out, a visitor is sent to the login page, in French.
    await page.goto(server.base + '/dashboard');
    assert.equal(new URL(page.url()).pathname, '/login');
    const link = await logIn(page, server, 'anne@test.example');
    assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/login\/link\/l_/);
    assert.equal(new URL(page.url()).pathname, '/dashboard');
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    await page.getByRole('heading', { level: 1, name: 'Bonjour Anne Dupont' }).waitFor();
    assert.ok(await page.getByRole('link', { name: 'Organisations' }).isVisible());
    await page.screenshot({ path: join(shots, 'dashboard-fr.png'), fullPage: true });
    // The link worked once: a second visit says it has expired, in French.
    const again = await page.goto(link);
    assert.equal(again.status(), 410);
    assert.ok((await page.textContent('h1')).includes('Ce lien a expiré'));
  } finally {
    await browser.close();
    await stopServer(server);
  }
});

test('the demo home page tells a visitor how to log in', async () => {
  const server = await startServer({ demo: true });
  const { browser, page } = await launch('en-GB');
  try {
    await page.goto(server.base + '/');
    assert.ok(await page.getByText('claire@coopcommons.example').isVisible());
    await page.screenshot({ path: join(shots, 'home-demo.png'), fullPage: true });
    await page.getByRole('link', { name: 'Log in' }).first().click();
    await page.fill('#email', 'claire@coopcommons.example');
    await page.getByText('Log in with a password instead').click();
    await page.fill('#password', 'demo-intercoop');
    await page.getByRole('button', { name: 'Log in with my password' }).click();
    // Claire's profile says French: it wins over the browser's English.
    await page.getByRole('heading', { level: 1, name: /Bonjour Claire/ }).waitFor();
    await page.screenshot({ path: join(shots, 'dashboard-demo.png'), fullPage: true });
    await page.goto(server.base + '/organisations');
    assert.ok(await page.getByRole('link', { name: 'La Ruche Coop' }).isVisible());
    await page.screenshot({ path: join(shots, 'organisations.png'), fullPage: true });
  } finally {
    await browser.close();
    await stopServer(server);
  }
});
