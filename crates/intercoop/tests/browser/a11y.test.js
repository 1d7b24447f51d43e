// Every page of intercoop, as a visitor, a member representative, a provider's staff and
// an administrator see it on a realistic network (`intercoop seed`: two years of
// proposals, co-fundings with pledges, polls of every method with results, failed jobs,
// the audit log), on a phone (360 px) and a desktop (1280 px): axe-core finds no
// violation, and no page is wider than the phone. The pages come from the route table
// (`intercoop routes`): a page route that no visit reaches fails the test, so a new page
// cannot be left out silently. Forms are also checked as they come back with errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, stopServer, cli, launch, logIn, received, routeTable, shots } from './helpers.js';

// Evaluated through the DevTools protocol, which the pages' Content-Security-Policy does
// not govern: the pages are checked as visitors get them, policy included.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** GET routes that are not pages a person reads, and why. */
const NOT_PAGES = new Map([
  ['/healthz', 'a health check for load balancers'],
  ['/readyz', 'a readiness check for load balancers'],
  ['/calendar/{token}', 'a calendar feed (text/calendar) read by calendar apps'],
  ['/money/requests/{id}/qr.svg', 'the image of a QR code, shown inside the request page'],
  ['/money/requests/{id}/pdf', 'a PDF to print or send'],
  ['/docs/booklet.pdf', 'a PDF to print or send'],
  ['/money/journal.csv', 'a CSV export'],
  ['/organisations/{id}/statement.csv', 'a CSV export'],
  ['/lists/{id}/files/{file_id}', "a list message's attachment, downloaded"],
  ['/meetings/{id}/documents/{document_id}', "a meeting's file, downloaded"],
  ['/n/{slug}/logbook.atom', 'an Atom feed read by feed readers'],
  ['/logbook/feed/{token}', "a person's private Atom feed, read by feed readers"],
  ['/logbook/feed/{token}/images/{image_id}', "an image of a members' article, loaded by a feed reader from the private feed"],
  ['/logbook/images/{image_id}', "a logbook article's image, shown inside the article"],
]);
const isPageRoute = (r) => r.method === 'GET' && !r.path.startsWith('/api/') && !r.path.startsWith('/static/')
  && !NOT_PAGES.has(r.path);

/** The page route a path belongs to: the matching pattern with the fewest parameters. */
function routeOf(routes, path) {
  const matching = routes.filter((r) => new RegExp(`^${r.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path));
  matching.sort((a, b) => (a.path.match(/\{/g) || []).length - (b.path.match(/\{/g) || []).length);
  return matching[0]?.path;
}

/** A small client of the API with a bearer token; fails on an unexpected answer. */
function apiOf(server, token) {
  return async (method, path, body, expected) => {
    const r = await fetch(server.base + path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await r.json();
    if (expected === 'any') return json;
    assert.ok(expected ? r.status === expected : r.ok, `${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  };
}

async function firstItem(api, path, wanted = () => true) {
  const list = await api('GET', path);
  const found = list.items.find(wanted);
  assert.ok(found, `nothing fits in ${path}`);
  return found;
}

/** Waits for a message whose text has a link matching `pattern`; returns the link. */
async function linkInMail(server, pattern, what) {
  for (let i = 0; i < 300; i++) {
    for (const m of received(server)) {
      const link = m.text.match(pattern)?.[0];
      if (link) return link;
    }
    await sleep(50);
  }
  throw new Error(`no email with ${what} in ${received(server).length}:\n${received(server).map((m) => `${m.subject}\n${m.text}`).slice(-2).join('\n---\n')}`);
}

function inDays(days) {
  return new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();
}

/** Sets up what the seed does not hold; returns the pages each person visits. */
async function prepare(server) {
  const adminEmail = server.seededAdmin;
  const adminToken = cli(server, ['token', 'create', adminEmail]);
  const admin = apiOf(server, adminToken);
  const people = (await admin('GET', '/api/v1/people?per_page=100')).items;
  const provider = people.find((p) => !p.is_admin && !p.is_core_circle
    && p.organisations.some((o) => o.organisation_kind === 'provider'));
  const providerOrg = provider.organisations.find((o) => o.organisation_kind === 'provider').organisation_id;

  // A poll open now, with proxies, that a representative votes in (a receipt) and may
  // hand over (the mandate page); a secret one; opening them emails the representatives.
  const open = await admin('POST', '/api/v1/polls', {
    title: 'Quel module en premier ?', method: 'majority_judgment', options: ['Étiquettes de rayon', 'Synchronisation du stock', 'Bons de commande'],
    max_proxies: 2, closes_at: inDays(3),
  });
  const opened = await admin('POST', `/api/v1/polls/${open.id}/open`);
  const grades = Object.fromEntries(opened.options.map((o, i) => [o.id, [4, 2, 5][i]]));
  // The representative of a user cooperative of the electorate (active members).
  let rep; let repOrg; let repApi; let ballot;
  for (const p of people.filter((p) => !p.is_admin && !p.is_core_circle)) {
    const seat = p.organisations.find((o) => o.is_representative && o.organisation_kind === 'user');
    if (!seat) continue;
    const api = apiOf(server, cli(server, ['token', 'create', p.email]));
    const r = await api('POST', `/api/v1/polls/${open.id}/ballots`, { organisation_id: seat.organisation_id, grades }, 'any');
    if (r.receipt) {
      [rep, repOrg, repApi, ballot] = [p, seat.organisation_id, api, r];
      break;
    }
  }
  assert.ok(rep, 'a representative of the electorate');
  const secret = await admin('POST', '/api/v1/polls', {
    title: 'Renouveler le mandat du comité ?', method: 'decision', secret: true, closes_at: inDays(5),
  });
  await admin('POST', `/api/v1/polls/${secret.id}/open`);
  const draftPoll = await admin('POST', '/api/v1/polls', { title: 'Brouillon de sondage', method: 'approval', options: ['A', 'B'] });

  // Polls of every method, open and closed (with their results), from the seed.
  const polls = (await admin('GET', '/api/v1/polls?per_page=100')).items;
  const pollPages = [];
  for (const method of ['decision', 'consent', 'approval', 'points', 'schulze', 'majority_judgment']) {
    const closed = polls.find((p) => p.method === method && p.status === 'closed');
    const opened = polls.find((p) => p.method === method && p.status === 'open');
    assert.ok(closed && opened, `the seed has an open and a closed ${method} poll`);
    pollPages.push(`/polls/${closed.id}`, `/polls/${closed.id}/result`, `/polls/${opened.id}`);
  }

  // Proposals in every state the seed has, and a draft, a delivered one and a quote.
  const proposals = (await admin('GET', '/api/v1/proposals?per_page=100')).items;
  const byStatus = (s) => proposals.find((p) => p.status === s);
  const proposalPages = ['discussion', 'quoted', 'funding', 'funded', 'lapsed'].map((s) => {
    assert.ok(byStatus(s), `the seed has a proposal in ${s}`);
    return `/proposals/${byStatus(s).id}`;
  });
  const draft = await repApi('POST', '/api/v1/proposals', {
    title: 'Exporter les parts sociales vers la comptabilité', requested_by: repOrg, draft: true,
    description: 'Un **export** mensuel, avec [la documentation](https://example.org/doc).',
    software: 'Odoo 16, cooperator', links: ['https://example.org/issue/12'],
  });
  const discussion = byStatus('discussion');
  const quoted = byStatus('quoted');
  const funded = byStatus('funded');
  await admin('POST', `/api/v1/proposals/${funded.id}/transition`, { to: 'in_progress' });
  await admin('POST', `/api/v1/proposals/${funded.id}/deliver`);

  // A meeting in two hours (attendance may be taken), whose invitation brings the
  // one-tap answer link.
  const meeting = await admin('POST', '/api/v1/meetings', {
    kind: 'assembly', title: 'Assemblée de décembre', starts_at: new Date(Math.ceil((Date.now() + 2 * 3600 * 1000) / 60000) * 60000).toISOString(),
    duration_minutes: 90, place: 'Maison des coopératives', agenda: [{ text: 'Accueil' }],
  });
  await admin('PUT', `/api/v1/meetings/${meeting.id}/minutes`, { markdown: '# Compte rendu\n\n- Accueil' });
  await admin('POST', `/api/v1/meetings/${meeting.id}/decisions`, { text: 'Le budget est adopté.' });
  // A file attached to the meeting (multipart, as a script would send it).
  const upload = new FormData();
  upload.append('file', new Blob(['Budget 2027'], { type: 'text/plain' }), 'budget.txt');
  upload.append('title', 'Budget 2027');
  const attached = await fetch(`${server.base}/api/v1/meetings/${meeting.id}/documents`, {
    method: 'POST', headers: { authorization: `Bearer ${adminToken}` }, body: upload,
  });
  assert.equal(attached.status, 201, 'a meeting document attached');
  const meetingDoc = await attached.json();
  const answerLink = await linkInMail(server, /https?:\/\/\S+\/meetings\/answer\/[A-Za-z0-9_-]+/, 'a meeting answer link');

  // A payment request of the seed's money (its printable page).
  const requests = await admin('GET', '/api/v1/payment-requests?per_page=1');
  const requestItems = requests.items || requests;
  assert.ok(requestItems.length > 0, 'the seed has payment requests');
  const paymentRequest = requestItems[0];

  // A reserve of a shared recurring cost (its card on the reserves page, and the
  // choice of a reserve on the campaign form).
  const reserve = await admin('POST', '/api/v1/reserves', { name: 'Hosting', monthly_cents: 20000, key: { kind: 'equal' } });

  // The mutual-help list: a thread of two messages; a moderated list with a message
  // waiting for a moderator.
  const help = await firstItem(admin, '/api/v1/lists');
  const question = await repApi('POST', `/api/v1/lists/${help.id}/messages`, {
    subject: 'Étiquettes de rayon', body_markdown: 'Comment imprimez-vous les **étiquettes** ?',
  });
  await admin('POST', `/api/v1/lists/${help.id}/messages`, {
    subject: 'Re: Étiquettes de rayon', body_markdown: 'Avec le module `product_label`.', in_reply_to: question.id,
  });
  const moderated = await admin('POST', '/api/v1/lists', { name: 'Odoo', local_part: 'odoo-a11y', posting: 'moderated' });
  await repApi('POST', `/api/v1/lists/${moderated.id}/messages`, { subject: 'Une question', body_markdown: 'Bonjour' });
  const month = new Date().toISOString().slice(0, 7);
  const publicList = await admin('POST', '/api/v1/lists', {
    name: 'Annonces', local_part: 'annonces-a11y', posting: 'facilitator', public: true,
  });
  const announcement = await admin('POST', `/api/v1/lists/${publicList.id}/messages`, {
    subject: 'Assemblée de décembre', body_markdown: 'Rendez-vous le **3 décembre**.',
  });
  // The documentation space: a public page, a members' page in the booklet with a
  // second revision, and a page under it.
  const { network } = await admin('GET', '/api/v1/me');
  const publicDoc = await admin('POST', '/api/v1/docs', { title: 'Who we are', body_markdown: 'A dozen cooperative supermarkets.', visibility: 'public' });
  const doc = await admin('POST', '/api/v1/docs', { title: 'Welcome', body_markdown: '# Welcome\n\nWe meet monthly.\n', visibility: 'members', booklet_position: 1 });
  await admin('PUT', `/api/v1/docs/${doc.id}`, { title: 'Welcome', body_markdown: '# Welcome\n\nWe meet on the first Tuesday.\n\n- bring your questions\n', visibility: 'members', booklet_position: 1, base_revision: 1 });
  await admin('POST', '/api/v1/docs', { title: 'How to ask for help', body_markdown: 'Write to the list.', visibility: 'members', parent_id: doc.id });
  // A pool fed by a grant and the representative's organisation, a round with quadratic
  // matching, a project in it, and the representative's organisation placing money.
  const pool = await admin('POST', '/api/v1/pools', { name: 'Fonds de solidarité' });
  await admin('POST', `/api/v1/pools/${pool.id}/contributions`, { amount_cents: 500000, received: true, kind: 'grant' });
  await admin('POST', `/api/v1/pools/${pool.id}/contributions`, { organisation_id: repOrg, amount_cents: 100000, received: true });
  await admin('PUT', `/api/v1/pools/${pool.id}/schedule`, { amount_cents: 400, period: 'weekly', per_worker: true, starts_on: inDays(7).slice(0, 10) });
  const round = await admin('POST', '/api/v1/rounds', {
    pool_id: pool.id, title: 'Tour de printemps', opens_at: '2020-01-01', closes_at: inDays(3), allocation: 'equal',
    matching: { kind: 'quadratic', pool_cents: 100000, cap_cents: 50000 },
  });
  const bucket = await repApi('POST', `/api/v1/rounds/${round.id}/buckets`, { title: 'Étiquettes partagées', min_cents: 10000, max_cents: 90000, breakdown: 'Développement : 800 €' });
  await repApi('PUT', `/api/v1/buckets/${bucket.id}/allocation`, { organisation_id: repOrg, amount_cents: 2500 });
  const poolPages = ['/pools', `/pools/${pool.id}`, `/rounds/${round.id}`, `/buckets/${bucket.id}`];
  const docPages = ['/docs', '/docs?q=tuesday', `/docs/${doc.id}`, `/docs/${doc.id}/history`, `/docs/${doc.id}/diff?from=1&to=2`, '/docs/booklet'];
  // Joining (the seed's applications: waiting ones, and one accepted with its
  // onboarding); an application sent now, for its confirmation page.
  const waiting = (await admin('GET', '/api/v1/applications?status=pending'))[0];
  const acceptedApp = (await admin('GET', '/api/v1/applications?status=accepted'))[0];
  assert.ok(waiting && acceptedApp, 'the seed has applications');
  const applied = await fetch(`${server.base}/api/v1/applications?network=${network.slug}`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ organisation: { kind: 'user', name: 'A11y Coop', country: 'BE', city: 'Namur' },
      contact: { name: 'Alex Applicant', email: 'alex@a11y.example', language: 'fr' }, level: 'active', motivation: 'Partager.' }),
  });
  assert.equal(applied.status, 202);
  const confirmLink = await linkInMail(server, /https?:\/\/\S+\/join\/confirm\/[A-Za-z0-9_-]+/, 'a confirmation link');
  const joinPages = ['/applications', '/applications?status=all', `/applications/${waiting.id}`,
    `/applications/${waiting.id}/accept`, `/applications/${waiting.id}/decline`, `/applications/${acceptedApp.id}`,
    `/organisations/${acceptedApp.organisation_id}/onboarding`, `/organisations/${repOrg}/listing`, '/settings/public'];

  // Work sharing: the seed's opportunities (one with its team, one open, which the
  // representative's organisation offers to work on), and one of the representative's
  // organisation whose team has a new split waiting for its consent.
  const opportunities = (await admin('GET', '/api/v1/opportunities')).items;
  const teamed = opportunities.find((o) => o.status === 'teamed');
  const openWork = opportunities.find((o) => o.status === 'open');
  const partner = opportunities.map((o) => o.organisation_id).find((id) => id !== repOrg);
  assert.ok(teamed && openWork && partner, 'the seed has opportunities with and without a team');
  const capacity = (org, days) => ({ organisation_id: org, capacity_days: days, available_from: '2030-03-01', available_to: '2030-03-31', day_rate_cents: 45000 });
  await repApi('PUT', `/api/v1/opportunities/${openWork.id}/interests`, { ...capacity(repOrg, 5), available_from: openWork.starts_on, available_to: openWork.ends_on });
  const shared = await admin('POST', '/api/v1/opportunities', {
    organisation_id: repOrg, title: 'Boutique en ligne pour une brasserie', scope_markdown: 'Un **catalogue** et un paiement.',
    budget_cents: 1500000, days: 30, starts_on: '2030-03-01', ends_on: '2030-03-31', skills: ['Odoo'],
    finder_organisation_id: partner, finder_fee_basis_points: 500,
  });
  await repApi('PUT', `/api/v1/opportunities/${shared.id}/interests`, capacity(repOrg, 10));
  await admin('PUT', `/api/v1/opportunities/${shared.id}/interests`, capacity(partner, 10));
  await admin('POST', `/api/v1/opportunities/${shared.id}/team`, { basis: 'capacity', members: [{ organisation_id: repOrg }, { organisation_id: partner }] });
  await admin('PUT', `/api/v1/opportunities/${shared.id}/interests`, capacity(partner, 15));
  const workPages = ['/opportunities', `/opportunities/${shared.id}`, `/opportunities/${teamed.id}`, '/busyness'];
  // The logbook (a public article sent as a newsletter issue, a members' one) and the
  // newsletter (a draft with a translation).
  const publicArticle = await admin('POST', '/api/v1/logbook', { title: 'Our first year', body_markdown: 'We grew to **twelve** shops.\n\n- a list\n', visibility: 'public' });
  const membersArticle = await admin('POST', '/api/v1/logbook', { title: 'Budget worries', body_markdown: 'For members.', visibility: 'members' });
  const sent = await admin('POST', `/api/v1/logbook/${publicArticle.id}/issue`, null, 201);
  const draftIssue = await admin('POST', '/api/v1/newsletter/issues', { subject: 'December news', body_markdown: 'The *assembly* is on Tuesday.', language: 'fr' });
  await admin('PUT', `/api/v1/newsletter/issues/${draftIssue.id}/translations/en`, { subject: 'December news', body_markdown: 'The assembly is on Tuesday.' });
  const logbookPages = ['/logbook', `/logbook/${publicArticle.id}`, `/logbook/${membersArticle.id}`, '/logbook/feed'];

  // An unsubscribe link from the email the opened polls sent.
  const unsubscribe = await linkInMail(server, /https?:\/\/\S+\/unsubscribe\/[A-Za-z0-9_-]+/, 'an unsubscribe link');

  const anonymous = ['/', '/login', '/password/forgot', '/organisations', ['/no-such-page', 404], new URL(answerLink).pathname,
    `/public/lists/${publicList.id}`, `/public/lists/${publicList.id}/messages/${announcement.id}`,
    `/n/${network.slug}/docs`, `/n/${network.slug}/docs/${publicDoc.id}`,
    `/n/${network.slug}`, `/n/${network.slug}/members`, `/n/${network.slug}/join`, new URL(confirmLink).pathname,
    `/n/${network.slug}/logbook`, `/n/${network.slug}/logbook/${publicArticle.id}`,
    `/n/${network.slug}/newsletter`, `/n/${network.slug}/newsletter/${sent.issue.id}`,
    ['/newsletter/confirm/n_not-a-token', 404], ['/newsletter/unsubscribe/n_not-a-token', 404]];
  const representative = [
    '/dashboard', '/profile', '/profile/tokens', '/settings/notifications',
    '/organisations', `/organisations/${repOrg}`, '/people', `/people/${rep.id}`,
    '/proposals', '/proposals?status=funding', '/proposals/new', '/proposals/commitments',
    `/proposals/${draft.id}`, ...proposalPages,
    '/polls', ...pollPages, `/polls/${open.id}`, `/polls/${open.id}/result`, `/polls/${secret.id}`,
    `/polls/${open.id}/mandate`, `/polls/${open.id}/receipt`,
    `/polls/${open.id}/receipt?code=${encodeURIComponent(ballot.receipt)}`, `/polls/${open.id}/receipt?code=nope`,
    '/meetings', `/meetings/${meeting.id}`, `/meetings/${meeting.id}/proxy`, '/calendar', `/organisations/${repOrg}/statement`,
    '/decisions', '/decisions?q=budget', '/core-circle', '/governance',
    '/lists', `/lists/${help.id}`, `/lists/${help.id}?q=etiquettes`, `/lists/${help.id}?month=${month}`,
    `/lists/${help.id}/messages/${question.id}`, '/settings/lists', ...docPages, ...poolPages, '/onboarding', ...logbookPages,
    ...workPages, `/opportunities/${openWork.id}/interest`,
    `/organisations/${repOrg}/listing`,
  ];
  const providerStaff = ['/dashboard', `/proposals/${discussion.id}`, `/proposals/${discussion.id}/quotes/new`,
    `/organisations/${providerOrg}`];
  const administrator = [
    '/dashboard', '/admin/jobs', '/admin/audit', '/admin/audit?page=2',
    '/organisations', '/organisations/new', `/organisations/${repOrg}`, `/organisations/${repOrg}/edit`,
    '/people', '/people?page=2', '/people/invite', `/people/${rep.id}`,
    '/proposals', `/proposals/${funded.id}`, `/proposals/${quoted.id}`, `/proposals/${quoted.id}/campaign/new`,
    `/proposals/${discussion.id}/quotes/new`, `/proposals/commitments?organisation_id=${repOrg}`,
    '/polls', '/polls/new', `/polls/${draftPoll.id}`, `/polls/${open.id}`, `/polls/${open.id}/mandate?organisation_id=${repOrg}`,
    ...pollPages, '/settings/notifications', '/profile/tokens',
    '/meetings', '/meetings/new', `/meetings/${meeting.id}`, `/meetings/${meeting.id}/attendance`,
    `/meetings/${meeting.id}/minutes`, `/meetings/${meeting.id}/edit`, `/meetings/${meeting.id}/documents`, `/meetings/${meeting.id}/documents/${meetingDoc.id}/remove`, `/meetings/${meeting.id}/proxy?organisation_id=${repOrg}`, '/decisions', '/core-circle', '/governance',
    '/money', '/money/settings', '/money/requests', '/money/requests/new', `/money/requests/${paymentRequest.id}`,
    '/lists', `/lists/${moderated.id}/held`, `/lists/${help.id}`, `/lists/${help.id}/settings`,
    '/money/import', '/money/unmatched', '/money/fees', '/money/reserves', `/money/reserves/${reserve.id}`, '/money/proposals', '/money/entries', `/organisations/${repOrg}/statement`,
    ...docPages, '/docs/new', `/docs/new?parent=${doc.id}`, `/docs/${doc.id}/edit`, ...joinPages,
    ...poolPages, `/pools/${pool.id}/rounds/new`, `/pools/${pool.id}/schedule`, `/rounds/${round.id}/close`,
    ...workPages, '/opportunities/new', `/opportunities/${openWork.id}/team`, `/opportunities/${openWork.id}/close`, `/busyness?organisation_id=${repOrg}`,
    ...logbookPages, '/logbook/new', `/logbook/${membersArticle.id}/edit`,
    '/newsletter', '/newsletter/new', '/newsletter/subscribers', `/newsletter/issues/${draftIssue.id}`, `/newsletter/issues/${sent.issue.id}`,
  ];
  return {
    adminEmail, rep, provider, unsubscribe, repOrg, discussion, quoted, open, openWork,
    visits: { anonymous, representative, providerStaff, administrator },
  };
}

/**
 * Reports what the browser refuses or fails on a page: a style or script the
 * Content-Security-Policy blocks (an inline `style=` attribute: the page then looks
 * other than designed), a script error.
 */
async function watched(page, problems) {
  page.on('console', (m) => {
    // A page's own error status is logged too: the statuses are checked where visited.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      problems.push(`${new URL(page.url()).pathname}: console: ${m.text()}`);
    }
  });
  page.on('response', (r) => {
    if (r.request().resourceType() !== 'document' && r.status() >= 400) {
      problems.push(`${new URL(page.url()).pathname}: ${r.url()} answered ${r.status()}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`${new URL(page.url()).pathname}: script error: ${e.message}`));
  return page;
}

/** Runs axe-core on the page and measures its width; returns the problems found. */
async function check(page, label, width) {
  const problems = [];
  if (!await page.evaluate(() => typeof window.axe === 'object')) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${n.failureSummary.split('\n').slice(1, 2).join('')}`),
      count: v.nodes.length,
    }));
  });
  for (const v of violations) {
    problems.push(`${label} @${width}: [${v.id}, ${v.impact}] ${v.help} (${v.count}×)\n      ${v.nodes.join('\n      ')}`);
  }
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width <= 360 && wide > width) {
    const culprits = await page.evaluate((w) => [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > w + 1 && !e.closest('.table-scroll'))
      .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).split(' ').join('.') : ''}`), width);
    problems.push(`${label} @${width}: the page is ${wide}px wide (${culprits.join(', ')})`);
  }
  return problems;
}

/**
 * Visits each path at both widths; also records the route each one belongs to. A path
 * is a string (a page answered 200) or `[path, status]` (an error page).
 */
async function visitAll(context, server, who, paths, routes, visited) {
  const problems = [];
  const page = await watched(await context.newPage(), problems);
  for (const visit of paths) {
    const [path, status] = Array.isArray(visit) ? visit : [visit, 200];
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: width < 400 ? 740 : 900 });
      const response = await page.goto(server.base + path);
      const label = `${who} ${path}`;
      if (response.status() !== status) {
        problems.push(`${label}: answered ${response.status()}, not ${status}`);
        continue;
      }
      problems.push(...await check(page, label, width));
      // What a phone shows of the wide tables (the scroll cue), to look at.
      if (width === 360 && /^\/(organisations|people|polls)$|\/result$/.test(path)) {
        await page.screenshot({ path: join(shots, `a11y-${who}-${path.replace(/\W+/g, '-')}-phone.png`), fullPage: true });
      }
    }
    const route = routeOf(routes, new URL(server.base + path).pathname);
    if (route) visited.add(route);
  }
  await page.close();
  return problems;
}

/** Sends a form empty (or as given) and checks the page it comes back as. */
async function formWithErrors(context, server, who, path, button = 'main form[method="post"] button[type="submit"]') {
  const problems = [];
  const page = await watched(await context.newPage(), problems);
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width < 400 ? 740 : 900 });
    await page.goto(server.base + path);
    await Promise.all([page.waitForNavigation(), page.locator(button).first().click()]);
    problems.push(...await check(page, `${who} ${path} sent`, width));
  }
  await page.screenshot({ path: join(shots, `a11y-${path.replace(/\W+/g, '-')}-sent.png`), fullPage: true });
  await page.close();
  return problems;
}

test('every page has no axe-core violation on a phone and a desktop, and none is wider than the phone', async () => {
  const server = await startServer({ seed: 1 });
  const { browser } = await launch();
  const visited = new Set();
  const problems = [];
  try {
    const routes = routeTable().filter(isPageRoute);
    const setup = await prepare(server);
    const contextFor = (locale) => browser.newContext({ locale, viewport: { width: 360, height: 740 } });

    // A visitor, in English: the public pages, an error page, a used login link, a
    // password reset link and an unsubscribe link from an email.
    const visitor = await contextFor('en-GB');
    problems.push(...await visitAll(visitor, server, 'visitor', setup.visits.anonymous, routes, visited));
    const login = await visitor.newPage();
    const usedLink = await logIn(login, server, setup.adminEmail);
    await login.close();
    await visitor.clearCookies();
    problems.push(...await visitAll(visitor, server, 'visitor', [[new URL(usedLink).pathname, 410], new URL(setup.unsubscribe).pathname], routes, visited));
    const forgot = await visitor.newPage();
    await forgot.goto(server.base + '/password/forgot');
    await forgot.fill('#email', setup.rep.email);
    await forgot.getByRole('button').last().click();
    await forgot.waitForLoadState('load');
    problems.push(...await check(forgot, 'visitor /password/forgot sent', 360));
    await forgot.close();
    const reset = await linkInMail(server, /https?:\/\/\S+\/password\/reset\/[A-Za-z0-9_-]+/, 'a password reset link');
    problems.push(...await visitAll(visitor, server, 'visitor', [new URL(reset).pathname], routes, visited));
    problems.push(...await formWithErrors(visitor, server, 'visitor', '/login', 'button[name="method"][value="link"]'));
    await visitor.close();

    // A member cooperative's representative, in German (the longest words).
    const representative = await contextFor('de-DE');
    const repPage = await representative.newPage();
    await logIn(repPage, server, setup.rep.email);
    await repPage.close();
    problems.push(...await visitAll(representative, server, 'representative', setup.visits.representative, routes, visited));
    problems.push(...await formWithErrors(representative, server, 'representative', '/proposals/new'));
    await representative.close();

    // A provider's staff, in Dutch: the quote form.
    const provider = await contextFor('nl-BE');
    const providerPage = await provider.newPage();
    await logIn(providerPage, server, setup.provider.email);
    await providerPage.close();
    problems.push(...await visitAll(provider, server, 'provider', setup.visits.providerStaff, routes, visited));
    await provider.close();

    // The facilitator, in French: administration, the forms that open a poll or a
    // co-funding, and how they come back with errors.
    const administrator = await contextFor('fr-FR');
    const adminPage = await administrator.newPage();
    await logIn(adminPage, server, setup.adminEmail);
    await adminPage.close();
    problems.push(...await visitAll(administrator, server, 'administrator', setup.visits.administrator, routes, visited));
    problems.push(...await formWithErrors(administrator, server, 'administrator', '/polls/new'));
    problems.push(...await formWithErrors(administrator, server, 'administrator', '/organisations/new'));
    problems.push(...await formWithErrors(administrator, server, 'administrator', '/people/invite'));
    problems.push(...await formWithErrors(administrator, server, 'administrator', `/proposals/${setup.discussion.id}/quotes/new`));
    problems.push(...await formWithErrors(administrator, server, 'administrator', `/proposals/${setup.quoted.id}/campaign/new`, 'button[name="review"]'));
    problems.push(...await formWithErrors(administrator, server, 'administrator', '/opportunities/new'));
    problems.push(...await formWithErrors(administrator, server, 'administrator', `/opportunities/${setup.openWork.id}/team`));
    problems.push(...await formWithErrors(administrator, server, 'administrator', '/logbook/new'));
    problems.push(...await formWithErrors(administrator, server, 'administrator', '/newsletter/new'));
    await administrator.close();

    const missed = routes.filter((r) => !visited.has(r.path)).map((r) => r.path);
    assert.deepEqual(missed, [], 'page routes that no visit of this test reaches: visit them (or say why they are no page)');
    assert.equal(problems.length, 0, `${problems.length} problems:\n${problems.join('\n')}`);
  } finally {
    await browser.close();
    await stopServer(server);
  }
});
