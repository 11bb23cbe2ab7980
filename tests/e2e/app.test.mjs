// The app in a real browser: built-in examples, a dropped capture, a corrupt capture, and no
// request to any other origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, open, dropFile, EXAMPLES, OUT } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

function sameOriginOnly(requests, origin) {
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, [], 'the page made requests to other origins');
}

test('a dropped k8s capture is decoded in the page: 84 packets of LINUX_SLL2', async () => {
  const { page, requests, errors } = await open(browser.context, server.url);
  await page.waitForSelector('[data-testid="example-bridge-nf-off"]');
  const bytes = await readFile(join(EXAMPLES, 'd_bridge_nf_off.any.pcap'));
  const before = requests.length;
  await dropFile(page, 'd_bridge_nf_off.any.pcap', bytes);
  await page.waitForSelector('[data-testid="packet-count"]');
  assert.equal(await page.textContent('[data-testid="packet-count"]'), '84');
  assert.equal(await page.textContent('[data-testid="file-name"]'), 'd_bridge_nf_off.any.pcap');
  assert.match(await page.textContent('[data-testid="link-types"]'), /LINUX_SLL2\(276\): 84 packets/);
  // Offload checksums are normal here and must not be called wrong.
  assert.match(await page.textContent('[data-testid="checksums"]'), /, 0 with a wrong checksum/);
  // The whole analysis ran in the page: the failure is diagnosed with its point of failure.
  const finding = page.locator('[data-testid="finding-reply-bypasses-conntrack"]');
  assert.match(await finding.textContent(), /10\.244\.0\.20:8080/);
  assert.match(await finding.locator('[data-testid="point-of-failure"]').textContent(), /switched at layer 2/);
  assert.equal(requests.length, before, 'analysing a dropped file made a network request');
  await page.screenshot({ path: join(OUT, 'dropped-capture.png'), fullPage: true });
  sameOriginOnly(requests, server.url);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a capture picked with the file input is decoded too', async () => {
  const { page } = await open(browser.context, server.url);
  await page.waitForSelector('[data-testid="file-input"]');
  await page.setInputFiles('[data-testid="file-input"]', join(EXAMPLES, 'e_dns_aaaa_drop.any.pcap'));
  await page.waitForSelector('[data-testid="packet-count"]');
  assert.equal(await page.textContent('[data-testid="packet-count"]'), '28');
  assert.equal(await page.textContent('[data-testid="file-name"]'), 'e_dns_aaaa_drop.any.pcap');
  await page.close();
});

test('a built-in example opens with no request', async () => {
  const { page, requests } = await open(browser.context, server.url);
  await page.waitForSelector('[data-testid="example-vxlan-syn-backoff"]');
  const before = requests.length;
  await page.click('[data-testid="example-vxlan-syn-backoff"]');
  await page.waitForSelector('[data-testid="packet-count"]');
  assert.equal(await page.textContent('[data-testid="packet-count"]'), '78');
  assert.match(await page.textContent('[data-testid="finding-vxlan-syn-loss"]'), /64\.5 s/);
  assert.equal(requests.length, before);
  await page.close();
});

test('a capture cut in the middle names the byte and keeps what came before', async () => {
  const { page } = await open(browser.context, server.url);
  await page.waitForSelector('[data-testid="drop-zone"]');
  const whole = await readFile(join(EXAMPLES, 'd_bridge_nf_off.any.pcap'));
  // Cut inside a record: the header of the last kept record claims more than remains.
  const cut = whole.subarray(0, 3000);
  await dropFile(page, 'cut.pcap', cut);
  await page.waitForSelector('[data-testid="capture-error"]');
  const message = await page.textContent('[data-testid="capture-error"]');
  assert.match(message, /^cut\.pcap: at byte \d+: the file is cut short/);
  const count = Number(await page.textContent('[data-testid="packet-count"]'));
  assert.ok(count > 20 && count < 84, `expected the packets before the cut, got ${count}`);
  await page.close();
});

test('a file that is not a capture gets a plain error', async () => {
  const { page } = await open(browser.context, server.url);
  await page.waitForSelector('[data-testid="drop-zone"]');
  await dropFile(page, 'notes.txt', Buffer.from('<script>alert(1)</script> not a capture'));
  await page.waitForSelector('[data-testid="capture-error"]');
  assert.match(await page.textContent('[data-testid="capture-error"]'), /notes\.txt: at byte 0: not a pcap or pcapng file/);
  await page.close();
});
