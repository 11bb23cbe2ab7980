#!/usr/bin/env bash
# pmtu-black-hole and its healthy counterpart. The path from the client pod to the server has a
# 1400-byte link in the middle, but both ends have 1500-byte MTUs and advertise MSS 1460, so the
# client's full-size data packets do not fit. In "blackhole" mode router1 does not send the ICMP
# "fragmentation needed" (as a firewall dropping ICMP would); in "ok" it does and PMTU
# discovery shrinks the packets.
#   pod client 10.244.0.10 — cni0 node eth0 172.18.0.2 ⇄ 172.18.0.1 router1 10.77.7.1 ⇄(MTU 1400)⇄
#   10.77.7.2 router2 172.18.5.1 ⇄ server 172.18.5.10:8080
# usage: pmtu.sh blackhole|ok
source "$(dirname "$0")/lib.sh"
mode=${1:?blackhole or ok}
cleanup
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
if [ "$mode" = blackhole ]; then
  in_ns router1 iptables -A OUTPUT -p icmp --icmp-type fragmentation-needed -j DROP
fi
# A server that reads a 20 KB request, then answers.
in_ns server python3 -c "
import socket, threading
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('0.0.0.0', 8080)); s.listen(8)
def answer(c):
    got = 0
    while got < 20000:
        d = c.recv(65536)
        if not d: break
        got += len(d)
    c.sendall(b'ok'); c.close()
while True:
    c, _ = s.accept(); threading.Thread(target=answer, args=(c,), daemon=True).start()
" &
PIDS+=($!)
sleep 0.5
capture node "pmtu_$mode.any.pcap"
in_ns client python3 -c "
import socket, time
start = time.time()
try:
    c = socket.create_connection(('172.18.5.10', 8080), timeout=6)
    c.sendall(b'x' * 20000); c.recv(16); print(f'answered in {time.time() - start:.2f} s')
except Exception as e:
    print(f'failed after {time.time() - start:.2f} s: {e}')
"
stop_capture
echo "wrote $OUT_DIR/pmtu_$mode.any.pcap"
