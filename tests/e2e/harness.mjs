// Shared by the browser tests: a static server for dist/ on 127.0.0.1, Debian's Chromium
// driven by playwright-core, a record of every request the page makes, and a drop helper.
import { createServer } from 'node:http';
import { readFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
export const OUT = join(ROOT, 'tests', 'e2e', 'out');
export const EXAMPLES = join(ROOT, 'public', 'examples');

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
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

/** Launches Debian's Chromium headless with a fresh profile; no downloads, no background traffic. */
export async function launch() {
  if (!existsSync('/usr/bin/chromium')) throw new Error('/usr/bin/chromium is missing: run scripts/setup.sh --test');
  const profile = await mkdtemp(join(tmpdir(), 'dropscope-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
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
