# Helpers for the lab scripts: namespaces standing in for pods and nodes, wired with veth
# pairs, bridges and tunnels, with kube-proxy-style iptables rules; captures on nodes and pods.
# Everything is created under the prefix $LAB and removed on exit.
set -euo pipefail
LAB=${LAB:-dslab}
OUT_DIR=${OUT_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/public/examples/lab}
PIDS=()

ns() { echo "$LAB-$1"; }
in_ns() { local n=$1; shift; ip netns exec "$(ns "$n")" "$@"; }

cleanup() {
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  PIDS=()
  # Captures that were never stopped (the script failed first) were among PIDS.
  rm -f "${CAPTURE_LOG[@]}"
  CAPTURE_PIDS=(); CAPTURE_FILE=(); CAPTURE_LOG=()
  for n in $(ip netns list | awk '{print $1}' | grep "^$LAB-" || true); do
    # Whatever still runs inside (servers, clients), by PID.
    for pid in $(ip netns pids "$n" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
    ip netns del "$n" 2>/dev/null || true
  done
}
trap cleanup EXIT

make_ns() {
  for n in "$@"; do
    ip netns add "$(ns "$n")"
    in_ns "$n" ip link set lo up
    # Containers and nodes here answer on TCP like real ones; keep the kernel's defaults
    # explicit where a scenario depends on them.
    in_ns "$n" sysctl -qw net.ipv4.ip_forward=1
    # IPv6 autoconfiguration chatter (MLD, DAD) would only add noise to the captures.
    in_ns "$n" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
  done
}

# veth NS_A IF_A NS_B IF_B: a veth pair between two namespaces, both ends up.
veth() {
  ip link add "$2" netns "$(ns "$1")" type veth peer name "$4" netns "$(ns "$3")"
  in_ns "$1" ip link set "$2" up
  in_ns "$3" ip link set "$4" up
}

# pod NAME NODE VETH ADDR/PREFIX GATEWAY BRIDGE: a pod namespace attached to the node's bridge.
pod() {
  local name=$1 node=$2 veth_name=$3 addr=$4 gw=$5 bridge=$6
  make_ns "$name"
  veth "$name" eth0 "$node" "$veth_name"
  in_ns "$name" ip addr add "$addr" dev eth0
  in_ns "$name" ip route add default via "$gw"
  in_ns "$node" ip link set "$veth_name" master "$bridge"
}

# bridge NODE NAME ADDR/PREFIX
bridge() {
  in_ns "$1" ip link add "$2" type bridge
  in_ns "$1" ip addr add "$3" dev "$2"
  in_ns "$1" ip link set "$2" up
}

# ---- Topologies shared by several scenarios -----------------------------------------------
# Each builds its namespaces and links in a fixed order: the interface indexes in the captures
# (LINUX_SLL2) depend on it.

# one_node_two_pods BRIDGE_NF: a node with a cni0 bridge (10.244.0.1/24) and two pods on it,
# a 10.244.0.10 (vethpoda) and b 10.244.0.20 (vethpodb); net.bridge.bridge-nf-call-iptables
# on the node set to BRIDGE_NF (0 or 1).
one_node_two_pods() {
  make_ns node
  bridge node cni0 10.244.0.1/24
  pod a node vethpoda 10.244.0.10/24 10.244.0.1 cni0
  pod b node vethpodb 10.244.0.20/24 10.244.0.1 cni0
  in_ns node sysctl -qw net.bridge.bridge-nf-call-iptables="$1"
}

# two_nodes [SERVER VETH ADDR/PREFIX]: node1 (172.18.0.2) and node2 (172.18.0.3) joined by
# eth0, each with a cni0 bridge (10.244.1.1/24, 10.244.2.1/24); pod client 10.244.1.10 on node1
# (vethclient) and, on node2, pod server 10.244.2.20 (vethserver) or the pod named by the
# arguments. Tunnels and routes between them are the caller's (flannel_vxlan, for one).
two_nodes() {
  local server=${1:-server} server_veth=${2:-vethserver} server_addr=${3:-10.244.2.20/24}
  make_ns node1 node2
  veth node1 eth0 node2 eth0
  in_ns node1 ip addr add 172.18.0.2/24 dev eth0
  in_ns node2 ip addr add 172.18.0.3/24 dev eth0
  bridge node1 cni0 10.244.1.1/24
  bridge node2 cni0 10.244.2.1/24
  pod client node1 vethclient 10.244.1.10/24 10.244.1.1 cni0
  pod "$server" node2 "$server_veth" "$server_addr" 10.244.2.1 cni0
}

# flannel_vxlan: flannel's vxlan backend between two_nodes' node1 and node2. On each node
# flannel.1 (VNI 1, UDP 8472 over eth0, no learning) with the node's VTEP address (10.244.1.0,
# 10.244.2.0 /32); the peer's VTEP MAC in a neighbour and an FDB entry, as flannel programs
# them; the route to the peer's pod subnet via its VTEP address, onlink.
flannel_vxlan() {
  local n local_ip own mac1 mac2
  for n in node1 node2; do
    local_ip=$([ $n = node1 ] && echo 172.18.0.2 || echo 172.18.0.3)
    own=$([ $n = node1 ] && echo 10.244.1.0 || echo 10.244.2.0)
    in_ns $n ip link add flannel.1 type vxlan id 1 local "$local_ip" dstport 8472 nolearning dev eth0
    in_ns $n ip addr add "$own/32" dev flannel.1
    in_ns $n ip link set flannel.1 up
  done
  mac1=$(in_ns node1 cat /sys/class/net/flannel.1/address)
  mac2=$(in_ns node2 cat /sys/class/net/flannel.1/address)
  in_ns node1 ip route add 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink
  in_ns node2 ip route add 10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink
  in_ns node1 ip neigh add 10.244.2.0 lladdr "$mac2" dev flannel.1
  in_ns node2 ip neigh add 10.244.1.0 lladdr "$mac1" dev flannel.1
  in_ns node1 bridge fdb append "$mac2" dev flannel.1 dst 172.18.0.3
  in_ns node2 bridge fdb append "$mac1" dev flannel.1 dst 172.18.0.2
}

# node_behind_lb MODE: pods client 10.244.1.10 (vethclient) and server 10.244.1.20
# (vethserver) on node1's cni0 (10.244.1.1/24, bridge-nf-call-iptables=1); node1's eth0
# 172.18.0.2 ⇄ eth0 of a load balancer 172.18.0.100 that DNATs 172.18.0.100:80 to the NodePort
# 172.18.0.2:30080 and keeps the client's address, or with MODE snat also masquerades it.
# node1's own NAT (the NodePort) is the caller's.
node_behind_lb() {
  make_ns node1 lb
  veth node1 eth0 lb eth0
  in_ns node1 ip addr add 172.18.0.2/24 dev eth0
  in_ns lb ip addr add 172.18.0.100/24 dev eth0
  bridge node1 cni0 10.244.1.1/24
  pod client node1 vethclient 10.244.1.10/24 10.244.1.1 cni0
  pod server node1 vethserver 10.244.1.20/24 10.244.1.1 cni0
  in_ns node1 sysctl -qw net.bridge.bridge-nf-call-iptables=1
  in_ns lb ip route add 10.244.1.0/24 via 172.18.0.2
  in_ns lb iptables -t nat -A PREROUTING -d 172.18.0.100/32 -p tcp --dport 80 -j DNAT --to-destination 172.18.0.2:30080
  if [ "$1" = snat ]; then
    in_ns lb iptables -t nat -A POSTROUTING -d 172.18.0.2/32 -p tcp --dport 30080 -j MASQUERADE
  fi
}

# asymmetric_routes: the node sends towards the server through eth0 and the router sends the
# replies back through trunk1 (rp_filter is the caller's).
#   pod 10.244.3.5 — vlan5a3c (10.244.3.1) node  eth0 172.18.0.2 ⇄ router 172.18.0.1
#                                                 trunk1 172.18.9.2 ⇄ router 172.18.9.1
#   router 172.18.2.1 ⇄ server 172.18.2.10
#   node: 172.18.2.0/24 via 172.18.0.1 dev eth0; router: 10.244.3.0/24 via 172.18.9.2 dev trunk
asymmetric_routes() {
  make_ns node router server pod
  veth node eth0 router eth0
  veth node trunk1 router trunk
  veth router srv server eth0
  veth pod eth0 node vlan5a3c
  in_ns node ip addr add 172.18.0.2/24 dev eth0
  in_ns node ip addr add 172.18.9.2/24 dev trunk1
  in_ns node ip addr add 10.244.3.1/24 dev vlan5a3c
  in_ns router ip addr add 172.18.0.1/24 dev eth0
  in_ns router ip addr add 172.18.9.1/24 dev trunk
  in_ns router ip addr add 172.18.2.1/24 dev srv
  in_ns server ip addr add 172.18.2.10/24 dev eth0
  in_ns server ip route add default via 172.18.2.1
  in_ns pod ip addr add 10.244.3.5/24 dev eth0
  in_ns pod ip route add default via 10.244.3.1
  in_ns node ip route add 172.18.2.0/24 via 172.18.0.1 dev eth0
  in_ns router ip route add 10.244.3.0/24 via 172.18.9.2 dev trunk
}

# print_links NS...: each namespace's interfaces with their indexes (the ifindex map of a
# -i any capture), as "NS links:" and one "  INDEX: NAME" line per interface.
print_links() {
  local n
  for n in "$@"; do
    echo "$n links:"; in_ns "$n" ip -o link | awk '{print "  " $1, $2}'
  done
}

# ---- Servers and clients ------------------------------------------------------------------

# serve NS PORT [ADDR]: a TCP server on ADDR (default 0.0.0.0) that answers every connection
# with a short HTTP response.
serve() {
  in_ns "$1" python3 -c "
import socket, threading
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('${3:-0.0.0.0}', $2)); s.listen(64)
def answer(c):
    try:
        c.recv(1024); c.sendall(b'HTTP/1.0 200 OK\r\ncontent-length: 2\r\n\r\nok')
    finally:
        c.close()
while True:
    c, _ = s.accept(); threading.Thread(target=answer, args=(c,), daemon=True).start()
" &
  PIDS+=($!)
  sleep 0.5
}

# wait_for_listener NS PORT: waits (at most 5 s) until a TCP socket listens on PORT in NS.
wait_for_listener() {
  local i
  for i in $(seq 1 50); do
    [ -n "$(in_ns "$1" ss -ltnH "sport = :$2")" ] && return 0
    sleep 0.1
  done
  echo "nothing listens on $2 in $(ns "$1")" >&2; return 1
}

# fetch NS HOST PORT TIMEOUT: one request, like curl --connect-timeout; prints the outcome.
fetch() {
  in_ns "$1" python3 -c "
import socket, sys, time
start = time.time()
try:
    c = socket.create_connection(('$2', $3), timeout=$4)
    c.sendall(b'GET / HTTP/1.0\r\n\r\n'); c.recv(1024); c.close()
    print(f'connected and answered in {time.time() - start:.2f} s')
except Exception as e:
    print(f'failed after {time.time() - start:.2f} s: {e}')
" || true
}

# glibc_lookups NS COUNT: COUNT lookups of web.default.svc.cluster.local, 1 s apart, each the
# way glibc resolves: A and AAAA sent back to back from one new UDP socket to the kube-dns
# ClusterIP 10.96.0.10:53, both re-sent once after 5 s unless all were answered. Prints each
# lookup's source port, query IDs and outcome.
glibc_lookups() {
  in_ns "$1" python3 -c "
import socket, struct, time, random
def query(qid, qtype):
    name = b''.join(bytes([len(p)]) + p for p in b'web.default.svc.cluster.local'.split(b'.')) + b'\x00'
    return struct.pack('>HHHHHH', qid, 0x0100, 1, 0, 0, 0) + name + struct.pack('>HH', qtype, 1)
t0 = time.time()
for n in range($2):
    time.sleep(max(0, t0 + n - time.time()))
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.connect(('10.96.0.10', 53))
    ids = {random.randrange(65536): 1, random.randrange(65536): 28}
    start = time.time(); answered = False
    for attempt in range(2):
        for qid, qtype in ids.items():
            s.send(query(qid, qtype))
        pending = set(ids); s.settimeout(5)
        try:
            while pending:
                pending.discard(struct.unpack('>H', s.recv(512)[:2])[0])
            answered = True
            break
        except socket.timeout:
            continue
    port = s.getsockname()[1]; s.close()
    print(f'lookup {n + 1} from port {port}, ids ' + ' '.join(f'{i:#06x}' for i in ids) +
          f': {\"answered\" if answered else \"unanswered\"} after {time.time() - start:.3f} s')
"
}

# ---- Captures ------------------------------------------------------------------------------
# Every capture is a tcpdump or dumpcap process of its own, started through `exec` so that the
# PID recorded is the capture's (stopping it stops the capture, not only a subshell), writing
# $OUT_DIR/FILE. Its stderr goes to a log of its own until it is stopped; stopping prints the
# counters it reports on exit (packets captured, dropped by the kernel) and warns on stderr
# when the kernel dropped any. A user brings any one of these captures; the lab takes several
# from the same run so that each can be checked against the others.
CAPTURE_PIDS=()                     # running captures, in start order
declare -A CAPTURE_FILE=() CAPTURE_LOG=()
CAPTURE_PID=                        # the capture started last (stop_capture stops it)

# start_capture NS FILE PROGRAM ARGS...: runs `PROGRAM -w $OUT_DIR/FILE ARGS...` (tcpdump or
# dumpcap) in NS in the background.
start_capture() {
  local n=$1 file=$2 prog=$3; shift 3
  local log="${TMPDIR:-/tmp}/$LAB-$file.log"
  mkdir -p "$OUT_DIR"
  ( exec ip netns exec "$(ns "$n")" "$prog" -w "$OUT_DIR/$file" "$@" 2>"$log" ) &
  CAPTURE_PID=$!
  CAPTURE_PIDS+=("$CAPTURE_PID"); PIDS+=("$CAPTURE_PID")
  CAPTURE_FILE[$CAPTURE_PID]=$OUT_DIR/$file
  CAPTURE_LOG[$CAPTURE_PID]=$log
}

# capture_in NS FILE TCPDUMP_ARGS...: tcpdump in NS with the given options (an interface: -i
# any, -i eth0; -y LINUX_SLL), no capture filter: ARP and the rest stay in, as in a user's
# capture. A 16 MiB ring (-B 16384; a -B among the arguments comes later and wins): in
# immediate mode libpcap gives every packet a ring slot sized for the 256 KiB snapshot length,
# so the default 2 MiB ring holds about 8 packets and a burst overflows it ("packets dropped by
# kernel").
capture_in() {
  local n=$1 file=$2; shift 2
  start_capture "$n" "$file" tcpdump -B 16384 --immediate-mode -U -s 262144 "$@"
}

# capture_pcapng NS FILE IFACE...: dumpcap on each interface, one pcapng interface block per
# interface, with names, Ethernet headers, no directions, frames written per interface (not in
# time order): what Wireshark writes. Not promiscuous (-p): a promiscuous bridge device passes
# every bridged frame up to the node, which changes what the other captures of the run see.
# -p and -B given before the first -i are dumpcap's defaults for every interface (given after
# an -i they apply to that interface only; checked with dumpcap 4.0).
capture_pcapng() {
  local n=$1 file=$2; shift 2
  local args=() i
  for i in "$@"; do args+=(-i "$i"); done
  start_capture "$n" "$file" dumpcap -q -p -B 16 "${args[@]}"
}

# capture_one_node_two_pods BASE: one_node_two_pods from four vantage points, no capture
# filter: BASE.node.any.pcap (tcpdump -i any on the node, 32 MiB ring), BASE.node.pcapng
# (dumpcap on vethpoda, cni0, vethpodb), BASE.pod.pcap (eth0 in pod a, the client) and
# BASE.server-pod.pcap (eth0 in pod b, the backend).
capture_one_node_two_pods() {
  capture_in node "$1.node.any.pcap" -i any -B 32768
  capture_pcapng node "$1.node.pcapng" vethpoda cni0 vethpodb
  capture_in a "$1.pod.pcap" -i eth0
  capture_in b "$1.server-pod.pcap" -i eth0
}

# capture NODE FILE [tcpdump options...]: tcpdump -i any on NODE writing FILE without ARP and
# IPv6 (the single capture of the older scripts), ready when it returns; stop_capture stops it.
capture() {
  local node=$1 file=$2; shift 2
  capture_in "$node" "$file" -i any "$@" 'not arp and not ip6'
  capture_listening "$CAPTURE_PID"
  sleep 1
}

# capture_listening PID: waits (at most 10 s) until the capture says it is listening.
capture_listening() {
  local i
  for i in $(seq 1 100); do
    grep -Eq 'listening on|Capturing on' "${CAPTURE_LOG[$1]:-/dev/null}" 2>/dev/null && return 0
    capture_running "$1" || return 0
    sleep 0.1
  done
}

# capture_running PID: the capture has not exited (a zombie not yet reaped counts as exited).
capture_running() {
  local state
  state=$(awk '/^State:/ {print $2}' "/proc/$1/status" 2>/dev/null || true)
  [ -n "$state" ] && [ "$state" != Z ]
}

# captures_ready: gives the captures started above time to attach before traffic starts.
captures_ready() {
  local pid
  for pid in "${CAPTURE_PIDS[@]:-}"; do [ -z "$pid" ] || capture_listening "$pid"; done
  sleep 1
}

# end_capture PID: stops one capture (TERM, KILL if it is still there after 5 s), makes its
# file world-readable (tcpdump writes as its own user, dumpcap 0600) and prints its counters.
end_capture() {
  local pid=$1 i p keep=()
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 50); do capture_running "$pid" || break; sleep 0.1; done
  if capture_running "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
  wait "$pid" 2>/dev/null || true
  local file=${CAPTURE_FILE[$pid]:-} log=${CAPTURE_LOG[$pid]:-}
  if [ -n "$file" ]; then
    chmod 644 "$file" 2>/dev/null || true
    local counts
    counts=$(grep -E 'packets (captured|received by filter|dropped by)|^Packets received/dropped' "$log" 2>/dev/null | paste -sd ';' | sed 's/;/; /g' || true)
    echo "$(basename "$file"): ${counts:-no counters; $(tail -n 1 "$log" 2>/dev/null || true)}"
    if grep -Eq '^[1-9][0-9]* packets dropped by (kernel|interface)|^Packets received/dropped on interface .*: [0-9]+/[1-9]' "$log" 2>/dev/null; then
      echo "WARNING: $(basename "$file"): the kernel dropped packets, the capture is incomplete" >&2
    fi
    rm -f "$log"
    unset "CAPTURE_FILE[$pid]" "CAPTURE_LOG[$pid]"
  fi
  # Forgotten, so that cleanup does not signal the PID again (it may have been reused).
  for p in "${CAPTURE_PIDS[@]}"; do [ "$p" = "$pid" ] || keep+=("$p"); done
  CAPTURE_PIDS=("${keep[@]}")
  keep=()
  for p in "${PIDS[@]}"; do [ "$p" = "$pid" ] || keep+=("$p"); done
  PIDS=("${keep[@]}")
}

# stop_capture: stops the capture started last (CAPTURE_PID) and prints its counters.
stop_capture() {
  sleep 1
  end_capture "$CAPTURE_PID"
}

# stop_all_captures: stops every running capture at once and prints each one's counters, in
# start order.
stop_all_captures() {
  [ ${#CAPTURE_PIDS[@]} -gt 0 ] || return 0
  sleep 1
  local pid pids=("${CAPTURE_PIDS[@]}")
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do end_capture "$pid"; done
}
