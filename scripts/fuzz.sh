#!/usr/bin/env bash
# Runs the cargo-fuzz targets for a bounded time each, seeded with every capture in
# ../shared/captures and public/examples. usage: scripts/fuzz.sh [SECONDS_PER_TARGET]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
seconds=${1:-60}
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz --version 0.13.2
for target in capture decode analyze; do
  corpus=fuzz/corpus/$target
  mkdir -p "$corpus"
  find ../shared/captures public/examples -type f \( -name '*.pcap' -o -name '*.pcapng' -o -name '*.cap' \) -size -200k -exec cp -n {} "$corpus/" \; 2>/dev/null || true
  # cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP lets the stable toolchain accept them.
  (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "corpus/$target" -- -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10) 2>&1 | tail -4
done
