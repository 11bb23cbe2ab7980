#!/usr/bin/env bash
# Benchmark (scripts/bench.sh [--browser [--big]]): on two large real captures, in one run,
# `dropscope packets` against tshark -T fields (same fields), and `dropscope analyze --json`
# on one thread and on every core against tshark -q -z conv,tcp: time, MB/s, packets/s, peak
# RSS, nanoseconds per packet, the ratios, and the report's size per connection.
#
# The captures are made once from real TCP traffic between network namespaces created here,
# with segmentation offloads off so packets are wire-sized:
# - bench-data/bench.pcap (>= 200 MB, SLL2 like `tcpdump -i any`): a client's view, many short
#   connections plus bulk transfers, each packet seen once;
# - bench-data/bench-node.pcap (scripts/bench/node.sh): a node's `tcpdump -i any` with a
#   bridge and kube-proxy-style DNAT, each packet seen three times.
# Needs root, iproute2, ethtool, tcpdump, tshark (scripts/bench.sh installs the Debian ones).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
DATA=bench-data
CAPTURE=$DATA/bench.pcap
MIN_BYTES=$((200 * 1000 * 1000))
mkdir -p "$DATA"

need() { command -v "$1" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }
need tshark tshark
need tcpdump tcpdump
need ethtool ethtool
need bc bc

make_capture() {
  local a=dsbench-client b=dsbench-server
  cleanup() {
    [ -n "${DUMP_PID:-}" ] && kill "$DUMP_PID" 2>/dev/null && wait "$DUMP_PID" 2>/dev/null || true
    [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null || true
    ip netns del "$a" 2>/dev/null || true
    ip netns del "$b" 2>/dev/null || true
  }
  trap cleanup EXIT
  cleanup
  ip netns add "$a"
  ip netns add "$b"
  ip link add veth-c netns "$a" type veth peer name veth-s netns "$b"
  ip -n "$a" addr add 10.77.0.1/24 dev veth-c
  ip -n "$b" addr add 10.77.0.2/24 dev veth-s
  for ns_dev in "$a veth-c" "$b veth-s"; do
    set -- $ns_dev
    ip -n "$1" link set lo up
    ip -n "$1" link set "$2" up
    ip netns exec "$1" ethtool -K "$2" tso off gso off gro off >/dev/null 2>&1 || true
  done
  ip netns exec "$b" python3 scripts/bench/traffic.py server 10.77.0.2 8080 &
  SERVER_PID=$!
  sleep 1
  ip netns exec "$a" tcpdump -i any -s 262144 -B 65536 -w "$CAPTURE.tmp" 2>"$DATA/tcpdump.log" &
  DUMP_PID=$!
  sleep 1
  # 20 000 short connections and 160 MB of bulk transfer: well over 200 MB of capture.
  ip netns exec "$a" python3 scripts/bench/traffic.py client 10.77.0.2 8080 20000 160
  sleep 1
  cleanup
  trap - EXIT
  mv "$CAPTURE.tmp" "$CAPTURE"
  tail -3 "$DATA/tcpdump.log" || true
}

if [ ! -f "$CAPTURE" ] || [ "$(stat -c %s "$CAPTURE")" -lt "$MIN_BYTES" ]; then
  echo "== making $CAPTURE from namespace traffic"
  make_capture
fi

# --browser [--big]: the page in Chromium against Wiregasm instead (scripts/bench-browser.mjs).
if [ "${1:-}" = "--browser" ]; then
  SMALL=$DATA/bench-100MB.pcap
  if [ ! -f "$SMALL" ]; then
    # The first 100 MB of the benchmark capture, cut at a record boundary.
    python3 - "$CAPTURE" "$SMALL" <<'PY'
import struct, sys
src, dst = sys.argv[1], sys.argv[2]
data = open(src, 'rb').read(101_000_000)
at = 24
while True:
    length = struct.unpack_from('<I', data, at + 8)[0]
    if at + 16 + length > 100_000_000:
        break
    at += 16 + length
open(dst, 'wb').write(data[:at])
PY
  fi
  [ -d "$DATA/npm/node_modules/@goodtools/wiregasm" ] || npm install --silent --no-save --prefix "$DATA/npm" @goodtools/wiregasm@1.9.1
  [ -f dist/index.html ] || trunk build --release
  exec node scripts/bench-browser.mjs "${@:2}"
fi

cargo build --release --bin dropscope -q
NODE_CAPTURE=$DATA/bench-node.pcap
if [ ! -f "$NODE_CAPTURE" ]; then
  echo "== making $NODE_CAPTURE: a busy node's tcpdump -i any (bridge, DNAT, three sightings a packet)"
  bash scripts/bench/node.sh
fi
FIELDS=(frame.number frame.time_epoch frame.len frame.cap_len frame.interface_id eth.src eth.dst vlan.id ip.src ip.dst ip.proto ipv6.src ipv6.dst tcp.srcport tcp.dstport tcp.flags tcp.seq_raw tcp.ack_raw udp.srcport udp.dstport)
THREADS=$(nproc)
need /usr/bin/time time

now() { date +%s.%N; }
# timed NAME RUNS CMD...: the best wall time of RUNS runs (into T) and that run's peak RSS in
# MB (into RSS); the output of the last run stays in $DATA/out.
timed() {
  local name=$1 runs=$2; shift 2
  T=""; RSS=0
  for run in $(seq 1 "$runs"); do
    local start t
    start=$(now)
    /usr/bin/time -f '%M' -o "$DATA/rss" "$@" > "$DATA/out" 2>/dev/null
    t=$(echo "$(now) - $start" | bc -l)
    if [ -z "$T" ] || [ "$(echo "$t < $T" | bc -l)" = 1 ]; then T=$t; RSS=$(( $(cat "$DATA/rss") / 1024 )); fi
  done
}
row() { # NAME SECONDS RSS_MB
  printf '  %-34s %7.2f s %8.1f MB/s %10.0f packets/s %6d MB peak RSS %7.0f ns/packet x cores\n' "$1" "$2" \
    "$(echo "$BYTES / 1000000 / $2" | bc -l)" "$(echo "$PACKETS / $2" | bc -l)" "$3" \
    "$(echo "$2 * 1000000000 / $PACKETS * ${4:-1}" | bc -l)"
}

bench_file() {
  local capture=$1
  BYTES=$(stat -c %s "$capture")
  local tshark_args=(-r "$capture" -d udp.port==8472,vxlan -T fields -E header=y -E separator=/t -E occurrence=f)
  for f in "${FIELDS[@]}"; do tshark_args+=(-e "$f"); done

  timed packets 3 target/release/dropscope packets "$capture"
  local packets_t=$T packets_rss=$RSS
  mv "$DATA/out" "$DATA/ours.tsv"
  PACKETS=$(($(wc -l < "$DATA/ours.tsv") - 1))
  timed tshark-fields 1 tshark "${tshark_args[@]}"
  local fields_t=$T fields_rss=$RSS
  mv "$DATA/out" "$DATA/tshark.tsv"
  timed analyze-1 3 target/release/dropscope analyze "$capture" --json --threads 1
  local one_t=$T one_rss=$RSS
  timed analyze-all 3 target/release/dropscope analyze "$capture" --json --threads "$THREADS"
  local all_t=$T all_rss=$RSS
  mv "$DATA/out" "$DATA/report.json"
  timed tshark-conv 1 tshark -r "$capture" -q -z conv,tcp
  local conv_t=$T conv_rss=$RSS
  local connections report_bytes
  connections=$(python3 -c "import json; print(len(json.load(open('$DATA/report.json'))['connections']))")
  report_bytes=$(stat -c %s "$DATA/report.json")

  printf '\n== %s: %.1f MB, %d packets, %d connections\n' "$capture" "$(echo "$BYTES / 1000000" | bc -l)" "$PACKETS" "$connections"
  row "dropscope packets" "$packets_t" "$packets_rss"
  row "tshark -T fields (same fields)" "$fields_t" "$fields_rss"
  row "dropscope analyze --json, 1 thread" "$one_t" "$one_rss"
  row "dropscope analyze --json, $THREADS threads" "$all_t" "$all_rss" "$THREADS"
  row "tshark -q -z conv,tcp" "$conv_t" "$conv_rss"
  printf '  ratios: packets %.1fx tshark -T fields; analyze %.1fx (1 thread) and %.1fx (%d threads) tshark -z conv,tcp\n' \
    "$(echo "$fields_t / $packets_t" | bc -l)" "$(echo "$conv_t / $one_t" | bc -l)" "$(echo "$conv_t / $all_t" | bc -l)" "$THREADS"
  printf '  report: %.1f MB of JSON, %d bytes per connection\n' "$(echo "$report_bytes / 1000000" | bc -l)" "$((report_bytes / (connections > 0 ? connections : 1)))"
  if cmp -s "$DATA/ours.tsv" "$DATA/tshark.tsv"; then
    echo "  packets output: identical to tshark's"
  else
    echo "  packets output: $(diff "$DATA/ours.tsv" "$DATA/tshark.tsv" | grep -c '^<') rows differ from tshark's"
  fi
}

echo "== best of 3 runs for dropscope, one run for tshark; $THREADS cores"
bench_file "$CAPTURE"
bench_file "$NODE_CAPTURE"
