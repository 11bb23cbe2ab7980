// Browser benchmark (prints figures; never a pass/fail test). In Debian's Chromium, against
// dist/ served on 127.0.0.1:
//   - time from file chosen to findings in our page, for the five k8s captures, a 100 MB
//     capture and (with --big) the 1 GB benchmark capture, with the worker's memory and the
//     tab's memory (RSS of Chromium's renderer processes) after each;
//   - frames per second while the path animation plays;
//   - the same files loaded by Wiregasm (Wireshark compiled to wasm, npm @goodtools/wiregasm),
//     timed the same way, and the ratio.
// Run by `scripts/bench.sh --browser` (which makes the captures and installs Wiregasm).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, ROOT, DIST, EXAMPLES } from '../tests/e2e/harness.mjs';

const big = process.argv.includes('--big');
const DATA = join(ROOT, 'bench-data');
const WIREGASM = join(DATA, 'npm', 'node_modules', '@goodtools', 'wiregasm', 'dist');
const SITE = join(DATA, 'site');

const files = [
  ...['a_asym_rpfilter_drop', 'b_syn_backoff_vxlan8472', 'c_nlb_hairpin_nosnat', 'd_bridge_nf_off', 'e_dns_aaaa_drop']
    .map((n) => join(EXAMPLES, `${n}.any.pcap`)),
  join(DATA, 'bench-100MB.pcap'),
  ...(big ? [join(DATA, 'bench.pcap')] : []),
];
for (const f of files) if (!existsSync(f)) throw new Error(`${f} is missing: run scripts/bench.sh --browser`);

// Our dist/ and Wiregasm side by side on one origin.
rmSync(SITE, { recursive: true, force: true });
cpSync(DIST, SITE, { recursive: true });
const haveWiregasm = existsSync(WIREGASM);
if (haveWiregasm) {
  cpSync(WIREGASM, join(SITE, 'wiregasm'), { recursive: true });
  writeFileSync(join(SITE, 'wiregasm', 'bench.html'), `<!DOCTYPE html><meta charset="utf-8">
<input type="file" id="file">
<script src="./wiregasm.js"></script>
<script type="module">
import { Wiregasm } from './module.js';
const wg = new Wiregasm();
const started = performance.now();
await wg.init(loadWiregasm, { locateFile: (path) => './' + path });
window.wgInitMs = performance.now() - started;
document.getElementById('file').addEventListener('change', async (event) => {
  const file = event.target.files[0];
  const started = performance.now();
  try {
    const data = new Uint8Array(await file.arrayBuffer());
    const loaded = wg.load(file.name, data);
    const conversations = wg.tap({ tap0: 'conv:TCP' });
    window.wgResult = { name: file.name, ms: performance.now() - started, code: loaded.code, frames: loaded.summary?.packet_count, conversations: conversations.taps?.[0]?.convs?.length };
  } catch (e) {
    window.wgResult = { name: file.name, error: String(e) };
  }
});
</script>`);
}

/** RSS of Chromium's renderer processes (the page and its worker), in MB. */
function rendererMegabytes() {
  const out = execFileSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes('chromium') && l.includes('--type=renderer'))
    .reduce((sum, l) => sum + Number(l.trim().split(/\s+/)[0]) / 1024, 0);
}

const server = await serve(SITE);
const browser = await launch();
const mb = (path) => statSync(path).size / 1e6;
const results = [];
try {
  // One page for every file, as a user would; the time is taken in the page, from the file
  // input's change event to the findings on screen (the same way for Wiregasm below).
  const page = await browser.context.newPage();
  page.setDefaultTimeout(30 * 60 * 1000);
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="drop-zone"][data-worker="ready"]');
  for (const path of files) {
    const name = path.split('/').pop();
    await page.evaluate((name) => {
      window.benchDone = new Promise((resolve) => {
        const input = document.querySelector('[data-testid="file-input"]');
        input.addEventListener('change', () => {
          const started = performance.now();
          const observer = new MutationObserver(() => {
            const shown = document.querySelector('[data-testid="file-name"]')?.textContent === name
              && document.querySelector('.findings');
            if (shown) {
              observer.disconnect();
              resolve(performance.now() - started);
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        }, { once: true, capture: true });
      });
    }, name);
    const before = rendererMegabytes();
    await page.setInputFiles('[data-testid="file-input"]', path);
    const ms = Math.round(await page.evaluate(() => window.benchDone));
    const figures = page.locator('[data-testid="analysis-figures"]');
    const workerMs = Number(await figures.getAttribute('data-elapsed-ms'));
    const workerMemory = Number(await figures.getAttribute('data-worker-memory')) / 1e6;
    const after = rendererMegabytes();
    const packets = await page.textContent('[data-testid="packet-count"]');
    results.push({ file: name, mb: mb(path), ms });
    console.log(`ours      ${name.padEnd(36)} ${mb(path).toFixed(1).padStart(7)} MB ${String(packets).padStart(8)} packets: file chosen→findings ${ms} ms (in the worker ${workerMs.toFixed(0)} ms, ${(mb(path) / (ms / 1000)).toFixed(1)} MB/s); worker wasm memory ${workerMemory.toFixed(0)} MB; renderer RSS ${before.toFixed(0)} → ${after.toFixed(0)} MB`);
  }
  await page.close();

  // Frames per second while the animation plays (headless, no GPU).
  const player = await browser.context.newPage();
  await player.goto(server.url + '#example=vxlan-syn-backoff');
  await player.waitForFunction(() => document.querySelector('[data-testid="path"]')?.dataset.playing === 'true');
  await player.waitForTimeout(4000);
  const frames = Number(await player.getAttribute('[data-testid="path"]', 'data-frames'));
  const playing = Number(await player.getAttribute('[data-testid="path"]', 'data-playing-ms'));
  console.log(`animation: ${frames} frames in ${playing} ms of play: ${(frames / (playing / 1000)).toFixed(0)} frames per second`);
  await player.close();

  if (!haveWiregasm) {
    console.log('Wiregasm is not installed: run scripts/bench.sh --browser');
  } else {
    const wg = await browser.context.newPage();
    wg.setDefaultTimeout(30 * 60 * 1000);
    await wg.goto(server.url + 'wiregasm/bench.html');
    await wg.waitForFunction(() => window.wgInitMs !== undefined, null, { timeout: 300000 });
    console.log(`wiregasm  initialisation (68 MB of wasm, once per page): ${(await wg.evaluate(() => window.wgInitMs)).toFixed(0)} ms`);
    for (const path of files) {
      const name = path.split('/').pop();
      let ms;
      let result;
      try {
        await wg.evaluate(() => { window.wgResult = undefined; });
        const started = Date.now();
        await wg.setInputFiles('#file', path);
        await wg.waitForFunction((name) => window.wgResult?.name === name, name);
        result = await wg.evaluate(() => window.wgResult);
        ms = Math.round(result.ms ?? Date.now() - started);
      } catch (e) {
        console.log(`wiregasm  ${name}: failed (${String(e).split('\n')[0]})`);
        break;
      }
      const ours = results.find((r) => r.file === name);
      console.log(`wiregasm  ${name.padEnd(36)} ${mb(path).toFixed(1).padStart(7)} MB: file chosen→loaded and TCP conversations ${ms} ms ${JSON.stringify(result)}; ours ${ours.ms} ms: ratio ${(ms / ours.ms).toFixed(1)}×`);
    }
    await wg.close();
  }
} finally {
  await browser.close();
  await server.close();
}
