#!/usr/bin/env python3
"""Trunk post-build hook: allow exactly the inline scripts Trunk wrote into index.html.

Trunk injects an inline <script type="module"> that loads the wasm. A strict
Content-Security-Policy (no 'unsafe-inline') blocks it unless its sha256 is listed in
script-src. This adds those hashes to the policy in $TRUNK_STAGING_DIR/index.html (or the
file given as the first argument), so the page keeps a policy that forbids every other script
and every request to another origin.
"""
import base64
import hashlib
import os
import re
import sys

path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.environ["TRUNK_STAGING_DIR"], "index.html")
html = open(path, encoding="utf-8").read()
scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
hashes = " ".join(
    "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'" for body in scripts
)
policy = re.search(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")', html)
if not policy:
    sys.exit(f"{path}: no Content-Security-Policy meta tag to extend")
directives = policy.group(2)
if "script-src" not in directives:
    sys.exit(f"{path}: the policy has no script-src")
directives = re.sub(r"script-src ([^;]*)", lambda m: "script-src " + m.group(1).strip() + (" " + hashes if hashes else ""), directives, count=1)
html = html[: policy.start(2)] + directives + html[policy.end(2):]
open(path, "w", encoding="utf-8").write(html)
print(f"csp_hashes: {len(scripts)} inline script(s) allowed by hash in {path}")
