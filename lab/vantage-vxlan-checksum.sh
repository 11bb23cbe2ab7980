#!/usr/bin/env bash
# vxlan-syn-loss for real: the kube-proxy double-SNAT checksum bug (kubernetes/kubernetes#92035)
# reproduced with the kernel's own mechanism, no DROP rule standing in. The client is node1
# itself (a hostNetwork client: the case the field reports saw most) calling a ClusterIP whose
# backend is a pod on node2, across a flannel-style VXLAN overlay (flannel.1, VNI 1, UDP 8472).
#   node1 (client, hostNetwork) eth0 172.18.0.2 | flannel.1 10.244.1.0 | cni0 10.244.1.1 (pod client 10.244.1.10, idle)
#   node2 eth0 172.18.0.3 | flannel.1 10.244.2.0 | cni0 10.244.2.1 — vethserver — pod server 10.244.2.20:8080
#   ClusterIP 10.96.0.20:80 → 10.244.2.20:8080, kube-proxy-style chains in node1's nat table:
#     PREROUTING, OUTPUT -j KUBE-SERVICES; POSTROUTING -j KUBE-POSTROUTING
#     KUBE-SERVICES  -d 10.96.0.20/32 -p tcp --dport 80 -j KUBE-SVC-…
#     KUBE-SVC-…     ! -s 10.244.0.0/16 -d 10.96.0.20/32 -p tcp --dport 80 -j KUBE-MARK-MASQ
#                    -j KUBE-SEP-…
#     KUBE-SEP-…     -s 10.244.2.20/32 -j KUBE-MARK-MASQ; -p tcp -j DNAT --to-destination 10.244.2.20:8080
#     KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000
#   The node's own connection leaves from 172.18.0.2 (default route via eth0), is outside the
#   cluster CIDR and is marked 0x4000; DNAT in nat OUTPUT reroutes it to flannel.1.
# The underlay: eth0 on both nodes is a veth with tx checksum offload OFF (ethtool -K eth0 tx
# off), so every checksum is final when it leaves node1 and node2 really validates it, as a
# host behind a NIC does (with offload on, a veth marks its packets as already checked and the
# receiver never looks). flannel.1 is made like flannel makes it: default `udpcsum` (outer UDP
# checksum on) and tx-checksum-ip-generic on, so the outer checksum is computed by local
# checksum offload (LCO) while the inner TCP checksum is still pending (CHECKSUM_PARTIAL).
#
# usage: vantage-vxlan-checksum.sh bug|bug63|fixed|offload-off   (export LAB=<prefix>; OUT_DIR=<dir> optional)
#   bug          KUBE-POSTROUTING before #92035, one rule:
#                  -m mark --mark 0x4000/0x4000 -j MASQUERADE --random-fully
#                The inner SYN is masqueraded to 10.244.1.0 on flannel.1; the skb keeps its mark
#                through the VXLAN encapsulation, so the outer UDP packet passes POSTROUTING marked
#                and is masqueraded again: same source address, a random source port. With LCO
#                the packet is CHECKSUM_PARTIAL for the inner TCP header, so NAT does not fold
#                the port change into the (already final) outer checksum: it leaves node1 with the
#                checksum of the pre-NAT port (the script checks: the stored checksum is exactly the
#                right one for the pre-NAT port the conntrack event names). node2 drops it
#                (UdpInCsumErrors, UdpInErrors +1).
#                The SYN retransmitted 1 s later gets through: the SYN timeout re-hashes the
#                socket's tx hash (net.core.txrehash=1, the default), so the VXLAN source port is
#                new, the outer packet makes a new conntrack entry, and the inner retransmission
#                matches its existing conntrack entry (no nat table, no KUBE-MARK-MASQ): unmarked,
#                not NATed, correct checksum. The "1 s variant" of the field reports.
#   bug63        bug with net.core.txrehash=0 in node1 (the client's namespace): the tx hash and
#                so the VXLAN source port stay the same for every retransmission; each outer
#                SYN matches the first one's conntrack entry and gets its double-SNAT binding
#                (the same random port, the same stale checksum) until the entry expires (UDP,
#                unreplied: 30 s). SYNs at 0 1 3 7 15 31 s are dropped (UdpInCsumErrors +6); the
#                32 s gap outlives the entry and the 7th SYN gets through at 63.8-65.2 s (the 32 s
#                timer fires late), with the same pre-NAT port, now not NATed. The "63 s variant".
#   fixed        KUBE-POSTROUTING after #92035: -m mark ! --mark 0x4000/0x4000 -j RETURN;
#                -j MARK --xor-mark 0x4000; -j MASQUERADE --random-fully. The mark is cleared
#                with the inner SNAT; the outer packet is not NATed; connects at once.
#   offload-off  bug's rules plus the workaround `ethtool -K flannel.1 tx-checksum-ip-generic
#                off` on node1: the inner TCP checksum is filled in before encapsulation, the
#                outer checksum is an ordinary one that NAT updates; connects at once (the outer
#                packet is still double-SNATed).
# Every mode: the classic SYN schedule in node1 (tcp_syn_linear_timeouts=0: 0 1 3 7 15 31 63 s),
# client timeout 75 s. A pod client reproduces the same way when its Service traffic is marked
# (kube-proxy --masquerade-all; with a cluster CIDR set, pod traffic is not marked), its own
# net.core.txrehash deciding between 1 s and 63 s: the skb keeps the pod socket's hash.
#
# Captures (all from the same run; no capture filter: ARP stays in; IPv6 is disabled), stem
# S = vxlan_checksum_<mode> (offload-off → vxlan_checksum_offload_off):
#   S.node1.any.pcap     tcpdump -i any on node1 (LINUX_SLL2; if2 eth0, if3 cni0, if4 vethclient,
#                        if5 flannel.1): the SYN out on flannel.1 (inner; its TCP checksum still
#                        pending, so tshark calls it wrong, except in offload-off) and encapsulated
#                        out on eth0 (outer source port after the second SNAT); replies back.
#   S.node1.uplink.pcap  tcpdump -i eth0 on node1: the VXLAN packets as they go on the wire. eth0
#                        has tx offload off, so its taps see final checksums: inner TCP right,
#                        outer UDP wrong exactly where node2 finds it wrong (no placeholders).
#   S.node2.any.pcap     tcpdump -i any on node2 (if2 eth0, if3 cni0, if4 vethserver, if5
#                        flannel.1): VXLAN arriving on eth0 (seen before the UDP layer, so also the
#                        dropped ones, which never appear on flannel.1).
#   S.node2.uplink.pcap  tcpdump -i eth0 on node2: arriving VXLAN SYNs, leaving SYN-ACKs.
# No pod capture: the client is the node. Refuses to overwrite existing files. Prints the
# ifindex maps, flannel.1's and eth0's checksum settings, the nat rules, node2's UdpInCsumErrors
# and UdpInErrors before/after, node1's conntrack NEW events for the outer VXLAN flows (the
# pre-NAT and post-NAT outer ports), and per VXLAN SYN on each uplink: outer source port, stored
# and correct outer UDP checksum, inner TCP checksum status.
source "$(dirname "$0")/lib.sh"
mode=${1:-}
case $mode in
  bug|fixed|offload-off) txrehash=1 ;;
  bug63) txrehash=0 ;;
  *) echo "usage: $0 bug|bug63|fixed|offload-off" >&2; exit 2 ;;
esac
stem=vxlan_checksum_${mode//-/_}
files=(node1.any.pcap node1.uplink.pcap node2.any.pcap node2.uplink.pcap)
for f in "${files[@]}"; do
  if [ -e "$OUT_DIR/$stem.$f" ]; then
    echo "refusing to overwrite $OUT_DIR/$stem.$f" >&2
    exit 1
  fi
done

cleanup
two_nodes
flannel_vxlan
# The underlay veths check nothing for the peer: with tx offload off every checksum is final
# on the wire and the receiver validates it, as with a NIC.
in_ns node1 ethtool -K eth0 tx off >/dev/null
in_ns node2 ethtool -K eth0 tx off >/dev/null
# A real node has a default route; without one the connect to the ClusterIP fails before nat
# OUTPUT can DNAT it.
in_ns node1 ip route add default via 172.18.0.3 dev eth0

nat() { in_ns node1 iptables -t nat "$@"; }
for c in KUBE-SERVICES KUBE-SVC-SRV KUBE-SEP-SRV KUBE-MARK-MASQ KUBE-POSTROUTING; do nat -N $c; done
nat -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
nat -A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
nat -A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
nat -A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000
nat -A KUBE-SERVICES -d 10.96.0.20/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-SVC-SRV
nat -A KUBE-SVC-SRV ! -s 10.244.0.0/16 -d 10.96.0.20/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
nat -A KUBE-SVC-SRV -m comment --comment "default/web -> 10.244.2.20:8080" -j KUBE-SEP-SRV
nat -A KUBE-SEP-SRV -s 10.244.2.20/32 -m comment --comment default/web -j KUBE-MARK-MASQ
nat -A KUBE-SEP-SRV -p tcp -m comment --comment default/web -m tcp -j DNAT --to-destination 10.244.2.20:8080
if [ "$mode" = fixed ]; then
  nat -A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
  nat -A KUBE-POSTROUTING -j MARK --xor-mark 0x4000
  nat -A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully
else
  nat -A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -m mark --mark 0x4000/0x4000 -j MASQUERADE --random-fully
fi
if [ "$mode" = offload-off ]; then
  in_ns node1 ethtool -K flannel.1 tx-checksum-ip-generic off >/dev/null
fi
in_ns node1 sysctl -qw net.ipv4.tcp_syn_linear_timeouts=0 net.core.txrehash=$txrehash
serve server 8080
wait_for_listener server 8080

echo "== $mode ($stem) LAB=$LAB OUT_DIR=$OUT_DIR"
print_links node1 node2
echo "-- flannel.1 on node1:" $(in_ns node1 ip -d link show flannel.1 | grep -o 'dstport [0-9]*\|noudpcsum\|udpcsum' | paste -sd ' ')
for n in node1 node2; do
  echo "-- $n offloads: eth0" $(in_ns $n ethtool -k eth0 | grep -E '^(tx-checksumming|rx-checksumming):' | paste -sd ' ') \
    "| flannel.1" $(in_ns $n ethtool -k flannel.1 | grep -E '^(tx-checksumming|\s+tx-checksum-ip-generic):' | paste -sd ' ')
done
echo "-- node1 sysctls:" $(in_ns node1 sysctl net.ipv4.tcp_syn_linear_timeouts net.ipv4.tcp_syn_retries net.core.txrehash | paste -sd ' ')
echo "-- node1 nat rules"; nat -S | grep -E 'KUBE|^-A (PREROUTING|OUTPUT|POSTROUTING)'

# udp_counters: node2's UdpInCsumErrors and UdpInErrors, "NAME VALUE" per line (-s: no history).
udp_counters() { in_ns node2 nstat -azs UdpInCsumErrors UdpInErrors | awk 'NR > 1 {print $1, $2}'; }
before=$(udp_counters)

capture_in node1 "$stem.node1.any.pcap" -B 32768 -i any
capture_in node1 "$stem.node1.uplink.pcap" -i eth0
capture_in node2 "$stem.node2.any.pcap" -B 32768 -i any
capture_in node2 "$stem.node2.uplink.pcap" -i eth0
captures_ready
# node1's conntrack events for new outer VXLAN flows: original and reply tuple (NAT) of each.
ctlog="${TMPDIR:-/tmp}/$LAB-$stem.conntrack"
( exec ip netns exec "$(ns node1)" conntrack -E -e NEW -p udp --orig-port-dst 8472 -o timestamp >"$ctlog" 2>/dev/null ) &
ctpid=$!; PIDS+=("$ctpid")
sleep 0.5

echo "connect starts at $(date +%T.%N)"
fetch node1 10.96.0.20 80 75
after=$(udp_counters)
echo "-- capture statistics (a WARNING on stderr if the kernel dropped packets)"
stop_all_captures
kill "$ctpid" 2>/dev/null || true; wait "$ctpid" 2>/dev/null || true
keep=(); for p in "${PIDS[@]}"; do [ "$p" = "$ctpid" ] || keep+=("$p"); done; PIDS=("${keep[@]}")

echo "-- node2 UDP counters: before / after / difference"
join <(echo "$before" | sort) <(echo "$after" | sort) | awk '{printf "  %-16s %s -> %s  (+%d)\n", $1, $2, $3, $3 - $2}'
echo "-- node1 conntrack: new outer VXLAN flows (orig sport → reply dport = port on the wire)"
sed 's/^/  /' "$ctlog"
echo "-- node1 conntrack now"; in_ns node1 conntrack -L 2>/dev/null | grep -E 'dport=(80|8472) ' | sed 's/^/  /' || true
echo "-- nat KUBE-POSTROUTING counters"; nat -nvxL KUBE-POSTROUTING | sed 's/^/  /'
# Per VXLAN SYN on each uplink: the outer source port on the wire and, from the conntrack
# events, before NAT; the outer UDP checksum stored in the packet, the correct one (tshark) and
# the correct one for the pre-NAT port (what local checksum offload computed before the second
# SNAT); tshark's status of the outer UDP and inner TCP checksums.
for n in node1 node2; do
  echo "-- VXLAN SYNs on $n eth0"
  tshark -r "$OUT_DIR/$stem.$n.uplink.pcap" -d udp.port==8472,vxlan -o udp.check_checksum:TRUE \
    -o tcp.check_checksum:TRUE -Y 'vxlan && tcp.flags.syn==1' -T fields -E separator=' ' -E occurrence=f \
    -e frame.number -e frame.time_relative -e ip.src -e udp.srcport -e udp.checksum -e udp.checksum_calculated \
    -e udp.checksum.status -e tcp.srcport -e tcp.dstport -e tcp.flags.str -e tcp.checksum.status 2>/dev/null \
    | python3 -c "
import re, sys
pre = {}
for line in open('$ctlog'):
    m = re.search(r'sport=(\d+) dport=8472 .*dport=(\d+)', line)
    if m: pre[m.group(2)] = int(m.group(1))
def fold(x): return (x & 0xffff) + (x >> 16)
status = {'0': 'Bad', '1': 'Good', '2': 'Unverified'}
print('  frame      time  outer src:sport     pre-NAT  stored  correct  for-pre-NAT  udp    packet  inner ports  tcp')
for line in sys.stdin:
    f = line.split()
    if len(f) < 11: continue
    num, t, src, sport, stored, calc, st, isp, idp, flags, tst = f[:11]
    p0 = pre.get(sport); alt = '-'
    if p0 is not None and p0 != int(sport):
        s = fold(fold((~int(calc, 16)) & 0xffff) + ((~int(sport)) & 0xffff) + p0)
        alt = '0x%04x' % ((~s) & 0xffff)
    kind = 'SYN-ACK' if 'A' in flags else 'SYN'
    print(f'  {num:>5} {float(t):9.6f}  {src}:{sport:<6} {str(p0 or \"-\"):>7}  {stored}  {calc}  {alt:>11}  {status.get(st, st):5}  {kind:7} {isp}>{idp}  {status.get(tst, tst)}')
" || true
done
rm -f "$ctlog"
for f in "${files[@]}"; do
  echo "wrote $OUT_DIR/$stem.$f ($(stat -c %s "$OUT_DIR/$stem.$f") bytes, $(tshark -r "$OUT_DIR/$stem.$f" 2>/dev/null | wc -l) frames)"
done
