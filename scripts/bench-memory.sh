#!/usr/bin/env bash
# Memory bound of the CLI on a capture bigger than the memory it is allowed: the benchmark
# capture repeated COPIES times (default 5, about 4.8 GB; each copy shifted 10 000 s later),
# analysed under an address-space limit of LIMIT_MB (default 1 GB) with `ulimit -v`, so that
# loading the file is impossible and only streaming can succeed. Prints time and peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
COPIES=${COPIES:-5}
LIMIT_MB=${LIMIT_MB:-1024}
DATA=bench-data
BASE=$DATA/bench.pcap
BIG=$DATA/bench-x$COPIES.pcap
[ -f "$BASE" ] || { echo "run scripts/bench.sh first (it makes $BASE)"; exit 1; }
if [ ! -f "$BIG" ]; then
  echo "== writing $BIG"
  python3 - "$BASE" "$BIG" "$COPIES" <<'PY'
import struct, sys
src, dst, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(dst, 'wb') as out:
    for copy in range(copies):
        with open(src, 'rb') as f:
            header = f.read(24)
            if copy == 0:
                out.write(header)
            while True:
                record = f.read(16)
                if len(record) < 16:
                    break
                seconds, fraction, captured, original = struct.unpack('<IIII', record)
                out.write(struct.pack('<IIII', seconds + copy * 10_000, fraction, captured, original))
                out.write(f.read(captured))
PY
fi
cargo build --release --bin dropscope -q
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
SIZE=$(stat -c %s "$BIG")
echo "== dropscope analyze $BIG ($((SIZE / 1000000)) MB) under ulimit -v $((LIMIT_MB * 1024)) KB"
start=$(date +%s.%N)
( ulimit -v $((LIMIT_MB * 1024)); /usr/bin/time -f '%M' -o "$DATA/memory.rss" target/release/dropscope analyze "$BIG" --json > "$DATA/memory-report.json" )
t=$(echo "$(date +%s.%N) - $start" | bc -l)
python3 - "$DATA/memory-report.json" "$SIZE" "$t" "$(cat "$DATA/memory.rss")" <<'PY'
import json, sys
report, size, seconds, rss = json.load(open(sys.argv[1])), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
print(f"{size / 1e6:.0f} MB, {report['capture']['packets']} packets, {len(report['connections'])} connections: "
      f"{seconds:.1f} s ({size / 1e6 / seconds:.0f} MB/s), peak RSS {rss / 1024:.0f} MB")
PY
