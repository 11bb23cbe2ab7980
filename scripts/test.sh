#!/usr/bin/env bash
# Runs every test: formatting, lints, native and corpus tests, the wasm builds, and the browser
# end-to-end tests in Debian's Chromium. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
source scripts/env.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "formatting"
cargo fmt --all -- --check

step "clippy (native crates, then the app for wasm32)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p dropscope-app --target wasm32-unknown-unknown -- -D warnings

step "native tests (the corpus test prints its agreement with tshark)"
cargo test --workspace -- --nocapture 2>&1 | tee target/native-tests.log | grep -vE '^known:' || exit 1
grep -q "test result: FAILED" target/native-tests.log && exit 1

step "core builds for wasm32"
cargo build -p dropscope-core --target wasm32-unknown-unknown --release

step "app release build (Trunk)"
trunk build --release

step "browser end-to-end tests"
node --test --test-reporter=spec tests/e2e/
