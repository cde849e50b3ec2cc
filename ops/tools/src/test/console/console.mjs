// Drives Debian's headless Chromium over the hermes console (run by ConsoleBrowserIT):
//   node console.mjs <console-url> <user-id> <screenshot-dir>
// Opens the fleet page, checks the family is listed as running, opens its timeline, checks the ready event is
// there, and saves fleet.png and family.png. Exits 0 when all holds, 1 (saying what failed) otherwise.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url, userId, shots] = process.argv.slice(2);
if (!url || !userId || !shots) {
  console.error('usage: node console.mjs <console-url> <user-id> <screenshot-dir>');
  process.exit(2);
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

const profile = mkdtempSync(join(tmpdir(), 'hermes-console-chromium-'));
// a fresh profile (--user-data-dir) each run: playwright takes it as launchPersistentContext's first argument
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  const fleet = await page.goto(url, { waitUntil: 'load' });
  check(fleet.status() === 200, `the fleet page answered ${fleet.status()}`);
  const row = page.locator('table#fleet tr', { has: page.locator(`a:text-is("${userId}")`) });
  check(await row.count() === 1, `the family ${userId} is not listed in the fleet table`);
  const state = await row.locator('td').nth(1).innerText();
  check(state === 'running', `the family is listed as ${state}, not running`);
  await page.screenshot({ path: join(shots, 'fleet.png'), fullPage: true });

  await row.locator('a').click();
  await page.waitForURL(/\/family\?user=/);
  const types = await page.locator('table#timeline tr td:nth-child(2)').allInnerTexts();
  check(types.includes('RuntimeReady'), `the timeline has no RuntimeReady: ${JSON.stringify(types)}`);
  await page.screenshot({ path: join(shots, 'family.png'), fullPage: true });
  console.log(`ok: ${userId} listed running; timeline ${types.join(', ')}`);
} catch (e) {
  console.error(`FAILED: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
