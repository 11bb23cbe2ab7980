#!/usr/bin/env bash
# reply-dropped-on-host and its healthy counterpart: rp-filter.sh's asymmetric routing, captured
# from three vantage points in one run. The pod's SYNs leave the node through eth0; the router
# sends the replies back through trunk1. With strict reverse-path filtering (rp_filter=1) the
# node drops every SYN-ACK arriving on trunk1 (the kernel's own check, no stand-in rule: the
# IPReversePathFilter counter counts them); loose mode (2) lets them through.
#   pod 10.244.3.5 — vlan5a3c (10.244.3.1) node  eth0 172.18.0.2 ⇄ router 172.18.0.1
#                                                 trunk1 172.18.9.2 ⇄ router 172.18.9.1
#   router 172.18.2.1 ⇄ server 172.18.2.10:8080
#   node: 172.18.2.0/24 via 172.18.0.1 dev eth0; router: 10.244.3.0/24 via 172.18.9.2 dev trunk
# usage: vantage-rp-filter.sh strict|loose   (net.ipv4.conf.{all,trunk1}.rp_filter=1, or 2)
#        (export LAB=<prefix>; OUT_DIR=<dir> optional)
# The pod fetches http://172.18.2.10:8080/ with an 8 s connect timeout (strict: SYN at 0, 1, 2,
# 3, 4, 5, 7 s, none answered as far as the pod can tell).
# Captures (all from the same run; no capture filter, ARP stays in):
#   rp_filter_<mode>.node.any.pcap  tcpdump -i any on the node (LINUX_SLL2): the SYN on vlan5a3c
#                                   and eth0, the SYN-ACK arriving on trunk1 (strict: and nowhere
#                                   after it)
#   rp_filter_<mode>.node.pcapng    dumpcap on eth0, trunk1, vlan5a3c: names, Ethernet headers,
#                                   no directions, frames per interface (not in time order)
#   rp_filter_<mode>.pod.pcap       tcpdump -i eth0 in the pod: SYNs only (strict)
source "$(dirname "$0")/lib.sh"
mode=${1:?strict or loose}
case "$mode" in strict|loose) ;; *) echo "usage: $0 strict|loose" >&2; exit 2 ;; esac

cleanup
asymmetric_routes
value=$([ "$mode" = strict ] && echo 1 || echo 2)
in_ns node sysctl -qw net.ipv4.conf.all.rp_filter=$value net.ipv4.conf.trunk1.rp_filter=$value
serve server 8080

base=rp_filter_$mode
capture_in node "$base.node.any.pcap" -i any
capture_pcapng node "$base.node.pcapng" eth0 trunk1 vlan5a3c
capture_in pod "$base.pod.pcap" -i eth0
captures_ready
fetch pod 172.18.2.10 8080 8
stop_all_captures
echo "node counters:"; in_ns node nstat -az TcpExtIPReversePathFilter 2>/dev/null | sed -n '2,$p'
print_links node
echo "wrote $OUT_DIR/$base.{node.any,pod}.pcap and $base.node.pcapng"
