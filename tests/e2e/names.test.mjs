// The cluster's names in the page: pasted or opened as text files, they name the pods,
// Services and interfaces everywhere; lines that cannot be read are said by number; nothing
// leaves the page and nothing goes into the URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveAndLaunch, open, waitForAnalysis, assertSameOrigin, ROOT, OUT } from './harness.mjs';

const env = serveAndLaunch();

test('names pasted and opened name the pods, Services and interfaces', async () => {
  const { page, requests, errors } = await open(env.browser.context, `${env.server.url}#example=bridge-nf-off`);
  await waitForAnalysis(page, 'd_bridge_nf_off.any.pcap');
  const loaded = requests.length;
  await page.click('[data-testid="names"] summary');
  const pods = await readFile(join(ROOT, 'tests', 'names', 'pods.txt'), 'utf8');
  const services = await readFile(join(ROOT, 'tests', 'names', 'services.txt'), 'utf8');
  await page.fill('[data-testid="names-input"]', `${pods}\n${services}`);
  await page.click('[data-testid="names-apply"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="finding-reply-bypasses-conntrack"] .summary')?.textContent.includes('pod default/client'));
  const summary = await page.textContent('[data-testid="finding-reply-bypasses-conntrack"] .summary');
  assert.match(summary, /pod default\/client-7d9f8c6b5-x2x9q \(10\.244\.0\.10:60986\)/);
  assert.match(summary, /default\/web \(10\.96\.0\.10:80\)/);
  // The garbage line is named with its number.
  const problem = await page.textContent('[data-testid="names-problem"]');
  assert.match(problem, /line 8:/);
  // The interfaces' names from a node's `ip -o link`, opened as a file.
  await page.setInputFiles('[data-testid="names-files"]', join(ROOT, 'tests', 'names', 'node-a.ip-link.txt'));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="names-source"]').length === 2);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="station"]')].some((s) => s.getAttribute('data-interface') === 'cni0'));
  // The packet list names addresses too.
  await page.uncheck('[data-testid="packet-scope"]');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="packet-row"]')].some((r) => r.textContent.includes('pod default/web')));
  await page.screenshot({ path: join(OUT, 'names.png'), fullPage: true });
  assert.ok(!page.url().includes('client-7d9f'), 'names never go into the URL');
  assert.deepEqual(requests.slice(loaded), [], 'names made a request');
  assertSameOrigin(requests, env.server.url);
  assert.deepEqual(errors, []);
  await page.close();
});
