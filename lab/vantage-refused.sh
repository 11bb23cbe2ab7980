#!/usr/bin/env bash
# connection-refused, captured from four vantage points in one run: pod A calls a ClusterIP
# (10.96.0.40:80 → pod B) on the same node and is refused.
#   pod a 10.244.0.10 — eth0 ⇄ vethpoda ┐
#                                         cni0 10.244.0.1 (node)   ClusterIP 10.96.0.40:80
#   pod b 10.244.0.20 — eth0 ⇄ vethpodb ┘                          → 10.244.0.20:8080|9090 (DNAT)
#   node: net.bridge.bridge-nf-call-iptables=1; pod b listens on 8080 only.
# usage: vantage-refused.sh reject|wrong-port|no-endpoints  (export LAB=<prefix>; OUT_DIR=<dir>)
#   reject:     as refused.sh: a policy on the node (filter FORWARD, -d 10.244.0.20 --dport 8080
#               -j REJECT --reject-with tcp-reset, as a NetworkPolicy engine or host firewall
#               does) forges a reset. The SYN reached cni0 as a bridged frame (bridge netfilter,
#               DNAT to a pod on the same bridge), so the kernel's REJECT sends the reset
#               straight out of the bridge port the SYN came in on (nf_send_reset's bridged
#               path) without reverse NAT: it leaves vethpoda from 10.244.0.20:8080, not from
#               10.96.0.40:80. The client's socket does not match it and keeps retrying its SYN
#               until the 8 s connect timeout (see the report printed at the end).
#   wrong-port: the Service's targetPort (9090) is not the port the pod listens on (8080); pod
#               B's kernel answers with a reset, un-DNATed by conntrack: the client gets
#               "connection refused" from 10.96.0.40:80 at once.
#   no-endpoints: kube-proxy's own reject for a Service without endpoints: no DNAT; filter
#               KUBE-SERVICES (from FORWARD and OUTPUT, ctstate NEW) has -d 10.96.0.40 --dport 80
#               -j REJECT --reject-with icmp-port-unreachable. As every real node, this one has
#               an uplink (eth0 172.18.0.2 ⇄ upstream 172.18.0.1, default route): without a
#               route for the ClusterIP, routing would refuse the SYN first (ICMP network
#               unreachable). The client gets ICMP port unreachable from 10.244.0.1 quoting its
#               SYN and fails at once with "connection refused"; pod b sees nothing.
#
# Captures (all from the same run; no capture filter: ARP stays in; IPv6 is disabled):
#   refused_<mode>.node.any.pcap     tcpdump -i any on the node (LINUX_SLL2): vethpoda, cni0,
#                                    vethpodb
#   refused_<mode>.node.pcapng       dumpcap -p on vethpoda, cni0, vethpodb (names, Ethernet, no
#                                    directions, per-interface chunks, not in time order)
#   refused_<mode>.pod.pcap          tcpdump -i eth0 in pod a: the client's own view
#   refused_<mode>.server-pod.pcap   tcpdump -i eth0 in pod b: what reaches the backend
#   (<mode> is reject, wrong_port or no_endpoints; in no_endpoints the node also has eth0)
source "$(dirname "$0")/lib.sh"
mode=${1:?reject or wrong-port}
case "$mode" in reject|wrong-port|no-endpoints) ;; *) echo "usage: $0 reject|wrong-port|no-endpoints" >&2; exit 2 ;; esac

cleanup
one_node_two_pods 1
case "$mode" in
  reject)
    in_ns node iptables -t nat -A PREROUTING -d 10.96.0.40/32 -p tcp --dport 80 -j DNAT --to-destination 10.244.0.20:8080
    in_ns node iptables -A FORWARD -d 10.244.0.20/32 -p tcp --dport 8080 -j REJECT --reject-with tcp-reset ;;
  wrong-port)
    in_ns node iptables -t nat -A PREROUTING -d 10.96.0.40/32 -p tcp --dport 80 -j DNAT --to-destination 10.244.0.20:9090 ;;
  no-endpoints)
    make_ns upstream
    veth node eth0 upstream eth0
    in_ns node ip addr add 172.18.0.2/24 dev eth0
    in_ns upstream ip addr add 172.18.0.1/24 dev eth0
    in_ns node ip route add default via 172.18.0.1
    in_ns node iptables -N KUBE-SERVICES
    in_ns node iptables -A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
    in_ns node iptables -A OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
    in_ns node iptables -A KUBE-SERVICES -d 10.96.0.40/32 -p tcp --dport 80 -m comment --comment "default/web has no endpoints" -j REJECT --reject-with icmp-port-unreachable ;;
esac
serve b 8080

base=refused_${mode//-/_}
capture_one_node_two_pods "$base"
captures_ready

fetch a 10.96.0.40 80 8
stop_all_captures
echo "node filter counters:"; in_ns node iptables -L -v -n -x | awk '$1 ~ /^[0-9]+$/ && $1 > 0 {print "  " $0}'
print_links node
echo "wrote $OUT_DIR/$base.{node.any,pod,server-pod}.pcap and $base.node.pcapng"
