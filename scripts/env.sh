# Sourced by the other scripts: tools installed by setup.sh come first on PATH, so that Trunk
# uses them instead of downloading its own.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
