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
asymmetric_routes
value=$([ "$mode" = strict ] && echo 1 || echo 2)
in_ns node sysctl -qw net.ipv4.conf.all.rp_filter=$value net.ipv4.conf.trunk1.rp_filter=$value
serve server 8080
capture node "rp_filter_$mode.any.pcap"
fetch pod 172.18.2.10 8080 8
stop_capture
in_ns node nstat -az TcpExtIPReversePathFilter 2>/dev/null | tail -1 || true
echo "wrote $OUT_DIR/rp_filter_$mode.any.pcap"
