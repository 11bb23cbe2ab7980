#!/usr/bin/env bash
# Healthy, busy node: a k3s/RKE2-style Kubernetes node (control plane on the node) with
# everything a real node's `tcpdump -i any` shows in a few minutes, all of it healthy. A
# diagnosis must stay silent on it. Every packet is sent by a real process or the kernel.
#
# Topology (PROFILE=flannel, the default; PROFILE=k3s in brackets):
#   wan (outside) eth0 192.0.2.1 [10.0.2.2] — node1 eth1 192.0.2.10 [10.0.2.15], default route
#     registry 203.0.113.50:443 [198.51.100.20], NTP 203.0.113.123 [198.51.100.123],
#     resolver 203.0.113.53 [198.51.100.53], HTTP API 203.0.113.80 [198.51.100.80]
#   node1 eth0 172.18.0.2 [192.168.56.11] — node2 eth0 172.18.0.3 [192.168.56.12] (two_nodes)
#   flannel.1 VXLAN UDP 8472 between them: 10.244.1.0/24 [10.42.0.0/24] on node1,
#     10.244.2.0/24 [10.42.1.0/24] on node2; pod MTU 1450
#   node1 cni0 10.244.1.1 [10.42.0.1]: pods client .10 [.7], web .11 [.9], backend .12 [.12],
#     coredns .13 [.3], and for a while a Job pod .14 [.15]; node2 cni0: pod server 10.244.2.20
#     [10.42.1.5]
#   Services (kube-proxy iptables mode, DNAT + KUBE-MARK-MASQ; flannel's MASQUERADE to the
#   outside): kubernetes 10.96.0.1:443 [10.43.0.1] -> node1:6443, kube-dns 10.96.0.10:53
#   [10.43.0.10] -> coredns:53, web 10.96.0.50:80 [10.43.112.34] -> web:8080 (same node),
#   api 10.96.0.60:80 [10.43.201.7] -> server:8080 (node2, across VXLAN).
#   IPv4 and IPv6 (link-local, ::1) everywhere; bridge-nf-call-iptables=1.
#
# What runs (lab/busy-node/busy.py, one process per component, intervals randomised by SEED):
#   node1, over localhost: apiserver 0.0.0.0:6443 (TLS) with kubelet, controller-manager,
#     scheduler, kube-proxy, flanneld keeping long connections from 127.0.0.1 (requests every
#     few seconds, watch events pushed); etcd 127.0.0.1:2379 (TLS) with the apiserver's KV
#     stream (a small request every 0.25-1 s) and watch stream; kubelet's static-pod probes of
#     127.0.0.1:10257 and :10259 (TLS /healthz), 127.0.0.1:2381/health and of the apiserver's
#     /livez and /readyz on the node's own address (172.18.0.2:6443, over lo), every 10 s;
#     the k3s supervisor probing the kubelet's 127.0.0.1:10248/healthz every 5-8 s.
#   localhost-only exporters (127.0.0.1:10249 kube-proxy metrics, 127.0.0.1:2381 etcd metrics)
#     scraped as "localhost" every 4-9 s: getaddrinfo gives ::1 first (the namespace's
#     /etc/hosts, via /etc/netns, lists ::1 localhost first), the kernel resets [::1], the
#     agent connects to 127.0.0.1 a fraction of a millisecond later.
#   kubelet probes from the node (source 10.244.1.1, the cni0 address the kernel picks) to the
#     pods: HTTP GET readiness every 1.5-2 s to web, backend and coredns (a new connection
#     each, SO_LINGER 1 s like kubelet's dialer), coredns liveness every 10 s, tcpSocket
#     probes (connect, close) to backend:6379, web:8080, client:8080 every 3-6 s; a metrics
#     agent scrapes each pod's :9100 every 10 s, node2's node-exporter by name (a dnsmasq
#     --address entry, IPv4 only), and pushes to the outside API by name.
#   hostNetwork pods: node-exporter on 0.0.0.0:9101 called by a pod via the node's address; an
#     ingress controller with a keep-alive connection to a pod, and calling the api Service
#     by name from the host network (OUTPUT DNAT, masqueraded into VXLAN: only the translated
#     packets appear in the capture).
#   dnsmasq on 127.0.0.53:53 (the stub in the node's resolv.conf; cluster.local forwarded to
#     the CoreDNS pod's IP, the rest to the outside resolver); node processes resolve through
#     it with glibc (A and AAAA in parallel).
#   pods: pod -> pod HTTP every second (keep-alive, replaced every 20-40 s); pod -> Service
#     (same node, and across VXLAN; a new connection each); names through kube-dns (A and AAAA
#     in parallel; search list with ndots:5, so an outside name gets NXDOMAIN for the three
#     cluster suffixes first, then its answer); CoreDNS forwards outside names to the outside
#     resolver (masqueraded); CoreDNS's watch through the kubernetes Service; a pod on node2
#     calls the web Service and resolves through kube-dns, both on node1, across VXLAN; a Job
#     pod comes, calls a few Services and leaves (its interfaces bring ARP, DAD, MLD and router
#     solicitations into the capture).
#   node <-> outside: containerd's long HTTPS connection to the registry (manifest checks, a
#     30-50 KB layer), a second connection for a 150-200 KB layer; chronyd's NTP every 14-22 s.
#   healthy events that look like failures: one connection to 127.0.0.1:9999 where nothing
#     listens (one reset, not retried); node2's k3s agent holds an idle TLS connection to
#     node1:6443 with TCP keepalives every 15 s; the [::1] resets above; NXDOMAIN answers
#     from the search list; long connections already open when the capture starts.
#   Every process runs on CPU 0 (see PIN below); the capture starts after a 10 s warm-up.
#
# usage: [PROFILE=flannel|k3s] [SEED=n] [CAPTURE=any|any+sll1|pcapng] [OUT_DIR=dir] \
#          lab/busy-node.sh [SECONDS]        (SECONDS of capture, default 180)
#   CAPTURE=any       busy_node.node.any.pcap   (tcpdump -i any, no filter, in node1)
#   CAPTURE=any+sll1  the same plus busy_node.node.sll1.pcap (-y LINUX_SLL), same run
#   CAPTURE=pcapng    busy_node.node.pcapng (dumpcap on lo, cni0, eth0, vethclient, vethweb)
# The committed captures:
#   LAB=dsb lab/busy-node.sh                                        (public/examples/lab)
#   LAB=dsb CAPTURE=pcapng lab/busy-node.sh 30                      (public/examples/lab)
#   LAB=dsb PROFILE=k3s SEED=7 CAPTURE=any+sll1 OUT_DIR=tests/holdout lab/busy-node.sh
# Needs root, iproute2, iptables, tcpdump (dumpcap), dnsmasq, openssl, python3.
source "$(dirname "$0")/lib.sh"
DURATION=${1:-180}
PROFILE=${PROFILE:-flannel}
SEED=${SEED:-1}
CAPTURE=${CAPTURE:-any}
HERE=$(cd "$(dirname "$0")" && pwd)
WARMUP=10
RANDOM=$SEED

case "$PROFILE" in
flannel)
  NODE1_IP=172.18.0.2 NODE2_IP=172.18.0.3
  UPLINK=192.0.2.10/24 UPLINK_GW=192.0.2.1/24
  POD_CIDR=10.244.0.0/16 SUB1=10.244.1 SUB2=10.244.2
  CLIENT=10.244.1.10 WEB=10.244.1.11 BACKEND=10.244.1.12 COREDNS=10.244.1.13 JOB=10.244.1.14
  SERVER=10.244.2.20
  SVC_KUBE=10.96.0.1 SVC_DNS=10.96.0.10 SVC_WEB=10.96.0.50 SVC_API=10.96.0.60
  EXT_REGISTRY=203.0.113.50 EXT_NTP=203.0.113.123 EXT_DNS=203.0.113.53 EXT_API=203.0.113.80
  EXT_ZONE=example.net
  N_REGISTRY=registry.example.net N_NTP=time.example.net N_API=api.example.net
  LAB_DOMAIN=lab.internal
  ;;
k3s)
  NODE1_IP=192.168.56.11 NODE2_IP=192.168.56.12
  UPLINK=10.0.2.15/24 UPLINK_GW=10.0.2.2/24
  POD_CIDR=10.42.0.0/16 SUB1=10.42.0 SUB2=10.42.1
  CLIENT=10.42.0.7 WEB=10.42.0.9 BACKEND=10.42.0.12 COREDNS=10.42.0.3 JOB=10.42.0.15
  SERVER=10.42.1.5
  SVC_KUBE=10.43.0.1 SVC_DNS=10.43.0.10 SVC_WEB=10.43.112.34 SVC_API=10.43.201.7
  EXT_REGISTRY=198.51.100.20 EXT_NTP=198.51.100.123 EXT_DNS=198.51.100.53 EXT_API=198.51.100.80
  EXT_ZONE=corp.example
  N_REGISTRY=registry.corp.example N_NTP=ntp.corp.example N_API=hooks.corp.example
  LAB_DOMAIN=vagrant.internal
  ;;
*) echo "PROFILE is flannel or k3s" >&2; exit 2 ;;
esac
CNI1=$SUB1.1 CNI2=$SUB2.1 VTEP1=$SUB1.0 VTEP2=$SUB2.0

WORK=$(mktemp -d "${TMPDIR:-/tmp}/$LAB-busy.XXXXXX")
mkdir -p "$WORK/logs"
busy_cleanup() {
  stop_all_captures
  cleanup
  # Only this lab's folders: ip netns exec bind-mounts them over /etc in our namespaces.
  rm -rf /etc/netns/"$LAB"-*
  if [ -n "${KEEP_LOGS:-}" ]; then echo "logs in $WORK/logs"; else rm -rf "$WORK"; fi
}
trap busy_cleanup EXIT
trap 'exit 130' INT TERM

now() { date +%s.%N; }
sleep_until() { local d; d=$(awk -v t="$1" -v n="$(now)" 'BEGIN { d = t - n; printf "%.3f", d < 0 ? 0 : d }'); sleep "$d"; }
plus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a + b }'; }
# rand_frac LO HI (percent): a fraction of the capture, from bash's RANDOM seeded with SEED.
# The caller passes $RANDOM (a command substitution's subshell would reseed it).
rand_frac() { awk -v lo="$1" -v hi="$2" -v r="$3" 'BEGIN { printf "%.4f", (lo + (hi - lo) * r / 32767) / 100 }'; }

wait_listening() { # NS PROTO PORT
  for _ in $(seq 1 100); do
    if in_ns "$1" ss -Hln"${2:0:1}" "sport = :$3" | grep -q .; then return 0; fi
    sleep 0.1
  done
  echo "nothing listens on $2/$3 in $1" >&2
  return 1
}

# dual_stack NS...: containers and nodes have IPv6 on (::1 on lo, link-local addresses).
dual_stack() {
  for n in "$@"; do
    in_ns "$n" sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0
  done
}

# pod_ns NAME VETH ADDR NODE GW: a pod with flannel's MTU and a Kubernetes resolv.conf.
pod_ns() {
  local name=$1 veth_name=$2 addr=$3 node=$4 gw=$5
  mkdir -p "/etc/netns/$(ns "$name")"
  printf 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver %s\noptions ndots:5\n' \
    "$SVC_DNS" >"/etc/netns/$(ns "$name")/resolv.conf"
  if ! ip netns list | awk '{print $1}' | grep -qx "$(ns "$name")"; then
    pod "$name" "$node" "$veth_name" "$addr/24" "$gw" cni0
  fi
  in_ns "$node" ip link set "$veth_name" mtu 1450
  in_ns "$name" ip link set eth0 mtu 1450
  in_ns "$node" sysctl -qw "net.ipv4.conf.$veth_name.rp_filter=0"
  dual_stack "$name"
}

# Every process of the lab runs on CPU 0. Loopback and veth packets wait in the backlog of the
# CPU that sent them; with senders on two CPUs a pure ACK queued behind a busy CPU can arrive
# after the FIN exchange that followed it, and the closed peer answers it with a reset (seen
# once in 180 s on lo). Real, but not what this healthy capture is about.
PIN="taskset -c 0"
role() { # NS ROLE: a busy.py role, in the background, its PID recorded.
  BUSY_CFG="$WORK/config.json" in_ns "$1" $PIN python3 "$HERE/busy-node/busy.py" "$2" 2>"$WORK/logs/$2.log" &
  PIDS+=($!)
}

# ---- Topology -------------------------------------------------------------------------------
cleanup
two_nodes
if [ "$PROFILE" != flannel ]; then
  # two_nodes' addresses are flannel's defaults; move them to this profile's.
  for n in node1 node2; do in_ns $n ip -4 addr flush dev eth0; in_ns $n ip -4 addr flush dev cni0; done
  in_ns node1 ip addr add "$NODE1_IP/24" dev eth0
  in_ns node2 ip addr add "$NODE2_IP/24" dev eth0
  in_ns node1 ip addr add "$CNI1/24" dev cni0
  in_ns node2 ip addr add "$CNI2/24" dev cni0
  in_ns client ip -4 addr flush dev eth0
  in_ns client ip addr add "$CLIENT/24" dev eth0
  in_ns client ip route add default via "$CNI1"
  in_ns server ip -4 addr flush dev eth0
  in_ns server ip addr add "$SERVER/24" dev eth0
  in_ns server ip route add default via "$CNI2"
fi
# The bridges keep one MAC (as the CNI bridge plugin's do); otherwise a bridge takes the lowest
# of its ports' and changes it when a pod comes or goes, under the pods' ARP caches.
for n in node1 node2; do
  in_ns $n ip link set cni0 address "$(printf '0a:58:%02x:%02x:%02x:%02x' $((RANDOM % 256)) $((RANDOM % 256)) \
    $((RANDOM % 256)) $((RANDOM % 256)))"
done
make_ns wan
veth node1 eth1 wan eth0
in_ns node1 ip addr add "$UPLINK" dev eth1
in_ns wan ip addr add "$UPLINK_GW" dev eth0
in_ns node1 ip route add default via "${UPLINK_GW%/*}"
for a in "$EXT_REGISTRY" "$EXT_NTP" "$EXT_DNS" "$EXT_API"; do in_ns wan ip addr add "$a/32" dev lo; done

# flannel's VXLAN (as in vxlan-loss.sh): VTEP MAC, neighbour and FDB entries for the peer.
for n in node1 node2; do
  local_ip=$([ $n = node1 ] && echo "$NODE1_IP" || echo "$NODE2_IP")
  own=$([ $n = node1 ] && echo "$VTEP1" || echo "$VTEP2")
  in_ns $n ip link add flannel.1 type vxlan id 1 local "$local_ip" dstport 8472 nolearning dev eth0
  in_ns $n ip addr add "$own/32" dev flannel.1
  in_ns $n ip link set flannel.1 up
done
mac1=$(in_ns node1 cat /sys/class/net/flannel.1/address)
mac2=$(in_ns node2 cat /sys/class/net/flannel.1/address)
in_ns node1 ip route add "$SUB2.0/24" via "$VTEP2" dev flannel.1 onlink
in_ns node2 ip route add "$SUB1.0/24" via "$VTEP1" dev flannel.1 onlink
in_ns node1 ip neigh add "$VTEP2" lladdr "$mac2" dev flannel.1
in_ns node2 ip neigh add "$VTEP1" lladdr "$mac1" dev flannel.1
in_ns node1 bridge fdb append "$mac2" dev flannel.1 dst "$NODE2_IP"
in_ns node2 bridge fdb append "$mac1" dev flannel.1 dst "$NODE1_IP"

pod_ns client vethclient "$CLIENT" node1 "$CNI1"
pod_ns web vethweb "$WEB" node1 "$CNI1"
pod_ns backend vethbackend "$BACKEND" node1 "$CNI1"
pod_ns coredns vethcoredns "$COREDNS" node1 "$CNI1"
pod_ns server vethserver "$SERVER" node2 "$CNI2"
for n in node1 node2; do
  in_ns $n ip link set cni0 mtu 1450
  in_ns $n sysctl -qw net.bridge.bridge-nf-call-iptables=1 net.bridge.bridge-nf-call-ip6tables=1 \
    net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0
done
dual_stack node1 node2 wan

# kube-proxy (iptables mode) and flannel's rules. SUBNET is the node's pod subnet.
kube_rules() { # NODE SUBNET NODE_IP
  local sub=$2
  in_ns "$1" iptables-restore <<EOF
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
:KUBE-SERVICES - [0:0]
:KUBE-NODEPORTS - [0:0]
:KUBE-POSTROUTING - [0:0]
:KUBE-MARK-MASQ - [0:0]
:KUBE-SVC-NPX46M4PTMTKRN6Y - [0:0]
:KUBE-SEP-4ZJQ6BA2QFLIKJEO - [0:0]
:KUBE-SVC-TCOU7JCQXEZGVUNU - [0:0]
:KUBE-SEP-2GKJQNW5Z7LDLXVD - [0:0]
:KUBE-SVC-ERIFXISQEP7F7OF4 - [0:0]
:KUBE-SEP-JTMWXAX4AXQOFUGW - [0:0]
:KUBE-SVC-WEBSVCX3D5KZQ2MA - [0:0]
:KUBE-SEP-WEBPOD7Q4T2NLXHS - [0:0]
:KUBE-SVC-APISVC6J2P7RRQ4C - [0:0]
:KUBE-SEP-APIPOD5V3XK8MWLE - [0:0]
:FLANNEL-POSTRTG - [0:0]
-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
-A POSTROUTING -m comment --comment "flanneld masq" -j FLANNEL-POSTRTG
-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000
-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0
-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully
-A KUBE-SERVICES -d $SVC_KUBE/32 -p tcp -m comment --comment "default/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y
-A KUBE-SERVICES -d $SVC_DNS/32 -p udp -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp --dport 53 -j KUBE-SVC-TCOU7JCQXEZGVUNU
-A KUBE-SERVICES -d $SVC_DNS/32 -p tcp -m comment --comment "kube-system/kube-dns:dns-tcp cluster IP" -m tcp --dport 53 -j KUBE-SVC-ERIFXISQEP7F7OF4
-A KUBE-SERVICES -d $SVC_WEB/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-WEBSVCX3D5KZQ2MA
-A KUBE-SERVICES -d $SVC_API/32 -p tcp -m comment --comment "default/api:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-APISVC6J2P7RRQ4C
-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
-A KUBE-SVC-NPX46M4PTMTKRN6Y ! -s $POD_CIDR -d $SVC_KUBE/32 -p tcp -m tcp --dport 443 -j KUBE-MARK-MASQ
-A KUBE-SVC-NPX46M4PTMTKRN6Y -j KUBE-SEP-4ZJQ6BA2QFLIKJEO
-A KUBE-SEP-4ZJQ6BA2QFLIKJEO -s $NODE1_IP/32 -j KUBE-MARK-MASQ
-A KUBE-SEP-4ZJQ6BA2QFLIKJEO -p tcp -m tcp -j DNAT --to-destination $NODE1_IP:6443
-A KUBE-SVC-TCOU7JCQXEZGVUNU ! -s $POD_CIDR -d $SVC_DNS/32 -p udp -m udp --dport 53 -j KUBE-MARK-MASQ
-A KUBE-SVC-TCOU7JCQXEZGVUNU -j KUBE-SEP-2GKJQNW5Z7LDLXVD
-A KUBE-SEP-2GKJQNW5Z7LDLXVD -s $COREDNS/32 -j KUBE-MARK-MASQ
-A KUBE-SEP-2GKJQNW5Z7LDLXVD -p udp -m udp -j DNAT --to-destination $COREDNS:53
-A KUBE-SVC-ERIFXISQEP7F7OF4 ! -s $POD_CIDR -d $SVC_DNS/32 -p tcp -m tcp --dport 53 -j KUBE-MARK-MASQ
-A KUBE-SVC-ERIFXISQEP7F7OF4 -j KUBE-SEP-JTMWXAX4AXQOFUGW
-A KUBE-SEP-JTMWXAX4AXQOFUGW -s $COREDNS/32 -j KUBE-MARK-MASQ
-A KUBE-SEP-JTMWXAX4AXQOFUGW -p tcp -m tcp -j DNAT --to-destination $COREDNS:53
-A KUBE-SVC-WEBSVCX3D5KZQ2MA ! -s $POD_CIDR -d $SVC_WEB/32 -p tcp -m tcp --dport 80 -j KUBE-MARK-MASQ
-A KUBE-SVC-WEBSVCX3D5KZQ2MA -j KUBE-SEP-WEBPOD7Q4T2NLXHS
-A KUBE-SEP-WEBPOD7Q4T2NLXHS -s $WEB/32 -j KUBE-MARK-MASQ
-A KUBE-SEP-WEBPOD7Q4T2NLXHS -p tcp -m tcp -j DNAT --to-destination $WEB:8080
-A KUBE-SVC-APISVC6J2P7RRQ4C ! -s $POD_CIDR -d $SVC_API/32 -p tcp -m tcp --dport 80 -j KUBE-MARK-MASQ
-A KUBE-SVC-APISVC6J2P7RRQ4C -j KUBE-SEP-APIPOD5V3XK8MWLE
-A KUBE-SEP-APIPOD5V3XK8MWLE -s $SERVER/32 -j KUBE-MARK-MASQ
-A KUBE-SEP-APIPOD5V3XK8MWLE -p tcp -m tcp -j DNAT --to-destination $SERVER:8080
-A FLANNEL-POSTRTG -m mark --mark 0x4000/0x4000 -m comment --comment "flanneld masq" -j RETURN
-A FLANNEL-POSTRTG -s $sub.0/24 -d $POD_CIDR -m comment --comment "flanneld masq" -j RETURN
-A FLANNEL-POSTRTG -s $POD_CIDR -d $sub.0/24 -m comment --comment "flanneld masq" -j RETURN
-A FLANNEL-POSTRTG ! -s $POD_CIDR -d $sub.0/24 -m comment --comment "flanneld masq" -j RETURN
-A FLANNEL-POSTRTG -s $POD_CIDR ! -d 224.0.0.0/4 -m comment --comment "flanneld masq" -j MASQUERADE --random-fully
-A FLANNEL-POSTRTG ! -s $POD_CIDR -d $POD_CIDR -m comment --comment "flanneld masq" -j MASQUERADE --random-fully
COMMIT
*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:KUBE-FORWARD - [0:0]
:FLANNEL-FWD - [0:0]
-A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD
-A FORWARD -m comment --comment "flanneld forward" -j FLANNEL-FWD
-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT
-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A FLANNEL-FWD -s $POD_CIDR -m comment --comment "flanneld forward" -j ACCEPT
-A FLANNEL-FWD -d $POD_CIDR -m comment --comment "flanneld forward" -j ACCEPT
COMMIT
EOF
}
kube_rules node1 "$SUB1" "$NODE1_IP"
kube_rules node2 "$SUB2" "$NODE2_IP"

# The node's view of /etc: a stub resolver, and localhost as ::1 first (as in Debian's and
# Ubuntu's hosts files; glibc's address sorting puts ::1 before 127.0.0.1 anyway).
mkdir -p "/etc/netns/$(ns node1)"
printf 'nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n' >"/etc/netns/$(ns node1)/resolv.conf"
printf '::1\tlocalhost ip6-localhost ip6-loopback\n127.0.0.1\tlocalhost\n127.0.1.1\tnode1\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n' \
  >"/etc/netns/$(ns node1)/hosts"

# TLS for the apiserver, etcd, the controllers' health ports and the registry.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 -subj /CN=kube-apiserver \
  -addext "subjectAltName=DNS:localhost,DNS:kubernetes.default.svc,DNS:$N_REGISTRY,IP:127.0.0.1,IP:$NODE1_IP,IP:$SVC_KUBE" \
  -keyout "$WORK/tls.key" -out "$WORK/tls.crt" 2>/dev/null

T0=$(now)
T_CAP=$(plus "$T0" "$WARMUP")
T_STOP=$(plus "$T_CAP" "$DURATION")
T_END=$(plus "$T_STOP" 4)
cat >"$WORK/config.json" <<EOF
{"seed": $SEED, "t_cap": $T_CAP, "seconds": $DURATION, "end": $T_END,
 "cert": "$WORK/tls.crt", "key": "$WORK/tls.key",
 "node1_ip": "$NODE1_IP", "node2_ip": "$NODE2_IP", "node2_name": "node2.$LAB_DOMAIN",
 "cluster_domain": "cluster.local", "outside_zone": "$EXT_ZONE",
 "pods": {"client": "$CLIENT", "web": "$WEB", "backend": "$BACKEND", "coredns": "$COREDNS",
          "job": "$JOB", "server": "$SERVER"},
 "svc": {"kubernetes": "$SVC_KUBE", "dns": "$SVC_DNS", "web": "$SVC_WEB", "api": "$SVC_API"},
 "svc_fqdn": {"api": "api.default.svc.cluster.local", "web": "web.default.svc.cluster.local"},
 "outside": {"registry": "$EXT_REGISTRY", "ntp": "$EXT_NTP", "dns": "$EXT_DNS", "api": "$EXT_API"},
 "names": {"registry": "$N_REGISTRY", "ntp": "$N_NTP", "api": "$N_API"}}
EOF

# ---- Processes: servers first, then their clients --------------------------------------------
role wan outside
role web pod-web
role backend pod-backend
role server pod-server
role coredns pod-coredns
role node1 etcd
wait_listening wan udp 53; wait_listening wan tcp 443
wait_listening coredns udp 53; wait_listening node1 tcp 2379
in_ns node1 $PIN dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts --no-poll \
  --listen-address=127.0.0.53 --bind-interfaces --user=root --pid-file="$WORK/dnsmasq.pid" \
  --cache-size=1000 --server="/cluster.local/$COREDNS" --server="$EXT_DNS" \
  --address="/node1.$LAB_DOMAIN/$NODE1_IP" --address="/node2.$LAB_DOMAIN/$NODE2_IP" \
  --log-facility="$WORK/logs/dnsmasq.log" --log-queries 2>>"$WORK/logs/dnsmasq.log" &
PIDS+=($!)
role node1 apiserver
wait_listening node1 tcp 6443
role node1 controller-manager
role node1 scheduler
role node1 kube-proxy
role node1 node-exporter
wait_listening node1 udp 53
role node1 kubelet
role node1 flannel
role node1 supervisor
role node1 node-agent
role node1 ingress
role node1 containerd
role node1 chronyd
role node2 node2
role client pod-client

# ---- Capture --------------------------------------------------------------------------------
# Events during the capture, at random points (SEED): the Job pod's life, the one refusal.
R1=$RANDOM R2=$RANDOM R3=$RANDOM
T_JOB=$(plus "$T_CAP" "$(awk -v d="$DURATION" -v f="$(rand_frac 30 40 "$R1")" 'BEGIN { print d * f }')")
T_JOB_GONE=$(plus "$T_CAP" "$(awk -v d="$DURATION" -v f="$(rand_frac 62 70 "$R2")" 'BEGIN { print d * f }')")
T_REFUSE=$(plus "$T_CAP" "$(awk -v d="$DURATION" -v f="$(rand_frac 12 25 "$R3")" 'BEGIN { print d * f }')")
sleep_until "$(plus "$T_CAP" -0.5)"
case "$CAPTURE" in
any) capture_in node1 busy_node.node.any.pcap -i any ;;
any+sll1)
  capture_in node1 busy_node.node.any.pcap -i any
  capture_in node1 busy_node.node.sll1.pcap -i any -y LINUX_SLL
  ;;
pcapng) capture_pcapng node1 busy_node.node.pcapng lo cni0 eth0 vethclient vethweb ;;
*) echo "CAPTURE is any, any+sll1 or pcapng" >&2; exit 2 ;;
esac
sleep_until "$T_CAP"
echo "capturing for $DURATION s (profile $PROFILE, seed $SEED)"

sleep_until "$T_REFUSE"
BUSY_CFG="$WORK/config.json" in_ns node1 $PIN python3 "$HERE/busy-node/busy.py" refuse 2>>"$WORK/logs/refuse.log"

sleep_until "$T_JOB"
pod_ns job vethjob "$JOB" node1 "$CNI1"
role job job
JOB_PID=$!

sleep_until "$T_JOB_GONE"
# The Job finished long ago; its pod is deleted: the sandbox's namespace and veth go.
kill "$JOB_PID" 2>/dev/null || true
for pid in $(ip netns pids "$(ns job)" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
ip netns del "$(ns job)"
rm -rf "/etc/netns/$(ns job)"

sleep_until "$(plus "$T_STOP" -1)"
stop_all_captures

# What the node looked like (interface indexes are the capture's), for the record.
in_ns node1 ip -o link >"$WORK/logs/node1.links"
in_ns node1 ip -o addr >"$WORK/logs/node1.addrs"
cat "$WORK/logs/node1.links" "$WORK/logs/node1.addrs"
grep -h -i -E 'error|refused|timeout|closed by' "$WORK"/logs/*.log | grep -v 'as expected' | head -20 || true
for f in busy_node.node.any.pcap busy_node.node.sll1.pcap busy_node.node.pcapng; do
  [ -f "$OUT_DIR/$f" ] && [ "$OUT_DIR/$f" -nt "$WORK/config.json" ] && echo "wrote $OUT_DIR/$f"
done
exit 0
