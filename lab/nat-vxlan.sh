#!/usr/bin/env bash
# Healthy: a pod calls a ClusterIP whose backend is on another node across a VXLAN overlay on
# the IANA port 4789; node1 DNATs the ClusterIP and masquerades (SNAT) traffic entering the
# tunnel. (This kernel has no Geneve module; VXLAN and Geneve share one path in the analysis.)
#   pod client 10.244.1.10 — vethclient — node1 cni0 10.244.1.1 | eth0 172.18.0.2
#   node1 vxlan0 (VNI 5, 10.250.0.1) ⇄ node2 vxlan0 (10.250.0.2) | eth0 172.18.0.3
#   node2 cni0 10.244.2.1 — vethserver — pod server 10.244.2.20:8080
#   ClusterIP 10.96.0.30:80 → 10.244.2.20:8080 (DNAT on node1), MASQUERADE out of vxlan0.
# Writes public/examples/lab/nat_vxlan4789_ok.any.pcap (tcpdump -i any on node1).
source "$(dirname "$0")/lib.sh"
cleanup
two_nodes
for n in node1 node2; do
  peer=$([ $n = node1 ] && echo 172.18.0.3 || echo 172.18.0.2)
  addr=$([ $n = node1 ] && echo 10.250.0.1/30 || echo 10.250.0.2/30)
  in_ns $n ip link add vxlan0 type vxlan id 5 remote "$peer" dstport 4789 dev eth0
  in_ns $n ip addr add "$addr" dev vxlan0
  in_ns $n ip link set vxlan0 up
done
in_ns node1 ip route add 10.244.2.0/24 via 10.250.0.2 dev vxlan0
in_ns node2 ip route add 10.244.1.0/24 via 10.250.0.1 dev vxlan0
in_ns node2 ip route add 10.250.0.0/30 dev vxlan0 2>/dev/null || true
in_ns node1 iptables -t nat -A PREROUTING -d 10.96.0.30/32 -p tcp --dport 80 -j DNAT --to-destination 10.244.2.20:8080
in_ns node1 iptables -t nat -A POSTROUTING -o vxlan0 -j MASQUERADE
serve server 8080
capture node1 nat_vxlan4789_ok.any.pcap
fetch client 10.96.0.30 80 5
stop_capture
echo "wrote $OUT_DIR/nat_vxlan4789_ok.any.pcap"
