#!/usr/bin/env bash
# reply-dropped-on-host and its healthy counterpart: asymmetric routing. The pod's SYNs leave the
# node through eth0; the router sends the replies back through trunk1.
#   pod 10.244.3.5 — vlan5a3c (10.244.3.1) node  eth0 172.18.0.2 ⇄ router 172.18.0.1
#                                                 trunk1 172.18.9.2 ⇄ router 172.18.9.1
#   router 172.18.2.1 ⇄ server 172.18.2.10:8080
# usage: rp-filter.sh strict|loose   (net.ipv4.conf.all.rp_filter=1, or 2 on the node)
source "$(dirname "$0")/lib.sh"
mode=${1:?strict or loose}
cleanup
make_ns node router server pod
veth node eth0 router eth0
veth node trunk1 router trunk
veth router srv server eth0
veth pod eth0 node vlan5a3c
in_ns node ip addr add 172.18.0.2/24 dev eth0
in_ns node ip addr add 172.18.9.2/24 dev trunk1
in_ns node ip addr add 10.244.3.1/24 dev vlan5a3c
in_ns router ip addr add 172.18.0.1/24 dev eth0
in_ns router ip addr add 172.18.9.1/24 dev trunk
in_ns router ip addr add 172.18.2.1/24 dev srv
in_ns server ip addr add 172.18.2.10/24 dev eth0
in_ns server ip route add default via 172.18.2.1
in_ns pod ip addr add 10.244.3.5/24 dev eth0
in_ns pod ip route add default via 10.244.3.1
in_ns node ip route add 172.18.2.0/24 via 172.18.0.1 dev eth0
in_ns router ip route add 10.244.3.0/24 via 172.18.9.2 dev trunk
value=$([ "$mode" = strict ] && echo 1 || echo 2)
in_ns node sysctl -qw net.ipv4.conf.all.rp_filter=$value net.ipv4.conf.trunk1.rp_filter=$value
serve server 8080
capture node "rp_filter_$mode.any.pcap"
fetch pod 172.18.2.10 8080 8
stop_capture
in_ns node nstat -az TcpExtIPReversePathFilter 2>/dev/null | tail -1 || true
echo "wrote $OUT_DIR/rp_filter_$mode.any.pcap"
