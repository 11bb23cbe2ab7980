// The app in a real browser, served from dist/ on 127.0.0.1: every example capture dropped
// as a file, the gallery, the views of a scene, export, URL state, keyboard, cancel, crash
// recovery, damaged files, and a record of every request (none may leave the origin).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  serveAndLaunch, open, dropFile, waitForAnalysis, assertSameOrigin, pcapRecords, readManifest, EXAMPLES, OUT,
} from './harness.mjs';

const env = serveAndLaunch();

// Every example capture in the manifest: its first finding and the station of its drop point
// (the interface where the failing packet was last seen, or where the wrong reply arrived), or,
// for a healthy capture, no finding and no drop point.
const MANIFEST = await readManifest();

test('every example capture, dropped as a file, shows its finding and its drop point', async () => {
  const { page, requests, errors } = await open(env.browser.context, env.server.url);
  // Loaded: the page and its worker (which fetches its wasm once it starts).
  await page.waitForSelector('[data-testid="drop-zone"][data-worker="ready"]');
  const loaded = requests.length;
  for (const { file, findings, drop: station, gallery, vantage } of MANIFEST) {
    const signature = findings[0] ?? null;
    const name = file.split('/').pop();
    await dropFile(page, name, await readFile(join(EXAMPLES, file)));
    await waitForAnalysis(page, name);
    // Where it was captured, as the page says it.
    if (vantage) assert.equal(await page.getAttribute('[data-testid="vantage"]', 'data-vantage'), vantage, `${file}: vantage`);
    const shot = join(OUT, `${name}.png`);
    if (signature === null) {
      assert.equal(await page.locator('[data-testid="no-findings"]').count(), 1, `${file}: expected no finding`);
      assert.equal(await page.locator('[data-testid="drop-point"]').count(), 0, `${file}: a healthy capture has no drop point`);
      continue;
    }
    // One card per finding: a capture may show the same failure twice (a ClusterIP and a
    // NodePort of one Service without endpoints).
    const cards = findings.filter((f) => f === signature).length;
    assert.equal(await page.locator(`[data-testid="finding-${signature}"]`).count(), cards, `${file}: ${cards} ${signature} card(s)`);
    const drop = page.locator('[data-testid="drop-point"]');
    await drop.waitFor();
    assert.equal(await drop.getAttribute('data-interface'), station, `${file}: drop point on the wrong station`);
    // The station it sits on is drawn, with that interface's name.
    assert.equal(await page.locator(`[data-testid="station"][data-interface="${station}"]`).count(), 1);
    if (gallery) await page.locator('[data-testid="path"]').screenshot({ path: shot.replace('.png', '.path.png') });
    if (!file.startsWith('lab/')) await page.screenshot({ path: shot, fullPage: true });
  }
  assert.deepEqual(requests.slice(loaded), [], 'analysing dropped files made network requests');
  assertSameOrigin(requests, env.server.url);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the gallery opens an example and plays its explanation, with no request', async () => {
  const { page, requests, errors } = await open(env.browser.context, env.server.url);
  await page.waitForSelector('[data-testid="drop-zone"][data-worker="ready"]');
  const cards = await page.locator('[data-testid^="example-"]').count();
  assert.equal(cards, MANIFEST.filter((e) => e.gallery).length, 'one gallery card per gallery example');
  const loaded = requests.length;
  await page.click('[data-testid="example-vxlan-syn-backoff"]');
  await waitForAnalysis(page, 'b_syn_backoff_vxlan8472.any.pcap');
  assert.equal(await page.getAttribute('[data-testid="packet-count"]', 'data-packets'), '78');
  assert.match(await page.textContent('[data-testid="finding-vxlan-syn-loss"]'), /64\.5 s/);
  // It plays by itself: the caption moves on and frames are drawn.
  await page.waitForFunction(() => document.querySelector('[data-testid="path"]').dataset.playing === 'true');
  const first = await page.textContent('[data-testid="step-caption"]');
  await page.waitForFunction((first) => document.querySelector('[data-testid="step-caption"]').textContent !== first, first);
  await page.waitForTimeout(1500);
  const frames = Number(await page.getAttribute('[data-testid="path"]', 'data-frames'));
  const ms = Number(await page.getAttribute('[data-testid="path"]', 'data-playing-ms'));
  assert.ok(frames > 10, `only ${frames} animation frames drawn`);
  console.log(`animation: ${frames} frames in ${ms} ms: ${(frames / (ms / 1000)).toFixed(0)} frames per second`);
  // The retry timeline shows the doubling; the ladder shows the NAT legs.
  const gaps = await page.locator('[data-testid="retry-gap"]').allTextContents();
  assert.deepEqual(gaps, ['+1.0 s', '+2.0 s', '+4.1 s', '+8.2 s', '+16.1 s', '+33.0 s']);
  assert.ok(await page.locator('[data-testid="ladder-rung"]').count() >= 8);
  await page.screenshot({ path: join(OUT, 'gallery-vxlan.png'), fullPage: true });
  assert.equal(requests.length, loaded, 'opening an example made a network request');
  assert.deepEqual(errors, []);
  await page.close();
});

test('playback: pause, step, scrub and keys move the packets; NAT is labelled where it happens', async () => {
  const { page } = await open(env.browser.context, env.server.url + '#example=bridge-nf-off');
  await waitForAnalysis(page, 'd_bridge_nf_off.any.pcap');
  const path = page.locator('[data-testid="path"]');
  await page.click('[data-testid="play"]'); // pause the autoplay
  await page.waitForFunction(() => document.querySelector('[data-testid="path"]').dataset.playing === 'false');
  await page.click('[data-testid="scrub"]', { position: { x: 1, y: 5 } });
  // Step through the first SYN: its third sighting is the DNAT on the bridge (if2).
  const captions = [];
  for (let i = 0; i < 3; i++) {
    await page.click('[data-testid="step-forward"]');
    captions.push(await page.textContent('[data-testid="step-caption"]'));
  }
  assert.match(captions[0], /frame 1 · TCP SYN in on if3 · 10\.244\.0\.10:60986 → 10\.96\.0\.10:80/);
  assert.match(captions[2], /frame 3 · TCP SYN out of if2 · 10\.244\.0\.10:60986 → 10\.244\.0\.20:8080/);
  assert.equal(await page.textContent('[data-testid="nat-label"]'), 'DNAT 10.96.0.10:80 → 10.244.0.20:8080');
  // Keyboard alone: focus the player, step with the arrow keys, play with space.
  await path.focus();
  await page.keyboard.press('ArrowRight');
  assert.match(await page.textContent('[data-testid="step-caption"]'), /frame 4 /);
  await page.keyboard.press('ArrowLeft');
  assert.match(await page.textContent('[data-testid="step-caption"]'), /frame 3 /);
  await page.keyboard.press(' ');
  await page.waitForFunction(() => document.querySelector('[data-testid="path"]').dataset.playing === 'true');
  await page.keyboard.press(' ');
  // The reset is labelled with who sent it: step from the start to the first RST.
  await page.keyboard.press('Home');
  let captionsAfter = '';
  for (let i = 0; i < 20 && !/TCP RST/.test(captionsAfter); i++) {
    await page.keyboard.press('ArrowRight');
    captionsAfter = await page.textContent('[data-testid="step-caption"]');
  }
  assert.match(captionsAfter, /frame \d+ · TCP RST/);
  assert.match(captionsAfter, /reset sent by the client 10\.244\.0\.10:60986/);
  await page.close();
});

test('the packet list: virtualised rows, filters, a finding scope, layers and hex', async () => {
  const { page } = await open(env.browser.context, env.server.url + '#example=vxlan-syn-backoff');
  await waitForAnalysis(page, 'b_syn_backoff_vxlan8472.any.pcap');
  // Scoped to the finding's connection by default; everything when unchecked.
  await page.uncheck('[data-testid="packet-scope"]');
  await page.waitForFunction(() => document.querySelector('#packets h2').textContent === 'Packets (78)');
  const rendered = await page.locator('[data-testid="packet-row"]').count();
  assert.ok(rendered > 0 && rendered <= 120, `${rendered} rows in the page`);
  await page.fill('[data-testid="packet-filter"]', 'port 8472');
  await page.waitForFunction(() => /^Packets \(\d+\)$/.test(document.querySelector('#packets h2').textContent) && document.querySelector('#packets h2').textContent !== 'Packets (78)');
  for (const info of await page.locator('[data-testid="packet-row"] .info').allTextContents()) {
    assert.match(info, /^VXLAN 1: /);
  }
  await page.fill('[data-testid="packet-filter"]', 'port banana');
  await page.waitForSelector('[data-testid="filter-error"]');
  await page.fill('[data-testid="packet-filter"]', '');
  // A frame from the finding's evidence opens its detail: outer and inner layers, and bytes.
  await page.locator('[data-testid="finding-vxlan-syn-loss"] button.frame', { hasText: /^30$/ }).first().click();
  const detail = page.locator('[data-testid="packet-detail"]');
  await detail.waitFor();
  assert.equal(await detail.getAttribute('data-frame'), '30');
  const layers = await detail.locator('summary').allTextContents();
  assert.ok(layers.includes('VXLAN') && layers.includes('↳ TCP'), layers.join(' / '));
  assert.match(await page.textContent('[data-testid="hex"]'), /^0000  08 00 00 00 00 00 00 02/);
  // The selection is in the URL: reloading the link shows the same frame.
  assert.match(page.url(), /#example=vxlan-syn-backoff&finding=0&frame=30/);
  const again = await open(env.browser.context, page.url());
  await again.page.waitForSelector('[data-testid="packet-detail"][data-frame="30"]');
  await again.page.close();
  await page.close();
});

test('a million-row list only ever holds a page of rows', async () => {
  // 1 200 copies of capture d, each 100 s later: 100 800 packets.
  const { page } = await open(env.browser.context, env.server.url);
  await page.waitForSelector('[data-testid="drop-zone"]');
  const bytes = await readFile(join(EXAMPLES, 'd_bridge_nf_off.any.pcap'));
  await dropRepeated(page, 'repeated.pcap', bytes, 1200);
  await waitForAnalysis(page, 'repeated.pcap');
  assert.equal(await page.getAttribute('[data-testid="packet-count"]', 'data-packets'), String(84 * 1200));
  await page.uncheck('[data-testid="packet-scope"]');
  await page.waitForFunction(() => document.querySelector('#packets h2').textContent === 'Packets (100800)');
  // Scroll to the middle: the rows there are fetched, and the page holds only a few of them.
  await page.locator('[data-testid="packet-viewport"]').evaluate((e) => { e.scrollTop = 22 * 50000; });
  await page.waitForSelector('[data-testid="packet-row"][data-frame="50001"]');
  assert.ok(await page.locator('[data-testid="packet-row"]').count() <= 120);
  await page.close();
});

/** Drops a pcap made of `copies` copies of `bytes`' records, each shifted 100 s later. */
async function dropRepeated(page, name, bytes, copies) {
  await page.evaluate(({ name, data, copies }) => {
    const base = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const records = base.subarray(24);
    const out = new Uint8Array(24 + records.length * copies);
    out.set(base.subarray(0, 24));
    for (let copy = 0; copy < copies; copy++) {
      const at = 24 + copy * records.length;
      out.set(records, at);
      const view = new DataView(out.buffer, at, records.length);
      for (let r = 0; r + 16 <= records.length;) {
        view.setUint32(r, view.getUint32(r, true) + copy * 100, true);
        r += 16 + view.getUint32(r + 8, true);
      }
    }
    const transfer = new DataTransfer();
    transfer.items.add(new File([out], name));
    const zone = document.querySelector('[data-testid="drop-zone"]');
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, { name, data: Buffer.from(bytes).toString('base64'), copies });
}

test('a long analysis shows its progress and can be cancelled; the page goes on working', async () => {
  const { page, requests } = await open(env.browser.context, env.server.url);
  await page.waitForSelector('[data-testid="drop-zone"][data-worker="ready"]');
  const loaded = requests.length;
  const bytes = await readFile(join(EXAMPLES, 'lab', 'pmtu_blackhole.any.pcap'));
  await dropRepeated(page, 'big.pcap', bytes, 3000); // about 400 MB
  await page.waitForSelector('[data-testid="progress"]');
  await page.waitForFunction(() => /MB\/s/.test(document.querySelector('[data-testid="progress"]')?.textContent ?? ''));
  await page.click('[data-testid="cancel"]');
  await page.waitForSelector('[data-testid="cancelled"]');
  assert.equal(await page.locator('[data-testid="summary"]').count(), 0);
  await page.click('[data-testid="example-dns-aaaa-drop"]');
  await waitForAnalysis(page, 'e_dns_aaaa_drop.any.pcap');
  assert.equal(await page.locator('[data-testid="finding-dns-conntrack-race"]').count(), 1);
  // The replacement worker started from the code fetched at load (blob: URLs, in memory):
  // no network request since.
  assert.deepEqual(requests.slice(loaded).filter((u) => !u.startsWith('blob:')), []);
  await page.close();
});

test('a panic in the worker is shown, and the page loads the next capture', async () => {
  const { page, errors, requests } = await open(env.browser.context, env.server.url + '?crash-test');
  await page.waitForSelector('[data-testid="drop-zone"][data-worker="ready"]');
  const loaded = requests.length;
  const bytes = await readFile(join(EXAMPLES, 'd_bridge_nf_off.any.pcap'));
  await dropFile(page, 'd_bridge_nf_off.any.pcap', bytes);
  await page.waitForSelector('[data-testid="worker-crashed"]');
  assert.match(await page.textContent('[data-testid="worker-crashed"]'), /a panic requested by the page/);
  await dropFile(page, 'd_bridge_nf_off.any.pcap', bytes);
  await waitForAnalysis(page, 'd_bridge_nf_off.any.pcap');
  assert.equal(await page.locator('[data-testid="finding-reply-bypasses-conntrack"]').count(), 1);
  assert.deepEqual(errors, [], 'the panic escaped the worker');
  assert.deepEqual(requests.slice(loaded).filter((u) => !u.startsWith('blob:')), [], 'recovering made a request');
  await page.close();
});

test('a capture corrupt halfway names the byte and keeps the findings before it', async () => {
  const { page } = await open(env.browser.context, env.server.url);
  await page.waitForSelector('[data-testid="drop-zone"]');
  const bytes = Buffer.from(await readFile(join(EXAMPLES, 'd_bridge_nf_off.any.pcap')));
  // Record 43 claims 4 GB: a corrupt length field, in the middle of the file.
  const record = pcapRecords(bytes)[42];
  bytes.writeUInt32LE(0xfffffff0, record.offset + 8);
  await dropFile(page, 'corrupt.pcap', bytes);
  await waitForAnalysis(page, 'corrupt.pcap');
  const message = await page.textContent('[data-testid="capture-error"]');
  assert.ok(message.startsWith(`corrupt.pcap: at byte ${record.offset}: `), message);
  assert.match(message, /Everything before it was analysed/);
  assert.equal(await page.getAttribute('[data-testid="packet-count"]', 'data-packets'), '42');
  assert.equal(await page.locator('[data-testid="finding-reply-bypasses-conntrack"]').count(), 1);
  await page.close();
});

test('a file that is not a capture gets a plain error', async () => {
  const { page } = await open(env.browser.context, env.server.url);
  await page.waitForSelector('[data-testid="drop-zone"]');
  await dropFile(page, 'notes.txt', Buffer.from('<script>alert(1)</script> not a capture'));
  await page.waitForSelector('[data-testid="capture-error"]');
  assert.match(await page.textContent('[data-testid="capture-error"]'), /notes\.txt: at byte 0: not a pcap or pcapng file/);
  await page.close();
});

test('export: the report as JSON and the findings as Markdown', async () => {
  const { page } = await open(env.browser.context, env.server.url + '#example=nlb-hairpin');
  await waitForAnalysis(page, 'c_nlb_hairpin_nosnat.any.pcap');
  for (const [button, extension] of [['export-json', 'json'], ['export-markdown', 'md']]) {
    const download = page.waitForEvent('download');
    await page.click(`[data-testid="${button}"]`);
    const file = await download;
    assert.equal(file.suggestedFilename(), `c_nlb_hairpin_nosnat.any.dropscope.${extension}`);
    const text = await readFile(await file.path(), 'utf8');
    if (extension === 'json') {
      const report = JSON.parse(text);
      assert.equal(report.findings[0].signature, 'lb-hairpin-client-ip');
      assert.equal(report.capture.packets, 117);
    } else {
      assert.match(text, /^# dropscope: c_nlb_hairpin_nosnat\.any\.pcap/);
      assert.match(text, /\(`lb-hairpin-client-ip`\)/);
    }
  }
  await page.close();
});

test('light and dark themes, and a laptop-sized window', async () => {
  const { page } = await open(env.browser.context, env.server.url + '#example=asym-rpfilter');
  await page.setViewportSize({ width: 1366, height: 768 });
  await waitForAnalysis(page, 'a_asym_rpfilter_drop.any.pcap');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const first = await background();
  await page.click('[data-testid="theme-toggle"]');
  const second = await background();
  assert.notEqual(first, second);
  await page.screenshot({ path: join(OUT, 'theme-toggled.png') });
  // Nothing overflows the window sideways.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1));
  await page.close();
});
