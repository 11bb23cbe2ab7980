#!/usr/bin/env bash
# Service plumbing failures, each with its healthy twin, captured from three or four vantage
# points in one run: a hairpinned Service, a Service without (local) endpoints, a stale
# endpoint, and a dual-stack Service without its IPv6 rules. kube-proxy (iptables mode) is
# played by its own chains, written as kube-proxy writes them.
#   pod a 10.244.0.10 — eth0 ⇄ vethpoda ┐
#                                         cni0 10.244.0.1  node  eth0 172.18.0.2 ⇄ eth0 client 172.18.0.1
#   pod b 10.244.0.20 — eth0 ⇄ vethpodb ┘
#   (neighbour-*: also pod c 10.244.0.30 — eth0 ⇄ vethpodc)
#   node: net.bridge.bridge-nf-call-iptables=1 (as Kubernetes requires), hairpin_mode off on
#   every port (the kernel's default), default route via 172.18.0.1: the node's uplink, as every
#   real node has one (kube-proxy's REJECT needs a route for the Service address, see
#   shared/docs/lab-notes.md). The client namespace is an external client on the node's
#   network (and the node's gateway); it has IPv4 forwarding but no route to any pod or Service.
#   Cluster CIDR 10.244.0.0/16; NodePorts on the node's addresses (dst-type LOCAL).
# usage: vantage-service.sh MODE   (export LAB=<prefix>; OUT_DIR=<dir> optional)
#   hairpin-off:  Service default/self, ClusterIP 10.96.0.60:80, whose only endpoint is pod a
#                 itself (10.244.0.10:8080); pod a calls it. kube-proxy DNATs the SYN back to
#                 10.244.0.10 and marks it for masquerade (KUBE-SEP: -s <endpoint> -j
#                 KUBE-MARK-MASQ). Bridge netfilter DNATs the frame while it enters cni0 from
#                 vethpoda and then bridges it towards 10.244.0.10, i.e. back to vethpoda, the
#                 port it came in on; with hairpin_mode off the bridge never sends a frame out of
#                 its ingress port, the SYN is dropped there. The client's SYN is retried on the
#                 kernel's default (linear) schedule, 1 1 1 1 1 2 s, until its 8 s connect
#                 timeout. (The DNATed SYN is seen leaving cni0 only while the node's neighbour
#                 entry for 10.244.0.10 is not REACHABLE, see lab-notes; never on vethpoda.)
#   hairpin-on:   the twin: `bridge link set dev vethpoda hairpin on`, as kubelet's
#                 --hairpin-mode=hairpin-veth does. The DNATed SYN leaves vethpoda masqueraded to
#                 10.244.0.1 (KUBE-POSTROUTING), pod a answers 10.244.0.1, the node un-NATs the
#                 SYN-ACK to 10.96.0.60:80 and the request is answered.
#   no-endpoints: Service default/web (ClusterIP 10.96.0.50:80, NodePort 30080) has no
#                 endpoints (pod b listens on 8080 but is not selected). kube-proxy's filter
#                 rules: KUBE-SERVICES (from FORWARD and OUTPUT, ctstate NEW) -d 10.96.0.50
#                 --dport 80 -j REJECT, KUBE-EXTERNAL-SERVICES (from INPUT and FORWARD, ctstate
#                 NEW) --dst-type LOCAL --dport 30080 -j REJECT, both --reject-with
#                 icmp-port-unreachable; no nat rules. Pod a calls the ClusterIP: ICMP port
#                 unreachable from 10.244.0.1 (the node's address towards the pod). Then the
#                 client calls 172.18.0.2:30080: ICMP port unreachable from 172.18.0.2. Both fail
#                 at once ("connection refused"). Same rules as vantage-refused.sh no-endpoints,
#                 plus the NodePort.
#   no-local-endpoint: Service default/web with externalTrafficPolicy: Local, NodePort 30080;
#                 its one endpoint 10.244.1.20:8080 is on another node, none on this one.
#                 kube-proxy (1.24+ layout): nat KUBE-NODEPORTS --dport 30080 → KUBE-EXT-WEB,
#                 which short-circuits pod and node traffic to KUBE-SVC-WEB and has no rule for
#                 anything else (no local endpoint: no jump to KUBE-SVL-WEB), so the client's SYN
#                 stays addressed to 172.18.0.2:30080 and meets filter KUBE-EXTERNAL-SERVICES
#                 (from INPUT) "default/web has no local endpoints" -j DROP. (Older kube-proxy
#                 did the same with KUBE-XLB-WEB -j KUBE-MARK-DROP and KUBE-FIREWALL's DROP of
#                 mark 0x8000.) Silent: the client retries its SYN, linear schedule, until its
#                 8 s timeout. No pod is a client here: no .pod capture.
#   endpoints-ok: the twin of both: Service default/web, externalTrafficPolicy: Local, with a
#                 ready local endpoint pod b 10.244.0.20:8080. Pod a calls the ClusterIP, then
#                 the client calls the NodePort (DNATed without masquerade, client IP kept);
#                 both are answered.
#   neighbour-unresolved: Service default/web (ClusterIP 10.96.0.50:80) still lists endpoint
#                 10.244.0.30:8080, pod c, which has been deleted (its namespace and veth are
#                 gone; the endpoint is stale). Pod a calls the ClusterIP. The DNATed SYN is
#                 never transmitted: it waits in the node's neighbour queue while the node
#                 broadcasts ARP "who-has 10.244.0.30 tell 10.244.0.1" out of cni0 (flooded to
#                 every port; 3 requests 1 s apart, no answer); the SYNs retransmitted meanwhile
#                 queue too. When resolution fails (~3 s) the kernel answers each queued SYN with
#                 ICMP host unreachable, which conntrack reverse-NATs: pod a gets it from
#                 10.96.0.50, quoting its SYN to 10.96.0.50:80, and fails with "No route to
#                 host" after ~3 s. The SYN retransmitted just before that starts a second round
#                 (3 ARPs, one ICMP at ~6 s to a closed socket); the script waits 4 s for it.
#   neighbour-ok: the twin: pod c is there and answers.
#   ipv6-only:    dual stack: pods a, b and the node's cni0/eth0 also have IPv6 (fd00:10:244::/64,
#                 fd00:18::/64, node default route via fd00:18::1, the client, which does not
#                 forward IPv6); Service default/web has ClusterIPs 10.96.0.70 and
#                 fd00:10:96::70, port 80, endpoint pod b (10.244.0.20 / fd00:10:244::20, 8080).
#                 The IPv4 rules are there (iptables); the IPv6 ones are missing (ip6tables
#                 empty, as when kube-proxy's IPv6 proxier is not running). Pod a calls the
#                 IPv4 ClusterIP (answered), then the IPv6 one: nothing DNATs it, the node routes
#                 the SYN, still addressed to fd00:10:96::70, by its default route out of eth0 to
#                 the client, which drops it (no IPv6 forwarding; a real gateway would drop it or
#                 send it on, unanswered either way); the pod retries until its 8 s timeout.
#   dual-stack-ok: the twin: the same ip6tables rules as the IPv4 ones; both answered.
#
# Captures (all from the same run; no capture filter: ARP and, in the ipv6 modes, ICMPv6
# neighbour discovery stay in; IPv6 is disabled except in the ipv6 modes). <base> is the mode
# with "_" for "-" (hairpin_off, no_local_endpoint, …):
#   <base>.node.any.pcap    tcpdump -i any on the node (LINUX_SLL2: interface index and
#                           direction): 2 cni0, 3 vethpoda, 4 vethpodb, 5 eth0, 6 vethpodc
#                           (neighbour-ok; in neighbour-unresolved it is gone)
#   <base>.node.sll1.pcap   the same with tcpdump -y LINUX_SLL (direction, no interface index)
#   <base>.pod.pcap         tcpdump -i eth0 in pod a, the client pod (not in no-local-endpoint)
#   <base>.client.pcap      tcpdump -i eth0 in the external client (NodePort modes only:
#                           no-endpoints, no-local-endpoint, endpoints-ok)
# Retries: every client keeps the kernel's default SYN schedule (tcp_syn_linear_timeouts=4:
# 1 1 1 1 1 2 s) and gives up after 8 s (curl --connect-timeout 8).
# Stand-ins: none for the failures themselves (the bridge's hairpin check, kube-proxy's own
# REJECT and DROP rules, the kernel's neighbour resolution, the missing ip6tables rules are the
# real mechanisms). The other node (no-local-endpoint) is not built: only its endpoint address
# is in the rules.
MODES="hairpin-off hairpin-on no-endpoints no-local-endpoint endpoints-ok neighbour-unresolved neighbour-ok ipv6-only dual-stack-ok"
# The mode is checked before lib.sh is sourced: a usage error then touches no namespace.
case " $MODES " in *" ${1:-} "*) mode=$1 ;; *) echo "usage: $0 ${MODES// /|}" >&2; exit 2 ;; esac
source "$(dirname "$0")/lib.sh"

cleanup
# The node, its bridge and pods a and b (bridge-nf-call-iptables=1), then its uplink to the
# client; pod c for the neighbour modes. The order fixes the interface indexes.
one_node_two_pods 1
make_ns client
veth node eth0 client eth0
in_ns node ip addr add 172.18.0.2/24 dev eth0
in_ns client ip addr add 172.18.0.1/24 dev eth0
in_ns node ip route add default via 172.18.0.1
case "$mode" in neighbour-*) pod c node vethpodc 10.244.0.30/24 10.244.0.1 cni0 ;; esac
ports="vethpoda vethpodb"; case "$mode" in neighbour-*) ports="$ports vethpodc" ;; esac
for p in $ports; do in_ns node bridge link set dev "$p" hairpin off; done

# IPv6 for the dual-stack modes: no DAD, no router solicitations or advertisements accepted.
v6_on() {
  local n=$1 dev; shift
  for dev in "$@"; do
    in_ns "$n" sysctl -qw "net.ipv6.conf.$dev.accept_dad=0" "net.ipv6.conf.$dev.router_solicitations=0" \
      "net.ipv6.conf.$dev.accept_ra=0" "net.ipv6.conf.$dev.disable_ipv6=0"
  done
  in_ns "$n" sysctl -qw net.ipv6.conf.all.disable_ipv6=0
}
case "$mode" in ipv6-only|dual-stack-ok)
  v6_on node cni0 eth0
  in_ns node sysctl -qw net.ipv6.conf.all.forwarding=1 net.bridge.bridge-nf-call-ip6tables=1
  in_ns node ip -6 addr add fd00:10:244::1/64 dev cni0
  in_ns node ip -6 addr add fd00:18::2/64 dev eth0
  in_ns node ip -6 route add default via fd00:18::1
  v6_on client eth0; in_ns client ip -6 addr add fd00:18::1/64 dev eth0
  v6_on a eth0; in_ns a ip -6 addr add fd00:10:244::10/64 dev eth0
  in_ns a ip -6 route add default via fd00:10:244::1
  v6_on b eth0; in_ns b ip -6 addr add fd00:10:244::20/64 dev eth0
  in_ns b ip -6 route add default via fd00:10:244::1
  ;;
esac

# ---- kube-proxy (iptables mode) -----------------------------------------------------------
kp() { in_ns node iptables -t nat "$@"; }
kf() { in_ns node iptables "$@"; }
# nat: the portals, NodePorts, the masquerade mark and KUBE-POSTROUTING, as lb-hairpin.
kube_proxy_base() {
  local t=${1:-iptables} c
  for c in KUBE-SERVICES KUBE-NODEPORTS KUBE-POSTROUTING KUBE-MARK-MASQ; do in_ns node "$t" -t nat -N $c; done
  in_ns node "$t" -t nat -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
  in_ns node "$t" -t nat -A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
  in_ns node "$t" -t nat -A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
  in_ns node "$t" -t nat -A KUBE-MARK-MASQ -j MARK --or-mark 0x4000
  in_ns node "$t" -t nat -A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
  in_ns node "$t" -t nat -A KUBE-POSTROUTING -j MARK --xor-mark 0x4000
  in_ns node "$t" -t nat -A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE
  # filter: the portals for Services without (local) endpoints.
  in_ns node "$t" -N KUBE-SERVICES
  in_ns node "$t" -N KUBE-EXTERNAL-SERVICES
  in_ns node "$t" -A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes externally visible service portals" -j KUBE-EXTERNAL-SERVICES
  in_ns node "$t" -A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
  in_ns node "$t" -A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes externally visible service portals" -j KUBE-EXTERNAL-SERVICES
  in_ns node "$t" -A OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
}
# cluster_ip IPTABLES NAME CLUSTERIP/LEN ENDPOINT/LEN DNAT-TARGET CLUSTER-CIDR: Service
# default/<name> port 80 with one endpoint (KUBE-SVC-NAME → KUBE-SEP-NAME), in iptables or
# ip6tables; the endpoint's own traffic (hairpin) and traffic from outside the cluster CIDR are
# marked for masquerade, as kube-proxy does.
cluster_ip() {
  local t=$1 name=$2 vip=$3 ep=$4 to=$5 cidr=$6
  in_ns node "$t" -t nat -N "KUBE-SVC-$name"
  in_ns node "$t" -t nat -N "KUBE-SEP-$name"
  in_ns node "$t" -t nat -A KUBE-SERVICES -d "$vip" -p tcp --dport 80 -m comment --comment "default/${name,,} cluster IP" -j "KUBE-SVC-$name"
  in_ns node "$t" -t nat -A "KUBE-SVC-$name" ! -s "$cidr" -d "$vip" -p tcp --dport 80 -m comment --comment "default/${name,,} cluster IP" -j KUBE-MARK-MASQ
  in_ns node "$t" -t nat -A "KUBE-SVC-$name" -m comment --comment "default/${name,,} -> $to" -j "KUBE-SEP-$name"
  in_ns node "$t" -t nat -A "KUBE-SEP-$name" -s "$ep" -m comment --comment "default/${name,,}" -j KUBE-MARK-MASQ
  in_ns node "$t" -t nat -A "KUBE-SEP-$name" -p tcp -m comment --comment "default/${name,,}" -j DNAT --to-destination "$to"
}
# node_port_local HAS_LOCAL_ENDPOINT: NodePort 30080 for default/web, externalTrafficPolicy
# Local (KUBE-EXT-WEB; KUBE-SVL-WEB when there is a local endpoint, else filter DROP).
node_port_local() {
  kp -N KUBE-EXT-WEB
  kp -A KUBE-EXT-WEB -s 10.244.0.0/16 -m comment --comment "pod traffic for default/web external destinations" -j KUBE-SVC-WEB
  kp -A KUBE-EXT-WEB -m addrtype --src-type LOCAL -m comment --comment "masquerade LOCAL traffic for default/web external destinations" -j KUBE-MARK-MASQ
  kp -A KUBE-EXT-WEB -m addrtype --src-type LOCAL -m comment --comment "route LOCAL traffic for default/web external destinations" -j KUBE-SVC-WEB
  if [ "$1" = yes ]; then
    kp -N KUBE-SVL-WEB
    kp -A KUBE-EXT-WEB -j KUBE-SVL-WEB
    kp -A KUBE-SVL-WEB -m comment --comment "default/web -> 10.244.0.20:8080" -j KUBE-SEP-WEB
  else
    kf -A KUBE-EXTERNAL-SERVICES -m comment --comment "default/web has no local endpoints" -m addrtype --dst-type LOCAL -p tcp --dport 30080 -j DROP
  fi
  kp -A KUBE-NODEPORTS -p tcp --dport 30080 -m comment --comment "default/web" -j KUBE-EXT-WEB
}
nodeports_last() {
  in_ns node "${1:-iptables}" -t nat -A KUBE-SERVICES -m addrtype --dst-type LOCAL -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -j KUBE-NODEPORTS
}

kube_proxy_base
case "$mode" in
  hairpin-*)
    cluster_ip iptables SELF 10.96.0.60/32 10.244.0.10/32 10.244.0.10:8080 10.244.0.0/16
    if [ "$mode" = hairpin-on ]; then in_ns node bridge link set dev vethpoda hairpin on; fi ;;
  no-endpoints)
    kf -A KUBE-SERVICES -d 10.96.0.50/32 -p tcp --dport 80 -m comment --comment "default/web has no endpoints" -j REJECT --reject-with icmp-port-unreachable
    kf -A KUBE-EXTERNAL-SERVICES -m comment --comment "default/web has no endpoints" -m addrtype --dst-type LOCAL -p tcp --dport 30080 -j REJECT --reject-with icmp-port-unreachable ;;
  no-local-endpoint)
    cluster_ip iptables WEB 10.96.0.50/32 10.244.1.20/32 10.244.1.20:8080 10.244.0.0/16
    node_port_local no ;;
  endpoints-ok)
    cluster_ip iptables WEB 10.96.0.50/32 10.244.0.20/32 10.244.0.20:8080 10.244.0.0/16
    node_port_local yes ;;
  neighbour-*)
    cluster_ip iptables WEB 10.96.0.50/32 10.244.0.30/32 10.244.0.30:8080 10.244.0.0/16 ;;
  ipv6-only|dual-stack-ok)
    cluster_ip iptables WEB 10.96.0.70/32 10.244.0.20/32 10.244.0.20:8080 10.244.0.0/16
    if [ "$mode" = dual-stack-ok ]; then
      kube_proxy_base ip6tables
      cluster_ip ip6tables WEB fd00:10:96::70/128 fd00:10:244::20/128 '[fd00:10:244::20]:8080' fd00:10:244::/64
      nodeports_last ip6tables
    fi ;;
esac
nodeports_last

# serve6 NS PORT: lib.sh's serve on [::]:PORT (IPv6 only, beside serve's IPv4 socket).
serve6() {
  in_ns "$1" python3 -c "
import socket, threading
s = socket.socket(socket.AF_INET6); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
s.bind(('::', $2)); s.listen(64)
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

# Servers (pod a in the hairpin modes, pod b, pod c in the neighbour modes).
case "$mode" in hairpin-*) serve a 8080 ;; esac
case "$mode" in neighbour-*) ;; *) serve b 8080 ;; esac
case "$mode" in ipv6-*|dual-*) serve6 b 8080 ;; esac
if [ "${mode%%-*}" = neighbour ]; then
  serve c 8080
  server_c=${PIDS[-1]}
  wait_for_listener c 8080
  if [ "$mode" = neighbour-unresolved ]; then
    # The pod is deleted; its endpoint stays in the Service's rules (a stale endpoint). Its
    # processes go first (by PID, as cleanup does), or the namespace and veth would outlive
    # `ip netns del`.
    for pid in $(ip netns pids "$(ns c)"); do kill "$pid" 2>/dev/null || true; done
    { wait "$server_c" || true; } 2>/dev/null; unset 'PIDS[-1]'
    for i in $(seq 1 20); do [ -z "$(ip netns pids "$(ns c)")" ] && break; sleep 0.1; done
    ip netns del "$(ns c)"
    for i in $(seq 1 50); do in_ns node ip link show vethpodc >/dev/null 2>&1 || break; sleep 0.1; done
    if in_ns node ip link show vethpodc >/dev/null 2>&1; then echo "vethpodc is still there" >&2; exit 1; fi
  fi
fi
case "$mode" in ipv6-*|dual-*) sleep 2 ;; esac   # let the MLD reports of the link-up pass

base=${mode//-/_}
capture_in node "$base.node.any.pcap" -i any -B 32768
capture_in node "$base.node.sll1.pcap" -i any -y LINUX_SLL -B 32768
[ "$mode" = no-local-endpoint ] || capture_in a "$base.pod.pcap" -i eth0
case "$mode" in no-endpoints|no-local-endpoint|endpoints-ok) capture_in client "$base.client.pcap" -i eth0 ;; esac
captures_ready

case "$mode" in
  hairpin-*) echo "pod a → 10.96.0.60:80 (itself):"; fetch a 10.96.0.60 80 8 ;;
  no-endpoints|endpoints-ok)
    echo "pod a → 10.96.0.50:80:"; fetch a 10.96.0.50 80 8
    sleep 1
    echo "client → 172.18.0.2:30080:"; fetch client 172.18.0.2 30080 8 ;;
  no-local-endpoint) echo "client → 172.18.0.2:30080:"; fetch client 172.18.0.2 30080 8 ;;
  neighbour-*)
    echo "pod a → 10.96.0.50:80:"; fetch a 10.96.0.50 80 8
    # A SYN retransmitted before the client gave up starts another round of ARP; its end too.
    if [ "$mode" = neighbour-unresolved ]; then sleep 4; fi ;;
  ipv6-only|dual-stack-ok)
    echo "pod a → 10.96.0.70:80:"; fetch a 10.96.0.70 80 8
    sleep 1
    echo "pod a → [fd00:10:96::70]:80:"; fetch a fd00:10:96::70 80 8 ;;
esac
echo "node conntrack:"; in_ns node conntrack -L 2>/dev/null | sed 's/^/  /' || true
echo "node neighbours:"; in_ns node ip neigh show | sed 's/^/  /' || true
stop_all_captures
echo "node counters (non-zero):"
for t in filter nat; do
  in_ns node iptables -t $t -L -v -n -x | awk -v t=$t '/^Chain/ {c=$2} $1 ~ /^[0-9]+$/ && $1 > 0 {print "  " t " " c ": " $0}' || true
done
case "$mode" in ipv6-*|dual-*)
  for t in filter nat; do
    in_ns node ip6tables -t $t -L -v -n -x | awk -v t=$t '/^Chain/ {c=$2} $1 ~ /^[0-9]+$/ && $1 > 0 {print "  ip6 " t " " c ": " $0}' || true
  done ;;
esac
echo "bridge ports:"; in_ns node bridge -d link show | grep -E '^[0-9]+:|hairpin' | sed 's/^/  /' || true
print_links node
echo "wrote $OUT_DIR/$base.*.pcap"
