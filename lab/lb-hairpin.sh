#!/usr/bin/env bash
# lb-hairpin-client-ip and its healthy counterpart. A pod calls a load balancer that forwards to
# its own node's NodePort, which kube-proxy DNATs to a server pod on the same node.
#   pod client 10.244.1.10 ┐ cni0 10.244.1.1 node1 eth0 172.18.0.2 ⇄ lb eth0 172.18.0.100
#   pod server 10.244.1.20 ┘ LB 172.18.0.100:80 → 172.18.0.2:30080 → 10.244.1.20:8080
# usage: lb-hairpin.sh preserve|snat
#   preserve: the LB keeps the client's address (client IP preservation): the reply short-cuts.
#   snat:     the LB also masquerades: the reply returns through it and the connection works.
source "$(dirname "$0")/lib.sh"
mode=${1:?preserve or snat}
cleanup
make_ns node1 lb
veth node1 eth0 lb eth0
in_ns node1 ip addr add 172.18.0.2/24 dev eth0
in_ns lb ip addr add 172.18.0.100/24 dev eth0
bridge node1 cni0 10.244.1.1/24
pod client node1 vethclient 10.244.1.10/24 10.244.1.1 cni0
pod server node1 vethserver 10.244.1.20/24 10.244.1.1 cni0
in_ns node1 sysctl -qw net.bridge.bridge-nf-call-iptables=1
in_ns lb ip route add 10.244.1.0/24 via 172.18.0.2
in_ns lb iptables -t nat -A PREROUTING -d 172.18.0.100/32 -p tcp --dport 80 -j DNAT --to-destination 172.18.0.2:30080
if [ "$mode" = snat ]; then
  in_ns lb iptables -t nat -A POSTROUTING -d 172.18.0.2/32 -p tcp --dport 30080 -j MASQUERADE
fi
in_ns node1 iptables -t nat -A PREROUTING -d 172.18.0.2/32 -p tcp --dport 30080 -j DNAT --to-destination 10.244.1.20:8080
serve server 8080
capture node1 "lb_hairpin_$mode.any.pcap"
fetch client 172.18.0.100 80 8
stop_capture
echo "wrote $OUT_DIR/lb_hairpin_$mode.any.pcap"
