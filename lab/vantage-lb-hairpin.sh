#!/usr/bin/env bash
# lb-hairpin-client-ip, with externalTrafficPolicy Local and Cluster, and its healthy twin,
# captured from seven vantage points in one run. A pod calls a load balancer that preserves the
# client's IP and forwards to a NodePort on the pod's own node; kube-proxy-style chains on the
# node DNAT the NodePort to a server pod on the same node.
#   pod client 10.244.1.10 — eth0 ⇄ vethclient ┐
#                                               cni0 10.244.1.1  node1  eth0 172.18.0.2 ⇄ eth0 lb 172.18.0.100
#   pod server 10.244.1.20 — eth0 ⇄ vethserver ┘
#   LB 172.18.0.100:80 → 172.18.0.2:30080 (DNAT on lb) → 10.244.1.20:8080 (kube-proxy DNAT on node1)
#   node1 has net.bridge.bridge-nf-call-iptables=1 (as Kubernetes requires).
# kube-proxy-style nat chains on node1 (iptables mode, Service default/web, NodePort 30080):
#   PREROUTING → KUBE-SERVICES → (dst-type LOCAL) KUBE-NODEPORTS → --dport 30080 KUBE-EXT-WEB
#   KUBE-SVC-WEB → KUBE-SEP-WEB → DNAT 10.244.1.20:8080; KUBE-MARK-MASQ sets mark 0x4000;
#   POSTROUTING → KUBE-POSTROUTING: marked packets get MASQUERADE (no --random-fully here).
# usage: vantage-lb-hairpin.sh local|cluster|snat   (export LAB=<prefix>; OUT_DIR=<dir> optional)
#   local:   externalTrafficPolicy: Local. KUBE-EXT-WEB sends pod-CIDR sources straight to
#            KUBE-SVC-WEB, so the NodePort traffic is DNATed without masquerade. The backend
#            answers 10.244.1.10 directly over the bridge; conntrack (bridge netfilter) un-DNATs
#            the SYN-ACK to 172.18.0.2:30080 → 10.244.1.10; the client expected 172.18.0.100:80
#            and resets. No SYN-ACK ever passes the LB. The client gives up after 8 s.
#   cluster: externalTrafficPolicy: Cluster. KUBE-EXT-WEB marks every NodePort packet
#            (KUBE-MARK-MASQ), so node1 also masquerades it towards the backend: the backend
#            sees node1's cni0 address 10.244.1.1, answers node1, node1 undoes both NATs and
#            delivers the SYN-ACK to the client pod from 172.18.0.2:30080; the client resets;
#            the RST reaches the backend from 10.244.1.1. Same failure as local.
#   snat:    healthy twin (node1 as in local): the LB also masquerades (SNAT to 172.18.0.100),
#            so the backend's reply returns through the LB and the request is answered.
#
# Captures (all from the same run; no capture filter: ARP stays in; IPv6 is disabled):
#   lb_hairpin_<mode>.node.any.pcap    tcpdump -i any on node1 (LINUX_SLL2: interface index and
#                                      direction): vethclient, cni0, eth0, vethserver
#   lb_hairpin_<mode>.node.sll1.pcap   the same with tcpdump -y LINUX_SLL (no interface index)
#   lb_hairpin_<mode>.node.pcapng      dumpcap -p on vethclient, vethserver, cni0, eth0 of node1
#                                      (names, Ethernet headers, no directions; frames written
#                                      in per-interface chunks, not in time order)
#   lb_hairpin_<mode>.node.uplink.pcap tcpdump -i eth0 on node1: the leg to and from the LB
#   lb_hairpin_<mode>.pod.pcap         tcpdump -i eth0 in the client pod: its SYNs to
#                                      172.18.0.100:80, the SYN-ACK as it arrives, its RSTs
#   lb_hairpin_<mode>.server-pod.pcap  tcpdump -i eth0 in the server pod: the source the backend
#                                      sees (10.244.1.10, 10.244.1.1 or 172.18.0.100)
#   lb_hairpin_<mode>.lb.pcap          tcpdump -i eth0 in the lb namespace: the SYN in and out
#                                      (DNATed, and SNATed in snat mode), and no SYN-ACK unless
#                                      in snat mode
source "$(dirname "$0")/lib.sh"
mode=${1:?local, cluster or snat}
case "$mode" in local|cluster|snat) ;; *) echo "usage: $0 local|cluster|snat" >&2; exit 2 ;; esac

cleanup
# node1, its two pods and the load balancer: DNAT to the NodePort, client IP preserved unless
# in snat mode.
node_behind_lb "$mode"
# kube-proxy on node1 (iptables mode), Service default/web: ClusterIP 10.96.0.30:80, NodePort
# 30080, one endpoint 10.244.1.20:8080; cluster CIDR 10.244.0.0/16.
kp() { in_ns node1 iptables -t nat "$@"; }
for c in KUBE-SERVICES KUBE-NODEPORTS KUBE-POSTROUTING KUBE-MARK-MASQ KUBE-SVC-WEB KUBE-EXT-WEB KUBE-SEP-WEB; do kp -N $c; done
kp -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
kp -A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
kp -A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
kp -A KUBE-MARK-MASQ -j MARK --or-mark 0x4000
kp -A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
kp -A KUBE-POSTROUTING -j MARK --xor-mark 0x4000
kp -A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE
kp -A KUBE-SERVICES -d 10.96.0.30/32 -p tcp --dport 80 -m comment --comment "default/web cluster IP" -j KUBE-SVC-WEB
kp -A KUBE-SERVICES -m addrtype --dst-type LOCAL -m comment --comment "kubernetes service nodeports" -j KUBE-NODEPORTS
kp -A KUBE-NODEPORTS -p tcp --dport 30080 -m comment --comment "default/web" -j KUBE-EXT-WEB
kp -A KUBE-SVC-WEB ! -s 10.244.0.0/16 -d 10.96.0.30/32 -p tcp --dport 80 -j KUBE-MARK-MASQ
kp -A KUBE-SVC-WEB -m comment --comment "default/web -> 10.244.1.20:8080" -j KUBE-SEP-WEB
kp -A KUBE-SEP-WEB -s 10.244.1.20/32 -j KUBE-MARK-MASQ
kp -A KUBE-SEP-WEB -p tcp -j DNAT --to-destination 10.244.1.20:8080
if [ "$mode" = cluster ]; then
  # externalTrafficPolicy: Cluster: masquerade all NodePort traffic.
  kp -A KUBE-EXT-WEB -m comment --comment "masquerade traffic for default/web external destinations" -j KUBE-MARK-MASQ
  kp -A KUBE-EXT-WEB -j KUBE-SVC-WEB
else
  # externalTrafficPolicy: Local: no masquerade, local endpoints only.
  kp -N KUBE-SVL-WEB
  kp -A KUBE-EXT-WEB -s 10.244.0.0/16 -m comment --comment "pod traffic for default/web external destinations" -j KUBE-SVC-WEB
  kp -A KUBE-EXT-WEB -m addrtype --src-type LOCAL -m comment --comment "masquerade LOCAL traffic for default/web external destinations" -j KUBE-MARK-MASQ
  kp -A KUBE-EXT-WEB -m addrtype --src-type LOCAL -j KUBE-SVC-WEB
  kp -A KUBE-EXT-WEB -j KUBE-SVL-WEB
  kp -A KUBE-SVL-WEB -m comment --comment "default/web -> 10.244.1.20:8080" -j KUBE-SEP-WEB
fi
serve server 8080

base=lb_hairpin_$mode
capture_in node1 "$base.node.any.pcap" -i any -B 32768
capture_in node1 "$base.node.sll1.pcap" -i any -y LINUX_SLL -B 32768
capture_pcapng node1 "$base.node.pcapng" vethclient vethserver cni0 eth0
capture_in node1 "$base.node.uplink.pcap" -i eth0
capture_in client "$base.pod.pcap" -i eth0
capture_in server "$base.server-pod.pcap" -i eth0
capture_in lb "$base.lb.pcap" -i eth0
captures_ready

fetch client 172.18.0.100 80 8
echo "node1 conntrack:"; in_ns node1 conntrack -L -p tcp 2>/dev/null | sed 's/^/  /' || true
stop_all_captures
echo "node1 nat counters:"; in_ns node1 iptables -t nat -L -v -n -x | awk '$1 ~ /^[0-9]+$/ && $1 > 0 {print "  " $0}' || true
print_links node1
echo "wrote $OUT_DIR/$base.{node.any,node.sll1,node.uplink,pod,server-pod,lb}.pcap and $base.node.pcapng"
