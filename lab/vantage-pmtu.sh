#!/usr/bin/env bash
# pmtu-black-hole and its healthy twin, captured from six vantage points in one run. pmtu.sh's
# path: a client pod on a node, the node's uplink to router1, a 1400-byte link between router1
# and router2, the server behind router2. Every endpoint has a 1500-byte MTU and advertises MSS
# 1460, so the client's full-size segments (1500-byte packets, Don't Fragment set) do not fit
# the narrow link. The direction is pmtu.sh's: an upload, the client sends the large body.
#   pod client 10.244.0.10 — eth0 ⇄ vethclient — cni0 10.244.0.1 (node) eth0 172.18.0.2
#     ⇄ eth0 172.18.0.1 router1 narrow 10.77.7.1 ⇄(MTU 1400)⇄ narrow 10.77.7.2 router2
#     srv 172.18.5.1 ⇄ eth0 172.18.5.10 server :8080
#   node: default via 172.18.0.1 (no NAT: router1 routes 10.244.0.0/16 back to the node)
# usage: vantage-pmtu.sh blackhole|ok   (export LAB=<prefix>; OUT_DIR=<dir> optional)
#   blackhole  router1 drops its own ICMP "fragmentation needed" (filter OUTPUT, standing in for
#              a firewall or security group that drops ICMP): the sender is never told.
#   ok         the same rule without a target (it only counts): the ICMP reaches the client,
#              which lowers its path MTU to 1400 and re-sends the body in smaller segments.
# The exchange, HTTP/1.1 with Expect: 100-continue: the client sends a small request header,
# the server answers a small "100 Continue", the client sends a 20000-byte body, the server
# answers "200 OK" and closes. Small packets pass both ways; only the body's full-size
# segments are too large. The client gives up 20 s after it started and closes the socket
# normally: its FIN is queued behind the unsent body and never leaves. tcp_mtu_probing=0 (the
# default), so TCP never probes its way around the hole.
#   blackhole: the handshake, the 94-byte header and the 100 Continue pass; the first flight
#              (10 segments of 1448 bytes in 1500-byte packets, an 11th ~6 ms later) vanishes
#              at router1 (its frag-needed, one per packet, 17 in a run, are all dropped);
#              the first body segment is re-sent alone with back-off (RTO 0.2 s doubling) at
#              ~0.21, 0.64, 1.47, 3.14, 6.5 and 13.1 s and never acknowledged (the next would
#              be at ~26 s). The server never sees a body byte.
#   ok:        router1's frag-needed (from 172.18.0.1, next-hop MTU 1400), one per 1500-byte
#              packet (10), reach the client within ~0.1 ms; it caches mtu 1400 for the server
#              (ip route get shows it), re-sends the body as 1348-byte segments (1400-byte
#              packets) and the upload completes in ~2 ms. No packet over 1400 bytes reaches
#              the server.
#
# Captures (all from the same run; no capture filter: ARP stays in; IPv6 is disabled),
# stem S = pmtu_<mode>:
#   S.node.any.pcap         tcpdump -i any on the node (LINUX_SLL2: ifindex and direction):
#                           each client packet in on vethclient, in on cni0, out on eth0; each
#                           server packet in on eth0, out on cni0 and vethclient
#   S.node.sll1.pcap        the same with -y LINUX_SLL (direction, no interface index)
#   S.node.pcapng           dumpcap -p on vethclient, cni0, eth0: names, Ethernet headers, no
#                           direction, frames written per interface (not in time order)
#   S.node.uplink.pcap      tcpdump -i eth0 on the node: the path beyond the node
#   S.pod.pcap              tcpdump -i eth0 in the client pod: the sender's own view
#   S.server-pod.pcap       tcpdump -i eth0 in the server: what arrives (blackhole: no body)
# Segmentation offload is off on the client's eth0 (ethtool -K eth0 tso off gso off; the one
# departure from the kernel's defaults), so that every capture shows the segments as a wire
# would. With it on, the pod's first flight crosses every veth, both routers and reaches the
# server as 7240-byte GSO packets (five segments each); router1 still checks each segment
# against 1400 and the failure is the same, but the shrink after the ICMP is invisible in
# every capture (the segment size is not in a pcap).
# Refuses to overwrite existing files. Also prints the node's ifindex map, router1's
# frag-needed counter, and the client's socket (ss -tnio) and route (its cached PMTU).
source "$(dirname "$0")/lib.sh"
mode=${1:-}
case "$mode" in blackhole|ok) ;; *) echo "usage: $0 blackhole|ok" >&2; exit 2 ;; esac
stem=pmtu_$mode
files=(node.any.pcap node.sll1.pcap node.pcapng node.uplink.pcap pod.pcap server-pod.pcap)
for f in "${files[@]}"; do
  if [ -e "$OUT_DIR/$stem.$f" ]; then
    echo "refusing to overwrite $OUT_DIR/$stem.$f" >&2
    exit 1
  fi
done

cleanup
# pmtu.sh's topology, built in the same order (the node's ifindexes: cni0, vethclient, eth0).
make_ns node router1 router2 server
bridge node cni0 10.244.0.1/24
pod client node vethclient 10.244.0.10/24 10.244.0.1 cni0
veth node eth0 router1 eth0
veth router1 narrow router2 narrow
veth router2 srv server eth0
in_ns node ip addr add 172.18.0.2/24 dev eth0
in_ns router1 ip addr add 172.18.0.1/24 dev eth0
in_ns router1 ip addr add 10.77.7.1/30 dev narrow
in_ns router2 ip addr add 10.77.7.2/30 dev narrow
in_ns router2 ip addr add 172.18.5.1/24 dev srv
in_ns server ip addr add 172.18.5.10/24 dev eth0
in_ns router1 ip link set narrow mtu 1400
in_ns router2 ip link set narrow mtu 1400
in_ns node ip route add default via 172.18.0.1
in_ns router1 ip route add 10.244.0.0/16 via 172.18.0.2
in_ns router1 ip route add 172.18.5.0/24 via 10.77.7.2
in_ns router2 ip route add default via 10.77.7.1
in_ns server ip route add default via 172.18.5.1
for n in client node server; do in_ns $n sysctl -qw net.ipv4.tcp_mtu_probing=0 net.ipv4.ip_no_pmtu_disc=0; done
in_ns client ethtool -K eth0 tso off gso off
# The rule counts router1's frag-needed in both modes; in blackhole it also drops them.
if [ "$mode" = blackhole ]; then
  in_ns router1 iptables -A OUTPUT -p icmp --icmp-type fragmentation-needed -j DROP
else
  in_ns router1 iptables -A OUTPUT -p icmp --icmp-type fragmentation-needed
fi

# The server: reads the request header, answers 100 Continue, reads the 20000-byte body,
# answers 200 OK and closes.
in_ns server python3 -c "
import socket, threading
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('0.0.0.0', 8080)); s.listen(8)
def answer(c):
    try:
        data = b''
        while b'\r\n\r\n' not in data:
            d = c.recv(4096)
            if not d: return
            data += d
        c.sendall(b'HTTP/1.1 100 Continue\r\n\r\n')
        got = len(data.split(b'\r\n\r\n', 1)[1])
        while got < 20000:
            d = c.recv(65536)
            if not d: return
            got += len(d)
        c.sendall(b'HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok')
    finally:
        c.close()
while True:
    c, _ = s.accept(); threading.Thread(target=answer, args=(c,), daemon=True).start()
" &
PIDS+=($!)
wait_for_listener server 8080

echo "== $mode ($stem) LAB=$LAB OUT_DIR=$OUT_DIR"
for n in client node router1 router2 server; do
  echo "-- $(ns $n):" $(in_ns $n ip -o link | awk '{sub(/@.*/, "", $2); sub(/:$/, "", $2); print $2 " mtu " $5 ";"}')
done
echo "-- client eth0 offloads:" $(in_ns client ethtool -k eth0 | grep -E '^(tcp-segmentation-offload|generic-segmentation-offload):' | paste -sd ' ')

capture_in node "$stem.node.any.pcap" -B 32768 -i any
capture_in node "$stem.node.sll1.pcap" -B 32768 -i any -y LINUX_SLL
capture_pcapng node "$stem.node.pcapng" vethclient cni0 eth0
capture_in node "$stem.node.uplink.pcap" -B 32768 -i eth0
capture_in client "$stem.pod.pcap" -B 32768 -i eth0
capture_in server "$stem.server-pod.pcap" -B 32768 -i eth0
captures_ready

echo "upload starts at $(date +%T.%N)"
in_ns client python3 -c "
import socket, time
start = time.time(); deadline = start + 20
def left():
    return max(0.01, deadline - time.time())
def step(what):
    print(f'  {time.time() - start:6.3f} s  {what}', flush=True)
c = None
try:
    c = socket.create_connection(('172.18.5.10', 8080), timeout=left())
    step('connected')
    c.sendall(b'POST /upload HTTP/1.1\r\nhost: 172.18.5.10:8080\r\ncontent-length: 20000\r\n'
              b'expect: 100-continue\r\n\r\n')
    c.settimeout(left()); reply = c.recv(1024)
    step('server says ' + repr(reply.split(b'\r\n')[0].decode()))
    c.settimeout(left()); c.sendall(b'x' * 20000)
    step('20000-byte body queued')
    reply = b''
    while True:
        c.settimeout(left()); d = c.recv(1024)
        if not d: break
        reply += d
    step('server says ' + repr(reply.split(b'\r\n')[0].decode()) + ', upload done')
except Exception as e:
    step(f'gave up: {e!r}')
finally:
    if c is not None: c.close()
"
sleep 0.5
echo "-- client socket after close (blackhole: the orphan still retransmitting)"
in_ns client ss -tnio dst 172.18.5.10 | sed 's/^/  /'
echo "-- client route to the server (a cached PMTU shows as mtu)"
in_ns client ip route get 172.18.5.10 | sed 's/^/  /'
echo "-- capture statistics (a WARNING on stderr if the kernel dropped packets)"
stop_all_captures
echo "-- router1 filter OUTPUT (frag-needed it generated)"
in_ns router1 iptables -L OUTPUT -v -n -x | sed -n '3,$p' | sed 's/^/  /'
echo "-- client counters"
in_ns client nstat -az TcpRetransSegs TcpExtTCPTimeouts IcmpInDestUnreachs 2>/dev/null | sed -n '2,$p' | sed 's/^/  /'
print_links node
for f in "${files[@]}"; do
  echo "wrote $OUT_DIR/$stem.$f ($(stat -c %s "$OUT_DIR/$stem.$f") bytes)"
done
