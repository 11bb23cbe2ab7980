// The nodes picture of every failure example: hosts, conntrack, pods and the load balancer
// where they belong; screenshots in both themes and in the 700 px embed (tests/e2e/out/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serveAndLaunch, open, readManifest, OUT } from './harness.mjs';

const env = serveAndLaunch();
const MANIFEST = await readManifest();

test('the nodes picture of every failure example, in both themes and in the embed', async () => {
  const failures = MANIFEST.filter((e) => e.gallery && e.findings.length > 0);
  assert.ok(failures.length >= 10);
  for (const { id } of failures) {
    const { page, errors } = await open(env.browser.context, `${env.server.url}#example=${id}`);
    const picture = page.locator('[data-testid="topology"]');
    await picture.waitFor();
    assert.ok(await page.locator('[data-testid^="node-"]').count() >= 1, `${id}: a node box`);
    assert.ok(await page.locator('[data-testid^="conntrack-"]').count() >= 1, `${id}: conntrack`);
    await picture.screenshot({ path: join(OUT, `topology-${id}-light.png`) });
    await page.click('[data-testid="theme-toggle"]');
    await picture.screenshot({ path: join(OUT, `topology-${id}-dark.png`) });
    assert.deepEqual(errors, [], id);
    await page.close();
    const embed = await open(env.browser.context, `${env.server.url}?embed&example=${id}`);
    await embed.page.setViewportSize({ width: 700, height: 900 });
    const small = embed.page.locator('[data-testid="topology"]');
    await small.waitFor();
    await small.screenshot({ path: join(OUT, `topology-${id}-embed.png`) });
    await embed.page.close();
  }
});

test('the pods of the bridge example sit in their node; the hairpin goes out to the load balancer', async () => {
  const bridge = await open(env.browser.context, `${env.server.url}#example=bridge-nf-off`);
  await bridge.page.locator('[data-testid="topology"]').waitFor();
  assert.equal(await bridge.page.locator('[data-testid="pod-10.244.0.10"]').count(), 1);
  assert.match(await bridge.page.textContent('[data-testid="service"]'), /Service 10\.96\.0\.10:80/);
  assert.equal(await bridge.page.locator('[data-testid="lb"]').count(), 0);
  await bridge.page.close();
  const hairpin = await open(env.browser.context, `${env.server.url}#example=nlb-hairpin`);
  await hairpin.page.locator('[data-testid="topology"]').waitFor();
  assert.equal(await hairpin.page.locator('[data-testid="lb"]').count(), 1);
  await hairpin.page.close();
});
