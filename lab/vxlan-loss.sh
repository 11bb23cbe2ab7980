#!/usr/bin/env bash
# vxlan-syn-loss: client pod on node1 calls a ClusterIP whose backend is on node2 across a
# flannel-style VXLAN overlay (UDP 8472). node2 drops the VXLAN packets for the first 20 s
# (standing in for the NIC dropping packets with a bad outer checksum), then lets them through.
# The client uses the classic SYN schedule (tcp_syn_linear_timeouts=0: 1, 2, 4, 8, 16 s).
#   pod client 10.244.1.10 — vethclient — node1 cni0 10.244.1.1 | flannel.1 10.244.1.0 | eth0 172.18.0.2
#   node2 eth0 172.18.0.3 | flannel.1 10.244.2.0 | cni0 10.244.2.1 — vethserver — pod server 10.244.2.20:8080
# usage: vxlan-loss.sh lossy|ok
# Writes vxlan_<mode>.node1.any.pcap and vxlan_<mode>.node2.any.pcap (tcpdump -i any on each).
source "$(dirname "$0")/lib.sh"
mode=${1:?lossy or ok}
cleanup
two_nodes
in_ns client sysctl -qw net.ipv4.tcp_syn_linear_timeouts=0
# flannel.1 (VNI 1, UDP 8472) with the peer's VTEP MAC in a neighbour and an FDB entry.
flannel_vxlan
in_ns node1 iptables -t nat -A PREROUTING -d 10.96.0.20/32 -p tcp --dport 80 -j DNAT --to-destination 10.244.2.20:8080
serve server 8080
if [ "$mode" = lossy ]; then
  in_ns node2 iptables -A INPUT -p udp --dport 8472 -j DROP
fi
capture node2 "vxlan_$mode.node2.any.pcap"
NODE2_PID=$CAPTURE_PID
capture node1 "vxlan_$mode.node1.any.pcap"
if [ "$mode" = lossy ]; then
  ( sleep 20; in_ns node2 iptables -D INPUT -p udp --dport 8472 -j DROP ) &
  PIDS+=($!)
fi
fetch client 10.96.0.20 80 40
stop_capture
CAPTURE_PID=$NODE2_PID stop_capture
echo "wrote $OUT_DIR/vxlan_$mode.node1.any.pcap and .node2.any.pcap"
