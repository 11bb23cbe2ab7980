#!/usr/bin/env bash
# syn-unanswered and its healthy twin, captured from four vantage points in one run. Same
# topology as bridge-nf.sh with bridge netfilter on: pod A calls ClusterIP 10.96.0.10:80, DNATed
# to pod B 10.244.0.20:8080 on the same bridge.
#   pod a 10.244.0.10 — eth0 ⇄ vethpoda ┐
#                                         cni0 10.244.0.1 (node)   ClusterIP 10.96.0.10:80
#   pod b 10.244.0.20 — eth0 ⇄ vethpodb ┘                          → 10.244.0.20:8080 (DNAT)
# usage: vantage-syn-dropped.sh [policy|ok]   (default policy; export LAB=<prefix>; OUT_DIR=<dir>)
#   policy: as syn-dropped.sh: a policy on the node (filter FORWARD, -d 10.244.0.20 --dport 8080
#           --syn -j DROP, as a NetworkPolicy DROP would) drops the DNATed SYNs. The client
#           retries on the kernel's default linear schedule (1 1 1 1 1 2 s) until its 8 s
#           connect timeout; nothing ever reaches pod B.
#   ok:     the same without the DROP rule: the request is answered.
#
# Captures (all from the same run; no capture filter: ARP stays in; IPv6 is disabled):
#   syn_dropped_<mode>.node.any.pcap    tcpdump -i any on the node (LINUX_SLL2): vethpoda,
#                                       cni0, vethpodb
#   syn_dropped_<mode>.node.pcapng      dumpcap -p on vethpoda, cni0, vethpodb (names, Ethernet,
#                                       no directions, per-interface chunks, not in time order)
#   syn_dropped_<mode>.pod.pcap         tcpdump -i eth0 in pod a: the client's own view
#   syn_dropped_<mode>.server-pod.pcap  tcpdump -i eth0 in pod b: what reaches the backend
source "$(dirname "$0")/lib.sh"
mode=${1:-policy}
case "$mode" in policy|ok) ;; *) echo "usage: $0 [policy|ok]" >&2; exit 2 ;; esac

cleanup
one_node_two_pods 1
in_ns node iptables -t nat -A PREROUTING -d 10.96.0.10/32 -p tcp --dport 80 -j DNAT --to-destination 10.244.0.20:8080
if [ "$mode" = policy ]; then
  in_ns node iptables -A FORWARD -d 10.244.0.20/32 -p tcp --dport 8080 --syn -j DROP
fi
serve b 8080

base=syn_dropped_$mode
capture_one_node_two_pods "$base"
captures_ready

fetch a 10.96.0.10 80 8
stop_all_captures
echo "node filter FORWARD counters:"; in_ns node iptables -L FORWARD -v -n -x | sed -n '3,$p' | sed 's/^/  /'
print_links node
echo "wrote $OUT_DIR/$base.{node.any,pod,server-pod}.pcap and $base.node.pcapng"
