// A person secures their account on a phone with JavaScript turned off: a password set,
// then changed (the current one asked, an email telling them), an API token made,
// shown once, and revoked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, stopServer, cli, launch, logIn, mailTo, shots } from './helpers.js';

/** Whether the page fits the phone's width (nothing to scroll sideways). */
async function fitsWidth(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

test('on a phone without JavaScript, a person changes their password and manages API tokens', async () => {
  const server = await startServer();
  const { browser, page } = await launch('en-GB', { javaScript: false });
  try {
    cli(server, ['user', 'create', 'pat@test.example', '--name', 'Pat Word', '--admin']);
    await logIn(page, server, 'pat@test.example');
    await page.getByRole('heading', { level: 1, name: /Pat Word/ }).waitFor();

    // A first password: nothing to confirm it with yet.
    await page.goto(server.base + '/profile');
    assert.equal(await page.getByLabel('Current password').count(), 0);
    await page.getByLabel('New password').fill('a first long secret');
    await page.getByLabel('Repeat the password').fill('a first long secret');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Your profile is saved.').waitFor();

    // Changing it asks for the current one; a wrong one is refused beside its field.
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password').fill('a second long secret');
    await page.getByLabel('Repeat the password').fill('a second long secret');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#current-error').waitFor();
    assert.ok(await fitsWidth(page), 'the profile with an error fits a phone');
    await page.screenshot({ path: join(shots, 'profile-current-password.png'), fullPage: true });
    await page.getByLabel('Current password').fill('a first long secret');
    await page.getByLabel('New password').fill('a second long secret');
    await page.getByLabel('Repeat the password').fill('a second long secret');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Your profile is saved.').waitFor();
    const told = await mailTo(server, 'pat@test.example', (m) => m.subject.startsWith('Your password was changed'),
      'the "your password changed" email');
    assert.match(told.text, /\/password\/forgot/);

    // An API token: made, shown once, listed, revoked.
    await page.getByRole('link', { name: 'My API tokens' }).click();
    await page.getByText('You have no API tokens in this network.').waitFor();
    await page.getByLabel('Name').fill('Accounting export');
    await page.getByRole('button', { name: 'Make a token' }).click();
    const secret = (await page.textContent('#new-token')).trim();
    assert.match(secret, /^ic_/);
    await page.screenshot({ path: join(shots, 'tokens.png'), fullPage: true });
    assert.ok(await fitsWidth(page), 'the tokens page fits a phone');
    const api = () => fetch(server.base + '/api/v1/me/notifications', { headers: { authorization: `Bearer ${secret}` } });
    assert.equal((await api()).status, 200);
    await page.goto(server.base + '/profile/tokens');
    assert.equal(await page.locator('#new-token').count(), 0, 'the secret is shown once');
    await page.getByRole('button', { name: 'Revoke: Accounting export' }).click();
    await page.getByText('The token was revoked').waitFor();
    assert.equal((await api()).status, 401);
    assert.ok(await fitsWidth(page));
  } finally {
    await browser.close();
    await stopServer(server);
  }
});
