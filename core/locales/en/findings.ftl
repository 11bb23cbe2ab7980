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
