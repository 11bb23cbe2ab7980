#!/usr/bin/env bash
# dns-conntrack-race and its healthy counterpart. A pod resolves a name the way glibc does: A and
# AAAA sent back to back from one UDP socket to the kube-dns ClusterIP, both re-sent after a 5 s
# timeout. The node DNATs 10.96.0.10:53 to the DNS pod. In "lossy" mode the node drops the first
# AAAA answer — the visible effect of the conntrack insertion race (which cannot be triggered on
# demand) — so the lookup waits for the resolver's retry.
#   pod client 10.244.0.10 — vethclient ┐ cni0 10.244.0.1 (node) ┌ vethdns — pod dns 10.244.0.53
# usage: dns-race.sh lossy|ok
source "$(dirname "$0")/lib.sh"
mode=${1:?lossy or ok}
cleanup
make_ns node
bridge node cni0 10.244.0.1/24
pod client node vethclient 10.244.0.10/24 10.244.0.1 cni0
pod dns node vethdns 10.244.0.53/24 10.244.0.1 cni0
in_ns node sysctl -qw net.bridge.bridge-nf-call-iptables=1
in_ns node iptables -t nat -A PREROUTING -d 10.96.0.10/32 -p udp --dport 53 -j DNAT --to-destination 10.244.0.53:53
if [ "$mode" = lossy ]; then
  # AAAA answers carry the question's type and class 00 1c 00 01; drop the first one only.
  in_ns node iptables -A FORWARD -p udp --sport 53 -m string --algo bm --hex-string '|001c0001|' -m statistic --mode nth --every 1000 --packet 0 -j DROP
fi
# A minimal DNS server: NOERROR, no records, for any question.
in_ns dns python3 -c "
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('0.0.0.0', 53))
while True:
    q, peer = s.recvfrom(512)
    s.sendto(q[:2] + b'\x81\x80' + q[4:6] + b'\x00\x00\x00\x00\x00\x00' + q[12:], peer)
" &
PIDS+=($!)
sleep 0.5
capture node "dns_$mode.any.pcap"
glibc_lookups client 1
stop_capture
echo "wrote $OUT_DIR/dns_$mode.any.pcap"
