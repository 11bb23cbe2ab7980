// Shared by the browser tests: a static server for dist/ on 127.0.0.1, Debian's Chromium
// driven by playwright-core, a record of every request the page makes, and a drop helper.
import { createServer } from 'node:http';
import { readFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
export const OUT = join(ROOT, 'tests', 'e2e', 'out');
export const EXAMPLES = join(ROOT, 'public', 'examples');

/** The example manifest (public/examples/manifest.tsv), one object per capture, as the core's
 *  parser reads it: id, file, healthy, gallery, vantage, findings, drop, symptom. */
export async function readManifest() {
  const text = await readFile(join(EXAMPLES, 'manifest.tsv'), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [id, file, healthy, gallery, vantage, findings, drop, symptom] = line.split('\t');
      return {
        id, file, symptom,
        healthy: healthy === 'yes',
        gallery: gallery === 'yes',
        vantage: vantage === '-' ? null : vantage,
        findings: findings === '-' ? [] : findings.split(','),
        drop: drop === '-' ? null : drop,
      };
    });
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.pcap': 'application/vnd.tcpdump.pcap' };

/** Serves `dir` on 127.0.0.1 at a free port. */
export async function serve(dir = DIST) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? path + 'index.html' : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  // Close kept-alive connections too, or close() waits for the browser to drop them.
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => { server.close(r); server.closeAllConnections(); }) };
}

/** Launches Debian's Chromium headless with a fresh profile; no downloads, no background
 *  traffic. `locale` sets the browser's language (navigator.languages). */
export async function launch({ locale = 'en-US' } = {}) {
  if (!existsSync('/usr/bin/chromium')) throw new Error('/usr/bin/chromium is missing: run scripts/setup.sh --test');
  const profile = await mkdtemp(join(tmpdir(), 'dropscope-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    locale,
  });
  await mkdir(OUT, { recursive: true });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** For one test file: serves dist/ and launches Chromium before its tests, stops both
 *  after them. The returned object's `server` and `browser` are set once they run. */
export function serveAndLaunch(options) {
  const env = {};
  before(async () => {
    env.server = await serve();
    env.browser = await launch(options);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Opens `url` in a new page, recording every request and every page error. */
export async function open(context, url) {
  const page = await context.newPage();
  // Fail in seconds, not the default 30 s, when the page does not come up.
  page.setDefaultTimeout(15000);
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, requests, errors };
}

/** Drops several files at once on the drop zone: `files` is a list of `{ name, bytes }`. */
export async function dropFiles(page, files) {
  await page.evaluate(
    (files) => {
      const transfer = new DataTransfer();
      for (const { name, data } of files) {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], name, { type: 'application/vnd.tcpdump.pcap' }));
      }
      const zone = document.querySelector('[data-testid="drop-zone"]');
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    files.map(({ name, bytes }) => ({ name, data: Buffer.from(bytes).toString('base64') })),
  );
}

/** Drops `bytes` as a file named `name` on the drop zone, as a user's drag and drop does. */
export async function dropFile(page, name, bytes) {
  await page.evaluate(
    ({ name, data }) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: 'application/vnd.tcpdump.pcap' }));
      const zone = document.querySelector('[data-testid="drop-zone"]');
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { name, data: Buffer.from(bytes).toString('base64') },
  );
}

/** Waits until the page shows the analysis of `name`, and its scene if it has findings. */
export async function waitForAnalysis(page, name) {
  await page.waitForFunction(
    (name) => document.querySelector('[data-testid="file-name"]')?.textContent === name,
    name,
  );
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="no-findings"]') ||
    document.querySelector('[data-testid="scene-title"]')?.textContent);
}

/** Fails unless every request went to `origin` (or stayed in the page: data:, blob:). */
export function assertSameOrigin(requests, origin) {
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  if (foreign.length) throw new Error(`requests to other origins: ${foreign.join(', ')}`);
}

/** The record boundaries of a pcap file (little-endian, as tcpdump writes it here). */
export function pcapRecords(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records = [];
  let at = 24;
  while (at + 16 <= bytes.length) {
    const length = view.getUint32(at + 8, true);
    records.push({ offset: at, length: 16 + length });
    at += 16 + length;
  }
  return records;
}

/** A pcapng whose text is hostile: an interface name and comment with HTML, a DNS query
 *  whose name carries a script tag, and an HTTP payload with an onerror handler. */
export function hostilePcapng() {
  const parts = [];
  const u16 = (v) => { const b = Buffer.alloc(2); b.writeUInt16LE(v); return b; };
  const u32 = (v) => { const b = Buffer.alloc(4); b.writeUInt32LE(v); return b; };
  const pad = (b) => Buffer.concat([b, Buffer.alloc((4 - (b.length % 4)) % 4)]);
  const option = (code, value) => Buffer.concat([u16(code), u16(value.length), pad(value)]);
  const block = (type, body) => {
    const length = 12 + body.length;
    return Buffer.concat([u32(type), u32(length), body, u32(length)]);
  };
  // Section header, little-endian, version 1.0, unknown section length.
  parts.push(block(0x0a0d0d0a, Buffer.concat([u32(0x1a2b3c4d), u16(1), u16(0), Buffer.from('ffffffffffffffff', 'hex')])));
  const name = Buffer.from('<img src=x onerror="document.title=\'pwned\'">eth0');
  const comment = Buffer.from('<script>document.title="pwned"</script>\r\nsecond line');
  parts.push(block(0x00000001, Buffer.concat([u16(1), u16(0), u32(65535), option(2, name), option(1, comment), u32(0)])));
  const checksum = (b) => { let s = 0; for (let i = 0; i < b.length; i += 2) s += (b[i] << 8) + (b[i + 1] ?? 0); while (s >> 16) s = (s & 0xffff) + (s >> 16); return (~s) & 0xffff; };
  const ipv4 = (protocol, payload, src, dst) => {
    const h = Buffer.alloc(20);
    h[0] = 0x45; h.writeUInt16BE(20 + payload.length, 2); h[8] = 64; h[9] = protocol;
    Buffer.from(src).copy(h, 12); Buffer.from(dst).copy(h, 16);
    h.writeUInt16BE(checksum(h), 10);
    return Buffer.concat([h, payload]);
  };
  const ethernet = (payload) => Buffer.concat([Buffer.from('0242ac1100020242ac1100030800', 'hex'), payload]);
  const udp = (sport, dport, payload) => {
    const h = Buffer.alloc(8); h.writeUInt16BE(sport, 0); h.writeUInt16BE(dport, 2); h.writeUInt16BE(8 + payload.length, 4);
    return Buffer.concat([h, payload]);
  };
  const label = (text) => Buffer.concat([Buffer.from([Buffer.byteLength(text)]), Buffer.from(text)]);
  const dns = Buffer.concat([Buffer.from('beef01000001000000000000', 'hex'), label('<script>alert("pwned")</script>'), label('example'), label('com'), Buffer.from('0000010001', 'hex')]);
  const tcpHeader = Buffer.from('c35000500000000100000000501820000000' + '0000', 'hex');
  const http = Buffer.from('GET /<img src=x onerror=alert(1)> HTTP/1.1\r\nHost: <b>x</b>\r\n\r\n');
  const packets = [
    ethernet(ipv4(17, udp(40000, 53, dns), [10, 0, 0, 1], [10, 0, 0, 2])),
    ethernet(ipv4(6, Buffer.concat([tcpHeader, http]), [10, 0, 0, 1], [10, 0, 0, 2])),
  ];
  packets.forEach((packet, i) => {
    const body = Buffer.concat([u32(0), u32(0), u32(1000000 + i), u32(packet.length), u32(packet.length), pad(packet), option(1, comment), u32(0)]);
    parts.push(block(0x00000006, body));
  });
  return Buffer.concat(parts);
}
