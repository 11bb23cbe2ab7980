#!/usr/bin/env bash
# Four DNS failures of a pod's glibc resolver, each with its healthy twin, captured from four
# vantage points in one run. Topology (vantage-dns.sh's): a client pod on node1, a CoreDNS
# stand-in pod on node2, flannel-style VXLAN between the nodes, the kube-dns ClusterIP DNATed on
# node1 (udp and tcp 53, as kube-proxy's dns and dns-tcp ports).
#   pod client 10.244.1.10 (+ fd00:10:244:1::10) — vethclient — node1 cni0 10.244.1.1 |
#       flannel.1 10.244.1.0 | eth0 172.18.0.2
#   node2 eth0 172.18.0.3 | flannel.1 10.244.2.0 | cni0 10.244.2.1 — vethdns — pod dns 10.244.2.53
#   kube-dns ClusterIP 10.96.0.10:53 udp+tcp → 10.244.2.53:53 (DNAT in node1's nat PREROUTING)
# The client is dual-stack (a ULA on eth0, no IPv6 route needed), so glibc asks A and AAAA, back
# to back from one socket, as in a real pod. The resolver is the pod's glibc: `getent ahosts
# NAME` run in the client namespace, where `ip netns exec` bind-mounts /etc/netns/$LAB-client/
# over /etc: Kubernetes' resolv.conf (search default.svc.cluster.local svc.cluster.local
# cluster.local, nameserver 10.96.0.10, options ndots:5), a kubelet-style hosts file and a
# container image's nsswitch.conf (hosts: files dns; the machine's own has mdns4_minimal, which
# would swallow names ending in .local). glibc's defaults: timeout 5 s, attempts 2, no rotate.
# The DNS server is a small Python stand-in for CoreDNS (socketserver, UDP and TCP, written to a
# temporary file): authoritative for cluster.local (NXDOMAIN with the cluster.local SOA for
# unknown names, AA set); api.example.com (as if forwarded upstream): A 203.0.113.10, AAAA
# NOERROR without data (example.com SOA); a headless Service workers.default.svc.cluster.local
# with 40 pod addresses (A) and no AAAA. Over UDP (no EDNS from glibc: 512 bytes) an answer that
# does not fit keeps the records that fit and sets TC. Every query it gets is logged and printed.
#
# usage: vantage-dns-more.sh MODE     (export LAB=<prefix>; OUT_DIR=<dir> optional)
#   search            dns-search-expansion: `getent ahosts api.example.com` (2 dots < ndots 5):
#                     glibc tries the search list first, A+AAAA for
#                     api.example.com.default.svc.cluster.local, .svc.cluster.local,
#                     .cluster.local (6 NXDOMAIN), then api.example.com (A answered, AAAA NODATA).
#   search-ok         the healthy twin of search, unreachable*, servfail and refused:
#                     `getent ahosts api.example.com.` (trailing dot): one A and one AAAA query,
#                     both answered at once.
#   unreachable       dns-server-unreachable: the resolv.conf has two nameservers, 10.96.0.10
#                     and 10.96.0.11 (a second DNS Service, both DNATed to the DNS pod), so that
#                     glibc's failover shows. STAND-IN: node1 drops every UDP 53 packet to the DNS
#                     pod after DNAT (filter FORWARD), standing in for a NetworkPolicy that
#                     denies DNS egress or a CoreDNS backend that is gone. `getent ahosts
#                     api.example.com.`: A+AAAA to 10.96.0.10, 5 s, to 10.96.0.11, 5 s (glibc's
#                     second round divides 10 s among 2 servers), 10.96.0.10, 5 s, 10.96.0.11,
#                     5 s: fails after ~20 s, nothing reaches node2.
#   unreachable-icmp  the same resolv.conf and lookup; no server listens in the DNS pod: its
#                     kernel answers the queries with ICMP port unreachable (reverse NATed on
#                     node1: from the ClusterIP, quoting the query to it); glibc takes the
#                     ECONNREFUSED as that server failing and moves on at once: 10.96.0.10,
#                     10.96.0.11, 10.96.0.10 within ~1 ms. The DNS pod's kernel rate-limits its
#                     ICMP errors (icmp_ratelimit 1000 ms per peer, a burst of 6): the last two
#                     queries (10.96.0.11, second round) get no ICMP, glibc waits its 5 s and the
#                     lookup fails after ~5 s.
#   servfail          dns-error-answers: the stand-in answers SERVFAIL (rcode 2, RA set) for names
#                     outside cluster.local, as CoreDNS does when its upstream fails. `getent
#                     ahosts api.example.com.`: A+AAAA answered SERVFAIL; glibc asks again at
#                     once (attempts 2, same socket, same IDs), SERVFAIL again, the lookup fails
#                     (EAI_AGAIN, getent exit 2) within a few ms.
#   refused           the same with REFUSED (rcode 5, RA clear), as a server that does not serve
#                     the zone or the client.
#   truncated         dns-truncated: `getent ahosts workers` (the headless Service, found at the
#                     first search suffix): the UDP A answer has TC=1 (28 of 40 records); glibc
#                     closes its UDP socket at once (the AAAA answer that follows is met by the
#                     client's ICMP port unreachable) and re-asks A and AAAA over TCP 53 to the
#                     same server. STAND-IN: node1 drops TCP to the DNS pod's port 53 (filter
#                     FORWARD), standing in for a NetworkPolicy that allows only UDP 53. The SYN
#                     is retried on the kernel's default schedule (6.18: +1, 2, 3, 4, 5, 7, 11,
#                     19 s). glibc's connect() is blocking, with no timeout of its own: the
#                     kernel would give up only after ~135 s (tcp_syn_retries 6 plus 4 linear
#                     timeouts); the application's deadline (timeout 22) ends the lookup here.
#                     It never falls back to UDP.
#   truncated-ok      the healthy twin: TCP 53 allowed; the same TC answer, then one TCP
#                     connection carries A and AAAA (one segment) and their answers (all 40
#                     addresses). glibc then runs the whole exchange a second time (getaddrinfo
#                     retries with a larger buffer when 40 addresses do not fit its first one;
#                     it does the same with EDNS and no TC), so the capture shows it twice.
#
# Captures (all from the same run; no capture filter: ARP and the client's IPv6 stay in),
# stem S = dns_<mode> with - as _:
#   S.node1.any.pcap   tcpdump -i any on node1 (LINUX_SLL2: interface index, direction):
#                      vethclient, cni0, flannel.1, eth0 (VXLAN 8472; tshark -d udp.port==8472,vxlan)
#   S.node1.sll1.pcap  the same with tcpdump -y LINUX_SLL (direction, no interface index)
#   S.pod.pcap         tcpdump -i eth0 in the client pod: the resolver's own view, un-DNATed
#   S.node2.any.pcap   tcpdump -i any on node2, the DNS pod's node: eth0, flannel.1, cni0, vethdns
# Refuses to overwrite existing files. Prints the client's resolv.conf, the lookup's outcome and
# duration, the DNS server's log, node1's filter counters and the nodes' ifindex maps.
source "$(dirname "$0")/lib.sh"
mode=${1:-}
case "$mode" in
  search|search-ok|unreachable|unreachable-icmp|servfail|refused|truncated|truncated-ok) ;;
  *) echo "usage: $0 search|search-ok|unreachable|unreachable-icmp|servfail|refused|truncated|truncated-ok" >&2; exit 2 ;;
esac
stem=dns_${mode//-/_}
files=(node1.any.pcap node1.sll1.pcap pod.pcap node2.any.pcap)
for f in "${files[@]}"; do
  if [ -e "$OUT_DIR/$stem.$f" ]; then
    echo "refusing to overwrite $OUT_DIR/$stem.$f" >&2
    exit 1
  fi
done

# The client's /etc overlay (ip netns exec bind-mounts every file in it) and the server's
# script are removed on exit together with the namespaces.
etc_dir=/etc/netns/$(ns client)
work=$(mktemp -d "${TMPDIR:-/tmp}/$LAB-dns-more.XXXXXX")
trap 'cleanup; rm -rf "$etc_dir" "$work"' EXIT

cleanup
rm -rf "$etc_dir"
two_nodes dns vethdns 10.244.2.53/24
flannel_vxlan

# The client pod is dual-stack: a ULA on eth0, no link-local (no router solicitation, no DAD).
in_ns client sysctl -qw net.ipv6.conf.eth0.addr_gen_mode=1 net.ipv6.conf.eth0.accept_ra=0 \
  net.ipv6.conf.eth0.accept_dad=0
in_ns client sysctl -qw net.ipv6.conf.eth0.disable_ipv6=0
in_ns client ip -6 addr add fd00:10:244:1::10/64 dev eth0 nodad
# Joining the solicited-node group sends two MLDv2 reports, the second up to 1 s later; let them
# go before the captures start.
sleep 1.5

nameservers=(10.96.0.10)
case "$mode" in unreachable|unreachable-icmp) nameservers+=(10.96.0.11) ;; esac
for ip in "${nameservers[@]}"; do
  for proto in udp tcp; do
    in_ns node1 iptables -t nat -A PREROUTING -d "$ip/32" -p $proto --dport 53 \
      -m comment --comment "kube-system/kube-dns:dns${proto/udp/}" -j DNAT --to-destination 10.244.2.53:53
  done
done
case "$mode" in
  unreachable)
    in_ns node1 iptables -A FORWARD -d 10.244.2.53/32 -p udp --dport 53 \
      -m comment --comment "stand-in: DNS egress denied / backend gone" -j DROP ;;
  truncated)
    in_ns node1 iptables -A FORWARD -d 10.244.2.53/32 -p tcp --dport 53 \
      -m comment --comment "stand-in: policy allows only UDP 53" -j DROP ;;
esac

mkdir -p "$etc_dir"
{
  echo "search default.svc.cluster.local svc.cluster.local cluster.local"
  for ip in "${nameservers[@]}"; do echo "nameserver $ip"; done
  echo "options ndots:5"
} >"$etc_dir/resolv.conf"
printf '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n10.244.1.10\tclient\n' >"$etc_dir/hosts"
printf 'hosts:          files dns\n' >"$etc_dir/nsswitch.conf"

cat >"$work/dns-server.py" <<'EOF'
# A CoreDNS stand-in: UDP and TCP on port 53. argv: MODE (normal|servfail|refused) LOGFILE.
import socket, socketserver, struct, sys, threading, time
mode, logfile = sys.argv[1], sys.argv[2]
lock = threading.Lock()
HEADLESS = 'workers.default.svc.cluster.local'
WORKERS = ['10.244.%d.%d' % (3 + i // 20, 10 + i % 20) for i in range(40)]
EXTERNAL = {'api.example.com': '203.0.113.10'}

def wire(name):
    return b''.join(bytes([len(p)]) + p for p in name.encode().split(b'.') if p) + b'\x00'

def soa(zone, mname, rname):
    rdata = wire(mname) + wire(rname) + struct.pack('>IIIII', 1700000000, 7200, 1800, 86400, 30)
    return wire(zone) + struct.pack('>HHIH', 6, 1, 30, len(rdata)) + rdata

def parse(q):
    labels, i = [], 12
    while q[i] != 0:
        labels.append(q[i + 1:i + 1 + q[i]].decode('ascii', 'replace'))
        i += 1 + q[i]
    qtype = struct.unpack('>H', q[i + 1:i + 3])[0]
    return '.'.join(labels), qtype, i + 5

def answer(q, proto):
    qid, qflags = struct.unpack('>HH', q[:4])
    name, qtype, end = parse(q)
    lname = name.lower()
    question = q[12:end]
    flags, an, ns, rcode = 0x8000 | (qflags & 0x0100), [], [], 0
    if lname == 'cluster.local' or lname.endswith('.cluster.local'):
        flags |= 0x0480  # AA, RA
        if lname == HEADLESS and qtype == 1:
            an = [b'\xc0\x0c' + struct.pack('>HHIH', 1, 1, 30, 4) + socket.inet_aton(a) for a in WORKERS]
        elif lname == HEADLESS:
            ns = [soa('cluster.local', 'ns.dns.cluster.local', 'hostmaster.cluster.local')]
        else:
            rcode, ns = 3, [soa('cluster.local', 'ns.dns.cluster.local', 'hostmaster.cluster.local')]
    elif mode == 'servfail':
        flags, rcode = flags | 0x0080, 2
    elif mode == 'refused':
        rcode = 5
    else:
        flags |= 0x0080
        if lname in EXTERNAL and qtype == 1:
            an = [b'\xc0\x0c' + struct.pack('>HHIH', 1, 1, 30, 4) + socket.inet_aton(EXTERNAL[lname])]
        elif lname in EXTERNAL:
            ns = [soa('example.com', 'ns.icann.org', 'noc.dns.icann.org')]
        else:
            rcode, ns = 3, [soa('', 'a.root-servers.net', 'nstld.verisign-grs.com')]
    tc = False
    if proto == 'udp':
        size = 12 + len(question) + sum(map(len, an)) + sum(map(len, ns))
        if size > 512:  # keep the records that fit, set TC
            tc, ns = True, []
            while an and 12 + len(question) + sum(map(len, an)) > 512:
                an.pop()
            flags |= 0x0200
    resp = struct.pack('>HHHHHH', qid, flags | rcode, 1, len(an), len(ns), 0) + question + b''.join(an) + b''.join(ns)
    with lock, open(logfile, 'a') as f:
        f.write(f'{time.time():.6f} {proto} id={qid:#06x} {name} type={qtype} -> rcode={rcode} '
                f'tc={int(tc)} answers={len(an)} {len(resp)} bytes\n')
    return resp

class UDP(socketserver.BaseRequestHandler):
    def handle(self):
        data, sock = self.request
        sock.sendto(answer(data, 'udp'), self.client_address)

class TCP(socketserver.StreamRequestHandler):
    def handle(self):
        while True:
            head = self.rfile.read(2)
            if len(head) < 2:
                return
            q = self.rfile.read(struct.unpack('>H', head)[0])
            r = answer(q, 'tcp')
            self.wfile.write(struct.pack('>H', len(r)) + r)

socketserver.ThreadingUDPServer.allow_reuse_address = True
socketserver.ThreadingTCPServer.allow_reuse_address = True
udp = socketserver.ThreadingUDPServer(('0.0.0.0', 53), UDP)
tcp = socketserver.ThreadingTCPServer(('0.0.0.0', 53), TCP)
threading.Thread(target=udp.serve_forever, daemon=True).start()
tcp.serve_forever()
EOF
: >"$work/dns.log"
if [ "$mode" != unreachable-icmp ]; then
  server_mode=normal
  case "$mode" in servfail|refused) server_mode=$mode ;; esac
  in_ns dns python3 "$work/dns-server.py" "$server_mode" "$work/dns.log" &
  PIDS+=($!)
  wait_for_listener dns 53
  for i in $(seq 1 50); do [ -n "$(in_ns dns ss -lunH 'sport = :53')" ] && break; sleep 0.1; done
fi

case "$mode" in
  search) name=api.example.com ;;
  truncated|truncated-ok) name=workers ;;
  *) name=api.example.com. ;;
esac

capture_in node1 "$stem.node1.any.pcap" -i any
capture_in node1 "$stem.node1.sll1.pcap" -i any -y LINUX_SLL
capture_in client "$stem.pod.pcap" -i eth0
capture_in node2 "$stem.node2.any.pcap" -i any
captures_ready

echo "client resolv.conf:"; in_ns client cat /etc/resolv.conf | sed 's/^/  /'
# glibc's own limits end every lookup well within 28 s, except truncated's TCP connect(): it is
# blocking, with no timeout of glibc's, and the kernel gives up on it only after its SYN
# retries (~135 s with 6.18's defaults). There the application's deadline ends the lookup:
# 22 s (after the SYN at ~19.5 s; the next one would be at ~35 s).
deadline=$([ "$mode" = truncated ] && echo 22 || echo 28)
start=$(date +%s.%N)
in_ns client timeout "$deadline" getent ahosts "$name" >"$work/getent.out" 2>&1 &
client=$!
if [ "$mode" = truncated ]; then
  sleep 10
  echo "client sockets at +10 s:"; in_ns client ss -tnoH | sed 's/^/  /'
fi
set +e
wait "$client"
rc=$?
set -e
end=$(date +%s.%N)
echo "getent ahosts $name: exit $rc$([ $rc = 124 ] && echo ' (stopped by the deadline)') after $(echo "$end - $start" | bc) s (start $start)"
head -n 6 "$work/getent.out" | sed 's/^/  /'
addrs=$(awk '$2 == "STREAM" {n++} END {print n + 0}' "$work/getent.out")
[ "$addrs" -le 2 ] || echo "  ... $addrs addresses"
stop_all_captures
echo "DNS server log (epoch seconds):"; sed 's/^/  /' "$work/dns.log"
echo "node1 counters:"; in_ns node1 iptables -L FORWARD -v -n -x | sed -n '3,$p' | sed 's/^/  /'
print_links node1 node2
echo "wrote $OUT_DIR/$stem.{node1.any,node1.sll1,pod,node2.any}.pcap"
