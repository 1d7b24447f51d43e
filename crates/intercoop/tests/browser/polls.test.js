// A representative votes on a phone, without JavaScript-only widgets, and reads a result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, stopServer, launch, shots } from './helpers.js';

test('a representative votes on a phone and reads the explained result', async () => {
  const server = await startServer({ demo: true });
  const { browser, page } = await launch('fr-FR');
  try {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(server.base + '/login');
    await page.fill('#email', 'sofia@cagette.example');
    await page.getByText('Me connecter plutôt avec un mot de passe').click();
    await page.fill('#password', 'demo-intercoop');
    await page.getByRole('button', { name: 'Me connecter avec mon mot de passe' }).click();
    await page.getByRole('heading', { level: 1, name: /Bonjour Sofia/ }).waitFor();

    // The decision poll: yes / no / abstain as radio buttons.
    await page.goto(server.base + '/polls');
    await page.getByRole('link', { name: 'Adopt the shared roadmap for the Odoo 17 migration' }).click();
    await page.getByRole('radio', { name: 'Oui' }).check();
    await page.getByRole('button', { name: /^(Voter|Changer mon vote)$/ }).click();
    await page.getByRole('heading', { name: 'Votre bulletin est enregistré' }).waitFor();
    assert.match(await page.textContent('#receipt'), /^r-/);
    await page.screenshot({ path: join(shots, 'poll-voted.png'), fullPage: true });

    // Majority judgment: grades in French, one row of radios per option.
    await page.goto(server.base + '/polls');
    await page.getByRole('link', { name: 'How well do these modules serve our members?' }).click();
    assert.equal(await page.getByRole('radio', { name: 'Très bien' }).count(), 3);
    await page.getByRole('radio', { name: 'Excellent' }).first().check();
    await page.getByRole('button', { name: /^(Voter|Changer mon vote)$/ }).click();
    await page.getByRole('heading', { name: 'Votre bulletin est enregistré' }).waitFor();

    // The closed priority poll: its result with the Schulze matrices.
    await page.goto(server.base + '/polls');
    await page.getByRole('link', { name: 'What should we develop first? (priority ranking)' }).click();
    await page.getByRole('link', { name: 'Voir le résultat' }).click();
    await page.getByRole('heading', { name: /Chemins les plus forts/ }).waitFor();
    await page.screenshot({ path: join(shots, 'poll-result.png'), fullPage: true });
  } finally {
    await browser.close();
    await stopServer(server);
  }
});
