#!/usr/bin/env bash
# Three TCP failures of an established or re-used connection (idle-timeout-reset, its silent
# variant, connection-stalled, port-reuse-rejected), each with its healthy twin, captured from
# three or four vantage points in one run.
#
# Topology (the same in every mode, built in the same order, so the ifindexes agree):
#   pod client 10.244.1.10 — eth0 ⇄ vethclient (4) ┐
#                                                   cni0 (3) 10.244.1.1  node1  eth0 (2) 172.18.0.2
#   pod server 10.244.1.20 — eth0 ⇄ vethserver (5) ┘                             ⇄ eth0 lb 172.18.0.100
#   lb eth1 172.18.5.1 ⇄ eth0 backend 172.18.5.10:8080 (a service outside the cluster)
#   (n) = node1's ifindex. lb: VIP 172.18.0.100:80 → 172.18.5.10:8080 (DNAT, the client's
#   address kept; the backend's default route is the lb); 10.244.1.0/24 via node1 (no NAT on
#   the node: the lb sees the pod's own address). node1: kube-proxy-style Service default/web,
#   ClusterIP 10.96.0.30:80 → 10.244.1.20:8080 (nat KUBE-SERVICES → KUBE-SVC-WEB → KUBE-SEP-WEB
#   DNAT), bridge-nf-call-iptables=1. The servers (backend, pod server) are a small threaded
#   Python HTTP/1.1 server on a bare socket (no name lookups): each request is answered with a
#   2-byte body; HTTP/1.0 requests are answered and closed by the server.
#
# STAND-IN for the idle timeout of a cloud load balancer or NAT gateway (an NLB's 350 s, a NAT
# gateway's 350 s): the lb namespace's conntrack, with
# net.netfilter.nf_conntrack_tcp_timeout_established=20 (per network namespace on this kernel:
# set in the lb only, the host keeps 432000) and nf_conntrack_tcp_loose=0 (a mid-flow segment
# without an entry is INVALID instead of being picked up as a new flow, which Linux does by
# default and a cloud LB does not), and in filter INPUT and FORWARD
#   -p tcp -m conntrack --ctstate INVALID -j REJECT --reject-with tcp-reset   (idle-silent: DROP)
# The lb has the same timeout and rules in every idle and stalled mode.
#
# usage: vantage-tcp-timing.sh MODE   (export LAB=<prefix>; OUT_DIR=<dir> optional)
#   idle-reset   idle-timeout-reset: the client pod opens 172.18.0.100:80, one request and its
#                answer, then stays idle 25 s (> the lb's 20 s); its next request (63 bytes)
#                reaches the lb after the entry expired, is INVALID and is answered within
#                ~0.5 ms by a RST from 172.18.0.100:80 (seq = the request's ack number, no ACK
#                flag) sent by the lb itself: the backend never sees the request and still holds
#                the connection (ESTAB). The RST arrives with TTL 63, the backend's packets
#                with TTL 62 (one hop further). The client gets ECONNRESET.
#   idle-silent  the same, but the lb drops the INVALID segment: the client re-sends its request
#                (all 63 bytes) at +0.21 (tail loss probe), +0.42, +0.84, +1.67, +3.35, +6.8,
#                +13.5 s, nothing comes back, and it gives up at its TCP_USER_TIMEOUT (15 s)
#                without sending anything (ETIMEDOUT, no RST, no FIN).
#   idle-ok      healthy twin of both (the same lb, reset rule and 20 s): the client sets
#                SO_KEEPALIVE, TCP_KEEPIDLE=5, TCP_KEEPINTVL=5, TCP_KEEPCNT=3: a keepalive probe
#                (seq = snd_nxt - 1, no data) every ~5.1 s, each answered, keeps the lb's entry
#                alive; the request after 25 s is answered and the connection closes normally.
#   stalled      connection-stalled: the client pod streams a 25800-byte POST body to
#                172.18.0.100:80 as 24 writes, 50 ms apart, of 100, 100, 100, 4000 bytes
#                (TCP_NODELAY; TSO/GSO off: a 4000-byte write leaves as 1448 + 1448 + 1104).
#                STAND-IN for a path that stops forwarding one established flow mid-transfer (a
#                firewall or load balancer losing the flow, a route or security group change):
#                filter FORWARD on the lb, -d 172.18.5.10 -p tcp --dport 8080 -m connbytes
#                --connbytes 16: --connbytes-dir original --connbytes-mode packets -j DROP, so
#                the flow's first 15 client packets pass (handshake, header, two rounds of
#                writes: acknowledged up to byte 8687) and every later one is dropped after the
#                lb's eth0. Lost: 100-byte segments at +0, +0.05, +0.10 s, a tail loss probe
#                of the second (+0.057), 1448, 1448, 1104 at +0.15, 100 at +0.20; then the head
#                re-sent as one 300-byte segment (the three small writes collapsed) at +0.21,
#                +0.64, +1.47, +3.15, +6.6, +13.3 s; never acknowledged; no RST, no ICMP; the
#                client's TCP_USER_TIMEOUT (20 s) ends it silently (ETIMEDOUT). Unlike a PMTU
#                black hole, small segments are lost as well as full-size ones.
#   stalled-ok   healthy twin: no drop rule; every write acknowledged, answered, closed.
#   port-reuse   port-reuse-rejected, the kernel's own behaviour (no stand-in): the client pod,
#                with net.ipv4.tcp_timestamps=0 in its namespace (as a Windows client, or a
#                node with timestamps off), binds source port 40000 and uploads PUT_BYTES
#                (128 KiB) to the Service 10.96.0.30:80 (DNAT to pod server); the server
#                answers and closes first, so its side of 10.244.1.10:40000 stays in TIME_WAIT
#                (60 s). At once (~4-5 ms after the first SYN) the client binds port 40000 again
#                (SO_REUSEADDR) and connects: same 4-tuple. Without timestamps, TIME_WAIT judges
#                the new SYN by its sequence number alone, and the new ISN (same 4-tuple hash,
#                plus 1 per 64 ns) is still ~56-66 KB below the old connection's last byte:
#                the server answers the SYN with a challenge ACK (its old seq, ack = the old
#                connection's final ack, < 0.1 ms later), the client resets (RST seq = that ack
#                number), which ends the TIME_WAIT, and re-sends the SYN ~9-10 ms later (the
#                kernel re-arms its SYN timer at its minimum): answered by a SYN-ACK, the
#                request completes. The upload must outrun the ISN clock (15.6 bytes/µs), so in
#                the port-reuse modes GSO stays on (the kernel's default): the 128 KiB leave as
#                a few large GSO packets in ~1 ms. The script warns if connect() took < 5 ms
#                (no challenge ACK).
#   port-reuse-ok  healthy twin: the same, the second connection from a fresh (ephemeral) port.
#
# Captures (all from the same run; no capture filter: ARP stays in; IPv6 is disabled),
# stem S = the mode with - replaced by _ (idle_reset, idle_silent, idle_ok, stalled, stalled_ok,
# port_reuse, port_reuse_ok):
#   S.node.any.pcap   tcpdump -i any on node1 (LINUX_SLL2: ifindex and direction). Idle and
#                     stalled: each client packet in on vethclient, in on cni0, out on eth0, and
#                     back. Port-reuse: in on vethclient and out on vethserver (DNATed; the
#                     routed sighting on cni0 is missing, as lab-notes says it may be).
#   S.node.sll1.pcap  the same with -y LINUX_SLL (direction, no interface index)
#   S.pod.pcap        tcpdump -i eth0 in the client pod: the client's own view
#   S.lb.pcap         tcpdump -i eth0 on the lb (its client side): every segment arriving (the
#                     dropped ones too: the drop is after the capture point) and, in idle-reset,
#                     the RST leaving with TTL 64. Not in the port-reuse modes (no lb involved).
# The captures' timestamps come from the wall clock, TCP's timers and timestamps from the
# monotonic clock: on this project's virtual machines the wall clock ran up to 0.5 % fast and
# sometimes jumped ahead (1 s, once 28 s, during an idle gap); the script monitors both clocks
# during the captures and warns on a jump (then run it again: the gaps in the files are off).
# Refuses to overwrite existing files. Prints the client's timeline, the lb's conntrack entries
# and rule counters, the sockets left, the client's TCP counters and node1's ifindex map.
source "$(dirname "$0")/lib.sh"
mode=${1:-}
case "$mode" in
  idle-reset|idle-silent|idle-ok|stalled|stalled-ok|port-reuse|port-reuse-ok) ;;
  *) echo "usage: $0 idle-reset|idle-silent|idle-ok|stalled|stalled-ok|port-reuse|port-reuse-ok" >&2; exit 2 ;;
esac
stem=${mode//-/_}
clock_log=
trap 'cleanup; [ -z "$clock_log" ] || rm -f "$clock_log"' EXIT
IDLE_TIMEOUT=20       # the lb's conntrack timeout for established TCP (s)
IDLE=25               # how long the client stays idle (s)
PUT_BYTES=${PUT_BYTES:-131072}   # port-reuse: the first connection's upload (bytes)
files=(node.any.pcap node.sll1.pcap pod.pcap)
case "$mode" in port-reuse*) ;; *) files+=(lb.pcap) ;; esac
for f in "${files[@]}"; do
  if [ -e "$OUT_DIR/$stem.$f" ]; then
    echo "refusing to overwrite $OUT_DIR/$stem.$f" >&2
    exit 1
  fi
done

cleanup
make_ns node1 lb backend
veth node1 eth0 lb eth0
bridge node1 cni0 10.244.1.1/24
pod client node1 vethclient 10.244.1.10/24 10.244.1.1 cni0
pod server node1 vethserver 10.244.1.20/24 10.244.1.1 cni0
veth lb eth1 backend eth0
in_ns node1 ip addr add 172.18.0.2/24 dev eth0
in_ns lb ip addr add 172.18.0.100/24 dev eth0
in_ns lb ip addr add 172.18.5.1/24 dev eth1
in_ns backend ip addr add 172.18.5.10/24 dev eth0
in_ns backend ip route add default via 172.18.5.1
in_ns lb ip route add 10.244.1.0/24 via 172.18.0.2
in_ns node1 sysctl -qw net.bridge.bridge-nf-call-iptables=1
# Segment sizes as on a wire where they tell the story (idle, stalled); in the port-reuse
# modes the upload must be fast (see there), so the kernel's default (GSO on) stays.
# In the port-reuse modes the client sends no TCP timestamps (as Windows clients by default, or
# a node with net.ipv4.tcp_timestamps=0): the server's TIME_WAIT then has only sequence
# numbers to judge a new SYN by.
case "$mode" in
  port-reuse*) in_ns client sysctl -qw net.ipv4.tcp_timestamps=0 ;;
  *) in_ns client ethtool -K eth0 tso off gso off >/dev/null ;;
esac
# Classic SYN back-off in the client (1, 2, 4 s...), not relevant unless a SYN is lost.
in_ns client sysctl -qw net.ipv4.tcp_syn_linear_timeouts=0 2>/dev/null || true

# kube-proxy on node1 (iptables mode), Service default/web: ClusterIP 10.96.0.30:80, one
# endpoint 10.244.1.20:8080.
kp() { in_ns node1 iptables -t nat "$@"; }
for c in KUBE-SERVICES KUBE-POSTROUTING KUBE-MARK-MASQ KUBE-SVC-WEB KUBE-SEP-WEB; do kp -N $c; done
kp -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
kp -A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
kp -A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
kp -A KUBE-MARK-MASQ -j MARK --or-mark 0x4000
kp -A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
kp -A KUBE-POSTROUTING -j MARK --xor-mark 0x4000
kp -A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE
kp -A KUBE-SERVICES -d 10.96.0.30/32 -p tcp --dport 80 -m comment --comment "default/web cluster IP" -j KUBE-SVC-WEB
kp -A KUBE-SVC-WEB ! -s 10.244.0.0/16 -d 10.96.0.30/32 -p tcp --dport 80 -j KUBE-MARK-MASQ
kp -A KUBE-SVC-WEB -m comment --comment "default/web -> 10.244.1.20:8080" -j KUBE-SEP-WEB
kp -A KUBE-SEP-WEB -s 10.244.1.20/32 -j KUBE-MARK-MASQ
kp -A KUBE-SEP-WEB -p tcp -j DNAT --to-destination 10.244.1.20:8080

# The lb: DNAT of the VIP, a short idle timeout, INVALID mid-flow segments reset (or dropped).
in_ns lb iptables -t nat -A PREROUTING -d 172.18.0.100/32 -p tcp --dport 80 -j DNAT --to-destination 172.18.5.10:8080
in_ns lb sysctl -qw net.netfilter.nf_conntrack_tcp_timeout_established=$IDLE_TIMEOUT \
  net.netfilter.nf_conntrack_tcp_loose=0
invalid_target=(REJECT --reject-with tcp-reset)
[ "$mode" = idle-silent ] && invalid_target=(DROP)
for chain in INPUT FORWARD; do
  in_ns lb iptables -A $chain -p tcp -m conntrack --ctstate INVALID -m comment --comment "idle timeout: flow unknown" -j "${invalid_target[@]}"
done
if [ "$mode" = stalled ]; then
  in_ns lb iptables -A FORWARD -d 172.18.5.10/32 -p tcp --dport 8080 -m connbytes --connbytes 16: \
    --connbytes-dir original --connbytes-mode packets -m comment --comment "stall: drop the flow from its 16th client packet" -j DROP
fi
# The settings that matter.
echo "== $mode ($stem) LAB=$LAB OUT_DIR=$OUT_DIR"
echo "-- lb: $(in_ns lb sysctl net.netfilter.nf_conntrack_tcp_timeout_established net.netfilter.nf_conntrack_tcp_loose | paste -sd ' ')"
echo "-- host: $(sysctl net.netfilter.nf_conntrack_tcp_timeout_established | paste -sd ' ') (unchanged)"

# The servers (backend and pod server): HTTP/1.1 over a bare socket; each request (header,
# then content-length bytes of body) is answered with a 2-byte body; HTTP/1.0 requests are
# answered and the connection closed by the server.
SERVER='
import socket, threading
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("0.0.0.0", 8080)); s.listen(16)
def handle(c):
    buf = b""
    try:
        while True:
            while b"\r\n\r\n" not in buf:
                d = c.recv(65536)
                if not d: return
                buf += d
            head, buf = buf.split(b"\r\n\r\n", 1)
            lines = head.decode("latin1").split("\r\n")
            length = 0; close = lines[0].endswith("HTTP/1.0")
            for l in lines[1:]:
                k, _, v = l.partition(":")
                if k.strip().lower() == "content-length": length = int(v)
            while len(buf) < length:
                d = c.recv(65536)
                if not d: return
                buf += d
            buf = buf[length:]
            c.sendall(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n" + (b"connection: close\r\n" if close else b"") + b"\r\nok")
            if close: return
    finally:
        c.close()
while True:
    c, _ = s.accept(); threading.Thread(target=handle, args=(c,), daemon=True).start()
'
in_ns backend python3 -c "$SERVER" &
PIDS+=($!)
in_ns server python3 -c "$SERVER" &
PIDS+=($!)
wait_for_listener backend 8080
wait_for_listener server 8080

# The captures' timestamps come from the wall clock (CLOCK_REALTIME), the kernel's TCP timers
# and TCP timestamps from the monotonic clock. On a virtual machine the two may drift or jump
# apart (seen on this project's machines: the wall clock ran 0.5 % fast, and once jumped
# 1.7 s ahead during an idle gap); a monitor in the host namespace reports what happened
# during the captures, so that the gaps in the files can be read against it.
clock_log="${TMPDIR:-/tmp}/$LAB-$stem.clock.log"
python3 -c '
import signal, sys, time
r0, m0, last = time.time(), time.monotonic(), 0.0
def offset(): return (time.time() - r0) - (time.monotonic() - m0)
def done(*_):
    print(f"wall clock minus monotonic clock: {offset():+.3f} s after {time.monotonic() - m0:.1f} s", flush=True)
    sys.exit(0)
signal.signal(signal.SIGTERM, done)
while True:
    time.sleep(0.05)
    d = offset()
    if abs(d - last) > 0.02:
        print(f"wall clock jumped {d - last:+.3f} s at ~{time.monotonic() - m0:.1f} s", flush=True)
    last = d
' >"$clock_log" &
CLOCK_PID=$!
PIDS+=("$CLOCK_PID")
capture_in node1 "$stem.node.any.pcap" -B 32768 -i any
capture_in node1 "$stem.node.sll1.pcap" -B 32768 -i any -y LINUX_SLL
capture_in client "$stem.pod.pcap" -B 32768 -i eth0
case "$mode" in port-reuse*) ;; *) capture_in lb "$stem.lb.pcap" -B 32768 -i eth0 ;; esac
captures_ready

# The client: one Python program; MODE picks the exchange. Prints a timeline.
CLIENT='
import errno, socket, sys, time
mode, idle, put_bytes = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
start = time.time()
def step(what):
    print(f"  {time.time() - start:7.3f} s  {what}", flush=True)
def response(c):
    data = b""
    while b"\r\n\r\n" not in data or not data.endswith(b"ok"):
        d = c.recv(1024)
        if not d: break
        data += d
    return data.split(b"\r\n")[0].decode() if data else "(nothing, connection closed)"
if mode.startswith("idle"):
    c = socket.create_connection(("172.18.0.100", 80), timeout=5)
    step(f"connected from port {c.getsockname()[1]} to 172.18.0.100:80")
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_USER_TIMEOUT, 15000)
    if mode == "idle-ok":
        c.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, 5)
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, 5)
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT, 3)
        step("SO_KEEPALIVE on: TCP_KEEPIDLE=5 TCP_KEEPINTVL=5 TCP_KEEPCNT=3")
    c.sendall(b"GET /first HTTP/1.1\r\nhost: 172.18.0.100\r\n\r\n")
    step("first request answered: " + response(c))
    step(f"idle for {idle:.0f} s")
    time.sleep(idle)
    c.settimeout(20)
    try:
        c.sendall(b"GET /second HTTP/1.1\r\nhost: 172.18.0.100\r\nconnection: close\r\n\r\n")
        step("second request sent")
        step("second request answered: " + response(c))
    except Exception as e:
        step(f"second request failed: {e!r}")
    c.close()
elif mode.startswith("stalled"):
    sizes = [100, 100, 100, 4000] * 6
    c = socket.create_connection(("172.18.0.100", 80), timeout=5)
    step(f"connected from port {c.getsockname()[1]} to 172.18.0.100:80")
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_USER_TIMEOUT, 20000)
    c.settimeout(25)
    c.sendall(f"POST /stream HTTP/1.1\r\nhost: 172.18.0.100\r\ncontent-length: {sum(sizes)}\r\nconnection: close\r\n\r\n".encode())
    t0 = time.time()
    try:
        for i, n in enumerate(sizes):
            time.sleep(max(0, t0 + 0.05 * (i + 1) - time.time()))
            c.sendall(b"x" * n)
        step(f"{len(sizes)} writes, {sum(sizes)} bytes queued")
        step("answered: " + response(c))
    except Exception as e:
        step(f"failed: {e!r}")
    c.close()
else:
    def connect(port):
        s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("10.244.1.10", port)); s.settimeout(5)
        s.connect(("10.96.0.30", 80))
        return s
    c = connect(40000)
    step(f"first connection from port 40000 to 10.96.0.30:80")
    c.sendall(f"PUT /upload HTTP/1.0\r\nhost: 10.96.0.30\r\ncontent-length: {put_bytes}\r\n\r\n".encode() + b"x" * put_bytes)
    step(f"{put_bytes} bytes uploaded, answer: " + response(c))
    while c.recv(1024): pass
    c.close()
    step("server closed first (its side now in TIME_WAIT), client closed")
    port = 40000 if mode == "port-reuse" else 0
    for attempt in range(500):
        try:
            t = time.time(); c = connect(port); break
        except OSError as e:
            c = None
            if e.errno not in (errno.EADDRNOTAVAIL, errno.EADDRINUSE): raise
            time.sleep(0.001)
    took = time.time() - t
    step(f"second connection from port {c.getsockname()[1]}: connect() took {1000 * took:.1f} ms (attempt {attempt + 1})")
    if mode == "port-reuse" and took < 0.005:
        print("WARNING: connected at once: the SYN was not answered with a challenge ACK (raise PUT_BYTES)", file=sys.stderr)
    c.sendall(b"GET /again HTTP/1.0\r\nhost: 10.96.0.30\r\n\r\n")
    step("answer: " + response(c))
    c.close()
'
echo "client starts at $(date +%T.%N)"
in_ns client python3 -c "$CLIENT" "$mode" "$IDLE" "$PUT_BYTES" || true
sleep 0.5
case "$mode" in
  port-reuse*)
    echo "-- server pod sockets on 8080 (the server closes first: TIME_WAIT)"
    in_ns server ss -tanH "sport = :8080" | sed 's/^/  /' ;;
  *)
    echo "-- lb conntrack"
    in_ns lb conntrack -L -p tcp 2>/dev/null | sed 's/^/  /' || true
    echo "-- backend sockets on 8080"
    in_ns backend ss -tanH "sport = :8080" | sed 's/^/  /' ;;
esac
echo "-- client sockets"
in_ns client ss -tanoiH | sed 's/^/  /' || true
echo "-- capture statistics (a WARNING on stderr if the kernel dropped packets)"
stop_all_captures
echo "-- clocks during the captures (times from the first capture's start, ±0.1 s)"
kill -TERM "$CLOCK_PID" 2>/dev/null || true
wait "$CLOCK_PID" 2>/dev/null || true
sed 's/^/  /' "$clock_log"
if grep -q jumped "$clock_log"; then
  echo "WARNING: the wall clock jumped during the captures: the gaps between frames there are off by as much (the TCP timestamps are not); run again" >&2
fi
rm -f "$clock_log"
keep=(); for p in "${PIDS[@]}"; do [ "$p" = "$CLOCK_PID" ] || keep+=("$p"); done; PIDS=("${keep[@]}")
echo "-- lb filter counters"
in_ns lb iptables -L -v -n -x | awk '$1 ~ /^[0-9]+$/ {print "  " $0}'
echo "-- client counters"
in_ns client nstat -az TcpRetransSegs TcpExtTCPTimeouts TcpExtTCPAbortOnTimeout TcpOutRsts TcpInErrs TcpExtTCPChallengeACK 2>/dev/null | sed -n '2,$p' | sed 's/^/  /'
print_links node1
for f in "${files[@]}"; do
  echo "wrote $OUT_DIR/$stem.$f ($(stat -c %s "$OUT_DIR/$stem.$f") bytes)"
done
