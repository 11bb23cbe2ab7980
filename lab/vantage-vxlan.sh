#!/usr/bin/env bash
# vxlan-syn-loss from every vantage point in one run: a client calls a ClusterIP whose backend
# is on another node across a flannel-style VXLAN overlay (flannel.1, VNI 1, UDP 8472). node2
# drops incoming UDP 8472 with an iptables rule for a while (standing in for the receiving
# kernel dropping VXLAN packets with a bad outer UDP checksum, the double-SNAT checksum bug of
# kubernetes/kubernetes#92035), then stops; the SYN retransmitted after that gets through.
#   pod client 10.244.1.10 — vethclient — node1 cni0 10.244.1.1 | flannel.1 10.244.1.0 | eth0 172.18.0.2
#   node2 eth0 172.18.0.3 | flannel.1 10.244.2.0 | cni0 10.244.2.1 — vethserver — pod server 10.244.2.20:8080
#   ClusterIP 10.96.0.20:80 → 10.244.2.20:8080 (DNAT on node1, nat PREROUTING; also nat OUTPUT
#   in hostnet mode).
# usage: LAB=dsv [OUT_DIR=dir] vantage-vxlan.sh MODE
#   lossy63  client pod, classic SYN schedule (tcp_syn_linear_timeouts=0: SYNs at 0 1 3 7 15 31
#            63 s); drop for 62 s after the first SYN: connects on the 7th SYN after ~63 s.
#            Client timeout 75 s.
#   lossy1   client pod, classic schedule; drop for 0.5 s after the first SYN: connects after ~1 s.
#   linear   client pod, the kernel's default schedule (tcp_syn_linear_timeouts=4, Linux >= 6.5:
#            SYNs at 0 1 2 3 4 5 7 11 s); drop for 9 s: connects on the SYN at ~11 s.
#   gaveup   client pod, classic schedule, drop for the whole run, client timeout 20 s: SYNs at
#            0 1 3 7 15 s, never connects.
#   ok       healthy twin of lossy63 (client pod, classic schedule), no drop. Its files are
#            named vxlan_healthy.* because vxlan_ok.node{1,2}.any.pcap already belong to
#            vxlan-loss.sh.
#   hostnet  like lossy63 but the client is a process in node1's own namespace (hostNetwork pod,
#            the node itself) with a default route out of eth0; the ClusterIP is DNATed in nat
#            OUTPUT and kube-proxy-style `-t nat -A POSTROUTING -o flannel.1 -j MASQUERADE`
#            rewrites the source 172.18.0.2 to flannel.1's 10.244.1.0. Drop for 30 s: connects
#            on the 6th SYN at ~31 s.
# The drop clock starts when node2's DROP rule has counted the first VXLAN packet (the first
# SYN), so "drop for N s" is measured from the first SYN on the wire.
# Captures (no capture filter: ARP stays in; IPv6 is disabled), stem S = vxlan_<mode>:
#   S.node1.any.pcap     tcpdump -i any on node1 (LINUX_SLL2: ifindex + packet type): the SYN on
#                        vethclient, DNATed on cni0 (when not on the bridge fast path), on
#                        flannel.1, and encapsulated on eth0 (UDP 8472, outer source port
#                        re-hashed per retransmission); the SYN-ACK coming back the same way.
#   S.node1.sll1.pcap    the same with -y LINUX_SLL (packet type, no interface index).
#   S.node1.pcapng       dumpcap on vethclient, cni0, flannel.1, eth0: interface names,
#                        Ethernet headers, no direction; frames written per interface block,
#                        not necessarily in time order.
#   S.node1.uplink.pcap  tcpdump -i eth0 on node1: only the encapsulated VXLAN packets (and ARP).
#   S.pod.pcap           tcpdump -i eth0 in the client pod (not in hostnet mode): only SYN
#                        retransmissions to the ClusterIP; the tunnel is invisible.
#   S.node2.any.pcap     tcpdump -i any on node2: the VXLAN packets arriving on eth0 (seen before
#                        netfilter, so also the dropped ones) and, once the drop stops, the SYN
#                        on flannel.1, cni0, vethserver and the SYN-ACK going back.
#   S.node2.uplink.pcap  tcpdump -i eth0 on node2: arriving VXLAN SYNs, leaving VXLAN SYN-ACKs.
# Checksums (udpcsum is on for flannel.1, as for any VXLAN device made without noudpcsum; eth0
# is a veth with tx checksum offload): the inner TCP checksum holds only the pseudo-header sum
# (CHECKSUM_PARTIAL) and the outer UDP checksum is never 0: it is computed by local checksum
# offload, correct for the packet once the inner TCP checksum is filled in, so tshark calls it
# bad on the bytes as captured. The same on both nodes' eth0, for dropped and delivered packets.
# Timing: the 7th classic SYN lands at 64-65.5 s, not 63 s (the 32 s timer fires late).
# Refuses to overwrite existing files. Also prints each namespace's `ip -o link` (the ifindex
# map for -i any), flannel.1's checksum settings, and the outer UDP source port and checksum of
# every VXLAN-encapsulated SYN on node1's eth0.
source "$(dirname "$0")/lib.sh"
mode=${1:?usage: vantage-vxlan.sh lossy63|lossy1|linear|gaveup|ok|hostnet}
case $mode in
  lossy63) drop=62;  linear=0; timeout=75 ;;
  lossy1)  drop=0.5; linear=0; timeout=75 ;;
  linear)  drop=9;   linear=4; timeout=75 ;;
  gaveup)  drop=run; linear=0; timeout=20 ;;
  ok)      drop=;    linear=0; timeout=75 ;;
  hostnet) drop=30;  linear=0; timeout=75 ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac
stem=vxlan_$mode
[ "$mode" = ok ] && stem=vxlan_healthy
files=(node1.any.pcap node1.sll1.pcap node1.pcapng node1.uplink.pcap node2.any.pcap node2.uplink.pcap)
[ "$mode" = hostnet ] || files+=(pod.pcap)
for f in "${files[@]}"; do
  if [ -e "$OUT_DIR/$stem.$f" ]; then
    echo "refusing to overwrite $OUT_DIR/$stem.$f" >&2
    exit 1
  fi
done

# drop_rule add|del: node2 drops every incoming VXLAN packet (before its UDP socket).
drop_rule() {
  local op=-A; [ "$1" = del ] && op=-D
  in_ns node2 iptables "$op" INPUT -p udp --dport 8472 -m comment --comment "$LAB-vxlan-drop" -j DROP
}
# dropped_count: packets counted by node2's drop rule so far.
dropped_count() {
  in_ns node2 iptables -nvx -L INPUT | awk -v c="$LAB-vxlan-drop" '$0 ~ c {print $1; exit}'
}
# release_after SECONDS: waits (at most 10 s) for the first dropped packet, then removes the
# rule SECONDS later.
release_after() {
  local i n
  for i in $(seq 1 500); do
    n=$(dropped_count); [ "${n:-0}" -ge 1 ] && break
    sleep 0.02
  done
  echo "first VXLAN packet dropped on node2 at $(date +%T.%N); releasing in $1 s"
  sleep "$1"
  n=$(dropped_count)
  drop_rule del
  echo "drop rule removed at $(date +%T.%N) after dropping ${n:-0} VXLAN packets"
}
cleanup
two_nodes
# flannel programs the peer's VTEP MAC, a neighbour entry and an FDB entry; so does this.
flannel_vxlan
in_ns node1 iptables -t nat -A PREROUTING -d 10.96.0.20/32 -p tcp --dport 80 -j DNAT --to-destination 10.244.2.20:8080
if [ "$mode" = hostnet ]; then
  client=node1
  # A real node has a default route; without one the connect to the ClusterIP fails before
  # nat OUTPUT can DNAT it.
  in_ns node1 ip route add default via 172.18.0.3 dev eth0
  in_ns node1 iptables -t nat -A OUTPUT -d 10.96.0.20/32 -p tcp --dport 80 -j DNAT --to-destination 10.244.2.20:8080
  in_ns node1 iptables -t nat -A POSTROUTING -o flannel.1 -j MASQUERADE
else
  client=client
fi
in_ns $client sysctl -qw net.ipv4.tcp_syn_linear_timeouts=$linear
serve server 8080
wait_for_listener server 8080

echo "== $mode ($stem) LAB=$LAB OUT_DIR=$OUT_DIR"
for n in node1 node2 client; do echo "-- ip -o link in $(ns $n)"; in_ns $n ip -o link | sed 's/\\.*//'; done
echo "-- flannel.1 on node1"; in_ns node1 ip -d link show flannel.1 | sed -n '3p'
echo "-- node1 eth0 offloads"; in_ns node1 ethtool -k eth0 | grep -E '^(tx-checksumming|rx-checksumming|tx-udp_tnl-segmentation|generic-segmentation-offload)'
echo "-- client sysctls"; in_ns $client sysctl net.ipv4.tcp_syn_linear_timeouts net.ipv4.tcp_syn_retries

# -B: in immediate mode libpcap uses one ring slot per packet, sized for the snapshot length
# (256 KiB) on "any": the default 2 MiB ring holds 7 packets and a SYN's burst of copies
# overflows it ("packets dropped by kernel"). 32 MiB holds ~127.
capture_in node1 "$stem.node1.any.pcap" -B 32768 -i any
capture_in node1 "$stem.node1.sll1.pcap" -B 32768 -i any -y LINUX_SLL
capture_pcapng node1 "$stem.node1.pcapng" vethclient cni0 flannel.1 eth0
capture_in node1 "$stem.node1.uplink.pcap" -B 32768 -i eth0
[ "$mode" = hostnet ] || capture_in client "$stem.pod.pcap" -B 32768 -i eth0
capture_in node2 "$stem.node2.any.pcap" -B 32768 -i any
capture_in node2 "$stem.node2.uplink.pcap" -B 32768 -i eth0
captures_ready

case $drop in
  '') ;;
  run) drop_rule add ;;
  *) drop_rule add; release_after "$drop" & PIDS+=($!) ;;
esac
echo "connect starts at $(date +%T.%N)"
fetch $client 10.96.0.20 80 "$timeout"
if [ "$drop" = run ]; then echo "still dropping; node2 dropped $(dropped_count) VXLAN packets"; fi
echo "-- capture statistics (a WARNING on stderr if the kernel dropped packets)"
stop_all_captures

echo "-- node1 conntrack (the NAT applied)"; in_ns node1 conntrack -L -p tcp 2>/dev/null || true
echo "-- node2 counters (filter INPUT)"; in_ns node2 iptables -nvx -L INPUT
echo "-- outer UDP source port / checksum of each VXLAN SYN on node1 eth0"
tshark -r "$OUT_DIR/$stem.node1.uplink.pcap" -d udp.port==8472,vxlan -o udp.check_checksum:TRUE \
  -Y 'vxlan && tcp.flags.syn==1' -T fields -E separator=' ' \
  -e frame.number -e frame.time_relative -e udp.srcport -e udp.checksum -e udp.checksum.status \
  -e tcp.srcport -e tcp.dstport -e tcp.flags.str 2>/dev/null || true
for f in "${files[@]}"; do
  echo "wrote $OUT_DIR/$stem.$f ($(stat -c %s "$OUT_DIR/$stem.$f") bytes)"
done
