#!/usr/bin/env bash
# connection-refused: pod A calls a ClusterIP (10.96.0.40:80 → pod B) and is refused.
#   reject:     a policy on the node rejects connections to pod B with a TCP reset (as a
#               NetworkPolicy engine or host firewall using REJECT does); the node forges it.
#   wrong-port: the Service's targetPort (9090) is not the port the pod listens on (8080);
#               the pod's kernel answers with a reset.
# (kube-proxy rejects Services without endpoints with ICMP port unreachable; inside these
# nested namespaces the kernel did not deliver that ICMP, so the lab uses the reset form.)
source "$(dirname "$0")/lib.sh"
mode=${1:?reject or wrong-port}
cleanup
one_node_two_pods 1
in_ns node iptables -t nat -A PREROUTING -d 10.96.0.40/32 -p tcp --dport 80 -j DNAT --to-destination 10.244.0.20:$([ "$mode" = reject ] && echo 8080 || echo 9090)
if [ "$mode" = reject ]; then
  in_ns node iptables -A FORWARD -d 10.244.0.20/32 -p tcp --dport 8080 -j REJECT --reject-with tcp-reset
fi
serve b 8080
name=refused_${mode//-/_}.any.pcap
capture node "$name"
fetch a 10.96.0.40 80 8
stop_capture
echo "wrote $OUT_DIR/$name"
