#!/usr/bin/env bash
# syn-unanswered: a policy on the node drops SYNs to pod B (as a NetworkPolicy DROP would);
# the client retries until its connect timeout. Same topology as bridge-nf.sh, bridge netfilter on.
source "$(dirname "$0")/lib.sh"
cleanup
one_node_two_pods 1
in_ns node iptables -t nat -A PREROUTING -d 10.96.0.10/32 -p tcp --dport 80 -j DNAT --to-destination 10.244.0.20:8080
in_ns node iptables -A FORWARD -d 10.244.0.20/32 -p tcp --dport 8080 --syn -j DROP
serve b 8080
capture node syn_dropped_policy.any.pcap
fetch a 10.96.0.10 80 8
stop_capture
echo "wrote $OUT_DIR/syn_dropped_policy.any.pcap"
