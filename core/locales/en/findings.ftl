# dropscope — English: the findings and their explanations. Every message here exists in zh-TW, zh-CN and ko with the same id and
# the same $arguments (the tests check). Commands, sysctl names, chain names and addresses are
# arguments or literal text: keep them exactly as they are.

## Shared

name = { $name }
the-bridge = the bridge
unknown-point-of-failure = not known
evidence-syn-retries = it retries the SYN { $retries ->
    [one] once, after { $gaps } s
   *[other] { $retries } times, after { $gaps } s
}
evidence-client-reset = the client resets the unexpected reply ({ $from } → { $to }, frame { $frame })

## reply-bypasses-conntrack

reply-bypasses-conntrack-title = Reply bypassed conntrack: the Service's DNAT was never undone
reply-bypasses-conntrack-symptom = A pod calling a Service (ClusterIP) times out, but only when the chosen backend pod runs on the same node; calling the backend pod's IP directly works, and so do backends on other nodes.
reply-bypasses-conntrack-cause = kube-proxy (in iptables or IPVS mode) DNATs the Service address to a backend pod, and conntrack remembers the translation so that the reply can be un-DNATed. When the client and the backend sit on the same Linux bridge (cni0, cbr0), the backend's reply is addressed to a MAC and IP on that bridge and is switched at layer 2. Bridged frames pass iptables and conntrack only when the br_netfilter module is loaded and net.bridge.bridge-nf-call-iptables=1. With it off, the SYN-ACK reaches the client still carrying the backend pod's own address instead of the Service address it dialled. The client's kernel does not match it to the connecting socket and answers with a reset; the socket keeps waiting and retries its SYN, so the application sees a timeout, not a refusal. The connection's conntrack entry exists and stays SYN_SENT … [UNREPLIED]: the reply never passed conntrack.
reply-bypasses-conntrack-confirm-sysctl = Check the bridge netfilter switch and module on the node
reply-bypasses-conntrack-confirm-conntrack = The Service connection's conntrack entry stays SYN_SENT … [UNREPLIED]: the reply was never seen by conntrack
reply-bypasses-conntrack-confirm-kube-proxy = kube-proxy warns about it when it starts (iptables and IPVS modes)
reply-bypasses-conntrack-fix-sysctl = Load br_netfilter and send bridged traffic through iptables, and make both persistent
reply-bypasses-conntrack-fix-sysctl-tradeoff = Bridged traffic between pods now passes iptables and conntrack, which Kubernetes Services need. Watch the setting: other software (some Docker or firewall setups) resets it.
reply-bypasses-conntrack-summary = { $client } → Service { $service }: the SYN-ACK came back from the backend { $backend } without reverse NAT and the client reset it ({ $attempts ->
    [one] 1 attempt
   *[other] { $attempts } attempts
})
reply-bypasses-conntrack-ev-syn = { $client } sends a SYN to the Service { $service } (frame { $frame })
reply-bypasses-conntrack-ev-dnat = the node DNATs it to { $backend } ({ $changes }, on { $interface })
reply-bypasses-conntrack-ev-syn-ack = the SYN-ACK reaches the client from { $backend }, not from { $service }: no reverse NAT on the way (last seen in frame { $frame })
reply-bypasses-conntrack-ev-bridged = { $interface } received it without routing it (frame { $frame }): it was bridged at layer 2
reply-bypasses-conntrack-ev-syn-ack-matched = the SYN-ACK that acknowledges it (same client port, ack = its sequence number + 1) comes from { $backend }, a pod on the client's own subnet, not from { $service }: the Service's DNAT was not undone (frame { $frame })
reply-bypasses-conntrack-where-node = { $bridge }: the reply from { $backend } was switched at layer 2 and never passed conntrack, so the DNAT of { $service } was not undone
reply-bypasses-conntrack-where-client-view = between the backend { $backend } and this pod, on the node they share: the reply reached the pod without the reverse NAT of { $service }
reply-bypasses-conntrack-next-client-view = This capture is the client pod's own: it shows the untranslated reply, not where it skipped conntrack. On the node that runs { $client } and { $backend }, run `{ $command }` and `sysctl net.bridge.bridge-nf-call-iptables`: the SYN-ACK crossing the bridge without passing conntrack confirms it.

## lb-hairpin-client-ip

lb-hairpin-client-ip-title = Load balancer hairpin with client IP preservation
lb-hairpin-client-ip-symptom = Clients inside the cluster (pods, and processes on the nodes) that call a Service through its load balancer (an AWS NLB hostname) time out part of the time, about one connection in N when the load balancer can pick N targets, while clients outside the cluster are fine.
lb-hairpin-client-ip-cause = The load balancer forwards to the nodes' NodePort and keeps the client's source address (client IP preservation, the default for instance targets of an AWS Network Load Balancer). When it picks the very node the client runs on, the packet comes back into that node as client → node:NodePort. With externalTrafficPolicy: Local the node DNATs it to a local backend pod, which answers the client directly over the bridge. With externalTrafficPolicy: Cluster (what the field report's capture shows) the node also masquerades it: the backend answers the node, and the node undoes both translations and delivers the SYN-ACK locally to the client, from node:NodePort. Either way the reply never passes back through the load balancer, so it comes from an address the client never called: the client resets it and retries until its connect timeout. AWS documents that hairpinning is not supported when client IP preservation is enabled. It takes a load balancer that publishes a hostname (as AWS does), or a load-balancer ingress entry (status.loadBalancer.ingress) with ipMode: Proxy: for a load balancer that publishes an IP address, kube-proxy short-circuits in-cluster traffic to it and the packets never reach the load balancer.
lb-hairpin-client-ip-confirm-tcpdump = On the client's node, see which address the client dialled and which one answers, and the client's reset
lb-hairpin-client-ip-confirm-target-group = Check the target group's type and whether it preserves client IPs (AWS): describe-target-groups takes the load balancer's ARN, describe-target-group-attributes the target group's
lb-hairpin-client-ip-confirm-service = Check the Service's type, traffic policy and what its load balancer publishes (a hostname, or an IP with its ipMode)
lb-hairpin-client-ip-fix-cluster-ip = Call the Service from inside the cluster by its ClusterIP or DNS name, not through the load balancer
lb-hairpin-client-ip-fix-cluster-ip-tradeoff = Traffic from inside the cluster no longer goes through the load balancer (its listeners, TLS, logs).
lb-hairpin-client-ip-fix-target-group = Disable client IP preservation on the target group
lb-hairpin-client-ip-fix-target-group-tradeoff = Backends then see the load balancer's addresses; use proxy protocol v2 if they need the client's. A controller that recreates the target group loses a change made by hand.
lb-hairpin-client-ip-fix-annotation = Or set it on the Service, where a controller honours the annotation: the AWS Load Balancer Controller, or the AWS cloud controller manager from v1.34.0 (and its 2025 backports); older in-tree controllers ignore it, so check the attribute afterwards. IP targets (service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip) are honoured only by the AWS Load Balancer Controller.
lb-hairpin-client-ip-fix-annotation-tradeoff = Client IP preservation changes take effect only for new connections.
lb-hairpin-client-ip-summary = { $client } → load balancer { $lb }: sent back to the client's node with the client's address, answered directly from { $from }, never through the load balancer ({ $attempts ->
    [one] 1 attempt
   *[other] { $attempts } attempts
})
lb-hairpin-client-ip-ev-syn = { $client } sends a SYN to the load balancer { $lb }
lb-hairpin-client-ip-ev-syn-frame = { $client } sends a SYN to the load balancer { $lb } (frame { $frame })
lb-hairpin-client-ip-ev-returned = it leaves the node (frame { $left }) and comes back as { $from } → { $to } (frame { $back }): the client's address was kept
lb-hairpin-client-ip-ev-masquerade = this node masquerades it (externalTrafficPolicy: Cluster) and DNATs it to the backend: { $from } → { $to }
lb-hairpin-client-ip-ev-dnat-local = this node DNATs it to the backend { $backend } (no masquerade: externalTrafficPolicy: Local)
lb-hairpin-client-ip-ev-short-cut = the SYN-ACK goes straight to the client from { $from } instead of { $lb }; it never passes the load balancer
lb-hairpin-client-ip-ev-undone = on the way only this node's NAT is undone: { $changes }
lb-hairpin-client-ip-ev-syn-ack-matched = the SYN-ACK that acknowledges it (same client port, ack = its sequence number + 1) comes from { $from }, a node's NodePort, not from the load balancer (frame { $frame })
lb-hairpin-client-ip-ev-syns-to-lb = { $client } sends SYNs to the load balancer { $lb }
lb-hairpin-client-ip-ev-forwarded = each leaves again for the node's NodePort { $node } with the client's own address { $client } kept (client IP preservation)
lb-hairpin-client-ip-ev-no-syn-ack = no SYN-ACK comes back through here; the client retries { $retries ->
    [one] once, after { $gaps } s
   *[other] { $retries } times, after { $gaps } s
}
lb-hairpin-client-ip-where-node = this node: the reply to a client on the same node is delivered locally from { $from } instead of returning through { $lb }
lb-hairpin-client-ip-where-client-view = the node { $node }: the load balancer sent the pod's connection to its own node, which answered the pod directly instead of through { $lb }
lb-hairpin-client-ip-where-in-path = the node { $node }: its replies to { $client } do not return through the load balancer
lb-hairpin-client-ip-next-client-view = This capture is the client pod's own. On its node ({ $node }), `{ $command }` shows the SYN leaving to the load balancer and coming back with the pod's address kept, and the reply short-cutting it.
lb-hairpin-client-ip-next-in-path = From here the reply is invisible. With client IP preservation the node answers a client it can reach directly (a pod on that node: the hairpin) without the load balancer; a backend that is down looks the same from here. On the node { $node }, `{ $command }` tells them apart: the SYN-ACK going straight to { $client } from { $answer }, and its reset.

## vxlan-syn-loss

vxlan-syn-loss-title = SYNs lost in the VXLAN overlay
vxlan-syn-loss-symptom = Connections to a Service or a pod on another node hang, then succeed after about 63 seconds (about 67 seconds with Linux 6.5 or later, whose tcp_syn_linear_timeouts retries the SYN every second at first), or after 1 second; curl with a short timeout fails. Mostly seen from the host network or hostNetwork pods, on flannel or another VXLAN overlay.
vxlan-syn-loss-cause = The client's kernel resends a lost SYN after 1, 2, 4, 8, 16 and 32 s, so the 7th SYN goes out at about 63 s (from Linux 6.5, tcp_syn_linear_timeouts=4 starts with 1 s retries: SYNs at 0, 1, 2, 3, 4, 5, 7, 11, 19, 35 and 67 s, giving up at about 131 s). The known cause on VXLAN: KUBE-MARK-MASQ, written by kube-proxy and the kubelet, marks Service traffic with 0x4000, and KUBE-POSTROUTING masquerades marked packets with --random-fully. The VXLAN packet that carries such a packet passes POSTROUTING again with the mark still set, so it is SNATed a second time, its outer UDP source port rewritten, and its outer UDP checksum comes out wrong: the VXLAN device computes it with local checksum offload (kernels 4.6 and later, flannel's default) or leaves it 0 (older kernels, or a device with noudpcsum), and the NAT's update corrupts both. The kernel fix ea64d8d6c675 (5.7; 5.6.13, 5.4.41, 4.19.123, 4.14.181) covers only the 0 case. The receiving node's kernel drops the packet as corrupt (UdpInCsumErrors). Why a retry gets through: the nat table sees only a flow's first packet, so a retransmitted SYN is not marked again; what happens to it depends on its outer source port, which the VXLAN device derives from the socket's flow hash. Where the kernel picks a new hash at each SYN timeout (sk_rethink_txhash; net.core.txrehash=1, the default on current kernels), the retry is a new outer flow without the mark, which is not masqueraded: its checksum is right and it connects after 1 s. Where the hash stays (net.core.txrehash=0, or kernels that do not rehash on a SYN timeout), every retry matches the outer flow's conntrack entry and its double-SNAT binding, and is dropped again, until that unanswered UDP entry, kept alive by each retry, expires 30 s after the SYN at 31 s: the 7th SYN, at 63 s, gets through. dropscope's lab reproduces both on Linux 6.18; a published capture shows the outer port constant until the 7th SYN. Other drops look the same from the client: a firewall or security group blocking UDP 8472/4789 between the nodes, or the receiving node dropping the packets. The outer checksum in a capture of either node tells them apart.
vxlan-syn-loss-confirm-chain = On the sending node, read KUBE-POSTROUTING: it is fixed when it returns unmarked packets and clears the mark (--set-xmark 0x4000/0x0) before MASQUERADE, and broken when a MASQUERADE of marked packets comes first. After an upgrade the old rule stays first until it is removed.
vxlan-syn-loss-confirm-counter = On the receiving node, count UDP checksum errors while reproducing it (the kernel's "UDP: bad checksum" line is a rate-limited debug message: do not wait for it), and look at the outer checksums on the wire
vxlan-syn-loss-confirm-rehash = On the client's node, see whether a SYN timeout picks a new flow hash (the retry gets a new outer port: 1 s) or keeps it (every retry is dropped until about 63 s)
vxlan-syn-loss-confirm-device = Check the VXLAN device's outer checksum and its checksum offload
vxlan-syn-loss-fix-upgrade = Upgrade kube-proxy and the kubelet (both write KUBE-POSTROUTING) to a version that unmarks packets before masquerading them (kubernetes#92035: 1.16.13, 1.17.9, 1.18.6, 1.19.0 and later), then remove any old MASQUERADE rule left first in KUBE-POSTROUTING
vxlan-syn-loss-fix-upgrade-tradeoff = The new rules are added after the old ones: until the old rule is gone (delete it, or restart the node), nothing changes.
vxlan-syn-loss-fix-offload = Workaround: turn off tx checksum offload on the VXLAN device, on every node
vxlan-syn-loss-fix-offload-tradeoff = Outer checksums are then computed in software (more CPU for overlay traffic). The setting is lost when flannel recreates the device or the node reboots: make it persistent with a udev rule, as flannel's troubleshooting guide shows.
vxlan-syn-loss-fix-kernel = A kernel with ea64d8d6c675 (5.7; 5.6.13, 5.4.41, 4.19.123, 4.14.181) only fixes VXLAN devices whose outer checksum is 0 (kernels older than 4.6, or noudpcsum). With flannel's default on newer kernels it is not enough: there are reports where the kernel fix alone did not cure the delay (kubernetes#90854, #96868; flannel PR #1282).
vxlan-syn-loss-to = to { $peer }
vxlan-syn-loss-from = from { $peer }
vxlan-syn-loss-between = between { $sender } and { $peer }
vxlan-syn-loss-connected-after = connected only after { $seconds } s
vxlan-syn-loss-never-connected = never connected
vxlan-syn-loss-summary = { $client } → { $server }: { $lost ->
    [one] 1 SYN
   *[other] { $lost } SYNs
} lost in the VXLAN overlay { $peer } ({ $gaps } s); { $outcome }
vxlan-syn-loss-summary-checksum = { $client } → { $server }: { $lost ->
    [one] 1 SYN
   *[other] { $lost } SYNs
} lost in the VXLAN overlay { $peer } with wrong outer UDP checksums ({ $gaps } s); { $outcome }
vxlan-syn-loss-ev-lost = { $lost ->
    [one] 1 SYN
   *[other] { $lost } SYNs
} from { $client } to { $server } went unanswered, retried after { $gaps } s
vxlan-syn-loss-ev-left = each left the node on { $interface } inside VXLAN { $source } → { $destination }:{ $port } (VNI { $vni }): the loss is beyond this node
vxlan-syn-loss-ev-arrived = each arrived on { $interface } inside VXLAN { $source } → { $destination }:{ $port } (VNI { $vni }) and was never taken out of the tunnel: dropped on this node before decapsulation
vxlan-syn-loss-ev-ports-changed = the outer UDP source port changed between retries ({ $ports }) while the inner addresses stayed the same
vxlan-syn-loss-ev-ports-same = the outer UDP source port stayed the same on every retry ({ $ports })
vxlan-syn-loss-ev-checksum-wrong = { $count ->
    [one] the lost SYN's outer UDP checksum is wrong
   *[other] the lost SYNs' outer UDP checksums are wrong ({ $count } of them)
} (frame { $frame }: { $stored }, where { $computed } is right): the receiving kernel drops such packets (UdpInCsumErrors)
vxlan-syn-loss-ev-checksum-ffff = { $count ->
    [one] the lost SYN carries
   *[other] the lost SYNs carry
} the outer UDP checksum 0xffff (frame { $frame }, where { $computed } is right): a checksum that was 0 (disabled) and was "updated" by the second SNAT, the bug kernel ea64d8d6c675 fixed
vxlan-syn-loss-ev-checksum-through = the SYN that got through carries an outer checksum that is { $class }
vxlan-syn-loss-ev-checksum-clean = the lost SYNs' outer UDP checksums are { $class } in this capture: no sign of the double-SNAT checksum bug, so something else dropped them (a filter or security group on UDP { $port }, or the receiving node)
vxlan-syn-loss-ev-checksum-unknown = the lost SYNs' outer UDP checksums cannot be checked in this capture ({ $class }); on the receiving node, `nstat -az UdpInCsumErrors` counts the packets its kernel dropped for a bad checksum
vxlan-syn-loss-ev-crossed = each crossed { $interface } inside VXLAN { $source } → { $destination }:{ $port } (VNI { $vni }), and no answer came back
vxlan-syn-loss-ev-answered = the SYN-ACK finally came back through the tunnel; connecting took { $seconds } s
vxlan-checksum-right = right
vxlan-checksum-wrong = wrong
vxlan-checksum-offloaded = offload placeholders, which the NIC completes later
vxlan-checksum-zero = 0 (disabled)
vxlan-checksum-unverifiable = not verifiable (cut short)
vxlan-syn-loss-where-sender = beyond { $interface }: the SYNs left this node encapsulated towards { $peer } and nothing came back
vxlan-syn-loss-where-receiver = { $interface } on this node: the VXLAN packets from { $peer } arrived and were dropped before decapsulation (a bad outer checksum, or a filter on UDP { $port })
vxlan-syn-loss-where-checksum = { $peer }, the receiving node: its kernel drops the VXLAN packets from { $sender } because their outer UDP checksum is wrong (they crossed { $interface } with it)
vxlan-syn-loss-where-wire = { $peer } or the network after { $interface }: the VXLAN packets from { $sender } crossed this link and nothing came back
vxlan-syn-loss-next-sender = On the receiving node ({ $peer }), `{ $command }`, or only its uplink, shows whether the packets arrive and with which outer checksum; `nstat -az UdpInCsumErrors` there counts the drops.
vxlan-syn-loss-next-wire = This capture could be either node's uplink. On the sending node ({ $sender }), `iptables -t nat -S KUBE-POSTROUTING` shows whether Service traffic is masqueraded twice; on the receiving node ({ $peer }), `nstat -az UdpInCsumErrors` counts the packets its kernel dropped for a bad checksum.
vxlan-syn-loss-next-receiver = On the sending node ({ $peer }), `iptables -t nat -S KUBE-POSTROUTING` shows whether Service traffic is masqueraded twice.

## reply-dropped-on-host

reply-dropped-on-host-title = Replies dropped on the node
reply-dropped-on-host-symptom = Connections time out although the other end answers: its replies are seen arriving at the node and go no further. The kubelet's liveness and readiness probes to pods with their own security group (EKS security groups for pods) fail; or a pod's connections over an asymmetric route fail.
reply-dropped-on-host-cause = Two mechanisms drop replies on the node. (1) Security groups for pods (Amazon VPC CNI, branch ENIs): the kubelet's SYN to the pod leaves through eth0 and comes back in through the trunk ENI's VLAN sub-interface to the host side of the pod's veth. The pod's SYN-ACK enters the node on that host-side veth and the kernel drops it: with net.ipv4.tcp_early_demux=1, ip_rcv_finish hands it to tcp_v4_early_demux, which finds the kubelet's connecting socket, whose cached receive route (sk_rx_dst) is still empty during the handshake. The other way round, a pod's ACK to the kubelet is dropped after the host veth. AWS traced it to early demux; the exact drop point in the kernel was not published. (2) Strict reverse-path filtering: with asymmetric routing a reply arrives on an interface that is not the route back to its source, and net.ipv4.conf.*.rp_filter=1 drops it (counted in TcpExtIPReversePathFilter).
reply-dropped-on-host-confirm-rp-filter = Count reverse-path drops while reproducing it, and read the rp_filter settings (the value in force is the larger of "all" and the interface's)
reply-dropped-on-host-confirm-route = Test the way back as the kernel checks it: a reply from the remote end arriving on that interface. An error (Invalid cross-device link on kernels up to 6.12, Invalid argument on newer ones) that goes away with rp_filter=2 means reverse-path filtering drops it.
reply-dropped-on-host-confirm-early-demux = Security groups for pods: check early demux and what the VPC CNI's init container is told
reply-dropped-on-host-fix-early-demux = Security groups for pods: have the VPC CNI's init container (aws-vpc-cni-init) turn TCP early demux off. It needs VPC CNI 1.7.3 or later on a kernel that has net.ipv4.tcp_early_demux (1.7.4 or later if some nodes lack that key). The init container sets the sysctl back to 1 whenever it runs with DISABLE_TCP_EARLY_DEMUX false, so a change by hand does not last. With the EKS managed add-on, set it in the add-on's configuration (second command) instead of patching the DaemonSet.
reply-dropped-on-host-fix-early-demux-tradeoff = Each incoming TCP segment then takes a route lookup again: slightly higher local TCP latency.
reply-dropped-on-host-fix-standard-mode = Or, with VPC CNI 1.11 or later, enforce the pods' security groups in standard mode, which leaves traffic from the node (the kubelet) to its pods alone. Pods that already have a security group must be recreated.
reply-dropped-on-host-fix-standard-mode-tradeoff = Traffic between pods on the same node, and from the node to its pods, is no longer filtered by the pods' security groups.
reply-dropped-on-host-fix-rp-filter = Asymmetric routing: use loose reverse-path filtering on the receiving interfaces, or make the routes symmetric with policy routing
reply-dropped-on-host-fix-rp-filter-tradeoff = Loose mode only checks that the source is reachable through some interface: weaker protection against spoofed sources.
reply-dropped-on-host-ev-syns = { $client } sends { $count ->
    [one] a SYN
   *[other] { $count } SYNs
} to { $server }
reply-dropped-on-host-ev-asymmetric = they leave the node through { $out }, but the replies come back through { $arrived }: asymmetric routing
reply-dropped-on-host-ev-dropped = { $count ->
    [one] 1 SYN-ACK
   *[other] { $count } SYN-ACKs
} from { $from } arrive on { $arrived } and none is ever sent on to { $pod_side }, where { $client } lives
reply-dropped-on-host-summary = { $client } → { $server }: { $count ->
    [one] 1 reply
   *[other] { $count } replies
} reached the node on { $arrived } and were dropped before { $pod_side }
reply-dropped-on-host-where = on the node, between { $arrived } (where the reply arrived) and { $pod_side } (the pod's side)
reply-dropped-on-host-ev-open = { $client } opens a connection to { $server } (SYN)
reply-dropped-on-host-ev-syn-ack-arrived = { $server }'s SYN-ACK arrives on { $interface }, addressed to the node's own socket { $client }, and nothing acknowledges it
reply-dropped-on-host-ev-syn-ack-sent = { $server } answers with a SYN-ACK and nothing acknowledges it
reply-dropped-on-host-ev-resent = { $server } resends its SYN-ACK { $count ->
    [one] once
   *[other] { $count } times
}: it never gets the handshake's last ACK
reply-dropped-on-host-ev-more = { $count ->
    [one] 1 more connection
   *[other] { $count } more connections
} from { $client } to { $server } end the same way (a probe every few seconds)
reply-dropped-on-host-ev-ack-arrived = { $client } connects to { $server }: its ACK completing the handshake arrives on { $interface } (frame { $frame })
reply-dropped-on-host-ev-ack-sent = { $client } connects to { $server }: it sends the ACK completing the handshake (frame { $frame })
reply-dropped-on-host-ev-ack-resent = { $server } resends its SYN-ACK { $count ->
    [one] once
   *[other] { $count } times
} after that: the ACK never reached its socket, and the client's data is never acknowledged
reply-dropped-on-host-summary-not-taken-arrived = { $other } ⇄ { $socket }: handshake packets for { $socket }'s own socket arrive on { $interface } and are never taken ({ $connections ->
    [one] 1 connection
   *[other] { $connections } connections
})
reply-dropped-on-host-summary-not-taken = { $other } ⇄ { $socket }: handshake packets for { $socket }'s own socket are never taken ({ $connections ->
    [one] 1 connection
   *[other] { $connections } connections
})
reply-dropped-on-host-where-not-taken-arrived = on the node, after { $interface }: packets from { $other } for the node's own address { $socket } arrive there and are dropped before its socket
reply-dropped-on-host-where-not-taken = between { $other } and the socket on { $socket }: the packets left and never reached it
reply-dropped-on-host-next-not-taken = On the node whose address is { $socket }, `{ $command }` shows whether the packets arrive on the pod's host-side interface and stop there; `sysctl net.ipv4.tcp_early_demux` and `nstat -az TcpExtIPReversePathFilter` tell early demux from rp_filter.
the-node = the node
the-pod = the pod's side

## dns-conntrack-race

dns-conntrack-race-title = DNS lookups take 5 seconds: the conntrack race on parallel queries
dns-conntrack-race-symptom = Name lookups in pods intermittently take exactly 5 seconds (or 10, 15), then succeed; application latency shows a 5 s step.
dns-conntrack-race-cause = glibc (and musl) send the A and AAAA queries in parallel from the same UDP socket, so both packets share one 5-tuple. Their conntrack entries are created as each packet passes DNAT towards the DNS Service (the kube-dns ClusterIP → a CoreDNS pod). When the two race on different CPUs, the second insert finds the first one's entry, fails (conntrack -S counts insert_failed) and that packet is dropped; with several DNS endpoints the two can also be DNATed to different pods, and one answer is lost on the way back. The resolver waits for its timeout (5 s by default) and asks again; the retry succeeds. Linux 5.6 (6a757c07e51f, "allow insertion of clashing entries") lets the clashing packet through with several DNAT endpoints, and 5.9 (c46172147ebb) keeps such an entry from losing its reply; older kernels resolve only some of these clashes.
dns-conntrack-race-confirm-insert-failed = Look for failed conntrack inserts on the node while lookups are slow
dns-conntrack-race-confirm-time = Time lookups from an affected pod (with bash or busybox sh: dash has no time keyword)
dns-conntrack-race-fix-single-request-reopen = glibc: have the resolver reopen its socket for the second query (resolv.conf option single-request-reopen, set in the pod spec)
dns-conntrack-race-fix-single-request-reopen-tradeoff = glibc only. musl (Alpine) reads only ndots, attempts and timeout from resolv.conf and ignores it, as it ignores use-vc: for musl images use NodeLocal DNSCache or a newer kernel.
dns-conntrack-race-fix-nodelocaldns = Run NodeLocal DNSCache: pods ask a cache on their own node, without DNAT or conntrack, and the cache talks TCP to kube-dns for the cluster domain. Substitute the manifest's __PILLAR__ variables first (iptables mode shown; IPVS mode differs: see the guide).
dns-conntrack-race-fix-nodelocaldns-tradeoff = One more DaemonSet to run and upgrade.
dns-conntrack-race-fix-kernel = Upgrade the node kernel to 5.9 or later, or to a distribution kernel with 6a757c07e51f and c46172147ebb backported
dns-conntrack-race-summary = { $client }: parallel { $first } and { $second } queries from one socket; the { $lost } answer was lost and the lookup waited { $seconds } s for the resolver to retry
dns-conntrack-race-summary-server-side = { $client }: parallel { $first } and { $second } queries from one socket; answered here, yet asked again after { $seconds } s: one was lost between here and the client
dns-conntrack-race-ev-parallel = { $first } and { $second } leave { $client } for { $server } { $micros } µs apart, from the same socket
dns-conntrack-race-ev-answer-lost = the answer to { $query } arrives on { $arrived } (frame { $frame }) and is never seen on { $expected }, on its way to the client
dns-conntrack-race-ev-no-answer = no answer to { $query } is seen at all
dns-conntrack-race-ev-retry = the resolver asks again after { $seconds } s, its timeout
dns-conntrack-race-ev-answered = the retry is answered; the lookup took { $seconds } s
dns-conntrack-race-ev-arrives = { $query } from { $client } arrives for { $server }
dns-conntrack-race-ev-answered-here = it is answered here (frame { $frame })
dns-conntrack-race-ev-asked-again = the resolver asks it again { $seconds } s later, its timeout: it did not get every answer it waited for
dns-conntrack-race-ev-partner-late = { $query } from the same socket arrives only with the retry: its first transmission, sent in parallel, never reached this capture
dns-conntrack-race-ev-partner-answered = { $query } was sent in parallel from the same socket, answered here too, and asked again with it
dns-conntrack-race-where-node = on the node, between { $arrived } and { $expected }: the answer was dropped on its way to the pod
dns-conntrack-race-where-unseen = between the pod and the DNS server: the query or its answer was dropped after DNAT
dns-conntrack-race-where-before = before this capture: the first { $lost } query was lost after leaving { $client } (on the client's node, after DNAT)
dns-conntrack-race-where-beyond = beyond this capture, on the way back to { $client }: an answer that left here never reached the client
dns-conntrack-race-next-server-side = This capture is on the DNS server's side. On the node that runs { $client }, `{ $command }` shows which of the two was lost and where (the answer arriving on its uplink and never reaching the pod, or the query never leaving after DNAT); `conntrack -S` there counts insert_failed.

## syn-unanswered

syn-unanswered-title = SYNs dropped in silence
syn-unanswered-symptom = Connections hang until the client's connect timeout, or open only after seconds; there is no "connection refused".
syn-unanswered-cause = Nothing answered the SYNs: no SYN-ACK and no reset. A closed port or a Service without endpoints normally answers at once (the pod's kernel sends a reset; kube-proxy rejects with ICMP), so silence means a drop somewhere: a NetworkPolicy or a firewall (iptables, nftables, a cloud security group) discarding the SYN; a Service with internalTrafficPolicy or externalTrafficPolicy Local and no endpoint on that node (kube-proxy drops, it does not reject); a full conntrack table (the kernel logs "nf_conntrack: table full, dropping packet"); a tunnel between nodes losing packets; or a backend or node that is down. Where the SYN was last seen tells them apart: dropped on this node (never sent on), delivered to a local pod that stayed silent, or sent out of the node (the loss is on the network or at the remote node).
syn-unanswered-confirm-conntrack = Is the conntrack table full?
syn-unanswered-confirm-policy = Does a policy or firewall drop it? Watch the rule counters while the client retries
syn-unanswered-confirm-endpoints = Does the Service have ready endpoints, and on which nodes (a Local traffic policy needs one on the node the traffic arrives at)?
syn-unanswered-fix-policy = Allow the traffic in the NetworkPolicy or firewall that drops it
syn-unanswered-fix-local-policy = With a Local traffic policy, run an endpoint on every node the traffic arrives at, or use the Cluster policy
syn-unanswered-fix-local-policy-tradeoff = The Cluster policy forwards to other nodes, one more hop, and hides the client's address from the backend.
syn-unanswered-fix-conntrack = If the conntrack table is full, raise it through kube-proxy's configuration (conntrack.maxPerCore, conntrack.min), not with sysctl alone: kube-proxy sets net.netfilter.nf_conntrack_max itself when it starts, and a reboot forgets a sysctl set by hand; and find what fills it
syn-unanswered-fix-conntrack-tradeoff = More kernel memory for connection tracking.
syn-unanswered-summary = { $client } → { $server }: { $count ->
    [one] 1 SYN
   *[other] { $count } SYNs
}, no answer at all
syn-unanswered-summary-late = { $client } → { $server }: { $lost ->
    [one] 1 SYN
   *[other] { $lost } SYNs
} lost without any answer; connected only after { $seconds } s
syn-unanswered-summary-many = { $client } → { $server }: { $count } connections lost SYNs; { $connected ->
    [0] none of them connected
    [one] one connected only on a retry (after { $seconds } s)
   *[other] { $connected } connected only on a retry (the longest after { $seconds } s)
}
syn-unanswered-ev-many = { $count ->
    [one] one more connection
   *[other] { $count } more connections
} to { $server } lost SYNs the same way
syn-unanswered-ev-sent = { $client } sends { $count ->
    [one] a SYN
   *[other] { $count } SYNs
} to { $server }, retried after { $gaps } s
syn-unanswered-ev-left = each SYN left the node through { $interface }
syn-unanswered-ev-delivered = each SYN was delivered to the pod on { $interface }
syn-unanswered-ev-arrived = each SYN was last seen arriving on { $interface }
syn-unanswered-ev-observed = the capture on { $interface } shows only the SYNs
syn-unanswered-ev-nothing = no SYN-ACK and no reset is seen for any of them
syn-unanswered-ev-schedule-linear = the gaps are the kernel's retransmission back-off: Linux 6.5 and later start with 1 s retries (tcp_syn_linear_timeouts)
syn-unanswered-ev-schedule-classic = the gaps are the kernel's retransmission back-off: 1, 2, 4, 8, 16, 32 s, so the 7th SYN goes out after about 63 s
syn-unanswered-ev-late-answer = only the last SYN is answered: connecting took { $seconds } s
syn-unanswered-ev-silence = no reset and no ICMP error came back: the SYNs (or their answers) were dropped in silence on the way
syn-unanswered-where-left = beyond { $interface }: the SYNs left this node and nothing came back
syn-unanswered-where-delivered = the destination pod behind { $interface }: it received the SYNs and never answered
syn-unanswered-where-arrived = this node, after { $interface }: the SYNs were never sent on
syn-unanswered-where-observed = after the capture point: no reply came back
syn-unanswered-where-client-view = after this pod: between { $client } and { $server } (this capture shows only the pod's side)
syn-unanswered-next-client-view = Likely causes, most common first: the SYNs are lost between nodes (a VXLAN overlay: the double-SNAT checksum bug, which holds a connection up for 1 or about 63 s, or UDP 4789/8472 blocked), a NetworkPolicy, firewall or security group dropping them, a full conntrack table on a node. On the node that runs this pod, `{ $command }` shows whether each SYN left, was DNATed to which backend, and into which tunnel; on the node that runs the backend, `{ $command }` shows whether it arrived.

## ICMP errors

icmp-network-unreachable = network unreachable
icmp-host-unreachable = host unreachable
icmp-port-unreachable = port unreachable
icmp-prohibited = administratively prohibited
icmp-fragmentation-needed = fragmentation needed
icmp-time-exceeded = time exceeded
icmp-other = error

## connection-refused

connection-refused-title = Connection refused
connection-refused-symptom = Calls fail at once with "connection refused" (ECONNREFUSED), or after a few seconds with "no route to host" (EHOSTUNREACH), instead of hanging.
connection-refused-cause = Something answered the SYN with a refusal. A TCP reset from the backend's address means the packet reached a pod (or a node) where nothing listens on that port: the Service's targetPort does not match the container's port, the process is not up yet, or it listens on 127.0.0.1 only. An ICMP "port unreachable" sent at once by a node is an iptables REJECT rule: kube-proxy installs one in the filter table (chains KUBE-SERVICES and KUBE-EXTERNAL-SERVICES, commented "… has no endpoints") for every Service without ready endpoints; "administratively prohibited" comes from the REJECT rules of policy engines and firewalls. An ICMP "host unreachable" is not a REJECT rule: a node sends it after about 3 s when it cannot find the destination's MAC address (ARP or neighbour discovery failed), so the endpoint is gone: a stale endpoint, or a pod address nobody holds any more.
connection-refused-confirm-endpoints = Does the Service have ready endpoints, on the right port?
connection-refused-confirm-reject = Is kube-proxy (or another REJECT rule) turning it away?
connection-refused-confirm-listen = Does the pod listen on the targetPort, on all addresses?
connection-refused-confirm-neighbour = For "host unreachable": does the node still find the destination (a FAILED or INCOMPLETE neighbour entry), and does any pod still hold that address?
connection-refused-fix-selector = Make the Service's selector match ready pods and its targetPort match the port they listen on
connection-refused-fix-listen = Have the application listen on 0.0.0.0 (or the pod's address), not 127.0.0.1
connection-refused-fix-policy = If a policy or firewall on the node rejects it, allow the traffic there
connection-refused-summary-icmp = { $client } → { $server }: rejected with ICMP { $reason } from { $from }
connection-refused-summary-forged = { $client } → { $server }: rejected by this node with a reset in the name of { $backend }
connection-refused-summary-reset = { $client } → { $server }: refused with a reset from { $backend }
connection-refused-ev-syn = { $client } sends a SYN to { $server }
connection-refused-ev-icmp = { $from } answers with ICMP { $reason } (frame { $frame }, { $seconds } s after the SYN)
connection-refused-ev-host-unreachable = "host unreachable" after { $seconds } s is what a node sends when its neighbour lookup (ARP) for the destination fails: the destination is gone, it was not refused by a rule
connection-refused-ev-forged = a reset in { $backend }'s name answers it, but it never arrives from { $backend }: this node forged it (frame { $frame })
connection-refused-ev-reset = { $backend } answers with a reset (frame { $frame }): nothing listens there
connection-refused-ev-ignored = the reset carries { $from }, not the address { $server } the client dialled, so the client's socket ignores it and retries ({ $count ->
    [one] 1 SYN
   *[other] { $count } SYNs
}): the user sees a timeout, not a refusal
connection-refused-ev-translated = the Service address was translated to { $to } on the way
connection-refused-where-reject = a REJECT rule at { $from }: the SYN was turned away before reaching any pod
connection-refused-where-host-unreachable = { $from } could not find the destination: no host answers for that address any more (a stale endpoint)
connection-refused-where-no-route = { $from } has no route to the destination
connection-refused-where-forged = a REJECT rule on this node: the SYN to { $backend } was refused before reaching it
connection-refused-where-reset = { $backend }: no socket listens on that port

## pmtu-black-hole

pmtu-black-hole-title = Path MTU black hole
pmtu-black-hole-symptom = Connections open and small requests work, but large requests or responses hang (TLS handshakes with big certificates, file uploads, long JSON); often only across an overlay, a VPN or one particular network.
pmtu-black-hole-cause = Somewhere on the path a link has a smaller MTU than the endpoints assume: an overlay's encapsulation (VXLAN 50 bytes, IP-in-IP 20, WireGuard 60), a VPN, a CNI configured with the wrong MTU. Full-size packets carry Don't Fragment, so the router that cannot forward them must send an ICMP "fragmentation needed" (ICMPv6 "packet too big") with the MTU that fits, and the sender then shrinks its segments. When that ICMP is filtered (security groups, firewalls, policies that drop all ICMP) the sender never learns: it resends the same large segment with exponential back-off until the connection times out, while handshakes and small packets keep getting through. net.ipv4.tcp_mtu_probing, which lets TCP find the size by itself after such losses, is set per network namespace: a pod starts with 0, whatever the node has.
pmtu-black-hole-confirm-ping = Find the largest packet that passes with Don't Fragment set (1472 bytes of payload make a 1500-byte packet: lower -s until it passes)
pmtu-black-hole-confirm-mtu = Compare the MTUs on the way: the pod, the overlay device, the uplink
pmtu-black-hole-confirm-icmp = See whether ICMP "fragmentation needed" is dropped
pmtu-black-hole-fix-icmp = Let ICMP "fragmentation needed" (type 3 code 4) and ICMPv6 "packet too big" (type 2) through every firewall and security group on the path
pmtu-black-hole-fix-mtu = Set the CNI's MTU to the underlay's minus the encapsulation overhead, so that pods never send packets that cannot fit
pmtu-black-hole-fix-mtu-tradeoff = New pods get the new MTU; existing ones keep theirs until they are recreated.
pmtu-black-hole-fix-clamp = Mitigate: clamp the MSS of forwarded connections to the path MTU, or let TCP probe for it. tcp_mtu_probing is per network namespace: set on the node it reaches only host-network sockets; for a pod, set it in the pod's securityContext.sysctls (kubelet --allowed-unsafe-sysctls must allow it).
pmtu-black-hole-fix-clamp-tradeoff = Clamping only helps TCP through this node; probing costs a few round trips after a loss.
pmtu-black-hole-summary = { $client } → { $server }: a { $length }-byte segment sent { $count ->
    [one] once
   *[other] { $count } times
} is never acknowledged, with no ICMP back: packets this large vanish on the path
pmtu-black-hole-ev-handshake = the handshake with { $receiver } completes: small packets pass
pmtu-black-hole-ev-stuck = { $sender } sends the same { $length }-byte segment (sequence { $sequence }) { $count ->
    [one] once
   *[other] { $count } times
} and it is never acknowledged
pmtu-black-hole-ev-stuck-left = { $sender } sends the same { $length }-byte segment (sequence { $sequence }) { $count ->
    [one] once
   *[other] { $count } times
}, each time out of { $interface }, and it is never acknowledged
pmtu-black-hole-ev-no-icmp = no ICMP "fragmentation needed" or "packet too big" comes back for this connection
pmtu-black-hole-where-left = beyond { $interface }, on the path to { $receiver }: a link narrower than the segments drops them and its ICMP does not come back
pmtu-black-hole-where = on the path from { $sender } to { $receiver }: a link narrower than the segments drops them and its ICMP does not come back

## Several captures

in-capture = { $capture }: { $what }

## dns-search-expansion

dns-search-expansion-title = Every lookup goes through the search list first
dns-search-expansion-symptom = Lookups of names outside the cluster are slow, and CoreDNS (and its upstream) gets several times more queries than the applications make; most of them are answered NXDOMAIN.
dns-search-expansion-cause = A pod's /etc/resolv.conf lists the cluster's search domains (<namespace>.svc.cluster.local, svc.cluster.local, cluster.local, and the node's own) with options ndots:5. A name with fewer than five dots is tried with each search domain appended before it is tried as written (resolv.conf(5)), and with IPv6 each try is an A and an AAAA query. So api.example.com costs eight queries instead of two: six NXDOMAIN round trips to CoreDNS before the real one, each a new conntrack entry and, on a busy node, another chance to meet the DNS conntrack race. ndots:5 is there so that names like _service._tcp.name.namespace resolve inside the cluster; names outside it pay for it.
dns-search-expansion-confirm-resolv = Read the pod's resolver configuration: the search list and ndots
dns-search-expansion-fix-dot = Write external names fully qualified, with a trailing dot, in the application's configuration
dns-search-expansion-fix-dot-tradeoff = Every place that names the host must change; some HTTP clients and TLS libraries handle a trailing dot badly (the Host header and the certificate check see it).
dns-search-expansion-fix-ndots = Lower ndots for the workload with its Pod's dnsConfig (ndots 1 or 2)
dns-search-expansion-fix-ndots-tradeoff = Names with that many dots are tried as written first: a short in-cluster name such as web.other-namespace then costs a failed query before its expansion, and names like _srv._tcp.web rely on the search list.
dns-search-expansion-fix-autopath = Or let CoreDNS answer the search list for the pod: the autopath plugin (autopath @kubernetes, with pods verified in the kubernetes plugin)
dns-search-expansion-fix-autopath-tradeoff = CoreDNS must watch every pod (more memory and API server load), and a client that checks answers against the name it asked may reject the CNAME autopath returns.
dns-search-expansion-summary = { $client } looked up { $name } with { $count ->
    [one] 1 query
   *[other] { $count } queries
}, { $wasted } of them for the search list's names, all NXDOMAIN: { $spent } s before the answer
dns-search-expansion-ev-queries = { $client } asks for { $name } with each search domain appended first ({ $suffixes }): { $count ->
    [one] 1 query
   *[other] { $count } queries
}
dns-search-expansion-ev-nxdomain = { $count ->
    [one] it is answered NXDOMAIN: the name does not exist
   *[other] all { $count } are answered NXDOMAIN: those names do not exist
}
dns-search-expansion-ev-final = only then is { $name } asked as written, and answered; the lookup took { $spent } s
dns-search-expansion-where = the resolver configuration of { $client } (ndots and the search list), not the network

## dns-server-unreachable

dns-server-unreachable-title = The DNS server never answers
dns-server-unreachable-symptom = Name lookups in a pod hang for seconds and then fail ("Temporary failure in name resolution", "i/o timeout"), for every name.
dns-server-unreachable-cause = The resolver (glibc by default) sends each query to the first nameserver of resolv.conf, waits its timeout (5 s by default), retries, moves on to the next nameserver, and gives up after its attempts (2 by default): with no answer at all, every lookup costs about ten seconds and fails. In a cluster the nameserver is the kube-dns Service's ClusterIP, DNATed by kube-proxy to a CoreDNS pod. Nothing comes back when the query is dropped on the way (a NetworkPolicy or a firewall without UDP 53 to CoreDNS, a node that cannot reach the CoreDNS pods' node), or when CoreDNS is down and its endpoints not yet removed. An ICMP port unreachable in return says that the query reached a host where nothing listens on port 53.
dns-server-unreachable-confirm-pods = See whether the CoreDNS pods run and are the Service's endpoints
dns-server-unreachable-confirm-policy = Look for policies that stop UDP 53 from the pod, and ask a CoreDNS pod directly
dns-server-unreachable-fix-coredns = Bring CoreDNS back (restart it, and read why it stopped answering)
dns-server-unreachable-fix-policy = Allow DNS: a NetworkPolicy that restricts egress must allow UDP and TCP 53 to the kube-dns pods
dns-server-unreachable-summary = { $client }: the lookup of { $name } sent { $count ->
    [one] 1 query
   *[other] { $count } queries
} to { $servers } over { $span } s and got no answer at all
dns-server-unreachable-summary-icmp = { $client }: the lookup of { $name } to { $servers } was refused with ICMP: nothing listens on port 53 there
dns-server-unreachable-ev-sent = { $client } asks for { $name }: { $count ->
    [one] 1 transmission
   *[other] { $count } transmissions
} to { $servers } over { $span } s (the resolver's timeout, retries and next server)
dns-server-unreachable-ev-silence = no answer and no ICMP error comes back: the queries are dropped on the way or ignored
dns-server-unreachable-ev-icmp = { $count ->
    [one] an ICMP error comes back
   *[other] { $count } ICMP errors come back
} from { $from }: { $reason }
dns-server-unreachable-where = between the client and { $servers }: the queries get no answer
dns-server-unreachable-where-icmp = { $from }: nothing listens on port 53 there (or a rule rejects it)

## dns-error-answers

dns-rcode-servfail = SERVFAIL
dns-rcode-refused = REFUSED
dns-error-answers-title = The DNS server answers with an error
dns-error-answers-symptom = Lookups fail at once ("server failure", "query refused", "SERVFAIL") rather than time out, for some names or all of them.
dns-error-answers-cause = The server got the query and answered it, with an error code. SERVFAIL (rcode 2) means it could not produce an answer: for CoreDNS, usually that its upstream (the node's resolver, forwarded to with the forward plugin) timed out or failed, or a plugin failed; the resolver may try the next server, and glibc then fails the lookup. REFUSED (rcode 5) means the server will not answer this client or this zone: an ACL, a server that is not authoritative and does not recurse, or a query for a zone it does not serve.
dns-error-answers-confirm-logs = Read CoreDNS's log for the errors and their upstream
dns-error-answers-confirm-upstream = Read where CoreDNS forwards, and ask that upstream directly from a pod
dns-error-answers-fix-upstream = Fix or replace the upstream CoreDNS forwards to (forward . /etc/resolv.conf, or explicit servers that answer)
dns-error-answers-fix-refused = For REFUSED, make the server that answers the one that serves the zone, or allow the client's addresses
dns-error-answers-summary = { $client }: { $name } answered { $rcode } by { $server } ({ $count ->
    [one] 1 answer
   *[other] { $count } answers
})
dns-error-answers-ev-asked = { $client } asks { $server } for { $name }
dns-error-answers-ev-errors = { $count ->
    [one] the answer is
   *[other] { $count } answers are
} { $rcode }
dns-error-answers-ev-recovered = another answer to the same lookup is good: the error is intermittent
dns-error-answers-ev-failed = no answer to this lookup is good: it fails
dns-error-answers-where = { $server }: it answers, with an error

## dns-truncated

dns-truncated-title = A truncated DNS answer that never comes over TCP
dns-truncated-symptom = Lookups of names with many addresses (a headless Service with many pods, a big external record set) fail or return only some addresses, while small names resolve.
dns-truncated-cause = A DNS answer over UDP is limited to 512 bytes, or to the buffer the client announced with EDNS. When the records do not fit, the server sends what fits with the TC (truncated) flag, and the client must ask again over TCP to port 53 (RFC 7766). glibc does; musl did not before 1.2.4. When TCP 53 to the DNS server is not allowed (a NetworkPolicy or firewall that allows only UDP 53, a Service that exposes only UDP), the TCP connection never opens and the lookup fails; a client that does not retry uses the incomplete answer or none.
dns-truncated-confirm-tcp = Ask over TCP from the pod (the -vc option of nslookup uses TCP)
dns-truncated-confirm-policy = Look for policies and Services that allow UDP 53 but not TCP 53
dns-truncated-fix-policy = Allow TCP 53 to the DNS pods wherever UDP 53 is allowed (NetworkPolicies, security groups, the kube-dns Service's ports)
dns-truncated-fix-musl = For musl images (Alpine) older than musl 1.2.4, move to a newer image or to glibc, or keep answers small
dns-truncated-fix-musl-tradeoff = A new base image changes more than the resolver: test the application on it.
dns-truncated-summary-tcp-failed = { $client }: the answer for { $name } from { $server } was truncated, and the retry over TCP never got through
dns-truncated-summary-no-tcp = { $client }: the answer for { $name } from { $server } was truncated, and the client did not ask again over TCP
dns-truncated-ev-tc = the answer for { $name } from { $server } has the TC flag: it did not fit in UDP
dns-truncated-ev-tcp-failed = the client opens TCP to { $server }: { $count ->
    [one] 1 SYN
   *[other] { $count } SYNs
}, { $outcome }
dns-truncated-ev-no-tcp = no TCP connection to port 53 follows: the client kept the truncated answer (a resolver without TCP fallback)
dns-truncated-where-tcp = between { $client } and { $server } on TCP port 53: the connection is not let through
dns-truncated-where-client = { $client }: its resolver did not retry over TCP

## idle-timeout-reset

idle-timeout-reset-title = Idle connection forgotten by a device on its path
idle-timeout-reset-symptom = Long-lived connections that sit idle for minutes (database and HTTP connection pools, gRPC channels, WebSockets) fail on their next use with "connection reset by peer", or hang for many minutes before failing, while new connections work.
idle-timeout-reset-cause = Every stateful device on a connection's path keeps an entry for it and forgets it after a time without packets, without telling either end. An AWS Network Load Balancer does so after 350 s by default (TCP listeners can be set from 60 to 6000 s; TLS listeners stay at 350 s). An Azure load balancer rule after 4 minutes by default; AKS sets its outbound rules to 30 minutes. A NAT gateway or a firewall after its own timeout. A node's conntrack after net.netfilter.nf_conntrack_tcp_timeout_established: 5 days in the kernel, but kube-proxy sets it to 24 h when it starts (--conntrack-tcp-timeout-established, conntrack.tcpEstablishedTimeout). When one end sends again, the device no longer knows the flow. An AWS NLB answers the segment with a reset. An Azure load balancer drops it silently, unless TCP reset is enabled on the rule, in which case it resets both ends when the timeout expires. A firewall drops it. A reset makes the next read or write fail at once; silence makes the sender retransmit with back-off until net.ipv4.tcp_retries2 gives up, about 15 minutes later by default. TCP keepalive would keep the entry alive, but it is off unless the application enables it (SO_KEEPALIVE), and its first probe waits net.ipv4.tcp_keepalive_time, 7200 s by default, far longer than these timeouts.
idle-timeout-reset-confirm-timeouts = Compare the silence with the idle timeouts on the path: the node's conntrack timeout (kube-proxy sets 86400 s by default), and the load balancer's (the Service's annotations, or the load balancer's own settings)
idle-timeout-reset-confirm-keepalive = See whether the connection uses TCP keepalive (ss shows a keepalive timer) and what keepalive time applies: the sysctl is per network namespace, so a pod keeps its own value (7200 s by default) whatever the node has
idle-timeout-reset-fix-keepalive = Send keepalives more often than the shortest idle timeout on the path: enable keepalive in the application or its client library, and lower net.ipv4.tcp_keepalive_time in the pod (a safe sysctl since Kubernetes 1.29, kernel 4.5 or later); it only affects sockets that enable keepalive
idle-timeout-reset-fix-keepalive-tradeoff = Every idle connection then sends a small probe every few minutes. Applications that never enable keepalive gain nothing from the sysctl: use their own keepalive or ping option.
idle-timeout-reset-fix-lb-timeout = Or raise the load balancer's idle timeout. AWS NLB TCP listeners: the listener attribute tcp.idle_timeout.seconds (60 to 6000 s), set by the AWS Load Balancer Controller v2.9.0 or later from the annotation service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-port (the listener's port number in the name). Azure: service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout, in minutes (4 to 30 in cloud-provider-azure's documentation).
idle-timeout-reset-fix-lb-timeout-tradeoff = Flows stay longer in the load balancer. NLB TLS listeners keep 350 s whatever is set, and devices you do not control (NAT gateways, firewalls) keep their own timeouts: keepalives cover them all.
idle-timeout-reset-fix-pool = Make connection pools close idle connections before the shortest idle timeout on the path (under 350 s behind an AWS NLB, under 4 minutes behind an Azure load balancer), and retry idempotent requests once after a reset
idle-timeout-reset-summary-reset = { $client } → { $server }: after { $seconds } s idle, the connection's next segment was answered with a reset
idle-timeout-reset-summary-vanished = { $client } → { $server }: after { $seconds } s idle, the connection's next segment vanished
idle-timeout-reset-ev-idle = nothing passed for { $seconds } s (between frames { $last } and { $resumed }); then { $sender } sent again
idle-timeout-reset-ev-reset = a reset in the name of { $peer } came back { $seconds } s later (frame { $frame })
idle-timeout-reset-ev-ttl-other = the reset's TTL is { $ttl }, but { $peer }'s own packets arrived here with { $usual }: a device between made it, in { $peer }'s name
idle-timeout-reset-ev-ttl-same = the reset's TTL ({ $ttl }) is the one { $peer }'s own packets have here: { $peer }'s host sent it, having forgotten the connection
idle-timeout-reset-ev-ttl-unknown = no earlier packet of that end on the same interface to compare the reset's TTL with
idle-timeout-reset-ev-resent = { $sender } sent that segment { $count ->
    [one] once
   *[other] { $count } times
} over { $seconds } s
idle-timeout-reset-ev-nothing = nothing came back from { $peer }: no acknowledgment, no reset, no ICMP
idle-timeout-reset-where-path = between { $sender } and { $peer }: a device on the path (a load balancer, a NAT gateway, a firewall) had dropped the idle connection and reset it (TTL { $ttl })
idle-timeout-reset-where-peer = { $peer }: it no longer knew the connection when the silence ended
idle-timeout-reset-where-left = after { $interface }: the segment left the node and nothing on the way to { $peer } passed it on
idle-timeout-reset-where-lost = between { $sender } and { $peer }: a device on the path no longer passed the idle connection's packets
idle-timeout-reset-next = Which device forgot the connection shows in its idle timeout setting (the load balancer's, the NAT gateway's) and on the far side: capture on the server's node (or the load balancer's target) to see whether the segment after the silence arrived there.

## connection-stalled

connection-stalled-title = Connection stalled: data retransmitted into silence
connection-stalled-symptom = An established connection stops making progress: requests on it hang, and after many minutes (about 15 by default) fail with "connection timed out" (ETIMEDOUT); new connections to the same place may work, or fail at once.
connection-stalled-cause = The sender's data is never acknowledged and nothing comes back: no reset, no ICMP error. Linux then resends the oldest unacknowledged segment each time its retransmission timer expires, doubling the timer each time (up to 120 s), and gives up after net.ipv4.tcp_retries2 retransmissions: 15 by default, a timeout of at least 924.6 s, about 15 minutes. Small segments are lost as well as large ones, so this is not a path MTU problem: the path no longer carries this connection at all. Usual causes in a cluster: the other end is gone without a trace (its node shut down or cut off, its pod deleted); a NetworkPolicy, security group or firewall changed and now drops the flow; the conntrack entry that translated the connection (Service DNAT, SNAT) on a node in the path was removed (a conntrack flush, a node rebooted) or expired, so later packets are no longer translated and go nowhere.
connection-stalled-confirm-ss = On the sender, look at the connection: a retransmission timer (timer:(on,…)), a backoff count, a growing rto, unacknowledged segments (unacked) and a large lastack mean data that nobody acknowledges
connection-stalled-confirm-peer = Does the peer still exist and is it still an endpoint, and does the node still have the connection's conntrack entry?
connection-stalled-confirm-policy = Look for a policy or firewall change around the time the connection stalled, and watch the drop counters while the sender retransmits
connection-stalled-fix-path = Fix what dropped the flow (the policy, the security group, the vanished peer); a stalled connection does not recover by itself and must be replaced
connection-stalled-fix-user-timeout = Let the application notice sooner: set TCP_USER_TIMEOUT on its sockets (many client libraries expose it) to the longest time it accepts unacknowledged data; the connection then fails with ETIMEDOUT after that time, and the application can reconnect
connection-stalled-fix-user-timeout-tradeoff = Too short a value kills connections that would have survived a brief outage or a slow peer.
connection-stalled-fix-retries2 = Or lower net.ipv4.tcp_retries2 in the pod's network namespace (RFC 1122 asks for at least 100 s, a value of at least 8). It is not one of Kubernetes' safe sysctls: the kubelet must allow it (--allowed-unsafe-sysctls).
connection-stalled-fix-retries2-tradeoff = It applies to every connection of the pod: a shorter value also ends connections during outages they would have outlived.
connection-stalled-summary = { $client } ↔ { $server }: { $sender }'s data was sent { $count ->
    [one] once
   *[other] { $count } times
} over { $seconds } s and never acknowledged; the connection is stuck
connection-stalled-ev-passed = before, { $receiver } acknowledged data, segments of up to { $largest } bytes: the path worked
connection-stalled-ev-handshake = the handshake with { $receiver } completed: the path worked
connection-stalled-ev-resent = { $sender } sends the same { $length }-byte segment (sequence { $sequence }) { $count ->
    [one] once
   *[other] { $count } times
}, waiting longer each time (gaps: { $gaps } s)
connection-stalled-ev-silent = nothing comes back from { $receiver }: no acknowledgment, no duplicate ACK, no reset, no ICMP error; segments no larger than ones that passed are lost, so it is not the path MTU
connection-stalled-where-left = after { $interface }: the segments left the node and never reached { $receiver }, or its answers never came back
connection-stalled-where = between { $sender } and { $receiver }: the path stopped passing the connection's packets
connection-stalled-next = Capture on { $receiver }'s side (its node, or inside its pod) to see whether the resent segments arrive there: arriving and unanswered points at the receiver or its node's filters, missing points at the path between.

## port-reuse-rejected

port-reuse-rejected-title = SYN on a reused port answered with an ACK instead of a SYN-ACK
port-reuse-rejected-symptom = Some new connections to a server open a little late, or time out, in bursts, when many short connections go to the same server (often through NAT); a capture shows the SYN answered by a bare ACK, the client's reset, and the SYN sent again.
port-reuse-rejected-cause = A TCP connection is named by four values: source address and port, destination address and port. The end that closes first keeps that four-tuple in TIME_WAIT (60 s on Linux) so that late segments of the old connection are not mistaken for a new one. When a SYN arrives for a tuple the server still holds in TIME_WAIT, Linux accepts it only if it is clearly newer: a sequence number above the old connection's, or a newer TCP timestamp. Otherwise the server answers with an ACK of the old connection instead of a SYN-ACK (what RFC 5961 calls a challenge ACK). The client, waiting for a SYN-ACK, answers that ACK with a reset. The reset deletes the TIME_WAIT entry (unless the server sets net.ipv4.tcp_rfc1337=1), and a Linux client sends its SYN again at once, a few milliseconds later, and connects. If the reset does not clear it (tcp_rfc1337=1, or the reset is dropped on the way), every retry gets the same ACK and the SYNs back off (1, 2, 4, 8 s …) until the TIME_WAIT ends. Different clients behind one SNAT address produce such tuples: their sequence numbers and timestamps are unrelated, so the server cannot tell that the new connection is newer (the problem RFC 6191 addresses). A NAT reuses a source port once its own state for the old flow is gone. A node's conntrack keeps closed TCP flows for net.netfilter.nf_conntrack_tcp_timeout_time_wait (120 s by default), longer than Linux's TIME_WAIT, but an entry deleted early (a conntrack flush, Cilium removing the entries of a deleted pod, cilium#45863) or a NAT device with a shorter timeout frees the port while the server still holds the old tuple.
port-reuse-rejected-confirm-timewait = On the server, look for TIME_WAIT sockets towards the client's address (and the port the failing SYN used), and whether a reset may clear them (tcp_rfc1337 = 0)
port-reuse-rejected-confirm-capture = Capture on the server's side: the SYN, the bare ACK that answers it with an acknowledgment number of the old connection, the client's reset, and the SYN sent again
port-reuse-rejected-confirm-conntrack = On the node that does the SNAT, see how long conntrack keeps closed flows, which flows to the server it still holds, and which rule masquerades them
port-reuse-rejected-fix-reuse = Open fewer new connections to the same server: reuse them (HTTP keep-alive, connection pools) instead of one per request; where the protocol allows, let the client close first, so that TIME_WAIT stays on the client, which does not reuse its own ports while they are in TIME_WAIT. net.ipv4.tcp_tw_reuse changes only how a host reuses its own TIME_WAIT ports for outgoing connections, not how a server answers.
port-reuse-rejected-fix-nat = Keep the NAT's state at least as long as the servers' TIME_WAIT: do not lower nf_conntrack_tcp_timeout_time_wait below 60 s, avoid flushing conntrack on busy nodes, and give NAT devices and egress gateways idle timeouts above it
port-reuse-rejected-fix-nat-tradeoff = Longer-lived entries of closed flows take room in the conntrack table and ports in the NAT's range; with many short connections, a larger table or more egress addresses may be needed.
port-reuse-rejected-summary-late = { $client } → { $server }: a SYN on the ports of a connection that had just ended was rejected with a challenge ACK; the client got in only by trying again, { $seconds } s later
port-reuse-rejected-summary-failed = { $client } → { $server }: a SYN on the ports of a connection that had just ended was rejected with a challenge ACK, and the connection never opened
port-reuse-rejected-ev-previous-closed = the same ports carried a connection before (from frame { $first }), closed at frame { $fin }
port-reuse-rejected-ev-previous = the same ports carried a connection before, from frame { $first } to frame { $last }
port-reuse-rejected-ev-syn = { $client } opens a new connection on the same ports (frame { $frame })
port-reuse-rejected-ev-challenge = { $server } answers with a bare ACK for the old connection's sequence numbers, not a SYN-ACK (frame { $frame }): it still holds the old connection
port-reuse-rejected-ev-reset = { $client } resets that ACK: it belongs to no connection it knows
port-reuse-rejected-ev-retry = the client sends the SYN again { $seconds } s later
port-reuse-rejected-ev-accepted = this time the SYN-ACK comes: the old state was gone
port-reuse-rejected-where-time-wait = { $server }: it closed the previous connection first and still held it in TIME_WAIT when the new SYN came
port-reuse-rejected-where-state = { $server }, or a conntrack or NAT on the way to it: state left from an older connection on these ports

## no-endpoints

no-endpoints-title = Service without endpoints: rejected at once, or dropped on a node without a local endpoint
no-endpoints-symptom = Connections to a Service fail at once with "connection refused" (an ICMP port unreachable from the node), or, through a NodePort or a load balancer with externalTrafficPolicy: Local, hang until they time out on some nodes only.
no-endpoints-cause = kube-proxy sends a Service's traffic to the ready endpoints listed in its EndpointSlices. When there are none (no pod matches the selector, none is Ready, the targetPort does not match), kube-proxy in iptables mode installs a REJECT rule in the filter table, commented "namespace/service:port has no endpoints": in KUBE-SERVICES for the cluster IP, in KUBE-EXTERNAL-SERVICES for external IPs, load-balancer IPs and node ports. The client gets an ICMP port unreachable at once and its connect fails with "connection refused". In nftables mode the Service is listed in the no-endpoint-services map of the kube-proxy table and rejected the same way. When the Service has endpoints, but none on this node, and the traffic's policy is Local (externalTrafficPolicy for node ports, external and load-balancer IPs; internalTrafficPolicy for the cluster IP), the rule drops instead, commented "… has no local endpoints": the SYN vanishes and the client retries until its timeout. A load balancer in front of a Local Service should not send traffic to such nodes: kube-proxy answers on each node's healthCheckNodePort with 200 where the Service has a local endpoint and 503 where it has none, and the load balancer must check that port.
no-endpoints-confirm-endpoints = Does the Service have ready endpoints, and on which nodes?
no-endpoints-confirm-rules = Find kube-proxy's reject and drop rules for the Service on the node (iptables mode, then nftables mode)
no-endpoints-confirm-policy = Check the Service's traffic policies, and what the node answers on its health check port (200 with a local endpoint, 503 without)
no-endpoints-fix-selector = Make the Service select pods that are Ready: a selector that matches the pods' labels, a targetPort they listen on, and a readiness probe that passes
no-endpoints-fix-local-policy = With a Local policy, run an endpoint on every node that receives the traffic (a DaemonSet), or make the load balancer health-check the healthCheckNodePort, or switch to the Cluster policy
no-endpoints-fix-local-policy-tradeoff = The Cluster policy forwards to endpoints on other nodes (one more hop) and masquerades the traffic: the backend no longer sees the client's address.
no-endpoints-summary-reject = { $client } → { $server }: the Service has no ready endpoint; { $from } rejected the SYN with ICMP port unreachable
no-endpoints-summary-local = { $client } → { $server }: { $count ->
    [one] a SYN
   *[other] { $count } SYNs
} to a NodePort vanished inside the node: no local endpoint for a Service with externalTrafficPolicy Local
no-endpoints-ev-syn = { $client } sends a SYN to { $server }
no-endpoints-ev-icmp = { $from } answers with ICMP port unreachable (frame { $frame }, { $seconds } s after the SYN)
no-endpoints-ev-in-place = the answer comes from { $from }, not from { $server }: a node answered in the Service address's place before translating it to any pod
no-endpoints-ev-node-port = port { $port } is in the NodePort range (30000–32767), and the node that owns it answered
no-endpoints-ev-not-a-reset = a port where nothing listens answers TCP with a reset; ICMP port unreachable for TCP comes from a REJECT rule, which is what kube-proxy installs for a Service with no endpoints
no-endpoints-ev-silent-syns = { $client } sends { $count ->
    [one] a SYN
   *[other] { $count } SYNs
} to { $server } over { $seconds } s; nothing answers
no-endpoints-ev-silent-nowhere = each arrives on { $interface } and goes nowhere: never translated to a pod, never forwarded, no reset, no ICMP
no-endpoints-where-reject = { $from }: kube-proxy's REJECT rule for { $server }, a Service without ready endpoints
no-endpoints-where-local = on this node, after { $interface }: kube-proxy drops traffic to { $server } here because no endpoint of the Local-policy Service runs on this node

## hairpin-mode-off

hairpin-mode-off-title = Pod cannot reach itself through its Service: hairpin mode off
hairpin-mode-off-symptom = A pod that calls a Service it is itself a backend of times out part of the time (about one call in N with N endpoints), or always with a single endpoint; other pods reach the Service, and the pod reaches its own IP directly.
hairpin-mode-off-cause = kube-proxy DNATs the Service's address to one of its endpoints, and sometimes picks the calling pod itself. Where pods hang on a Linux bridge (the CNI bridge plugin's cni0, as used by flannel, or kubenet's cbr0), the translated packet must then leave the bridge through the very port it came in on, the calling pod's veth. A Linux bridge does not send a frame back out of the port it arrived on unless that port has hairpin mode on (/sys/class/net/<veth>/brport/hairpin_mode is 1; bridge -d link show prints "hairpin on"), so the packet is dropped and the client resends its SYN into silence. kube-proxy also masquerades this hairpin traffic (its KUBE-SEP chain marks packets whose source is the endpoint itself), so the reply crosses the bridge the same way. The kubelet's hairpinMode setting (hairpin-veth, promiscuous-bridge, none) set the flag only for kubenet and the removed dockershim; with a CNI plugin, the plugin must do it: the bridge plugin sets it when its configuration has "hairpinMode": true (the default is false).
hairpin-mode-off-confirm-bridge = On the pod's node, read the hairpin flag of each bridge port (it must be 1, "hairpin on"); replace cni0 with the bridge your CNI uses
hairpin-mode-off-confirm-cni = Check whether the CNI configuration asks for hairpin mode
hairpin-mode-off-confirm-endpoints = Confirm that the calling pod is one of the Service's endpoints: only calls that kube-proxy sends back to the caller fail
hairpin-mode-off-fix-cni = Enable hairpin mode in the CNI configuration: "hairpinMode": true for the bridge plugin (flannel#849 turned it on in flannel's kube-flannel-cfg)
hairpin-mode-off-fix-cni-tradeoff = The plugin sets the flag when it attaches a pod: pods that already run keep their ports as they are until they are recreated.
hairpin-mode-off-fix-ports = Meanwhile, turn hairpin mode on for the ports of running pods by hand
hairpin-mode-off-fix-ports-tradeoff = Lost when the pod is recreated (its veth is new); only the CNI setting lasts.
hairpin-mode-off-summary = { $client } → { $server }: the Service sent the pod's SYN back to the pod itself, and the bridge never delivered it
hairpin-mode-off-ev-syn = { $client } sends a SYN to { $server }
hairpin-mode-off-ev-itself = on the node, { $server } is translated to { $backend }: the calling pod is the backend chosen
hairpin-mode-off-ev-never-back = the translated SYN never comes back out of the bridge into { $client }'s veth, and nothing answers
hairpin-mode-off-ev-retries = the client sends the SYN again, { $count ->
    [one] once
   *[other] { $count } times
}, with the same result
hairpin-mode-off-where = the bridge port of { $client }'s veth: without hairpin mode, the bridge does not send a frame back out of the port it came in by

## conntrack-invalid-reset

conntrack-invalid-reset-title = Reset after conntrack marked a packet INVALID and its NAT was not undone
conntrack-invalid-reset-symptom = Long or busy connections to a Service (large downloads, streams under load) die now and then with "connection reset by peer" on both ends, without any error in the applications.
conntrack-invalid-reset-cause = kube-proxy DNATs a connection to a Service to one of its backend pods, and conntrack undoes the translation on the backend's packets. For TCP, conntrack also checks every packet against the connection's sequence window. A packet outside it (under load, typically a retransmission or a segment that arrives late) is marked INVALID, and an INVALID packet is not matched to the connection, so its NAT is not undone: it reaches the client with the backend pod's address as source instead of the Service's. The client's kernel knows no connection with that address and answers with a reset; the reset, addressed to the pod, is valid for the backend, which closes the connection. Both ends see "connection reset by peer" (kubernetes#74839). Since Kubernetes 1.15, kube-proxy drops INVALID packets in the filter table (-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP, kubernetes#74840), which covers forwarded traffic only: packets for the node itself (hostNetwork clients, NodePort traffic that ends on the node) go through INPUT (kubernetes#117924). Since Kubernetes 1.29, kube-proxy installs that DROP rule only when net.netfilter.nf_conntrack_tcp_be_liberal is 0, and can set the sysctl to 1 itself (conntrack.tcpBeLiberal, --conntrack-tcp-be-liberal). With be_liberal, conntrack marks only out-of-window resets INVALID, so late data keeps its NAT.
conntrack-invalid-reset-confirm-rule = Check whether kube-proxy drops INVALID packets on this node, or whether conntrack is liberal (kube-proxy logs which one it chose)
conntrack-invalid-reset-confirm-invalid = Watch the INVALID counter of conntrack while the resets happen
conntrack-invalid-reset-confirm-capture = On the client's node, capture the packet that arrives from the backend pod's address instead of the Service's, and the client's reset that follows
conntrack-invalid-reset-fix-liberal = Make conntrack liberal on every node: set conntrack.tcpBeLiberal: true in kube-proxy's configuration (Kubernetes 1.29 or later), or set the sysctl and make it persistent
conntrack-invalid-reset-fix-liberal-tradeoff = Conntrack no longer judges TCP windows: only out-of-window resets are INVALID, so rules that rely on INVALID to drop stray or forged segments lose that check; kube-proxy then no longer installs its INVALID DROP rule.
conntrack-invalid-reset-fix-drop = For connections that end on the node itself (not covered by KUBE-FORWARD), drop INVALID TCP packets in INPUT, as kubernetes#117924 does; older kube-proxy (before 1.15): upgrade it
conntrack-invalid-reset-fix-drop-tradeoff = Legitimate packets that conntrack cannot follow (asymmetric routes, multi-homed nodes) are dropped too (kubernetes#94861); the rule is not managed by kube-proxy and must be made persistent by hand.
conntrack-invalid-reset-summary = { $client } → { $server }: mid-stream, a packet from the backend { $backend } reached the client without the Service's address; the client reset it and the connection died
conntrack-invalid-reset-ev-open = the connection from { $client } to { $server } is open and carries data, its replies translated back to { $server }
conntrack-invalid-reset-ev-stray = then one of the backend's packets reaches the client as { $backend }, not { $server } (frame { $frame }): the reverse NAT skipped it
conntrack-invalid-reset-ev-reset = { $client } answers it with a reset to { $backend }: it has no connection with that address
conntrack-invalid-reset-ev-dead = the reset ends the connection on the backend; the client's next packet gets a reset from { $server }
conntrack-invalid-reset-where = conntrack on the node between the client and { $backend }: it judged the packet INVALID (outside the window it tracks), so NAT did not turn it back into { $server }

## snat-port-collision

snat-port-collision-title = SNAT port collision: a SYN dropped when its conntrack entry is inserted
snat-port-collision-symptom = When pods open many connections at once to the same destination outside the pod network (a database, an external API), a few connections take about one second longer to open, and clients with short connect timeouts fail; it gets worse with load.
snat-port-collision-cause = Traffic from pods to addresses outside the pod network is masqueraded to the node's address, by kube-proxy (KUBE-POSTROUTING) or by the CNI plugin. Netfilter picks the translated source port when a connection's first packet passes the NAT, keeping the pod's own source port when that looks free, but the connection's conntrack entry is only inserted into the table when the packet leaves the node. Two connections from different pods to the same destination address and port, set up at the same moment, can both be given the same node port: the second insert fails, conntrack -S counts insert_failed, and that SYN is dropped. The client sends its SYN again one second later, gets a free port, and connects. XING traced intermittent one-second connection delays on Kubernetes to this race in 2018. MASQUERADE with --random-fully picks the port at random instead, which makes the collision rare, not impossible. The same race on UDP with DNS is the dns-conntrack-race finding.
snat-port-collision-confirm-insert-failed = Watch failed conntrack inserts on the node while the delays happen
snat-port-collision-confirm-masquerade = Check whether every masquerade rule on the node randomizes ports: --random-fully in iptables, fully-random in nftables
snat-port-collision-fix-random-fully = Masquerade with --random-fully: kube-proxy and flannel add it when the node's iptables supports it (kernel 3.13 or later; since kernel 5.0, --random means the same); look for MASQUERADE rules without it, from the CNI plugin, ip-masq-agent or older components, and update them
snat-port-collision-fix-random-fully-tradeoff = Random ports make collisions rare, not impossible. Software that relies on its source port surviving the NAT (some NAT traversal, flannel#2273) loses that.
snat-port-collision-fix-no-snat = Do not masquerade traffic that does not need it: traffic that stays inside the cluster's network can keep the pod's address (the non-masquerade CIDRs of the CNI plugin or of ip-masq-agent)
snat-port-collision-fix-fewer-connections = Open fewer new connections at once to the same destination: reuse them (keep-alive, connection pools), or spread them over several egress addresses
snat-port-collision-summary = { $count ->
    [one] a connection to { $server } lost its first SYN
   *[other] { $count } connections to { $server } lost their first SYN
} on this node while another pod's connection took the same SNAT port on { $source }; each connected only on the retry, { $seconds } s later
snat-port-collision-ev-lost = { $count ->
    [one] a SYN
   *[other] { $count } SYNs
} to { $server } entered the node from pods and never left it: no translated copy goes out
snat-port-collision-ev-same-port = { $loser }'s SYN and { $rival }'s left for the same destination at the same moment; { $rival }'s left as { $source }: the address and port { $loser } was to get, so conntrack could not confirm both
snat-port-collision-ev-same-moment = { $loser }'s SYN and { $rival }'s left for the same destination at the same moment; only { $rival }'s left, as { $source }
snat-port-collision-ev-retry = each client sent its SYN again about { $seconds } s later, and it left at once with another port ({ $loser } as { $source })
snat-port-collision-where = conntrack on this node, confirming the SNAT to { $source }: another connection to { $server } had just taken the same address and port (counted in conntrack -S as insert_failed)

## conntrack-table-full

conntrack-table-full-title = Conntrack table full: new connections dropped
conntrack-table-full-symptom = New connections through a node fail or open only after retries (SYNs and DNS queries lost), while established connections keep working; the node's kernel log repeats "nf_conntrack: table full, dropping packet".
conntrack-table-full-cause = Every flow that netfilter tracks on a node (all Service traffic handled by kube-proxy, masqueraded traffic, whatever a conntrack-based policy sees) needs an entry in the conntrack table. When net.netfilter.nf_conntrack_count has reached net.netfilter.nf_conntrack_max, the kernel tries to evict an entry to make room (counted as early_drop); when it cannot, it drops the packet that would have created the new entry and logs "nf_conntrack: table full, dropping packet" (newer kernels name the network namespace when it is not the host's). Packets of existing entries still match, so established connections go on. kube-proxy sets nf_conntrack_max when it starts: conntrack.maxPerCore (--conntrack-max-per-core, 32768 by default) times the number of CPUs, but at least conntrack.min (--conntrack-min, 131072); maxPerCore 0 leaves the sysctl alone. The table fills up with many short connections, with long timeouts (kube-proxy sets established connections to 24 h and CLOSE_WAIT to 1 h), or with flows that never complete (scans, retries to dead endpoints, UDP to silent ports).
conntrack-table-full-confirm-count = Compare the number of entries with the limit, look for the kernel's message, and read the drop counters
conntrack-table-full-confirm-source = Find what fills the table: TCP entries by state, and all entries by destination
conntrack-table-full-confirm-kube-proxy = See what kube-proxy set when it started, and what its configuration asks for
conntrack-table-full-fix-max = Raise the limit in kube-proxy's configuration (conntrack.maxPerCore or conntrack.min) and restart kube-proxy: it sets nf_conntrack_max again every time it starts, so a value set by hand with sysctl only helps until then, and is lost at reboot
conntrack-table-full-fix-max-tradeoff = More entries take more kernel memory; a larger limit hides a leak or a flood instead of stopping it.
conntrack-table-full-fix-timeouts = Keep finished and idle flows for less time: kube-proxy's conntrack.tcpEstablishedTimeout and conntrack.tcpCloseWaitTimeout, or the node's nf_conntrack_tcp_timeout sysctls
conntrack-table-full-fix-timeouts-tradeoff = A connection idle for longer than its entry loses its NAT: its next packet is dropped or reset (see the idle-timeout-reset finding).
conntrack-table-full-fix-source = Reduce what creates the flows: reuse connections instead of opening one per request, cache DNS on the node (NodeLocal DNSCache), and stop scans or retry storms at their source
conntrack-table-full-summary = { $count } new connections lost their SYNs on this node within { $seconds } s while others went through: the conntrack table was full
conntrack-table-full-summary-pod = { $count } new connections lost their first SYN within { $seconds } s while others went through: what a full conntrack table on the node does
conntrack-table-full-ev-dropped = { $count } SYNs of new connections, to { $destinations ->
    [one] one address
   *[other] { $destinations } different addresses
}, entered the node from pods within { $seconds } s and never left it
conntrack-table-full-ev-unanswered = { $count } new connections, to { $destinations ->
    [one] one address
   *[other] { $destinations } different addresses
}, got no answer to their first SYN within { $seconds } s
conntrack-table-full-ev-passed = in the same seconds { $count ->
    [one] another new connection
   *[other] { $count } other new connections
} went through at once: nothing blocks these destinations as such
conntrack-table-full-ev-carried-on = the connection { $client } → { $server }, open before, carries on through the burst: only new connections are dropped
conntrack-table-full-ev-recovered = { $count ->
    [one] one of the dropped connections
   *[other] { $count } of the dropped connections
} got through on a later try (the longest after { $seconds } s): the drops stopped by themselves, as when entries expire, which a rule would not do
conntrack-table-full-where = conntrack on this node: every new connection needs an entry, and with the table at nf_conntrack_max the first packet of a new connection is dropped before NAT and routing
conntrack-table-full-where-pod = the node under this pod, most likely its conntrack table (from inside the pod this cannot be told from other loss)
conntrack-table-full-next = On the node, the kernel log says it (dmesg | grep 'table full'), and conntrack -S counts the drops; tcpdump -ni any on the node shows the SYNs entering and never leaving.
