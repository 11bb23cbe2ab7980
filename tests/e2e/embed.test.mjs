// Documentation embeds (a 700 px iframe) and the single-file build opened from file://.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveAndLaunch, serve, open, assertSameOrigin, DIST, OUT } from './harness.mjs';

const env = serveAndLaunch();

test('?embed&example= shows one scenario in a 700 px iframe, without the rest of the chrome', async () => {
  // A documentation site on another origin embeds the app.
  const docs = await mkdtemp(join(tmpdir(), 'dropscope-docs-'));
  await writeFile(join(docs, 'index.html'), `<!DOCTYPE html><meta charset="utf-8"><h1>Docs page</h1>
    <iframe id="demo" src="${env.server.url}?embed&example=vxlan-syn-backoff" width="700" height="900" style="border:1px solid #ccc"></iframe>`);
  const site = await serve(docs);
  const { page, requests, errors } = await open(env.browser.context, site.url);
  const frame = page.frameLocator('#demo');
  await frame.locator('[data-testid="drop-point"]').waitFor();
  assert.equal(await frame.locator('[data-testid="drop-point"]').getAttribute('data-interface'), 'if2');
  assert.equal(await frame.locator('[data-testid="finding-vxlan-syn-loss"]').count(), 1);
  // No gallery, no file input, no packet list in an embed.
  assert.equal(await frame.locator('[data-testid^="example-"]').count(), 0);
  assert.equal(await frame.locator('[data-testid="file-input"]').count(), 0);
  assert.equal(await frame.locator('#packets').count(), 0);
  // It fits the iframe's width.
  const overflow = await frame.locator('body').evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the embed is ${overflow} px wider than its iframe`);
  await page.screenshot({ path: join(OUT, 'embed-700px.png'), fullPage: true });
  assertSameOrigin(requests.filter((u) => !u.startsWith(site.url)), env.server.url);
  assert.deepEqual(errors, []);
  await page.close();
  await site.close();
  await rm(docs, { recursive: true, force: true });
});

test('?embed&capture= opens a capture from the same origin, and refuses any other', async () => {
  const { page } = await open(env.browser.context, `${env.server.url}?embed&capture=./examples/lab/dns_lossy.any.pcap`);
  await page.locator('[data-testid="finding-dns-conntrack-race"]').waitFor();
  assert.equal(await page.locator('[data-testid="drop-point"]').getAttribute('data-interface'), 'if4');
  await page.close();
  const other = await open(env.browser.context, `${env.server.url}?embed&capture=http://192.0.2.1/x.pcap`);
  await other.page.waitForSelector('[data-testid="read-error"]');
  assert.match(await other.page.textContent('[data-testid="read-error"]'), /only captures from this page's own site/);
  assert.ok(!other.requests.some((u) => new URL(u).host === '192.0.2.1'), 'it tried to fetch from another origin');
  await other.page.close();
});

test('the single-file build works from file:// and makes no request at all', async () => {
  const url = pathToFileURL(join(DIST, 'dropscope.html')).href;
  const { page, requests, errors } = await open(env.browser.context, `${url}#example=bridge-nf-off`);
  await page.locator('[data-testid="drop-point"]').waitFor();
  assert.equal(await page.locator('[data-testid="drop-point"]').getAttribute('data-interface'), 'if3');
  assert.equal(await page.locator('[data-testid="finding-reply-bypasses-conntrack"]').count(), 1);
  // The only loads: the file itself and the worker's Blob URL.
  const others = requests.filter((u) => u !== `${url}#example=bridge-nf-off` && u !== url && !u.startsWith('blob:'));
  assert.deepEqual(others, []);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: join(OUT, 'single-file.png') });
  await page.close();
});
