#!/usr/bin/env bash
# Three conntrack/NAT failures on a node, each with its healthy twin, captured from several
# vantage points in one run. Everything is the kernel's own behaviour except where a mode says
# STAND-IN.
#
# usage: vantage-conntrack.sh MODE    (export LAB=<prefix>; OUT_DIR=<dir> optional)
#   MODE: snat-collision | snat-ok | invalid-reset | invalid-ok | table-full | table-ok
#   Captures are written as <mode with _>.<vantage>.pcap (snat_collision.node.any.pcap, ...);
#   existing files are not overwritten (the script refuses).
#
# ---- snat-collision / snat-ok (signature snat-port-collision; ok: healthy) -----------------
#   pods client1..client4 10.244.0.11-14 — vethclient1..4 — node cni0 10.244.0.1 (bridge-nf 1)
#   node eth0 172.18.0.2 ⇄ ext eth0 172.18.0.1, ext has 203.0.113.10 (a server "outside",
#   listening on 443); node: default via 172.18.0.1, nat POSTROUTING
#   -s 10.244.0.0/16 ! -d 10.244.0.0/16 -j MASQUERADE (snat-ok: the same with --random-fully).
#   Two client processes, one pinned to each CPU, call connect() in lockstep (a spinning
#   barrier in shared memory): in round r (r = 0..ROUNDS-1, default 150) one socket in pod
#   client(r mod 4 + 1) and one in the next pod, both bound to source port 40000+r, connect at
#   the same moment to 203.0.113.10:443 (different pods pick the same ephemeral port
#   independently all the time; binding it makes every round a candidate). 20 to 100 of the
#   300 connections lose their first SYN per run on this 2-CPU machine.
#   MASQUERADE without --random-fully keeps the pod's source port when the node's
#   172.18.0.2:port is free in the conntrack table; two SYNs in flight at once on the two CPUs
#   both find it free (neither is confirmed yet), both are SNATed to the same tuple, and the
#   second to reach conntrack confirm finds the first one's entry: the kernel drops it
#   (conntrack -S insert_failed and drop +1). **No stand-in: the real race.** The dropped SYN
#   is seen on vethclientN and cni0 (in) and never on eth0; the pod re-sends it 1 s later
#   (linear SYN timeouts), the node now maps it to another port (the first one's binding is
#   taken) and it connects. snat-ok: --random-fully picks a random port for every connection,
#   no two picks collide, insert_failed stays 0.
#   Captures (snap length 128, no filter):
#     <m>.node.any.pcap     tcpdump -i any on the node (LINUX_SLL2): vethclientN, cni0, eth0
#     <m>.node.sll1.pcap    the same with -y LINUX_SLL
#     <m>.node.uplink.pcap  tcpdump -i eth0 on the node: only what left (after SNAT)
#     <m>.pod.pcap          tcpdump -i eth0 in client1: its SYNs, and its retransmissions
#
# ---- invalid-reset / invalid-ok (signature conntrack-invalid-reset; ok: healthy) ------------
#   one_node_two_pods: pod a 10.244.0.10 (client), pod b 10.244.0.20 (backend) on cni0
#   (bridge-nf-call-iptables=1); Service ClusterIP 10.96.0.10:80 → 10.244.0.20:8080 (DNAT in
#   nat PREROUTING); filter FORWARD → KUBE-FORWARD with kube-proxy's conntrack ACCEPT rule.
#   The client requests a download; the backend streams 1000 bytes every 100 ms (30 chunks).
#   STAND-IN for the out-of-window segment: after the client has acknowledged 10 chunks, a
#   raw socket in pod b (python, IP_HDRINCL; scapy is not installed) sends one data segment
#   from 10.244.0.20:8080 to the client's port, ACK|PSH, 1000 bytes, with the right ack number
#   but a sequence number 16 MiB beyond the right edge of the client's advertised window (as a
#   broken offload, a middlebox or a stack bug would). The backend's own TCP does not send
#   beyond the window, and this kernel (6.18) is lenient where older ones were not: it ignores
#   old retransmissions below the window ("SEQ is under lower bound" → IGNORE, NATed as usual)
#   and accepts an overshoot up to the receiver's largest window ("%u bytes more than
#   expected"; checked here: 64 KiB past the edge passed, NATed). 16 MiB is INVALID. Everything
#   after that is the kernel's:
#     invalid-reset: conntrack marks the segment INVALID ("SEQ is over upper bound"), so NAT
#       does not reverse it: it reaches pod a from 10.244.0.20:8080, not 10.96.0.10:80. Pod a
#       has no socket for that, answers with a RST to 10.244.0.20:8080 (seq = the segment's
#       ack), which is also INVALID (no entry), passes un-NATed and resets the backend's
#       socket (exact sequence number). The backend's next write fails (ECONNRESET); the
#       download stalls; the client's keepalive probe 2 s later reaches the backend through
#       DNAT, the backend (no socket) answers RST, conntrack reverses it and the client gets
#       "connection reset by peer" from 10.96.0.10:80. conntrack -S invalid +2.
#     invalid-ok: kube-proxy's fix, -A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP:
#       the segment is dropped on the node, the client never sees it, the download completes.
#   Captures (no filter):
#     <m>.node.any.pcap     tcpdump -i any on the node: vethpoda, cni0, vethpodb
#     <m>.node.sll1.pcap    the same with -y LINUX_SLL
#     <m>.pod.pcap          tcpdump -i eth0 in pod a: the un-NATed segment and the client's RST
#     <m>.server-pod.pcap   tcpdump -i eth0 in pod b: the injected segment leaving, the RST
#
# ---- table-full / table-ok (signature conntrack-table-full; ok: healthy) --------------------
#   pod client 10.244.0.10 — vethclient — node cni0 10.244.0.1 (bridge-nf 1), node eth0
#   172.18.0.2 ⇄ ext eth0 172.18.0.1; ext answers for 203.0.113.10 and all of 198.18.0.0/16
#   (a local route); node: default via 172.18.0.1, MASQUERADE for pod traffic leaving.
#   A long-lived flow (client → 203.0.113.10:8080, an echo every 250 ms) is established first.
#   table-full: net.netfilter.nf_conntrack_max is lowered **globally** to CT_LOW (512; it is
#   read-only inside a namespace; the count it is compared with is each namespace's own) for
#   at most ~6 s, restored by the script (and by an EXIT trap, and by a detached watchdog
#   after 15 s should the script be killed). Before lowering it the script waits (polling every
#   30 s, at most 40 min) until no namespace named ds14dns*, ds14tcp* or ds14svc* exists
#   (other labs on this machine whose flows the lowered maximum would hit). The client then
#   opens BURST (800) connections at once to 800 different addresses 198.18.x.y:80: the
#   first ~510 get an entry and connect, every later SYN is dropped by the node's conntrack
#   before it can leave (kernel log "nf_conntrack: nf_conntrack: table full in netns <inode>,
#   dropping packet": this kernel names the namespace; conntrack -S drop rises): seen on
#   vethclient, never on cni0/eth0; re-sent every second and dropped
#   again until the maximum is restored, when the next retransmission connects. The
#   long-lived flow's packets match their entry and go on being answered throughout.
#   table-ok: the same burst with the normal maximum: all 800 connect at once.
#   Captures (snap length 128, tcp only):
#     <m>.node.any.pcap     tcpdump -i any on the node: vethclient, cni0, eth0
#     <m>.node.sll1.pcap    the same with -y LINUX_SLL
#     <m>.node.uplink.pcap  tcpdump -i eth0 on the node: what left
#     <m>.pod.pcap          tcpdump -i eth0 in the client pod
source "$(dirname "$0")/lib.sh"
mode=${1:-}
case "$mode" in
  snat-collision|snat-ok|invalid-reset|invalid-ok|table-full|table-ok) ;;
  *) echo "usage: $0 snat-collision|snat-ok|invalid-reset|invalid-ok|table-full|table-ok" >&2; exit 2 ;;
esac
base=${mode//-/_}
case "$mode" in
  snat-*|table-*) files=(node.any.pcap node.sll1.pcap node.uplink.pcap pod.pcap) ;;
  invalid-*) files=(node.any.pcap node.sll1.pcap pod.pcap server-pod.pcap) ;;
esac
for f in "${files[@]}"; do
  if [ -e "$OUT_DIR/$base.$f" ]; then echo "refusing to overwrite $OUT_DIR/$base.$f" >&2; exit 1; fi
done

# ct_stats NS: the namespace's conntrack -S counters summed over CPUs, "name=value ...".
ct_stats() {
  in_ns "$1" conntrack -S 2>/dev/null | awk '{for (i = 2; i <= NF; i++) {split($i, kv, "="); s[kv[1]] += kv[2]; if (!(kv[1] in o)) {o[kv[1]] = ++n; k[n] = kv[1]}}}
    END {for (i = 1; i <= n; i++) printf "%s=%d ", k[i], s[k[i]]; print ""}'
}
# ct_delta BEFORE AFTER: the counters that changed, "name before -> after (+d)".
ct_delta() {
  python3 - "$1" "$2" <<'EOF'
import sys
b = dict(kv.split('=') for kv in sys.argv[1].split()); a = dict(kv.split('=') for kv in sys.argv[2].split())
for k in a:
    d = int(a[k]) - int(b.get(k, 0))
    print(f'  {k:14} {b.get(k, 0):>6} -> {a[k]:>6}  (+{d})' if d else f'  {k:14} {b.get(k, 0):>6}    unchanged')
EOF
}
tcp_fields=(-e frame.number -e frame.time_relative -e sll.ifindex -e sll.pkttype -e ip.src -e tcp.srcport
  -e ip.dst -e tcp.dstport -e tcp.flags.str -e tcp.seq_raw -e tcp.ack_raw -e tcp.len)

# Analyses of the captures, run on tshark's output (stdin).
read -r -d '' SNAT_ANALYSIS <<'EOF' || true
import sys, collections
up, veths = sys.argv[1], set(sys.argv[2].strip(',').split(','))
pod = collections.defaultdict(list); out = collections.defaultdict(list)
for line in sys.stdin:
    f = line.rstrip('\n').split('\t')
    num, t, ifi, pkt, src, sp, dst, dp, flags, seq = f[:10]
    if ifi in veths: pod[seq].append((int(num), float(t), src, sp))
    elif ifi == up and pkt == '4': out[seq].append((int(num), float(t), src, sp))
lost = [s for s in pod if len(out[s]) < len(pod[s])]
print(f'  {len(pod)} connections, {sum(map(len, pod.values()))} SYNs from pods, '
      f'{sum(map(len, out.values()))} on eth0; {len(lost)} connections lost a SYN on the node')
print('  pod SYN (frame time src:port) | left eth0 as (frame time port)')
for s in sorted(lost, key=lambda s: pod[s][0][0])[:15]:
    p = ' '.join(f'#{n} {t:.3f}' for n, t, *_ in pod[s])
    o = ' '.join(f'#{n} {t:.3f} :{sp}' for n, t, _, sp in out[s]) or 'never'
    print(f'  {pod[s][0][2]}:{pod[s][0][3]} seq {s}: {p} | {o}')
EOF
read -r -d '' TABLE_ANALYSIS <<'EOF' || true
import sys, collections
vc, up = sys.argv[1:3]
inn = collections.defaultdict(list); out = collections.defaultdict(list)
for line in sys.stdin:
    f = line.rstrip('\n').split('\t')
    num, t, ifi, pkt, src, sp, dst, dp, flags, seq = f[:10]
    key = (dst, seq)
    if ifi == vc: inn[key].append((int(num), float(t)))
    elif ifi == up and pkt == '4': out[key].append((int(num), float(t)))
dropped = sum(len(inn[k]) - len(out[k]) for k in inn)
never = [k for k in inn if not out[k]]
late = [k for k in inn if out[k] and len(out[k]) < len(inn[k])]
print(f'  {len(inn)} connections, {sum(map(len, inn.values()))} SYNs from the pod, {sum(map(len, out.values()))} left on eth0: '
      f'{dropped} SYNs dropped on the node; {len(late)} connections got out on a retransmission, {len(never)} never')
for k in sorted(late, key=lambda k: inn[k][0][0])[:5]:
    print(f'  {k[0]}: SYNs ' + ' '.join(f'#{n} {t:.3f}' for n, t in inn[k]) + ' | left eth0 ' + ' '.join(f'#{n} {t:.3f}' for n, t in out[k]))
EOF

# uplink_with_ext EXTRA_ADDR...: the node's eth0 172.18.0.2 to a namespace "ext" 172.18.0.1 (the
# world outside) holding the given addresses or local routes; node default via 172.18.0.1.
uplink_with_ext() {
  make_ns ext
  veth node eth0 ext eth0
  in_ns node ip addr add 172.18.0.2/24 dev eth0
  in_ns ext ip addr add 172.18.0.1/24 dev eth0
  in_ns node ip route add default via 172.18.0.1
}

# ================================================================================ snat-*
run_snat() {
  local rounds=${ROUNDS:-150} rf=
  [ "$mode" = snat-ok ] && rf=--random-fully
  make_ns node
  bridge node cni0 10.244.0.1/24
  local i
  for i in 1 2 3 4; do pod client$i node vethclient$i 10.244.0.1$i/24 10.244.0.1 cni0; done
  in_ns node sysctl -qw net.bridge.bridge-nf-call-iptables=1
  uplink_with_ext
  in_ns ext ip addr add 203.0.113.10/32 dev lo
  in_ns node iptables -t nat -A POSTROUTING -s 10.244.0.0/16 ! -d 10.244.0.0/16 \
    -m comment --comment "pod traffic leaving the cluster" -j MASQUERADE $rf
  # The server outside accepts and keeps every connection (no FINs in the captures).
  in_ns ext python3 -c "
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('203.0.113.10', 443)); s.listen(4096)
held = []
while True:
    c, _ = s.accept(); held.append(c)
" &
  PIDS+=($!)
  wait_for_listener ext 443

  echo "== $mode ($base) LAB=$LAB OUT_DIR=$OUT_DIR rounds=$rounds"
  print_links node
  echo "-- node nat POSTROUTING"; in_ns node iptables -t nat -S POSTROUTING | sed 's/^/  /'
  capture_in node "$base.node.any.pcap" -i any -s 128 -B 32768
  capture_in node "$base.node.sll1.pcap" -i any -y LINUX_SLL -s 128 -B 32768
  capture_in node "$base.node.uplink.pcap" -i eth0 -s 128
  capture_in client1 "$base.pod.pcap" -i eth0 -s 128
  captures_ready
  local before after out stop
  before=$(ct_stats node)
  out="${TMPDIR:-/tmp}/$LAB-$base.clients"; stop="${TMPDIR:-/tmp}/$LAB-$base.stop"
  rm -f "$stop"; : >"$out"
  # Two processes (one per CPU), each in two pods' namespaces (setns), connect() in lockstep.
  python3 - "$rounds" 40000 203.0.113.10 443 "$stop" \
    "$(ns client1):10.244.0.11,$(ns client2):10.244.0.12,$(ns client3):10.244.0.13,$(ns client4):10.244.0.14" \
    >"$out" <<'EOF' &
import ctypes, mmap, os, socket, struct, sys, time
libc = ctypes.CDLL(None, use_errno=True)
rounds, base, dst, dport, stop = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5]
pods = [p.split(':') for p in sys.argv[6].split(',')]
shm = mmap.mmap(-1, 4096)          # shared with the forked workers: the barrier's counter
NPROC = 2
def setns(name):
    fd = os.open('/run/netns/' + name, os.O_RDONLY)
    if libc.setns(fd, 0x40000000) != 0: raise OSError(ctypes.get_errno(), 'setns ' + name)
    os.close(fd)
def worker(w):
    socks = []
    for r in range(rounds):
        # round r: worker 0 in pod r mod 4, worker 1 in the next one: every pod is used by
        # both workers (CPUs), two different pods per round
        name, ip = pods[(r + w) % len(pods)]
        setns(name)
        s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((ip, base + r)); s.setblocking(False)
        socks.append((ip, base + r, s))
    os.sched_setaffinity(0, {w % os.cpu_count()})
    for r in range(rounds):
        # a spinning barrier, then connect() at once in both workers
        while struct.unpack_from('i', shm, 0)[0] < r * NPROC + w: pass
        struct.pack_into('i', shm, 0, r * NPROC + w + 1)
        while struct.unpack_from('i', shm, 0)[0] < (r + 1) * NPROC: pass
        try: socks[r][2].connect((dst, dport))
        except BlockingIOError: pass
        t = time.perf_counter()
        while time.perf_counter() - t < 0.002: pass
    time.sleep(3.5)
    lines = []
    for ip, port, s in socks:
        ti = s.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 104)
        state, total_retrans = ti[0], struct.unpack_from('I', ti, 100)[0]
        lines.append(f'{ip}:{port} {"established" if state == 1 else "state" + str(state)} syn_retransmissions={total_retrans}')
    sys.stdout.write('\n'.join(lines) + '\n'); sys.stdout.flush()
    for i in range(300):           # keep the connections open until the captures stopped
        if os.path.exists(stop): break
        time.sleep(0.1)
pids = []
for w in range(NPROC):
    pid = os.fork()
    if pid == 0:
        try: worker(w)
        finally: os._exit(0)
    pids.append(pid)
for p in pids: os.waitpid(p, 0)
EOF
  local cpid=$!
  PIDS+=("$cpid")
  for i in $(seq 1 200); do [ "$(wc -l <"$out")" -ge $((2 * rounds)) ] && break; sleep 0.1; done
  after=$(ct_stats node)
  echo "-- capture statistics"
  stop_all_captures
  touch "$stop"; wait "$cpid" 2>/dev/null || true
  rm -f "$stop"
  echo "-- node conntrack -S, summed over CPUs: before / after"
  echo "  before: $before"; echo "  after:  $after"
  ct_delta "$before" "$after"
  local fb=${before#*insert_failed=} fa=${after#*insert_failed=}
  if [ "$mode" = snat-collision ] && [ "${fa%% *}" = "${fb%% *}" ]; then
    echo "WARNING: insert_failed did not rise: the race was not hit in this run (timing); run it again" >&2
  fi
  echo "-- clients: $(wc -l <"$out") connects; $(grep -c ' established ' "$out") established;" \
    "$(grep -vc 'syn_retransmissions=0' "$out") needed a SYN retransmission:"
  grep -v 'syn_retransmissions=0' "$out" | head -n 12 | sed 's/^/  /' || true
  rm -f "$out"
  local up_if
  up_if=$(in_ns node cat /sys/class/net/eth0/ifindex)
  echo "-- SYNs per connection (TCP sequence number, unchanged by NAT): sent by the pod (seen on its"
  echo "   vethclient) vs left on eth0; first ones that never left, and their retransmission"
  tshark -r "$OUT_DIR/$base.node.any.pcap" -Y 'tcp.flags.syn==1 && tcp.flags.ack==0' -T fields "${tcp_fields[@]}" 2>/dev/null |
    python3 -c "$SNAT_ANALYSIS" "$up_if" "$(in_ns node ip -o link | awk -F': ' '$2 ~ /^vethclient/ {printf "%s,", $1}')"
  echo "-- client1's own capture: SYNs sent more than once (first and retransmission)"
  tshark -r "$OUT_DIR/$base.pod.pcap" -Y 'tcp.flags.syn==1 && tcp.flags.ack==0' -T fields \
    -e frame.number -e frame.time_relative -e tcp.srcport -e tcp.seq_raw 2>/dev/null |
    awk '{n[$4]++; f[$4] = f[$4] " #" $1 " " $2; p[$4] = $3} END {for (s in n) if (n[s] > 1) {c++; if (c <= 5) print "  port " p[s] ":" f[s]} print "  " c + 0 " of client1'"'"'s connections re-sent their SYN"}'
  echo "wrote $OUT_DIR/$base.{node.any,node.sll1,node.uplink,pod}.pcap"
}

# ================================================================================ invalid-*
run_invalid() {
  one_node_two_pods 1
  in_ns node iptables -t nat -A PREROUTING -d 10.96.0.10/32 -p tcp --dport 80 \
    -m comment --comment "default/web cluster IP" -j DNAT --to-destination 10.244.0.20:8080
  in_ns node iptables -N KUBE-FORWARD
  in_ns node iptables -A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD
  if [ "$mode" = invalid-ok ]; then
    in_ns node iptables -A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP
  else
    # no target: only counts the INVALID packets (kube-proxy before 1.15 had no rule here)
    in_ns node iptables -A KUBE-FORWARD -m conntrack --ctstate INVALID -m comment --comment "count only"
  fi
  in_ns node iptables -A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" \
    -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
  # The backend: reads the request, then streams 30 chunks of 1000 bytes, 100 ms apart.
  in_ns b python3 -c "
import socket, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('0.0.0.0', 8080)); s.listen(16)
c, peer = s.accept(); c.recv(1024)
sent = 0
for i in range(30):
    try:
        c.sendall(b'y' * 1000); sent += 1000
    except OSError as e:
        print(f'backend: write {i + 1} failed after {sent} bytes: {e}', flush=True); break
    time.sleep(0.1)
else:
    print(f'backend: sent {sent} bytes', flush=True)
c.close()
" &
  PIDS+=($!)
  wait_for_listener b 8080

  echo "== $mode ($base) LAB=$LAB OUT_DIR=$OUT_DIR"
  print_links node
  echo "-- node filter KUBE-FORWARD"; in_ns node iptables -S KUBE-FORWARD | sed 's/^/  /'
  capture_in node "$base.node.any.pcap" -i any -B 32768
  capture_in node "$base.node.sll1.pcap" -i any -y LINUX_SLL -B 32768
  capture_in a "$base.pod.pcap" -i eth0
  capture_in b "$base.server-pod.pcap" -i eth0
  captures_ready
  local before after
  before=$(ct_stats node)
  # STAND-IN: the out-of-window segment, sent from the backend pod with a raw socket.
  local injlog="${TMPDIR:-/tmp}/$LAB-$base.injector"
  in_ns b python3 - <<'EOF' >"$injlog" 2>&1 &
import socket, struct, time
def csum(b):
    if len(b) % 2: b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    s = (s >> 16) + (s & 0xffff); s += s >> 16
    return ~s & 0xffff
p = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3)); p.bind(("eth0", 0))  # ETH_P_ALL: also what it sends
p.settimeout(10)
wscale = 0; isn = None
while True:                         # the handshake, then the client's ACK of the 10th chunk
    f = p.recv(2000); ip = f[14:]
    if f[12:14] != b"\x08\x00" or ip[9] != 6: continue
    ihl = (ip[0] & 15) * 4; tcp = ip[ihl:]; doff = (tcp[12] >> 4) * 4
    sp, dp, seq, ack = struct.unpack('!HHII', tcp[:12]); flags = tcp[13]; win = struct.unpack('!H', tcp[14:16])[0]
    if dp == 8080 and flags & 0x02:                     # client's SYN: its window scale
        o = tcp[20:doff]; i = 0
        while i < len(o):
            if o[i] == 0: break
            if o[i] == 1: i += 1; continue
            if o[i] == 3: wscale = o[i + 2]
            i += o[i + 1]
    elif sp == 8080 and (flags & 0x12) == 0x12:          # backend's SYN-ACK: its ISN
        isn = seq
    elif dp == 8080 and isn is not None and flags & 0x10 and (ack - isn - 1) % 2**32 >= 10000:
        client, cport = socket.inet_ntoa(ip[12:16]), sp
        plen = struct.unpack('!H', ip[2:4])[0] - ihl - doff
        cnext = (seq + plen) % 2**32; window = win << wscale
        break
sseq = (ack + window + 16 * 2**20) % 2**32   # 16 MiB past the window's right edge
payload = b'y' * 1000
src, dst = socket.inet_aton('10.244.0.20'), socket.inet_aton(client)
th = struct.pack('!HHIIBBHHH', 8080, cport, sseq, cnext, 5 << 4, 0x18, 502, 0, 0)
th = th[:16] + struct.pack('!H', csum(src + dst + struct.pack('!BBH', 0, 6, len(th) + len(payload)) + th + payload)) + th[18:]
iph = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(th) + len(payload), 0, 0x4000, 64, 6, 0, src, dst)
r = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
r.sendto(iph + th + payload, (client, 0))
print(f'injector: client {client}:{cport} acked {(ack - isn - 1) % 2**32} bytes (ack {ack}), window {window} '
      f'(wscale {wscale}); sent seq {sseq} = ack + window + 16 MiB, ack {cnext}, 1000 bytes, '
      f'at {time.strftime("%T")}', flush=True)
EOF
  local ipid=$!
  PIDS+=("$ipid")
  sleep 0.3
  # The client: a download over the Service; keepalive after 2 s idle, probes 1 s apart.
  in_ns a python3 -c "
import socket, time
t0 = time.time(); got = 0
c = socket.create_connection(('10.96.0.10', 80), timeout=5)
c.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
c.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, 2)
c.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, 1)
c.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT, 3)
c.settimeout(8)
c.sendall(b'GET /download HTTP/1.0\r\n\r\n')
try:
    while True:
        d = c.recv(65536)
        if not d:
            print(f'client: download complete, {got} bytes in {time.time() - t0:.2f} s'); break
        got += len(d)
except OSError as e:
    print(f'client: {e} after {time.time() - t0:.2f} s, {got} of 30000 bytes')
" || true
  wait "$ipid" 2>/dev/null || true
  cat "$injlog"
  local sseq
  sseq=$(grep -o 'sent seq [0-9]*' "$injlog" | awk '{print $3}'); rm -f "$injlog"
  sleep 0.5
  after=$(ct_stats node)
  echo "-- capture statistics"
  stop_all_captures
  echo "-- node conntrack -S, summed over CPUs: before / after"
  echo "  before: $before"; echo "  after:  $after"
  ct_delta "$before" "$after"
  echo "-- node KUBE-FORWARD counters"; in_ns node iptables -vnxL KUBE-FORWARD | sed 's/^/  /'
  echo "-- node any: packets from 10.244.0.20:8080 that reached vethpoda without reverse NAT, and RSTs"
  local vpa
  vpa=$(in_ns node cat /sys/class/net/vethpoda/ifindex)
  tshark -r "$OUT_DIR/$base.node.any.pcap" -Y "(ip.src==10.244.0.20 && sll.ifindex==$vpa && sll.pkttype==4) || tcp.flags.reset==1" \
    -T fields "${tcp_fields[@]}" 2>/dev/null | sed 's/^/  /'
  echo "-- node any: the out-of-window segment (seq beyond what the client allowed), where seen"
  tshark -r "$OUT_DIR/$base.node.any.pcap" -Y "tcp.seq_raw==${sseq:-0}" -T fields "${tcp_fields[@]}" 2>/dev/null | sed 's/^/  /'
  echo "-- pod a (client) view: every TCP frame with the backend's or the Service's address, last 12"
  tshark -r "$OUT_DIR/$base.pod.pcap" -Y tcp -T fields -e frame.number -e frame.time_relative -e ip.src -e tcp.srcport \
    -e ip.dst -e tcp.dstport -e tcp.flags.str -e tcp.seq -e tcp.ack -e tcp.len 2>/dev/null | tail -n 12 | sed 's/^/  /'
  echo "wrote $OUT_DIR/$base.{node.any,node.sll1,pod,server-pod}.pcap"
}

# ================================================================================ table-*
CT_MAX_ORIG=
CT_LOW=${CT_LOW:-512}
WATCHDOG=
restore_ct_max() {
  if [ -n "$CT_MAX_ORIG" ]; then
    sysctl -qw net.netfilter.nf_conntrack_max="$CT_MAX_ORIG" || echo "$CT_MAX_ORIG" >/proc/sys/net/netfilter/nf_conntrack_max
    echo "restored net.netfilter.nf_conntrack_max=$(cat /proc/sys/net/netfilter/nf_conntrack_max) at $(date +%T.%N)"
    CT_MAX_ORIG=
  fi
  if [ -n "$WATCHDOG" ]; then kill "$WATCHDOG" 2>/dev/null || true; WATCHDOG=; fi
}
trap 'restore_ct_max; cleanup' EXIT
trap 'exit 130' INT TERM HUP

# others_busy: the labs whose flows a lowered global maximum would hit are running.
others_busy() { ip netns list | awk '{print $1}' | grep -Eq '^(ds14dns|ds14tcp|ds14svc)'; }
wait_for_quiet() {
  local i
  for i in $(seq 1 80); do
    others_busy || return 0
    echo "waiting: $(ip netns list | awk '{print $1}' | grep -E '^(ds14dns|ds14tcp|ds14svc)' | paste -sd ' ') still there ($(date +%T))"
    sleep 30
  done
  echo "gave up after 40 minutes: other labs still running; nf_conntrack_max not lowered" >&2
  exit 1
}

run_table() {
  local burst=${BURST:-800}
  make_ns node
  bridge node cni0 10.244.0.1/24
  pod client node vethclient 10.244.0.10/24 10.244.0.1 cni0
  in_ns node sysctl -qw net.bridge.bridge-nf-call-iptables=1
  uplink_with_ext
  in_ns ext ip addr add 203.0.113.10/32 dev lo
  in_ns ext ip route add local 198.18.0.0/16 dev lo
  in_ns node iptables -t nat -A POSTROUTING -s 10.244.0.0/16 ! -d 10.244.0.0/16 \
    -m comment --comment "pod traffic leaving the cluster" -j MASQUERADE
  # ext: accepts and keeps every connection on :80 (any 198.18/16 address), echoes on 8080.
  in_ns ext python3 -c "
import socket, threading
def echo():
    e = socket.socket(); e.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    e.bind(('203.0.113.10', 8080)); e.listen(4)
    c, _ = e.accept()
    while True:
        d = c.recv(100)
        if not d: break
        c.sendall(d)
threading.Thread(target=echo, daemon=True).start()
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('0.0.0.0', 80)); s.listen(4096)
held = []
while True:
    c, _ = s.accept(); held.append(c)
" &
  PIDS+=($!)
  wait_for_listener ext 80
  wait_for_listener ext 8080
  [ "$mode" = table-full ] && wait_for_quiet

  echo "== $mode ($base) LAB=$LAB OUT_DIR=$OUT_DIR burst=$burst"
  print_links node
  capture_in node "$base.node.any.pcap" -i any -s 128 -B 32768 tcp
  capture_in node "$base.node.sll1.pcap" -i any -y LINUX_SLL -s 128 -B 32768 tcp
  capture_in node "$base.node.uplink.pcap" -i eth0 -s 128 tcp
  capture_in client "$base.pod.pcap" -i eth0 -s 128 tcp
  captures_ready
  local flowlog="${TMPDIR:-/tmp}/$LAB-$base.flow" burstlog="${TMPDIR:-/tmp}/$LAB-$base.burst"
  # The long-lived flow: an echo every 250 ms for 9 s.
  in_ns client python3 -c "
import socket, time
c = socket.create_connection(('203.0.113.10', 8080), timeout=5); c.settimeout(3)
t0 = time.time(); n = 0; worst = 0
while time.time() - t0 < 9:
    t = time.time(); c.sendall(b'ping %04d' % n); c.recv(100); worst = max(worst, time.time() - t); n += 1
    time.sleep(0.25)
print(f'long-lived flow 10.244.0.10 -> 203.0.113.10:8080: {n} echoes answered in 9 s, slowest {worst * 1000:.1f} ms', flush=True)
" >"$flowlog" 2>&1 &
  local fpid=$!
  PIDS+=("$fpid")
  sleep 1
  local before after dm_before dm_after
  before=$(ct_stats node)
  local inum
  inum=$(in_ns node stat -L -c %i /proc/self/ns/net)
  dm_before=$(dmesg | grep -c "table full in netns $inum," || true)
  echo "node conntrack entries before the burst: $(in_ns node conntrack -C)"
  if [ "$mode" = table-full ]; then
    wait_for_quiet            # again, right before lowering it
    CT_MAX_ORIG=$(cat /proc/sys/net/netfilter/nf_conntrack_max)
    local low=$CT_LOW
    # Should this script be killed (no EXIT trap), a detached watchdog restores it after 15 s.
    setsid bash -c "sleep 15; [ \"\$(cat /proc/sys/net/netfilter/nf_conntrack_max)\" = $low ] && echo $CT_MAX_ORIG >/proc/sys/net/netfilter/nf_conntrack_max" \
      </dev/null >/dev/null 2>&1 &
    WATCHDOG=$!
    sysctl -qw net.netfilter.nf_conntrack_max="$low"
    echo "lowered net.netfilter.nf_conntrack_max $CT_MAX_ORIG -> $low (global) at $(date +%T.%N)"
  fi
  # The burst: BURST connections at once to BURST different addresses, then a wait of 8 s;
  # each socket's time to connect.
  in_ns client python3 - "$burst" <<'EOF' >"$burstlog" &
import select, socket, sys, time
n = int(sys.argv[1]); socks = {}
t0 = time.time()
for i in range(n):
    s = socket.socket(); s.setblocking(False)
    try: s.connect((f'198.18.{1 + i // 250}.{1 + i % 250}', 80))
    except BlockingIOError: pass
    socks[s.fileno()] = (s, i)
sent = time.time() - t0
p = select.poll()
for fd in socks: p.register(fd, select.POLLOUT)
done = {}
while len(done) < n and time.time() - t0 < 8:
    for fd, ev in p.poll(100):
        s, i = socks[fd]
        done[i] = (time.time() - t0, s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)); p.unregister(fd)
print(f'burst of {n} connects to {n} addresses, all sent within {1000 * sent:.0f} ms:')
bins = [(0, 0.5), (0.5, 1.5), (1.5, 2.5), (2.5, 3.5), (3.5, 4.5), (4.5, 5.5), (5.5, 6.5), (6.5, 8)]
for lo, hi in bins:
    c = sum(1 for t, e in done.values() if e == 0 and lo <= t < hi)
    print(f'  connected after {lo:.1f}-{hi:.1f} s: {c}')
print(f'  failed: {sum(1 for t, e in done.values() if e)}; still connecting after 8 s: {n - len(done)}', flush=True)
time.sleep(30)                     # the sockets stay open until the script stops the captures
EOF
  local bpid=$!
  PIDS+=("$bpid")
  if [ "$mode" = table-full ]; then
    sleep 4.6
    echo "node conntrack entries with the lowered maximum: $(in_ns node conntrack -C)"
    restore_ct_max
  fi
  local i
  for i in $(seq 1 120); do grep -q 'still connecting' "$burstlog" 2>/dev/null && break; sleep 0.1; done
  wait "$fpid" 2>/dev/null || true
  after=$(ct_stats node)
  dm_after=$(dmesg | grep -c "table full in netns $inum," || true)
  echo "node conntrack entries at the end: $(in_ns node conntrack -C)"
  echo "-- capture statistics"
  stop_all_captures
  kill "$bpid" 2>/dev/null || true; wait "$bpid" 2>/dev/null || true
  cat "$burstlog" "$flowlog"; rm -f "$burstlog" "$flowlog"
  echo "-- node conntrack -S, summed over CPUs: before / after"
  echo "  before: $before"; echo "  after:  $after"
  ct_delta "$before" "$after"
  echo "-- kernel log: 'table full in netns $inum (the node), dropping packet' lines: $dm_before before, $dm_after after" \
    "(printed at most 10 per 5 s, net_ratelimit); the first and last:"
  { dmesg | grep "table full in netns $inum," | head -n 1; dmesg | grep "table full in netns $inum," | tail -n 1; } | sed 's/^/  /' || true
  local vc up
  vc=$(in_ns node cat /sys/class/net/vethclient/ifindex); up=$(in_ns node cat /sys/class/net/eth0/ifindex)
  echo "-- burst SYNs (to 198.18/16): per connection, SYNs seen on vethclient vs left on eth0"
  tshark -r "$OUT_DIR/$base.node.any.pcap" -Y 'ip.dst==198.18.0.0/16 && tcp.flags.syn==1 && tcp.flags.ack==0' \
    -T fields "${tcp_fields[@]}" 2>/dev/null | python3 -c "$TABLE_ANALYSIS" "$vc" "$up"
  echo "wrote $OUT_DIR/$base.{node.any,node.sll1,node.uplink,pod}.pcap"
}

cleanup
case "$mode" in
  snat-*) run_snat ;;
  invalid-*) run_invalid ;;
  table-*) run_table ;;
esac
