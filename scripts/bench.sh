#!/usr/bin/env bash
# Benchmark (scripts/bench.sh [--browser [--big]]): decode a large real capture with `dropscope packets` and with tshark (same
# fields, same file, same run) and print MB/s, packets/s and the ratio.
#
# The capture (bench-data/bench.pcap, >= 200 MB, SLL2 like a node's `tcpdump -i any`) is made
# once from real TCP traffic between two network namespaces created here: many short
# connections plus bulk transfers, with segmentation offloads off so packets are wire-sized.
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
BYTES=$(stat -c %s "$CAPTURE")
FIELDS=(frame.number frame.time_epoch frame.len frame.cap_len frame.interface_id eth.src eth.dst vlan.id ip.src ip.dst ip.proto ipv6.src ipv6.dst tcp.srcport tcp.dstport tcp.flags tcp.seq_raw tcp.ack_raw udp.srcport udp.dstport)
TSHARK_ARGS=(-r "$CAPTURE" -d udp.port==8472,vxlan -T fields -E header=y -E separator=/t -E occurrence=f)
for f in "${FIELDS[@]}"; do TSHARK_ARGS+=(-e "$f"); done

now() { date +%s.%N; }
best=""
for run in 1 2 3; do
  start=$(now)
  target/release/dropscope packets "$CAPTURE" > "$DATA/ours.tsv"
  t=$(echo "$(now) - $start" | bc -l)
  echo "dropscope packets run $run: ${t}s"
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
done
PACKETS=$(($(wc -l < "$DATA/ours.tsv") - 1))
start=$(now)
tshark "${TSHARK_ARGS[@]}" > "$DATA/tshark.tsv" 2>/dev/null
tshark_t=$(echo "$(now) - $start" | bc -l)

printf '\ncapture: %s, %.1f MB, %d packets\n' "$CAPTURE" "$(echo "$BYTES / 1000000" | bc -l)" "$PACKETS"
printf 'dropscope packets: %6.2f s  %8.1f MB/s  %10.0f packets/s  (best of 3)\n' "$best" "$(echo "$BYTES / 1000000 / $best" | bc -l)" "$(echo "$PACKETS / $best" | bc -l)"
printf 'tshark -T fields:  %6.2f s  %8.1f MB/s  %10.0f packets/s\n' "$tshark_t" "$(echo "$BYTES / 1000000 / $tshark_t" | bc -l)" "$(echo "$PACKETS / $tshark_t" | bc -l)"
printf 'ratio: dropscope is %.1fx tshark\n' "$(echo "$tshark_t / $best" | bc -l)"

# The whole analysis (decode, journeys, connections, DNS) against tshark's TCP conversation
# table, which is the nearest thing tshark does; peak memory from GNU time.
need /usr/bin/time time
best_analyze=""
for run in 1 2 3; do
  start=$(now)
  /usr/bin/time -f '%M' -o "$DATA/analyze.rss" target/release/dropscope analyze "$CAPTURE" --json > "$DATA/report.json"
  t=$(echo "$(now) - $start" | bc -l)
  echo "dropscope analyze run $run: ${t}s, peak RSS $(cat "$DATA/analyze.rss") KB"
  if [ -z "$best_analyze" ] || [ "$(echo "$t < $best_analyze" | bc -l)" = 1 ]; then best_analyze=$t; fi
done
start=$(now)
/usr/bin/time -f '%M' -o "$DATA/conv.rss" tshark -r "$CAPTURE" -q -z conv,tcp > "$DATA/conv.txt" 2>/dev/null
conv_t=$(echo "$(now) - $start" | bc -l)
CONNECTIONS=$(python3 -c "import json; print(len(json.load(open('$DATA/report.json'))['connections']))")
printf '\ndropscope analyze:  %6.2f s  %8.1f MB/s  %10.0f packets/s  peak RSS %d MB  (%d connections)\n' "$best_analyze" "$(echo "$BYTES / 1000000 / $best_analyze" | bc -l)" "$(echo "$PACKETS / $best_analyze" | bc -l)" "$(( $(cat "$DATA/analyze.rss") / 1024 ))" "$CONNECTIONS"
printf 'tshark -z conv,tcp: %6.2f s  %8.1f MB/s  %10.0f packets/s  peak RSS %d MB  (%d conversations)\n' "$conv_t" "$(echo "$BYTES / 1000000 / $conv_t" | bc -l)" "$(echo "$PACKETS / $conv_t" | bc -l)" "$(( $(cat "$DATA/conv.rss") / 1024 ))" "$(grep -c '<->' "$DATA/conv.txt")"
printf 'ratio: dropscope analyze is %.1fx tshark -z conv,tcp\n\n' "$(echo "$conv_t / $best_analyze" | bc -l)"

if cmp -s "$DATA/ours.tsv" "$DATA/tshark.tsv"; then
  echo "output: identical to tshark's"
else
  echo "output: $(diff "$DATA/ours.tsv" "$DATA/tshark.tsv" | grep -c '^<') rows differ from tshark's"
fi
