#!/usr/bin/env bash
# reply-bypasses-conntrack and its fix: pod A calls a ClusterIP whose backend, pod B, is on the
# same bridge.
#   pod a 10.244.0.10 — vethpoda ┐
#                                 cni0 10.244.0.1 (node)  ClusterIP 10.96.0.10:80 → 10.244.0.20:8080
#   pod b 10.244.0.20 — vethpodb ┘
# usage: bridge-nf.sh off|on [LINUX_SLL|pcapng]
#   off: net.bridge.bridge-nf-call-iptables=0 on the node: the SYN-ACK is bridged past conntrack.
#   on:  the fix; the SYN-ACK is un-DNATed and the connection works.
#   LINUX_SLL: capture with tcpdump -y LINUX_SLL (v1 cooked headers, no interface index).
#   pcapng:    capture with dumpcap on each interface: one pcapng interface per veth and bridge,
#              with names, Ethernet headers, and no direction.
source "$(dirname "$0")/lib.sh"
mode=${1:?off or on}
linktype=${2:-}
cleanup
one_node_two_pods "$([ "$mode" = on ] && echo 1 || echo 0)"
in_ns node iptables -t nat -A PREROUTING -d 10.96.0.10/32 -p tcp --dport 80 -j DNAT --to-destination 10.244.0.20:8080
serve b 8080
if [ "$linktype" = pcapng ]; then
  name=bridge_nf_${mode}.per-interface.pcapng
  # As the committed capture was taken: promiscuous, and the filter (given after the last -i)
  # applies to vethpodb only.
  start_capture node "$name" dumpcap -q -i vethpoda -i cni0 -i vethpodb -f 'not arp and not ip6'
  sleep 2
else
  name=bridge_nf_${mode}$([ -n "$linktype" ] && echo ".sll1" || echo ".any").pcap
  capture node "$name" ${linktype:+-y $linktype}
fi
fetch a 10.96.0.10 80 8
stop_capture
echo "wrote $OUT_DIR/$name"
