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
node_behind_lb "$mode"
in_ns node1 iptables -t nat -A PREROUTING -d 172.18.0.2/32 -p tcp --dport 30080 -j DNAT --to-destination 10.244.1.20:8080
serve server 8080
capture node1 "lb_hairpin_$mode.any.pcap"
fetch client 172.18.0.100 80 8
stop_capture
echo "wrote $OUT_DIR/lb_hairpin_$mode.any.pcap"
