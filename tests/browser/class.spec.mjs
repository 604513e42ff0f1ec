// Several participants join the live class in real Chromium pages (one isolated context each, so each
// has its own localStorage), answer every question with a tap, see right/wrong and their rank, survive a
// reload (token in localStorage) and see the podium. Driven by tests/cli/class_browser.sh, which starts
// `sinau class serve --auto` and checks the database afterwards.
//   env: CLASS_URL (http://127.0.0.1:PORT/), CLASS_PIN, CLASS_PEOPLE (default 3)
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const url = process.env.CLASS_URL;
const pin = process.env.CLASS_PIN;
const people = Number(process.env.CLASS_PEOPLE || 3);
if (!url || !pin) throw new Error('CLASS_URL and CLASS_PIN are required');
if (!/^http:\/\/127\.0\.0\.1:\d+\/$/.test(url)) throw new Error('loopback only: ' + url);

function check(cond, what) {
  if (!cond) throw new Error('FAILED: ' + what);
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sinau-chromium-'));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync',
         `--disk-cache-dir=${profile}`],
  timeout: 60000,
});
const names = [];
const pages = [];
try {
  for (let i = 0; i < people; i++) {
    // Characters that would break markup if the page used innerHTML: shown literally, never parsed.
    const name = i === 0 ? `Tom & "Jerry" ${i}` : `Peserta ${i} Ñoño`;
    names.push(name);
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } });  // a small phone
    const page = await context.newPage();
    page.on('pageerror', (e) => { console.error('page error:', e.message); process.exitCode = 1; });
    await page.goto(url);
    await page.fill('#pin', pin);
    await page.fill('#name', name);
    await page.click('#join-button');
    // The last to join may go straight to the first question (the autopilot starts when all are in).
    await page.waitForSelector('#lobby:not([hidden]), #question:not([hidden])', { timeout: 15000 });
    check((await page.textContent('#me')).startsWith(name), `name shown literally for ${name}`);
    pages.push(page);
  }
  // A wrong PIN is refused with a message in Bahasa Indonesia.
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.fill('#pin', pin === '000000' ? '000001' : '000000');
    await page.fill('#name', 'Penyusup');
    await page.click('#join-button');
    await page.waitForFunction(() => document.querySelector('#join-error').textContent.length > 0);
    check((await page.textContent('#join-error')).includes('PIN salah'), 'wrong PIN message');
    await context.close();
  }

  let questions = 0;
  const seen = new Set();
  for (;;) {
    // Wait until every page shows a question or the end.
    const states = await Promise.all(pages.map((p) => p.waitForSelector(
      '#question:not([hidden]), #ended:not([hidden])', { timeout: 60000 }).then(() => p.evaluate(() =>
        document.querySelector('#ended').hidden ? document.querySelector('#q-number').textContent : 'ended'))));
    if (states.every((s) => s === 'ended')) break;
    const label = states.find((s) => s !== 'ended');
    if (seen.has(label)) { await pages[0].waitForTimeout(100); continue; }
    seen.add(label);
    questions++;
    await Promise.all(pages.map(async (page, i) => {
      const buttons = await page.$$('#q-choices button');
      check(buttons.length >= 2, 'choices are buttons');
      await buttons[i % buttons.length].click();
      if (await page.isVisible('#q-send')) await page.click('#q-send');  // multiple answers
      await page.waitForFunction(() => document.querySelector('#q-status').textContent.includes('tersimpan'),
        null, { timeout: 15000 });
    }));
    if (questions === 1) {
      // The first participant's phone reloads (sleep, Wi-Fi change): same identity from localStorage.
      await pages[0].reload();
      await pages[0].waitForSelector('#question:not([hidden]), #reveal:not([hidden])', { timeout: 15000 });
      check((await pages[0].textContent('#me')).startsWith(names[0]), 'same identity after reload');
    }
    await Promise.all(pages.map(async (page) => {
      await page.waitForSelector('#reveal:not([hidden])', { timeout: 60000 });
      const verdict = await page.textContent('#r-verdict');
      check(/Benar|Belum tepat/.test(verdict), `verdict shown: ${verdict}`);
      check((await page.textContent('#r-you')).includes('peringkat'), 'own rank shown');
      check((await page.$$('#r-board li')).length >= 1, 'leaderboard shown');
    }));
  }
  check(questions >= 1, 'at least one question was played');
  for (const page of pages) {
    check((await page.$$('#e-podium li')).length >= 1, 'podium shown');
    check((await page.textContent('#e-you')).includes('peringkat'), 'final rank shown');
  }
  const podium = await pages[0].$$eval('#e-podium li', (lis) => lis.map((li) => li.textContent));
  const html = await pages[0].$eval('#e-podium', (el) => el.innerHTML);
  check(!html.includes('"Jerry"') || html.includes('&amp;'), 'names are escaped in the DOM');
  console.log(JSON.stringify({ participants: people, questions, podium }));
} finally {
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
