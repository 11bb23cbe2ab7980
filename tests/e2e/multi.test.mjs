// Several captures of one failure, dropped together or added one after the other: one analysis,
// clocks lined up, the finding with both nodes' evidence, frames named with their capture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveAndLaunch, open, dropFiles, waitForAnalysis, assertSameOrigin, EXAMPLES, OUT } from './harness.mjs';

const env = serveAndLaunch();

const NODE1 = 'vxlan_checksum_bug63.node1.any.pcap';
const NODE2 = 'vxlan_checksum_bug63.node2.any.pcap';

test('two nodes dropped together are one analysis', async () => {
  const { page, requests, errors } = await open(env.browser.context, env.server.url);
  await page.waitForSelector('[data-testid="drop-zone"][data-worker="ready"]');
  const loaded = requests.length;
  await dropFiles(page, [
    { name: NODE1, bytes: await readFile(join(EXAMPLES, 'lab', NODE1)) },
    { name: NODE2, bytes: await readFile(join(EXAMPLES, 'lab', NODE2)) },
  ]);
  await waitForAnalysis(page, `${NODE1} + ${NODE2}`);
  // Both captures listed, the second's clock lined up with the first within a millisecond.
  const files = page.locator('[data-testid="capture-file"]');
  assert.equal(await files.count(), 2);
  const offset = Number(await files.nth(1).getAttribute('data-clock-offset'));
  assert.ok(Math.abs(offset) < 0.001, `clock offset ${offset}`);
  // One finding, its evidence from both nodes, frames named with their capture.
  assert.equal(await page.locator('[data-testid="finding-vxlan-syn-loss"]').count(), 1);
  const evidence = await page.textContent('[data-testid="finding-vxlan-syn-loss"] .evidence');
  assert.match(evidence, new RegExp(`${NODE1.replace(/\./g, '\\.')} #`));
  assert.match(evidence, new RegExp(`${NODE2.replace(/\./g, '\\.')} #`));
  // The packet list holds both captures' packets.
  await page.uncheck('[data-testid="packet-scope"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="packet-row"]').length > 20);
  const rows = await page.locator('[data-testid="packet-row"]').allTextContents();
  assert.ok(rows.some((r) => r.includes(NODE1)) && rows.some((r) => r.includes(NODE2)));
  await page.screenshot({ path: join(OUT, 'two-nodes.png'), fullPage: true });
  // The finding's packets, from both captures, as one pcapng.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid="export-pcapng-0"]'),
  ]);
  assert.equal(download.suggestedFilename(), 'vxlan-syn-loss.evidence.pcapng');
  const pcapng = await readFile(await download.path());
  assert.equal(pcapng.readUInt32LE(0), 0x0a0d0d0a, 'a pcapng section header');
  const text = pcapng.toString('latin1');
  assert.ok(text.includes(`${NODE1}:`) && text.includes(`${NODE2}:`), 'interfaces of both captures');
  // What the packet list shows under a filter, from both captures, as one pcapng.
  await page.fill('[data-testid="packet-filter"]', 'tcp');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="packet-row"]').length > 0);
  const [filtered] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid="export-filtered"]'),
  ]);
  assert.match(filtered.suggestedFilename(), /\.filtered\.pcapng$/);
  const filteredBytes = await readFile(await filtered.path());
  assert.equal(filteredBytes.readUInt32LE(0), 0x0a0d0d0a, 'a pcapng section header');
  assert.ok(filteredBytes.toString('utf8').includes('“tcp”'), 'the filter as the section comment');
  assert.deepEqual(requests.slice(loaded), [], 'analysing dropped files made network requests');
  assertSameOrigin(requests, env.server.url);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a capture added to the one open is analysed with it', async () => {
  const { page, errors } = await open(env.browser.context, env.server.url);
  await page.waitForSelector('[data-testid="drop-zone"][data-worker="ready"]');
  await page.setInputFiles('[data-testid="file-input"]', join(EXAMPLES, 'lab', NODE1));
  await waitForAnalysis(page, NODE1);
  await page.setInputFiles('[data-testid="add-file-input"]', join(EXAMPLES, 'lab', NODE2));
  await waitForAnalysis(page, `${NODE1} + ${NODE2}`);
  assert.equal(await page.locator('[data-testid="capture-file"]').count(), 2);
  // A clock set by hand is used as given.
  await page.fill('[data-testid="clock-1"]', '0.25');
  await page.dispatchEvent('[data-testid="clock-1"]', 'change');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="capture-file"]')[1]?.getAttribute('data-clock-offset') === '0.250000');
  assert.deepEqual(errors, []);
  await page.close();
});
