#!/usr/bin/env bash
# The benchmark's node capture (bench-data/bench-node.pcap): `tcpdump -i any` on a node whose
# pod A calls a ClusterIP that kube-proxy-style DNAT sends to pod B on the same bridge, so every
# packet is seen three times (A's veth, cni0, B's veth) and rewritten on the way, as on a busy
# node. 12 000 short connections and 150 MB of bulk transfer, offloads off (wire-sized packets).
# Built from the lab's helpers (lab/lib.sh), under the prefix dsbench; needs root.
set -euo pipefail
cd "$(dirname "$0")/../.."
export LAB=dsbench OUT_DIR=$PWD/bench-data
source lab/lib.sh
cleanup
one_node_two_pods 1
in_ns node iptables -t nat -A PREROUTING -d 10.96.0.10/32 -p tcp --dport 80 -j DNAT --to-destination 10.244.0.20:8080
for pair in "a eth0" "b eth0" "node vethpoda" "node vethpodb"; do
  set -- $pair
  in_ns "$1" ethtool -K "$2" tso off gso off gro off >/dev/null 2>&1 || true
done
( exec ip netns exec "$(ns b)" python3 scripts/bench/traffic.py server 10.244.0.20 8080 ) &
PIDS+=($!)
sleep 1
# Not in immediate mode: buffered writes keep up with the traffic (the lab wants each packet
# at once, a benchmark wants them all).
start_capture node bench-node.pcap.tmp tcpdump -i any -s 262144 -B 524288
capture_listening "$CAPTURE_PID"
in_ns a python3 scripts/bench/traffic.py client 10.96.0.10 80 12000 150
stop_capture
mv "$OUT_DIR/bench-node.pcap.tmp" "$OUT_DIR/bench-node.pcap"
