#!/usr/bin/env bash
# reply-dropped-on-host, the EKS "security groups for pods" kubelet-probe failure (seed 000), and
# its healthy twin, captured from four vantage points in one run. A branch-ENI pod is reached
# through the node's VLAN trunk: the kubelet's SYN to the pod leaves the node on eth0, the VPC
# routes it to the pod's branch ENI, it comes back into the node on the trunk's VLAN interface
# and is forwarded to the pod's host veth. The pod's reply is addressed to the node itself and
# enters on the host veth, where the real kernel (tcp_early_demux finding the kubelet's
# connecting socket whose cached input route belongs to another interface) dropped it.
#
#   kubelet (node 172.18.0.2) ─ eth0 ⇄ eth0 172.18.0.1 vpc (router namespace)
#                                trunk1 ⇄ trunk  vpc: 10.0.5.20/32 dev trunk, static neighbour
#                                                     10.0.5.20 → trunk1's MAC (the branch ENI)
#   node vlan5a3c (host side, no address) ⇄ eth0 pod 10.0.5.20/32, default via 169.254.1.1
#                                             (static neighbour → vlan5a3c's MAC, as the VPC CNI)
#   pod listens on 8080 (the probe's target); the node listens on 10250 (stands in for the
#   kubelet's port, the target of the pod-initiated connection)
#
# This kernel has no 802.1Q module: trunk1 is a veth standing in for the trunk's VLAN
# sub-interface (vlan.eth.1 on a real node); it has no address, as on EKS.
#
# Node routing (as the VPC CNI programs a branch ENI), recorded exactly:
#   main:      172.18.0.0/24 dev eth0 (kernel); default via 172.18.0.1 dev eth0
#   ip rule    pref 10 iif trunk1 lookup 101; pref 11 iif vlan5a3c lookup 101
#   table 101: 10.0.5.20 dev vlan5a3c scope link; default via 172.18.0.1 dev trunk1 onlink
#              (static neighbour 172.18.0.1 → the vpc's trunk MAC on trunk1)
#   sysctl:    net.ipv4.ip_forward=1; conf.{all,default,eth0,trunk1,vlan5a3c}.rp_filter=0;
#              conf.trunk1.accept_local=1 (the node's own address comes back in on trunk1:
#              without it the kubelet's SYN is dropped as a martian); tcp_early_demux=1 and
#              ip_early_demux=1 (the defaults, left as they are)
#   So: kubelet → pod: out eth0 → vpc → in trunk1 (table 101) → out vlan5a3c → pod.
#       pod → node:    in vlan5a3c, local delivery (172.18.0.2 is local; the local table wins).
#       node's replies to the pod (its SYN-ACK on :10250): out eth0 → vpc → trunk1 → vlan5a3c.
#
# usage: vantage-kubelet-probe.sh drop|ok      (export LAB=<prefix>; OUT_DIR=<dir> optional)
#   drop: STAND-IN for tcp_early_demux, which does not drop on this kernel (lab notes): node
#         iptables rules at the place the kernel dropped, right after the host veth:
#           iptables -t raw -A PREROUTING -i vlan5a3c -p tcp --tcp-flags SYN,ACK SYN,ACK -j DROP
#             (the pod's SYN-ACKs to the kubelet)
#           iptables -t raw -A PREROUTING -i vlan5a3c -p tcp -d 172.18.0.2 --dport 10250 ! --syn -j DROP
#             (the pod's final ACK and everything after it on its connection to the node)
#         tcpdump -i any sees a packet before raw PREROUTING, so the dropped packets appear,
#         arriving on vlan5a3c; the drop point is right after that.
#   ok:   no drop rules.
#   In both: the kubelet probes http://10.0.5.20:8080/healthz every second, 10 times, each a new
#   connection with a 1 s timeout (kubelet's default timeoutSeconds); 0.5 s in, the pod opens a
#   connection to 172.18.0.2:10250, sends a request and waits up to 8 s for the answer.
#   drop: every probe times out (SYN-ACK dropped; the pod re-sends its SYN-ACK 1, 3, 7 s later);
#   the pod's connection is established on the pod's side only: the node keeps re-sending its
#   SYN-ACK (1, 3, 7 s), the pod keeps re-sending its request, no answer.
#
# Captures (all from the same run; no capture filter, ARP stays in):
#   kubelet_probe_<mode>.node.any.pcap   tcpdump -i any on the node (LINUX_SLL2): eth0, trunk1,
#                                        vlan5a3c with interface index and direction
#   kubelet_probe_<mode>.node.sll1.pcap  the same with -y LINUX_SLL (direction, no interface)
#   kubelet_probe_<mode>.node.pcapng     dumpcap on eth0, trunk1, vlan5a3c: names, Ethernet
#                                        headers, no directions, frames per interface (not in
#                                        time order)
#   kubelet_probe_<mode>.pod.pcap        tcpdump -i eth0 in the pod: the pod sends its SYN-ACKs
#                                        and ACKs and never hears back (drop)
source "$(dirname "$0")/lib.sh"
mode=${1:?drop or ok}
case "$mode" in drop|ok) ;; *) echo "usage: $0 drop|ok" >&2; exit 2 ;; esac

cleanup
make_ns node vpc pod
veth node eth0 vpc eth0
veth node trunk1 vpc trunk
veth pod eth0 node vlan5a3c
in_ns node ip addr add 172.18.0.2/24 dev eth0
in_ns vpc ip addr add 172.18.0.1/24 dev eth0
in_ns node ip route add default via 172.18.0.1 dev eth0
trunk1_mac=$(in_ns node cat /sys/class/net/trunk1/address)
trunk_mac=$(in_ns vpc cat /sys/class/net/trunk/address)
host_veth_mac=$(in_ns node cat /sys/class/net/vlan5a3c/address)
# The VPC delivers the branch ENI's address to the trunk.
in_ns vpc ip route add 10.0.5.20/32 dev trunk
in_ns vpc ip neigh add 10.0.5.20 lladdr "$trunk1_mac" dev trunk nud permanent
# The pod, as the VPC CNI sets it up: a /32, a link-local gateway with a static neighbour.
in_ns pod ip addr add 10.0.5.20/32 dev eth0
in_ns pod ip route add 169.254.1.1 dev eth0 scope link
in_ns pod ip route add default via 169.254.1.1 dev eth0
in_ns pod ip neigh add 169.254.1.1 lladdr "$host_veth_mac" dev eth0 nud permanent
# The node: policy routing for the branch ENI.
in_ns node ip rule add pref 10 iif trunk1 lookup 101
in_ns node ip rule add pref 11 iif vlan5a3c lookup 101
in_ns node ip route add 10.0.5.20 dev vlan5a3c scope link table 101
in_ns node ip route add default via 172.18.0.1 dev trunk1 onlink table 101
in_ns node ip neigh add 172.18.0.1 lladdr "$trunk_mac" dev trunk1 nud permanent
for dev in all default eth0 trunk1 vlan5a3c; do in_ns node sysctl -qw net.ipv4.conf.$dev.rp_filter=0; done
in_ns node sysctl -qw net.ipv4.conf.trunk1.accept_local=1
if [ "$mode" = drop ]; then
  in_ns node iptables -t raw -A PREROUTING -i vlan5a3c -p tcp --tcp-flags SYN,ACK SYN,ACK -j DROP
  in_ns node iptables -t raw -A PREROUTING -i vlan5a3c -p tcp -d 172.18.0.2 --dport 10250 ! --syn -j DROP
fi
serve pod 8080
serve node 10250

base=kubelet_probe_$mode
capture_in node "$base.node.any.pcap" -i any
capture_in node "$base.node.sll1.pcap" -i any -y LINUX_SLL
capture_pcapng node "$base.node.pcapng" eth0 trunk1 vlan5a3c
capture_in pod "$base.pod.pcap" -i eth0
captures_ready

# The kubelet: an HTTP probe every second, each a new connection, 1 s timeout.
in_ns node python3 -c "
import socket, threading, time
req = b'GET /healthz HTTP/1.1\r\nHost: 10.0.5.20:8080\r\nUser-Agent: kube-probe/1.29\r\nAccept: */*\r\nConnection: close\r\n\r\n'
t0 = time.time(); out = {}
def probe(n):
    start = time.time(); deadline = start + 1.0
    try:
        c = socket.create_connection(('10.0.5.20', 8080), timeout=1.0)
        port = c.getsockname()[1]
        c.settimeout(max(0.01, deadline - time.time())); c.sendall(req)
        status = c.recv(1024).split(b'\r\n')[0].decode()
        c.close()
        out[n] = f'probe {n + 1} at {start - t0:.2f} s: {status} in {time.time() - start:.3f} s (port {port})'
    except Exception as e:
        out[n] = f'probe {n + 1} at {start - t0:.2f} s: failed after {time.time() - start:.3f} s: {e!r}'
threads = []
for n in range(10):
    time.sleep(max(0, t0 + n - time.time()))
    t = threading.Thread(target=probe, args=(n,)); t.start(); threads.append(t)
for t in threads: t.join()
for n in sorted(out): print(out[n])
" &
probes=$!
PIDS+=($probes)
# The pod connects to the node's address (the kubelet's port), 0.5 s after the first probe.
sleep 0.5
in_ns pod python3 -c "
import socket, time
start = time.time()
try:
    c = socket.create_connection(('172.18.0.2', 10250), timeout=8)
    print(f'pod → node: connected from port {c.getsockname()[1]} in {time.time() - start:.3f} s (pod side)')
    c.settimeout(8); c.sendall(b'GET /healthz HTTP/1.1\r\nHost: 172.18.0.2:10250\r\n\r\n')
    status = c.recv(1024).split(b'\\r\\n')[0].decode()
    print(f'pod → node: {status!r} after {time.time() - start:.3f} s')
    c.close()
except Exception as e:
    print(f'pod → node: failed after {time.time() - start:.3f} s: {e!r}')
" || true
wait "$probes" || true
stop_all_captures
echo "node raw PREROUTING:"; in_ns node iptables -t raw -L PREROUTING -v -n -x | sed -n '3,$p'
echo "node counters:"; in_ns node nstat -az TcpExtTCPSynRetrans IpExtInNoRoutes TcpExtIPReversePathFilter IpInAddrErrors 2>/dev/null | sed -n '2,$p'
echo "pod counters:"; in_ns pod nstat -az TcpExtTCPSynRetrans TcpRetransSegs 2>/dev/null | sed -n '2,$p'
print_links node
echo "node rules:"; in_ns node ip rule | sed 's/^/  /'
echo "node table 101:"; in_ns node ip route show table 101 | sed 's/^/  /'
echo "wrote $OUT_DIR/$base.{node.any,node.sll1,pod}.pcap and $base.node.pcapng"
