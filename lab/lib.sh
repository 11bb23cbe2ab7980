# Helpers for the lab scripts: namespaces standing in for pods and nodes, wired with veth
# pairs, bridges and tunnels, with kube-proxy-style iptables rules; a capture on a node.
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
  for n in $(ip netns list | awk '{print $1}' | grep "^$LAB-" || true); do
    # Whatever still runs inside (servers, captures started through a subshell), by PID.
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

# two_nodes: node1 (172.18.0.2) and node2 (172.18.0.3) joined by eth0, each with a cni0
# bridge (10.244.1.1/24, 10.244.2.1/24); pod client 10.244.1.10 on node1 (vethclient) and pod
# server 10.244.2.20 on node2 (vethserver). Tunnels and routes between them are the caller's.
two_nodes() {
  make_ns node1 node2
  veth node1 eth0 node2 eth0
  in_ns node1 ip addr add 172.18.0.2/24 dev eth0
  in_ns node2 ip addr add 172.18.0.3/24 dev eth0
  bridge node1 cni0 10.244.1.1/24
  bridge node2 cni0 10.244.2.1/24
  pod client node1 vethclient 10.244.1.10/24 10.244.1.1 cni0
  pod server node2 vethserver 10.244.2.20/24 10.244.2.1 cni0
}

# bridge NODE NAME ADDR/PREFIX
bridge() {
  in_ns "$1" ip link add "$2" type bridge
  in_ns "$1" ip addr add "$3" dev "$2"
  in_ns "$1" ip link set "$2" up
}

# capture NODE FILE [tcpdump options...]: starts tcpdump -i any on NODE, writing FILE.
capture() {
  local node=$1 file=$2; shift 2
  mkdir -p "$OUT_DIR"
  # Immediate mode: packets reach the file as they come, none is left in the ring at the end.
  in_ns "$node" tcpdump -i any --immediate-mode -U -s 262144 -w "$OUT_DIR/$file" "$@" 'not arp and not ip6' 2>>"${TMPDIR:-/tmp}/dslab-tcpdump.log" &
  CAPTURE_PID=$!
  PIDS+=("$CAPTURE_PID")
  sleep 1
}

stop_capture() {
  sleep 1
  kill -TERM "$CAPTURE_PID" 2>/dev/null && wait "$CAPTURE_PID" 2>/dev/null || true
}

# serve NS PORT: a TCP server that answers every connection with a short HTTP response.
serve() {
  in_ns "$1" python3 -c "
import socket, threading
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('0.0.0.0', $2)); s.listen(64)
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

# ---- Captures from several vantage points in one run -------------------------------------
# Each starts in the background and is stopped by stop_all_captures. A user brings any one of
# these; the lab takes them all from the same run so that each can be checked against the
# others.

# capture_in NS FILE TCPDUMP_ARGS...: tcpdump in NS writing FILE with the given options (an
# interface: -i any, -i eth0; -y LINUX_SLL), no capture filter: ARP and the rest stay in, as in
# a user's capture.
# A 16 MiB buffer: the default 2 MiB ring holds only a few 256 KiB-snap frames and tcpdump
# drops packets ("dropped by kernel"). `exec` makes $! tcpdump's own PID, so that stopping it
# stops the capture (and not only a subshell).
CAPTURE_PIDS=()
capture_in() {
  local n=$1 file=$2; shift 2
  mkdir -p "$OUT_DIR"
  ( exec ip netns exec "$(ns "$n")" tcpdump -B 16384 --immediate-mode -U -s 262144 -w "$OUT_DIR/$file" "$@" 2>>"${TMPDIR:-/tmp}/$LAB-tcpdump.log" ) &
  CAPTURE_PIDS+=($!)
  PIDS+=($!)
}

# capture_pcapng NS FILE IFACE...: dumpcap on each interface, one pcapng interface block per
# interface, with names, Ethernet headers, no directions, frames written per interface (not in
# time order): what Wireshark writes.
capture_pcapng() {
  local n=$1 file=$2; shift 2
  local args=()
  for i in "$@"; do args+=(-i "$i"); done
  mkdir -p "$OUT_DIR"
  ( exec ip netns exec "$(ns "$n")" dumpcap -q -B 16 "${args[@]}" -w "$OUT_DIR/$file" 2>>"${TMPDIR:-/tmp}/$LAB-dumpcap.log" ) &
  CAPTURE_PIDS+=($!)
  PIDS+=($!)
}

# Gives the captures started above time to attach before traffic starts.
captures_ready() { sleep 2; }

stop_all_captures() {
  sleep 1
  for pid in "${CAPTURE_PIDS[@]:-}"; do
    [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  CAPTURE_PIDS=()
}
