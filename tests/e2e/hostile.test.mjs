// Text from a capture is shown as text: HTML in interface names, DNS names and payloads never
// runs, and shows literally.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveAndLaunch, open, dropFile, waitForAnalysis, hostilePcapng, ROOT } from './harness.mjs';

const env = serveAndLaunch();

test('HTML in interface names, DNS names and payloads is shown as text and never runs', async () => {
  const { page, errors } = await open(env.browser.context, env.server.url);
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs++; await d.dismiss(); });
  await page.waitForSelector('[data-testid="drop-zone"]');
  const title = await page.title();
  await dropFile(page, 'hostile.pcapng', hostilePcapng());
  await waitForAnalysis(page, 'hostile.pcapng');
  await page.uncheck('[data-testid="packet-scope"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="packet-row"]').length === 2);
  const rows = await page.locator('[data-testid="packet-row"]').allTextContents();
  assert.ok(rows[0].includes('<img src=x onerror="document.title=\'pwned\'">eth0'), rows[0]);
  assert.ok(rows[0].includes('<script>alert("pwned")</script>.example.com'), rows[0]);
  await page.locator('[data-testid="packet-row"]').nth(1).click();
  await page.waitForSelector('[data-testid="packet-detail"][data-frame="2"]');
  const hex = await page.textContent('[data-testid="hex"]');
  assert.ok(hex.includes('GET /<img ') && hex.includes('src=x onerror=al'), hex);
  // Nothing ran: no element was created from the text, the title is intact, no dialog.
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.locator('script:not([type]), script[type="module"]').count(), 1);
  assert.equal(await page.title(), title);
  assert.equal(dialogs, 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an interface name with a line break (pcapng test suite) is shown as text', async (t) => {
  const file = join(ROOT, '..', 'shared', 'captures', 'public', 'pcapngtest-le__test102.pcapng');
  if (!existsSync(file)) {
    t.skip(`shared corpus absent (${file})`);
    return;
  }
  const { page, errors } = await open(env.browser.context, env.server.url);
  await page.waitForSelector('[data-testid="drop-zone"]');
  await dropFile(page, 'test102.pcapng', await readFile(file));
  await waitForAnalysis(page, 'test102.pcapng');
  assert.ok(Number(await page.getAttribute('[data-testid="packet-count"]', 'data-packets')) > 0);
  // Its packets list the interface by that name, line break and all, as text.
  await page.uncheck('[data-testid="packet-scope"]').catch(() => {});
  await page.fill('[data-testid="packet-filter"]', '');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="packet-row"]')]
    .some((row) => row.textContent.includes('silly!')));
  const row = await page.locator('[data-testid="packet-row"]', { hasText: 'silly!' }).first().textContent();
  assert.ok(row.includes('silly!\r\nethernet interface 2'), JSON.stringify(row));
  assert.deepEqual(errors, []);
  await page.close();
});
