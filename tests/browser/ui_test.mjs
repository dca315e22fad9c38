// Clicks through every view of the synoptic web UI in Debian's chromium
// (through playwright-core, no downloaded browser), checks what is shown
// against the API, saves a screenshot per view and checks that nothing from
// the hostile test article ever ran.
//
// Usage: node ui_test.mjs BASE_URL ARTIFACT_DIR [CHROMIUM]
// Exit: 0 all checks passed, 1 a check failed.
import {chromium} from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const [base, artifacts, chromiumPath = '/usr/bin/chromium'] = process.argv.slice(2);
if (!base || !artifacts) {
  console.error('usage: node ui_test.mjs BASE_URL ARTIFACT_DIR [CHROMIUM]');
  process.exit(2);
}
fs.mkdirSync(artifacts, {recursive: true});

let failures = 0;
const ok = (what) => console.log('ok: ' + what);
const fail = (what) => { console.error('FAIL: ' + what); failures++; };
const check = (cond, what) => (cond ? ok(what) : fail(what));

async function api(p) {
  const r = await fetch(base + '/api/' + p);
  if (!r.ok) throw new Error(`${p}: HTTP ${r.status}`);
  return r.json();
}
const cpSlice = (s, a, b) => Array.from(s).slice(a, b).join('');

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({viewport: {width: 1280, height: 900}});
const dialogs = [], pageErrors = [], cspConsole = [];
page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
page.on('pageerror', (e) => pageErrors.push(String(e)));
page.on('console', (m) => {
  if (/Content Security Policy|Refused to/i.test(m.text())) cspConsole.push(m.text());
});
// Runs before the app; CSP does not apply to it. Counts CSP violations.
await page.addInitScript(() => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation',
      (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
});
const shot = async (name) => {
  const file = path.join(artifacts, name + '.png');
  await page.screenshot({path: file, fullPage: true});
  console.log('screenshot: ' + file);
};

try {
  const health = await api('health');
  const lines = await api('storylines?limit=1000');
  const hostile = await api('search?q=Valdmark&limit=5');
  check(hostile.items.length > 0, 'the hostile article is in the store');
  const hostileId = hostile.items[0].doc;

  // Storylines.
  const res = await page.goto(base + '/#/storylines');
  const csp = (await res.allHeaders())['content-security-policy'] || '';
  check(/default-src 'self'/.test(csp) && !/unsafe-inline|unsafe-eval/.test(csp),
        'index.html carries a strict CSP');
  await page.waitForSelector('#view-storylines');
  const cards = await page.locator('.storyline-card h2 a').allTextContents();
  check(cards.length === lines.total, `storylines view lists ${lines.total} storylines`);
  check(cards[0] === (lines.items[0].title || lines.items[0].id), 'first storyline title matches the API');
  await page.waitForFunction(() => document.getElementById('foot').textContent.includes('articles'));
  check((await page.textContent('#foot')).includes(`${health.counts.documents} articles`),
        'footer shows the document count');
  await shot('01-storylines');

  // A storyline.
  await page.click('.storyline-card h2 a');
  await page.waitForSelector('#view-storyline');
  const s1 = await api('storylines/' + encodeURIComponent(lines.items[0].id));
  check((await page.locator('#view-storyline .cluster-card').count()) === s1.clusters.length,
        'storyline view shows its clusters');
  await shot('02-storyline');

  // A cluster with its source comparison.
  await page.click('#view-storyline .cluster-link');
  await page.waitForSelector('#view-cluster');
  const cid = decodeURIComponent(page.url().split('#/cluster/')[1]);
  const c = await api('clusters/' + encodeURIComponent(cid));
  check((await page.textContent('#view-cluster h1')) === (c.cluster.title || c.cluster.id),
        'cluster title matches the API');
  const rows = await page.locator('#compare-table tbody tr').count();
  check(rows === Math.min(300, c.comparison.claims.length), `comparison table has ${rows} claim rows`);
  const singles = c.comparison.claims.slice(0, 300).filter((x) => x.single_source).length;
  check((await page.locator('#compare-table .badge').count()) === singles,
        `single-source claims flagged (${singles})`);
  if (c.disagreements.length) {
    const txt = await page.textContent('#disagreements');
    check(c.disagreements[0].claims.every((cl) => txt.includes(cl.value)),
          'every side of a disagreement is shown');
  }
  await shot('03-cluster');

  // Reader from a summary citation: the cited span is marked.
  await page.click('#view-cluster .summary-list a');
  await page.waitForSelector('#view-reader');
  check((await page.locator('[data-cited]').count()) > 0, 'reader marks the cited sentence');
  const cited = c.cluster.summary[0];
  const citedDoc = await api('documents/' + cited.doc);
  const shown = (await page.locator('[data-cited]').allTextContents()).join('');
  check(shown === cpSlice(citedDoc.document.text, cited.start, cited.end),
        'the marked text is exactly the cited span');
  await shot('04-reader-cited');

  // Timeline.
  await page.click('#nav a[data-view=timeline]');
  await page.waitForSelector('#view-timeline');
  const tl = await api('timeline?limit=1');
  check((await page.locator('#view-timeline ul.timeline > li').count()) === Math.min(tl.total, 3000),
        `timeline shows all ${tl.total} entries`);
  await shot('05-timeline');

  // Actor relations.
  await page.click('#nav a[data-view=relations]');
  await page.waitForSelector('#view-relations');
  const rel = await api('relations?limit=1');
  if (rel.total > 0) {
    check((await page.locator('#relations-graph line').count()) > 0, 'relations graph has edges');
    check((await page.locator('.periods a').count()) === rel.periods.length, 'one link per period');
    await page.click('.periods a >> nth=0');
    await page.waitForFunction((p) => {
      const on = document.querySelector('.periods a.on');
      return on && on.textContent === p;
    }, rel.periods[0]);
    const inPeriod = await api('relations?limit=1&period=' + encodeURIComponent(rel.periods[0]));
    check((await page.locator('.rel-table tbody tr').count()) === Math.min(200, inPeriod.total),
          `period ${rel.periods[0]} lists its ${inPeriod.total} relations`);
  }
  await shot('06-relations');

  // Articles list.
  await page.click('#nav a[data-view=documents]');
  await page.waitForSelector('#view-documents');
  check((await page.locator('#view-documents ul.docs > li').count()) === Math.min(50, health.counts.documents),
        'articles view lists the first page');
  await shot('07-documents');

  // Search, then the hostile article in the reader.
  await page.fill('#search-input', 'Valdmark dockworkers');
  await page.press('#search-input', 'Enter');
  await page.waitForSelector('#view-search');
  check((await page.locator('#view-search .snippet mark').count()) > 0, 'search snippets mark the matches');
  await shot('08-search');
  await page.click('#view-search ol.results a');
  await page.waitForSelector('#view-reader');
  const detail = await api('documents/' + hostileId);
  const text = await page.textContent('#reader-text');
  check(text === detail.document.text, 'reader shows the article text exactly');
  check(text.includes('</script><script>'), 'markup inside the article is shown as text');
  check((await page.locator('#main script, #main img, #main iframe, #main [onerror]').count()) === 0,
        'no element from the article entered the page');
  // Highlights land on the right characters, also after an astral-plane
  // character (one code point, two UTF-16 units).
  const runs = new Set(await page.locator('#reader-text .hl-entity').allTextContents());
  const expected = [];
  for (const e of detail.entities) {
    for (const m of e.mentions) expected.push(cpSlice(detail.document.text, m.start, m.end));
  }
  const missing = expected.filter((x) => !runs.has(x));
  check(expected.length > 0 && missing.length <= expected.length / 10,
        `entity highlights match their spans (${expected.length - missing.length}/${expected.length})`);
  const emoji = Array.from(detail.document.text).findIndex((ch) => ch.length === 2);
  const after = detail.entities.flatMap((e) => e.mentions).filter((m) => m.start > emoji);
  check(emoji < 0 || after.every((m) => runs.has(cpSlice(detail.document.text, m.start, m.end))),
        `highlights after the emoji are not shifted (${after.length} mentions)`);
  await shot('09-reader-hostile');

  // Nothing ran.
  check(await page.evaluate(() => window.__synopticPwned === undefined), 'no article script ran');
  check(dialogs.length === 0, `no dialog opened (${dialogs.join('; ')})`);
  const violations = await page.evaluate(() => window.__cspViolations);
  check(violations.length === 0 && cspConsole.length === 0,
        `no CSP violation (${violations.concat(cspConsole).join('; ')})`);
  check(pageErrors.length === 0, `no page errors (${pageErrors.join('; ')})`);

  // A missing document shows an error, not a blank page.
  await page.goto(base + '/#/doc/does-not-exist');
  await page.waitForSelector('#error');
  check((await page.textContent('#error h1')) === 'Not found', 'unknown document shows "Not found"');
} catch (e) {
  fail('exception: ' + (e && e.stack ? e.stack : e));
  await shot('zz-failure').catch(() => {});
} finally {
  await browser.close();
}
if (failures) {
  console.error(`${failures} browser check(s) failed`);
  process.exit(1);
}
console.log('all browser checks passed');
