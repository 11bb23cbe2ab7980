// The page in the field reports' languages: it follows the browser's language, switches on
// demand (and keeps the choice in the link), and an embed takes `lang=`. The expected words are
// read from the Fluent resources the page is built from, so this checks the wiring, and the
// core tests check that every message exists in every language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveAndLaunch, open, waitForAnalysis, assertSameOrigin, ROOT } from './harness.mjs';

// A Chinese (Taiwan) browser.
const env = serveAndLaunch({ locale: 'zh-TW' });

/** The single-line messages of a language: id → text. */
async function messages(lang) {
  const words = new Map();
  for (const file of ['findings.ftl', 'interface.ftl']) {
    const text = await readFile(join(ROOT, 'core', 'locales', lang, file), 'utf8');
    for (const line of text.split('\n')) {
      const m = /^([a-z][a-z0-9-]*) = (.*)$/.exec(line);
      if (m && !m[2].includes('{')) words.set(m[1], m[2].trim());
    }
  }
  return words;
}

test('the page speaks the browser language, switches, and keeps the choice in the link', async () => {
  const zhTW = await messages('zh-TW');
  const ko = await messages('ko');
  const en = await messages('en');
  const { page, requests, errors } = await open(env.browser.context, `${env.server.url}#example=bridge-nf-off`);
  await waitForAnalysis(page, 'd_bridge_nf_off.any.pcap');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-TW');
  assert.equal(await page.inputValue('[data-testid="language"]'), 'zh-TW');
  assert.equal((await page.textContent('[data-testid="export-json"]')).trim(), zhTW.get('ui-export-json'));
  const title = page.locator('[data-testid="finding-reply-bypasses-conntrack"] h3');
  assert.equal((await title.textContent()).trim(), zhTW.get('reply-bypasses-conntrack-title'));
  assert.notEqual(zhTW.get('reply-bypasses-conntrack-title'), en.get('reply-bypasses-conntrack-title'));
  const loaded = requests.length;

  // Switch to Korean: the findings, the labels and the worker's captions follow.
  await page.selectOption('[data-testid="language"]', 'ko');
  await page.waitForFunction(() => document.documentElement.lang === 'ko');
  assert.equal((await title.textContent()).trim(), ko.get('reply-bypasses-conntrack-title'));
  const where = await page.textContent('[data-testid="point-of-failure"] strong');
  assert.equal(where.trim(), ko.get('label-where'));
  await page.waitForFunction((client) => document.querySelector('[data-testid="station"], [data-testid="endpoint"]') !== null && document.body.textContent.includes(client), ko.get('station-client'));
  assert.deepEqual(requests.slice(loaded), [], 'switching the language made a request');

  // The choice is in the link: reopened, the page speaks Korean though the browser says zh-TW.
  await page.waitForFunction(() => location.hash.includes('lang=ko'));
  const link = page.url();
  const again = await open(env.browser.context, link);
  await waitForAnalysis(again.page, 'd_bridge_nf_off.any.pcap');
  assert.equal(await again.page.getAttribute('html', 'lang'), 'ko');
  assert.equal((await again.page.locator('[data-testid="finding-reply-bypasses-conntrack"] h3').textContent()).trim(), ko.get('reply-bypasses-conntrack-title'));
  assertSameOrigin(requests, env.server.url);
  assert.deepEqual(errors, []);
  assert.deepEqual(again.errors, []);
  await page.close();
  await again.page.close();
});

test('an embed takes lang=', async () => {
  const zhCN = await messages('zh-CN');
  const { page, errors } = await open(env.browser.context, `${env.server.url}?embed&example=vxlan-syn-backoff&lang=zh-CN`);
  const title = page.locator('[data-testid="finding-vxlan-syn-loss"] h3');
  await title.waitFor();
  assert.equal((await title.textContent()).trim(), zhCN.get('vxlan-syn-loss-title'));
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  // The link out of the embed keeps the language.
  assert.match(await page.getAttribute('.embed-top a', 'href'), /lang=zh-CN/);
  assert.deepEqual(errors, []);
  await page.close();
});
