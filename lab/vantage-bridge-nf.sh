#!/usr/bin/env bash
# reply-bypasses-conntrack and its fix, captured from five vantage points in one run. Pod A
# calls a ClusterIP whose backend, pod B, is on the same bridge; kube-proxy's DNAT is in the
# node's nat PREROUTING.
#   pod a 10.244.0.10 — eth0 ⇄ vethpoda ┐
#                                         cni0 10.244.0.1 (node)   ClusterIP 10.96.0.10:80
#   pod b 10.244.0.20 — eth0 ⇄ vethpodb ┘                          → 10.244.0.20:8080 (DNAT)
# usage: vantage-bridge-nf.sh off|on      (export LAB=<prefix>; OUT_DIR=<dir> optional)
#   off: net.bridge.bridge-nf-call-iptables=0 on the node: pod B's SYN-ACK is bridged straight
#        to pod A without passing conntrack, so it is not un-DNATed: pod A gets it from
#        10.244.0.20:8080 instead of 10.96.0.10:80 and resets; the SYN is retried on the kernel's
#        default (linear, tcp_syn_linear_timeouts=4) schedule, 1 1 1 1 1 2 s, until the
#        client's 8 s connect timeout (curl --connect-timeout 8).
#   on:  the fix, bridge-nf-call-iptables=1: the SYN-ACK arrives from 10.96.0.10:80, the
#        request is answered.
#
# Captures (all from the same run; no capture filter: ARP stays in; IPv6 is disabled):
#   bridge_nf_<mode>.node.any.pcap    tcpdump -i any on the node (LINUX_SLL2: interface index
#                                     and direction): vethpoda, cni0, vethpodb
#   bridge_nf_<mode>.node.sll1.pcap   the same with tcpdump -y LINUX_SLL (SLL v1: direction, no
#                                     interface index or name)
#   bridge_nf_<mode>.node.pcapng      dumpcap -p on vethpoda, cni0, vethpodb: one interface
#                                     block per interface with names, Ethernet headers, no
#                                     directions; frames are written in per-interface chunks,
#                                     not in time order
#   bridge_nf_<mode>.pod.pcap         tcpdump -i eth0 in pod a (Ethernet): the client's own
#                                     view — its SYN to the ClusterIP, the SYN-ACK as it
#                                     arrives, its RST
#   bridge_nf_<mode>.server-pod.pcap  tcpdump -i eth0 in pod b (Ethernet): the DNATed SYN and
#                                     the backend's SYN-ACK to 10.244.0.10
# The captures are started with exec, so the PID that is stopped is the capture process itself
# and the files are complete when the script ends.
source "$(dirname "$0")/lib.sh"
mode=${1:?off or on}
case "$mode" in off|on) ;; *) echo "usage: $0 off|on" >&2; exit 2 ;; esac

cleanup
one_node_two_pods "$([ "$mode" = on ] && echo 1 || echo 0)"
in_ns node iptables -t nat -A PREROUTING -d 10.96.0.10/32 -p tcp --dport 80 -j DNAT --to-destination 10.244.0.20:8080
serve b 8080

base=bridge_nf_$mode
capture_one_node_two_pods "$base"
capture_in node "$base.node.sll1.pcap" -i any -y LINUX_SLL -B 32768
captures_ready

fetch a 10.96.0.10 80 8
stop_all_captures
print_links node
echo "wrote $OUT_DIR/$base.{node.any,node.sll1,pod,server-pod}.pcap and $base.node.pcapng"
