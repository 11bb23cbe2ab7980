#!/usr/bin/env bash
# Near miss for connection-refused (healthy): a client connects to "localhost:8080" while the
# server listens on 127.0.0.1:8080 only. The resolver returns ::1 first (as for a dual-stack
# host whose /etc/hosts lists "::1 localhost" before "127.0.0.1 localhost"), the kernel refuses
# ::1 with a reset, and the client falls back to 127.0.0.1 at once and is answered — what curl,
# Python's socket.create_connection and most HTTP clients do. Not a failure: every refusal is
# followed within a millisecond by a successful connection to the same port on 127.0.0.1.
#   one namespace "host": lo 127.0.0.1/8 and ::1/128 (IPv6 enabled on lo for this scenario)
#   server 127.0.0.1:8080 (IPv4 only); client resolves localhost via /etc/hosts:
#     ::1 localhost, then 127.0.0.1 localhost  (bind-mounted by ip netns exec from
#     /etc/netns/<ns>/hosts, removed on exit)
# usage: vantage-localhost-fallback.sh      (export LAB=<prefix>; OUT_DIR=<dir> optional)
#   20 connections, 100 ms apart, each: SYN ::1 → RST,ACK; SYN 127.0.0.1 → handshake, GET,
#   200 OK, FIN.
# Capture:
#   localhost_fallback.node.any.pcap   tcpdump -i any in the namespace (LINUX_SLL2, ifindex 1 =
#                                      lo); no capture filter
source "$(dirname "$0")/lib.sh"
hosts_dir=/etc/netns/$(ns host)
trap 'cleanup; rm -rf "$hosts_dir"' EXIT
cleanup
make_ns host
# make_ns disables IPv6; this scenario needs ::1 on lo.
in_ns host sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0
mkdir -p "$hosts_dir"
printf '::1\tlocalhost ip6-localhost ip6-loopback\n127.0.0.1\tlocalhost\n' > "$hosts_dir/hosts"
# ::1 must be on lo before the client resolves (glibc returns ::1 whether or not it is).
for _ in $(seq 1 20); do in_ns host ip -6 addr show dev lo | grep -q '::1/128' && break; sleep 0.1; done
in_ns host ip -6 addr show dev lo | grep -q '::1/128' || { echo "::1 not on lo" >&2; exit 1; }

# The server: 127.0.0.1:8080 only.
serve host 8080 127.0.0.1
wait_for_listener host 8080

capture_in host localhost_fallback.node.any.pcap -i any -B 32768
captures_ready

in_ns host python3 -c "
import socket, time
order = [a[4][0] for a in socket.getaddrinfo('localhost', 8080, 0, socket.SOCK_STREAM)]
print('getaddrinfo(localhost) order:', order)
assert order[0] == '::1', order
ok = 0
t0 = time.time()
for n in range(20):
    time.sleep(max(0, t0 + n * 0.1 - time.time()))
    start = time.time()
    c = socket.create_connection(('localhost', 8080), timeout=2)
    fam = 'IPv6' if c.family == socket.AF_INET6 else 'IPv4'
    c.sendall(b'GET / HTTP/1.0\r\nHost: localhost:8080\r\n\r\n')
    body = b''
    while True:
        d = c.recv(1024)
        if not d: break
        body += d
    c.close()
    ok += body.startswith(b'HTTP/1.0 200')
    print(f'connection {n + 1}: {fam}, answered in {(time.time() - start) * 1000:.2f} ms')
print(f'{ok}/20 answered')
"
stop_all_captures
print_links host
echo "wrote $OUT_DIR/localhost_fallback.node.any.pcap"
