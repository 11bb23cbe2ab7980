#!/usr/bin/env bash
# Installs what building and testing dropscope needs, from the crates, npm and Debian
# registries only. Idempotent: each step checks before it installs.
#   scripts/setup.sh          the app build (wasm target, wasm-bindgen-cli, Trunk, wasm-opt)
#   scripts/setup.sh --test   also Debian's Chromium for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.129   # == wasm-bindgen in Cargo.lock and Trunk.toml
TRUNK_VERSION=0.21.14          # 0.22 needs a newer rustc than this machine has

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  cargo install --locked wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing Trunk $TRUNK_VERSION (about 12 minutes, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# binaryen's wasm-opt (Trunk finds it on PATH: see scripts/env.sh) and playwright-core.
if ! node -e 'require("./node_modules/playwright-core/package.json"); require("./node_modules/binaryen/package.json")' 2>/dev/null; then
  say "installing npm tools (binaryen, playwright-core)"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--test" ] && [ ! -x /usr/bin/chromium ]; then
  say "installing Debian's Chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
say "ready"
