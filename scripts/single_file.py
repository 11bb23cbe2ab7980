#!/usr/bin/env python3
"""Trunk post-build hook: writes dropscope.html, the whole app in one file that works when
opened from file:// (a browser blocks module scripts and wasm fetches for origin `null`).

The page's wasm and the worker's are inlined as base64 in inert <script type="text/plain">
elements; one inline module script (allowed by its hash) decodes the page's wasm, and starts
the worker from a Blob URL whose source is the worker's glue plus its wasm. The policy forbids
every request: default-src 'none', connect-src 'none'. The examples are compiled into the wasm.

Usage: as a hook (reads $TRUNK_STAGING_DIR), or `single_file.py DIST_DIR`.
"""
import base64
import hashlib
import os
import re
import sys

dist = sys.argv[1] if len(sys.argv) > 1 else os.environ["TRUNK_STAGING_DIR"]
index = open(os.path.join(dist, "index.html"), encoding="utf-8").read()


def read(name):
    with open(os.path.join(dist, name), encoding="utf-8") as f:
        return f.read()


def read_bytes(name):
    with open(os.path.join(dist, name), "rb") as f:
        return f.read()


glue = re.search(r"from '\./(dropscope-app-[0-9a-f]+\.js)'", index).group(1)
wasm = re.search(r"module_or_path: '\./(dropscope-app-[0-9a-f]+_bg\.wasm)'", index).group(1)
css = re.search(r'href="\./(style-[0-9a-f]+\.css)"', index).group(1)

app_js = read(glue)
worker_js = read("dropscope-worker.js")
for name, text in (("page glue", app_js), ("worker glue", worker_js)):
    if "</script" in text.lower():
        sys.exit(f"single_file: the {name} contains </script and cannot be inlined")

app_wasm = base64.b64encode(read_bytes(wasm)).decode()
worker_wasm = base64.b64encode(read_bytes("dropscope-worker_bg.wasm")).decode()

# The module script: the page's glue (its exports are harmless in an inline module), then the
# start-up, which Trunk's loader would otherwise do with fetches.
startup = app_js + """
const decode = (id) => Uint8Array.from(atob(document.getElementById(id).textContent.trim()), (c) => c.charCodeAt(0));
const workerSource = document.getElementById('dropscope-worker-js').textContent
  + '\\nwasm_bindgen({ module_or_path: Uint8Array.from(atob(' + JSON.stringify(document.getElementById('dropscope-worker-wasm').textContent.trim()) + '), (c) => c.charCodeAt(0)) });\\n';
window.DROPSCOPE_WORKER_URL = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
initSync({ module: decode('dropscope-app-wasm') });
"""
digest = base64.b64encode(hashlib.sha256(startup.encode("utf-8")).digest()).decode()
policy = (
    "default-src 'none'; "
    f"script-src 'sha256-{digest}' 'wasm-unsafe-eval'; "
    "worker-src blob:; style-src 'unsafe-inline'; img-src data:; connect-src 'none'; "
    "object-src 'none'; base-uri 'none'; form-action 'none'"
)
html = f"""<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <!-- dropscope in one file: works from file://, makes no request at all. -->
    <meta http-equiv="Content-Security-Policy" content="{policy}" />
    <link rel="icon" href="data:," />
    <title>dropscope — Kubernetes packet capture explainer</title>
    <style>{read(css)}</style>
    <script type="text/plain" id="dropscope-app-wasm">{app_wasm}</script>
    <script type="text/plain" id="dropscope-worker-wasm">{worker_wasm}</script>
    <script type="text/plain" id="dropscope-worker-js">{worker_js}</script>
    <script type="module">{startup}</script>
  </head>
  <body></body>
</html>
"""
out = os.path.join(dist, "dropscope.html")
open(out, "w", encoding="utf-8").write(html)
print(f"single_file: {out} ({len(html) / 1e6:.1f} MB)")
