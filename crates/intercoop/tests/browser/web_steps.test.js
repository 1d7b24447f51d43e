// The steps that needed the API, done as a person does on a phone: a facilitator creates
// a poll and opens it; a representative grades the options, each radio beside its own
// words, and sees the ballot recorded for their cooperative.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, stopServer, cli, launch, logIn, shots } from './helpers.js';

/**
 * Every radio and check box of the page sits beside its own words: narrow, inside its
 * label, on the same line as the text, which starts just after it (not 250 px away, not
 * between two labels).
 */
async function choicesBesideWords(page, where) {
  const boxes = await page.evaluate(() => [...document.querySelectorAll('label.choice, .field.checkbox')].map((label) => {
    const input = label.querySelector('input');
    const box = input.getBoundingClientRect();
    // The words: the label's own text after the input, or the <label for> beside it.
    const words = label.tagName === 'LABEL' ? label : label.querySelector('label');
    const range = document.createRange();
    const texts = [...words.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    range.selectNodeContents(texts[0] || words);
    const text = range.getBoundingClientRect();
    return {
      words: (texts[0] || words).textContent.trim(),
      inputWidth: box.width,
      gap: text.left - box.right,
      inputMiddle: box.top + box.height / 2,
      textTop: text.top,
      textBottom: text.bottom,
    };
  }));
  assert.ok(boxes.length > 0, `${where}: no choice found`);
  for (const b of boxes) {
    assert.ok(b.inputWidth <= 32, `${where}: the box of “${b.words}” is ${b.inputWidth}px wide`);
    assert.ok(b.gap >= 0 && b.gap <= 24, `${where}: “${b.words}” starts ${b.gap}px after its box`);
    assert.ok(b.inputMiddle >= b.textTop - 4 && b.inputMiddle <= b.textBottom + 4,
      `${where}: the box of “${b.words}” is not on the line of its words`);
  }
}

/** A date and time two days ahead, as a datetime-local field takes it. */
function inTwoDays() {
  const d = new Date(Date.now() + 2 * 24 * 3600 * 1000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T18:00`;
}

test('a facilitator creates and opens a poll on a phone; a representative votes and sees what was recorded', async () => {
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
    const cagette = await api('POST', '/api/v1/organisations', { name: 'La Cagette', kind: 'user', size: 900 });
    await api('POST', '/api/v1/organisations', { name: 'La Ruche Coop', kind: 'user', size: 2400 });
    await api('POST', '/api/v1/people', { email: 'sofia@cagette.example', name: 'Sofia', organisation_id: cagette.id, representative: true, language: 'fr' });

    // The facilitator, on a phone 360 px wide.
    await page.setViewportSize({ width: 360, height: 740 });
    await logIn(page, server, 'admin@test.example');
    await page.goto(server.base + '/polls');
    await page.getByRole('link', { name: 'New poll' }).click();
    await page.getByRole('heading', { level: 1, name: 'New poll' }).waitFor();
    await choicesBesideWords(page, 'the new poll form at 360 px');
    await page.getByLabel('Question', { exact: true }).fill('Which module serves us best?');
    await page.getByRole('radio', { name: 'Majority judgment' }).check();
    await page.getByLabel('Options', { exact: true }).fill('Shelf labels\nStock sync');
    await page.getByLabel('Closes at', { exact: true }).fill(inTwoDays());
    await page.screenshot({ path: join(shots, 'poll-new-phone.png'), fullPage: true });
    await page.getByRole('button', { name: 'Create the draft' }).click();
    await page.getByRole('heading', { level: 1, name: 'Which module serves us best?' }).waitFor();
    const pollUrl = page.url();
    // Opening says what it does, and is asked once.
    await page.getByText('Open the poll', { exact: true }).click();
    assert.match(await page.textContent('details.consequence'), /2 member organisations/);
    await page.getByRole('button', { name: 'Open the poll now' }).click();
    await page.locator('.tag', { hasText: 'Open' }).first().waitFor();

    // The representative, on her phone, in French.
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 360, height: 740 } });
    const phone = await context.newPage();
    await logIn(phone, server, 'sofia@cagette.example');
    await phone.goto(pollUrl);
    await phone.getByRole('heading', { name: 'Votre bulletin pour La Cagette' }).waitFor();
    await choicesBesideWords(phone, 'the ballot at 360 px');
    await phone.getByRole('group', { name: 'Shelf labels' }).getByRole('radio', { name: 'Bien', exact: true }).check();
    await phone.getByRole('group', { name: 'Stock sync' }).getByRole('radio', { name: 'Excellent' }).check();
    await phone.screenshot({ path: join(shots, 'poll-ballot-phone.png'), fullPage: true });
    await phone.getByRole('button', { name: 'Voter' }).click();
    await phone.getByRole('heading', { name: 'Votre bulletin est enregistré' }).waitFor();
    const counted = await phone.textContent('.counted');
    assert.ok(counted.includes('Shelf labels : Bien') && counted.includes('Stock sync : Excellent'), counted);
    // Back on the poll later: what is recorded for La Cagette.
    await phone.goto(pollUrl);
    await phone.getByRole('heading', { name: 'Enregistré pour La Cagette' }).waitFor();
    // The form to change the vote starts from it.
    assert.ok(await phone.getByRole('group', { name: 'Shelf labels' }).getByRole('radio', { name: 'Bien', exact: true }).isChecked());
    const recorded = await phone.textContent('.recorded-lines');
    assert.ok(recorded.includes('Shelf labels : Bien') && recorded.includes('Stock sync : Excellent'), recorded);
    await phone.screenshot({ path: join(shots, 'poll-recorded-phone.png'), fullPage: true });
    // On a desktop the radios stay beside their words too.
    await phone.setViewportSize({ width: 1280, height: 900 });
    await choicesBesideWords(phone, 'the ballot at 1280 px');
    await phone.screenshot({ path: join(shots, 'poll-recorded-desktop.png'), fullPage: true });
    await context.close();
  } finally {
    await browser.close();
    await stopServer(server);
  }
});
