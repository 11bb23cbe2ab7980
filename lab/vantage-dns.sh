#!/usr/bin/env bash
# dns-conntrack-race across a flannel-style VXLAN overlay, captured from six vantage points in
# one run, and its healthy twin. The client pod on node1 resolves a name the way glibc does: A
# and AAAA sent back to back from one UDP socket to the kube-dns ClusterIP 10.96.0.10:53, both
# re-sent after 5 s if not all were answered. node1 DNATs the ClusterIP to the DNS pod
# 10.244.2.53 on node2; the queries and answers cross the VXLAN tunnel (UDP 8472).
#   pod client 10.244.1.10 — vethclient — node1 cni0 10.244.1.1 | flannel.1 10.244.1.0 | eth0 172.18.0.2
#   node2 eth0 172.18.0.3 | flannel.1 10.244.2.0 | cni0 10.244.2.1 — vethdns — pod dns 10.244.2.53:53
#   kube-dns ClusterIP 10.96.0.10:53/udp → 10.244.2.53:53 (DNAT in node1's nat PREROUTING)
# The DNS pod answers like CoreDNS for an IPv4-only cluster: A web.default.svc.cluster.local →
# 10.96.45.12 (TTL 30, authoritative); AAAA → NOERROR, no answer, the cluster.local SOA in the
# authority section.
#
# usage: vantage-dns.sh lossy|lostquery|ok      (export LAB=<prefix>; OUT_DIR=<dir> optional)
#   lossy:     one lookup. STAND-IN: node1 drops the first AAAA *answer* with an iptables rule
#              (filter FORWARD, -i flannel.1, udp sport 53, AAAA question bytes 00 1c 00 01,
#              statistic nth: only the first one). It arrives on eth0 (VXLAN) and flannel.1 and
#              never reaches cni0/vethclient. The lookup completes after the 5 s retry.
#   lostquery: one lookup. STAND-IN: node1 drops the first AAAA *query* after DNAT, before it
#              leaves (mangle POSTROUTING, -o flannel.1, udp dport 53, the same bytes, first one
#              only) — the place where the real conntrack insertion race drops the second query
#              of a pair (at conntrack confirm in POSTROUTING). Seen on vethclient (and on cni0
#              when the bridge shows it), never on flannel.1/eth0 nor on node2. From the pod it
#              looks like "lossy": A answered, AAAA not, both re-sent at +5 s.
#   ok:        five lookups 1 s apart (a new socket each, like glibc), every one answered at once.
#   The race itself cannot be triggered on demand; the rules stand in for its effect.
#
# Captures (all from the same run; no capture filter, ARP stays in):
#   dns_<mode>.node1.any.pcap     tcpdump -i any on node1 (LINUX_SLL2: interface index,
#                                 direction): every hop on node1 — vethclient, cni0, flannel.1,
#                                 eth0 (VXLAN 8472; decode with -d udp.port==8472,vxlan)
#   dns_<mode>.node1.sll1.pcap    the same with tcpdump -y LINUX_SLL (SLL v1: direction, no
#                                 interface index or name)
#   dns_<mode>.node1.pcapng       dumpcap on vethclient, cni0, flannel.1, eth0 on node1: one
#                                 interface block per interface with names, Ethernet headers, no
#                                 directions; frames written per interface, not in time order
#   dns_<mode>.pod.pcap           tcpdump -i eth0 in the client pod (Ethernet): only what the
#                                 client itself sent and received, already un-DNATed
#   dns_<mode>.node2.any.pcap     tcpdump -i any on node2, the DNS pod's node: eth0 (VXLAN),
#                                 flannel.1, cni0, vethdns
#   dns_<mode>.node2.uplink.pcap  tcpdump -i eth0 on node2: only the encapsulated VXLAN traffic
# Helpers: the captures here are started with exec, so that the PID that is stopped is the
# capture process itself (and the files are complete when the script ends).
source "$(dirname "$0")/lib.sh"
mode=${1:?lossy, lostquery or ok}
case "$mode" in lossy|lostquery|ok) ;; *) echo "usage: $0 lossy|lostquery|ok" >&2; exit 2 ;; esac

cleanup
two_nodes dns vethdns 10.244.2.53/24
# flannel.1 exactly as in vxlan-loss.sh: VNI 1, UDP 8472, static VTEP MAC, neighbour and FDB.
flannel_vxlan
in_ns node1 iptables -t nat -A PREROUTING -d 10.96.0.10/32 -p udp --dport 53 -j DNAT --to-destination 10.244.2.53:53
case "$mode" in
  lossy)
    in_ns node1 iptables -A FORWARD -i flannel.1 -p udp --sport 53 -m string --algo bm --hex-string '|001c0001|' \
      -m statistic --mode nth --every 1000 --packet 0 -j DROP ;;
  lostquery)
    in_ns node1 iptables -t mangle -A POSTROUTING -o flannel.1 -p udp --dport 53 -m string --algo bm --hex-string '|001c0001|' \
      -m statistic --mode nth --every 1000 --packet 0 -j DROP ;;
esac

# A minimal CoreDNS stand-in: authoritative for cluster.local, IPv4-only.
in_ns dns python3 -c "
import socket, struct
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('0.0.0.0', 53))
def wire(name):
    return b''.join(bytes([len(p)]) + p for p in name.encode().split(b'.') if p) + b'\x00'
soa = (wire('cluster.local') + struct.pack('>HHIH', 6, 1, 30, 0))
rdata = wire('ns.dns.cluster.local') + wire('hostmaster.cluster.local') + struct.pack('>IIIII', 1700000000, 7200, 1800, 86400, 30)
soa = soa[:-2] + struct.pack('>H', len(rdata)) + rdata
while True:
    q, peer = s.recvfrom(512)
    end = 12
    while q[end] != 0: end += 1 + q[end]
    end += 5
    qtype = struct.unpack('>H', q[end-4:end-2])[0]
    question = q[12:end]
    if qtype == 1:
        body = question + b'\xc0\x0c' + struct.pack('>HHIH', 1, 1, 30, 4) + socket.inet_aton('10.96.45.12')
        counts = (1, 1, 0, 0)
    else:
        body = question + soa
        counts = (1, 0, 1, 0)
    s.sendto(q[:2] + b'\x85\x80' + struct.pack('>HHHH', *counts) + body, peer)
" &
PIDS+=($!)
sleep 0.5

base=dns_$mode
capture_in node1 "$base.node1.any.pcap" -i any
capture_in node1 "$base.node1.sll1.pcap" -i any -y LINUX_SLL
capture_pcapng node1 "$base.node1.pcapng" vethclient cni0 flannel.1 eth0
capture_in client "$base.pod.pcap" -i eth0
capture_in node2 "$base.node2.any.pcap" -i any
capture_in node2 "$base.node2.uplink.pcap" -i eth0
captures_ready

lookups=$([ "$mode" = ok ] && echo 5 || echo 1)
glibc_lookups client "$lookups"
stop_all_captures
in_ns node1 iptables -t filter -L FORWARD -v -n -x | sed -n '3,$p' || true
in_ns node1 iptables -t mangle -L POSTROUTING -v -n -x | sed -n '3,$p' || true
print_links node1 node2
echo "wrote $OUT_DIR/$base.{node1.any,node1.sll1,pod,node2.any,node2.uplink}.pcap and $base.node1.pcapng"
