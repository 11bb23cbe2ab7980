# dropscope — English: the words of the CLI, the Markdown export and the page. Every message here exists in zh-TW, zh-CN and ko with the same id and
# the same $arguments (the tests check). Commands, sysctl names, chain names and addresses are
# arguments or literal text: keep them exactly as they are.

## Labels of the CLI, the Markdown export and the page

severity-error = Error
severity-warning = Warning
severity-info = Info
seen-from = Seen from:
no-findings = No known failure recognised in this capture.
md-counts = { $packets ->
    [one] 1 packet
   *[other] { $packets } packets
}, { $connections ->
    [one] 1 TCP connection
   *[other] { $connections } TCP connections
}, { $queries ->
    [one] 1 DNS query
   *[other] { $queries } DNS queries
}.
md-damaged = The capture is damaged ({ $error }); everything before it was analysed.
label-where = Where it failed:
label-next-capture = What this capture cannot show:
label-evidence = Evidence:
label-frames = frames
label-cause = Why this happens:
label-confirm = How to confirm on the node:
label-fix = Fix:
label-tradeoff = Trade-off:
label-references = References:
heading-symptom = Symptom
heading-cause = Cause
heading-confirm = Confirm on a live node
heading-fix = Fix
heading-references = References

## Where the capture was taken

vantage-node-all = a node, all interfaces (tcpdump -i any)
vantage-node-per-interface = a node, { $interfaces ->
    [one] 1 interface captured on its own
   *[other] { $interfaces } interfaces captured each on its own
}
vantage-endpoint = inside { $address } (its own traffic only)
vantage-node-uplink-of = the uplink of the node { $address } only
vantage-node-uplink = a node's uplink only
vantage-in-path = a device in the path (a load balancer or router), or the link to it
vantage-unknown = unknown
vantage-why-sll2 = Linux cooked headers (SLL2) with interface indexes and directions: tcpdump -i any on a node
vantage-why-sll1 = Linux cooked headers (SLL v1) with directions but no interface index: tcpdump -i any on a node
vantage-why-per-interface = { $interfaces } interfaces captured each on its own, without directions: Wireshark or dumpcap on several interfaces
vantage-why-relayed = { $count ->
    [one] 1 packet came in on the one interface and left on it again rewritten
   *[other] { $count } packets came in on the one interface and left on it again rewritten
}: a device in the path (load balancer, router)
vantage-why-between-two = { $count ->
    [one] 1 packet went to a device on this link and came back from it rewritten
   *[other] { $count } packets went to a device on this link and came back from it rewritten
}: the link between a device in the path (load balancer, router) and a node; its two ends see the same packets, so this is the device's interface or the node's uplink
vantage-why-returned = { $count ->
    [one] 1 packet left through the one interface and came back in on it rewritten by something outside
   *[other] { $count } packets left through the one interface and came back in on it rewritten by something outside
}: a node's uplink
vantage-why-tunnelled = one interface; { $address } is in every packet, and { $tunnelled } of { $packets } are tunnelled: a node's uplink
vantage-why-endpoint = one interface, no directions, and { $address } is in every packet, sent from right here (its TTL where senders start): that host's own traffic (inside a pod, or its only interface)
vantage-why-routed = one interface; { $count ->
    [one] { $peers } is in every packet, but its packets arrive routed
   *[other] { $peers } are in every packet, but all their packets arrive routed
} (TTL below where senders start): a capture between hosts, on a node's uplink or a device in the path
vantage-why-tunnel-link = one interface carrying tunnel traffic between { $ends }, which all send from right here (their initial TTL): the link between neighbouring nodes. Each node's uplink sees the same packets, so this capture cannot tell which node's it is
vantage-why-unknown = one interface, no directions, and no address common to its packets
order-reordered = { $reordered ->
    [one] 1 frame was written out of time order (one interface after another) and was put back in order
   *[other] { $reordered } frames were written out of time order (one interface after another) and were put back in order
}
order-late = { $reordered ->
    [one] 1 frame was put back in time order
   *[other] { $reordered } frames were put back in time order
}; { $late ->
    [one] 1 came later than the 2 s reorder window allows and was analysed out of place
   *[other] { $late } came later than the 2 s reorder window allows and were analysed out of place
} (frames { $frames })

## Interfaces and their roles

role-pod-side-of = pod side ({ $pod })
role-pod-side = pod side
role-bridge = bridge
role-tunnel = tunnel
role-uplink = uplink
role-loopback = loopback
role-host = the host's own interface
role-unknown = unknown
caption-pod-veth-of = veth of pod { $pod }
caption-pod-veth = a pod's veth
caption-uplink = node uplink
caption-host = its own interface
caption-interface = interface
role-why-named = named { $name }
role-why-tunnel-carrier = carries { $count } { $kind } { $count ->
    [one] packet
   *[other] packets
} to or from { $peers }: the node's uplink
role-why-inner = { $count ->
    [one] 1 packet here is the inner packet
   *[other] { $count } packets here are the inner packets
} of tunnel traffic seen on the uplink: a tunnel device
role-why-forwarded = { $count ->
    [one] 1 packet came in on it and went straight out of it again
   *[other] { $count } packets came in on it and went straight out of it again
}: a bridge
role-why-pod-veth = { $pod } is the only address whose packets enter the node here, and they arrive unrouted (TTL unchanged): the node's end of that pod's veth
role-why-stacked = { $count ->
    [one] 1 packet passed through it
   *[other] { $count } packets passed through it
} between another interface and the rest of the node: a bridge
role-why-out-and-back = { $count ->
    [one] 1 packet left through it and came back translated
   *[other] { $count } packets left through it and came back translated
} (a load balancer or NAT outside the node): an uplink
role-why-many-sources = packets from several addresses ({ $sources }) enter here: an uplink
role-why-passes = traffic between the node and { $peers } passes here without starting here: towards the network
role-why-to-local-pods = only sends, and only to { $pods }, pods whose veths are on this node: the bridge the node reaches them through
role-why-too-little = too little traffic to tell
role-why-loopback = carries the host's traffic to itself (127.0.0.0/8, ::1): loopback
role-why-host = the only interface, and { $address } is in every packet: that host's own interface

## Connections, DNS, packets

outcome-established = established
outcome-reset-by-client = reset by the client
outcome-refused = refused
outcome-gave-up = no answer, client gave up
outcome-unanswered = no answer, still retrying
outcome-mid-stream = already open when the capture started
connection-established-in = established in { $seconds } s
connection-reset-by-client = never established: the client reset every SYN-ACK it got
connection-refused = refused: the server answered with a reset
connection-gave-up = never established: no SYN-ACK reached the client, which gave up
connection-unanswered = no SYN-ACK reached the client (still retrying when the capture ended)
dns-outcome-answered = answered
dns-outcome-after-retry = answered only after a retry
dns-outcome-lost-on-node = the answer reached the node but not the client
dns-outcome-unanswered = no answer
dns-answered-in = answered in { $seconds } s
dns-answered-after-retry-in = answered only after a retry, { $seconds } s
udp-outcome-answered = answered
udp-outcome-lost-on-node = replies reached the node but not the client
udp-outcome-one-way = one way only
side-client = the client
side-server = the server
direction-in = in
direction-out = out
direction-unknown = seen
reset-by-client = the client { $from }
reset-by-server-side = the server side { $from }
change-dnat = DNAT { $before } → { $after }
change-snat = SNAT { $before } → { $after }
change-un-dnat = un-DNAT { $before } → { $after }
change-un-snat = un-SNAT { $before } → { $after }
change-destination = destination { $before } → { $after }
change-source = source { $before } → { $after }
change-encapsulation = { $kind } encapsulation { $outer }
change-decapsulation = decapsulated from { $source } → { $destination }
leg-outside-node = outside the node, between leaving { $interface } (frame { $left }) and coming back (frame { $back })
leg-on-node = on the node, between frame { $before } ({ $before_interface }) and frame { $after } ({ $after_interface })
fate-delivered = delivered out of { $interface } to its destination
fate-left-node = left the node through { $interface }
fate-ended-early = arrived on { $interface } and was never seen on { $expected }, where its destination { $destination } lives: dropped on the node in between
fate-resegmented = arrived on { $interface } as a super-packet larger than any wire packet; it leaves cut into pieces, followed as their own journeys
fate-local = arrived on { $interface } for this host itself (one of its own addresses)
fate-arrived = arrived on { $interface } (not seen going further)
fate-observed = seen on { $interface }

## The CLI's report

cli-counts = { $frames ->
    [one] 1 frame
   *[other] { $frames } frames
}, { $packets ->
    [one] 1 packet
   *[other] { $packets } packets
}
cli-damaged = error { $error }; everything before it was analysed
cli-warning = warning
cli-bad-checksums = { $count ->
    [one] 1 packet with a wrong checksum
   *[other] { $count } packets with a wrong checksum
} (offload placeholders are not counted)
cli-findings = Findings
cli-frame = frame { $frame }
cli-explain-hint = why, how to confirm, other fixes: { $command }
cli-interfaces = Interfaces
cli-tcp-connections = TCP connections ({ $count })
cli-syns-retried = { $count } SYNs, retried after { $gaps } s
cli-leg = leg { $from } → { $to } (frames { $frames })
cli-syn-ack-lost = SYN-ACK from { $from } never reached { $to }: last seen in frame { $last } (frames { $frames })
cli-syn-ack-reached = SYN-ACK reached { $to } from { $from } (frames { $frames })
cli-syn-acks-in-all = { $count } SYN-ACKs in all
cli-reset = RST sent by { $by }, { $from } → { $to } (frames { $frames })
cli-dns-queries = DNS queries ({ $count })
cli-sent-in-frames = sent in frames { $frames }
cli-udp-exchanges = Other UDP exchanges ({ $count })
cli-udp-counts = { $sent } sent, { $back } back
cli-ended-early = Packets that ended early on the node ({ $count })
cli-journeys = { $total } journeys in all; { $listed } listed in --json

## The page

ui-language = Language
ui-tagline-before = Why does this connection hang, reset or take 63 seconds? Drop a
ui-tagline-after = capture from a Kubernetes node. It is analysed here, in your browser: it never leaves this page.
ui-export-json = Export JSON
ui-export-markdown = Export findings (Markdown)
ui-theme = ◐ Theme
ui-theme-title = Light or dark
ui-open-in-dropscope = Open in dropscope ↗
ui-open-capture = Open a capture
ui-drop-or = Drop a pcap or pcapng anywhere on the page, or
ui-examples = Examples: real failures, captured on Kubernetes nodes and in the lab
ui-no-findings = No known failure recognised in this capture. Pick a connection below to watch its packets.
ui-findings = Findings
ui-findings-count = Findings ({ $count })
ui-show-packet = Show this packet
ui-watch-packets = ▶ Watch the packets
ui-evidence = Evidence
ui-why = Why this happens
ui-typical-symptom = Typical symptom: { $symptom }
ui-confirm = How to confirm on the node
ui-fix = Fix
ui-references = References
ui-copy = Copy
ui-copied = Copied
ui-idle = No capture loaded yet: pick an example or drop a file.
ui-analysing = Analysing { $name }: { $read } of { $total } MB, { $packets ->
    [one] 1 packet
   *[other] { $packets } packets
} · { $rate } MB/s, { $packet_rate } packets/s
ui-cancel = Cancel
ui-crashed = The analysis stopped on an internal error ({ $message }). This is a bug in dropscope; the page is ready for another capture.
ui-cancelled = Analysis of { $name } cancelled.
ui-capture-error = { $name }: { $error }. Everything before it was analysed.
ui-decode-stop = frame { $frame }: { $layer } at byte { $offset }: { $reason }
ui-figures = { $packets ->
    [one] 1 packet
   *[other] { $packets } packets
} · { $connections ->
    [one] 1 TCP connection
   *[other] { $connections } TCP connections
} · { $queries ->
    [one] 1 DNS query
   *[other] { $queries } DNS queries
} · analysed in { $milliseconds } ms ({ $megabytes } MB of worker memory)
ui-checksums = { $offloaded ->
    [one] 1 packet
   *[other] { $offloaded } packets
} with checksum offload (normal on veth and VXLAN), { $wrong } with a wrong checksum
ui-decode-stops = { $count ->
    [one] 1 packet not decoded to the end
   *[other] { $count } packets not decoded to the end
}
ui-connections = Connections
ui-connections-count = Connections ({ $count })
ui-col-client = client
ui-col-server = server
ui-col-outcome = outcome
ui-col-connect-time = connect time
ui-connections-first = The first { $count } are listed: those in findings, then failed ones.
ui-scope-finding = only the selected finding's packets
ui-scope-connection = only the selected connection's packets
ui-scope-selection = only the selection's packets
ui-packets = Packets
ui-packets-count = Packets ({ $count })
ui-filter-placeholder = filter: 10.244.0.20 · port 53 · :8080 · tcp · udp · icmp · cni0 · frame 12
ui-filter = Filter packets
ui-packet-list = Packet list
ui-col-number = No.
ui-col-time = Time
ui-col-interface = Interface
ui-col-source = Source
ui-col-destination = Destination
ui-col-protocol = Proto
ui-col-length = Len
ui-col-info = Info
ui-select-packet = Select a packet to see its layers and bytes.
ui-decoding-stopped = Decoding stopped: { $stop }
ui-frame-heading = Frame { $frame } · { $interface } · { $captured } of { $original } bytes captured
ui-at-byte = at byte { $offset } of the file
scene-connection = connection { $client } → { $server }: { $outcome }
station-client = client
station-server = server
path-step-in = frame { $frame } · { $packet } in on { $interface } · { $from } → { $to }
path-step-out = frame { $frame } · { $packet } out of { $interface } · { $from } → { $to }
path-step-seen = frame { $frame } · { $packet } on { $interface } · { $from } → { $to }
path-step-inside = inside { $kind } { $source } → { $destination }
path-step-copies = the same sighting in { $frames }
path-after = after { $gap }
path-reset-by = reset sent by { $sender }
path-dropped = last seen here, never on { $expected }
ui-path-animation = Packet path animation
ui-path = Path of the packets
ui-scene-omitted = The first { $played } packets are played; { $more } more of this selection are in the packet list.
ui-scene-empty = No packet of this selection was followed across the node.
ui-scene-loading = Loading the scene…
ui-topology = Stations the packets crossed, and the packets moving between them
ui-playback = Playback
ui-restart-title = Restart (Home)
ui-restart = Restart
ui-step-back = Previous sighting (←)
ui-play-title = Play or pause (space)
ui-pause = Pause
ui-play = ▶ Play
ui-step-forward = Next sighting (→)
ui-speed = speed
ui-animation-time = Animation time
ui-path-legend = Upper lane: towards the server; lower lane: back to the client. ✕: where packets were last seen. Keys: space play/pause · ← → step · + − speed · Home restart. Time is scaled: microseconds between hops and seconds between retries both stay watchable; the caption gives real capture time.
ui-timeline = Retry timeline
ui-timeline-count = Requests over time ({ $count })
ui-timeline-image = Each request and answer on a time axis
ui-timeline-legend = Above the axis: the client's requests (SYNs, DNS queries), with the wait before each retry. Below: the answers.
ui-ladder = Ladder diagram
ui-ladder-heading = Ladder: the packets between the NAT legs' endpoints
ui-ladder-image = Each packet as an arrow between the endpoints it was addressed to
ui-ladder-legend = A dot marks the column where NAT rewrote the packet (hover for the rewrite). A packet that came back from an address its sender never talked to shows as an arrow from an unexpected column.
ui-url-other-site = only captures from this page's own site can be opened by URL
ui-url-failed = could not load it: { $message }

## Capture files that cannot be read

capture-error-at = at byte { $offset }: { $what }
capture-error-too-short = the file has only { $bytes ->
    [one] 1 byte
   *[other] { $bytes } bytes
}, too few for a capture file header
capture-error-not-a-capture = not a pcap or pcapng file (it starts with { $magic })
capture-error-version = { $format } version { $version } is not supported
capture-error-link-type-bits = the link-type field { $field } has reserved bits set; the header is corrupt
capture-error-record-too-large = a record claims { $claimed } bytes, more than any real packet ({ $limit } at most); its length field is corrupt
capture-error-block-length = pcapng block of type { $block_type } has an impossible length { $length }
capture-error-truncated = the file is cut short: the last record needs { $needed } bytes but only { $available } remain
capture-error-interfaces = the file declares more than { $limit } interfaces
capture-error-malformed = malformed { $what }: { $reason }

## Built-in examples (the gallery's cards)

example-bridge-nf-off = Pod → ClusterIP → pod on the same node: the client resets the reply, curl times out
example-nlb-hairpin = Pod calls its own load balancer and times out; the LB's other clients are fine
example-vxlan-syn-backoff = Connections across nodes take 63 seconds to open
example-asym-rpfilter = A pod's connection through asymmetric routing: the reply arrives on another interface and strict rp_filter drops it
example-dns-aaaa-drop = DNS lookups take exactly 5 seconds
example-lab-bridge-nf-off = Lab: same-node Service call reset (bridge-nf-call-iptables=0)
example-lab-bridge-nf-off-sll1 = Lab: the same, captured as SLL v1 (no interface index)
example-lab-bridge-nf-off-pcapng = Lab: the same, one dumpcap per interface (pcapng with names)
example-lab-bridge-nf-on = Lab, healthy: bridge-nf-call-iptables=1, the reply is un-DNATed
example-lab-lb-hairpin-preserve = Lab: load balancer keeps the client IP and hairpins to the client's node
example-lab-lb-hairpin-snat = Lab, healthy: the load balancer masquerades the client
example-lab-vxlan-lossy-node1 = Lab: SYNs lost in VXLAN, seen from the sending node (1-2-4-8-16 s)
example-lab-vxlan-lossy-node2 = Lab: SYNs lost in VXLAN, seen from the receiving node
example-lab-vxlan-ok-node1 = Lab, healthy: flannel-style VXLAN, sending node
example-lab-vxlan-ok-node2 = Lab, healthy: flannel-style VXLAN, receiving node
example-lab-nat-vxlan-ok = Lab, healthy: DNAT and MASQUERADE into VXLAN 4789 and back
example-lab-rp-filter-strict = Lab: reply arrives on the uplink, strict rp_filter drops it
example-lab-rp-filter-loose = Lab, healthy: the same routing with loose rp_filter
example-lab-dns-lossy = Lab: parallel A/AAAA lookup, one answer dropped: 5 s lookups
example-lab-dns-ok = Lab, healthy: parallel A/AAAA lookup answered
example-lab-syn-dropped = Lab: a policy drops the SYNs; the client retries and gives up
example-lab-refused-reject = Lab: a REJECT rule answers for the server with a reset
example-lab-refused-wrong-port = Lab: Service targetPort where nothing listens: connection refused
example-lab-pmtu-blackhole = Lab: small requests work, large transfers hang (PMTU black hole)
example-lab-pmtu-ok = Lab, healthy: path MTU discovery works
example-lab-busy-node = A healthy node: nothing to find (30 s of a busy k3s-style node: control plane on localhost, kubelet probes, hostNetwork, DNS, VXLAN)
example-lab-kubelet-probe-drop-node-any = Kubelet probes to a pod behind a trunk (security groups for pods) fail: the pod's replies to the node are dropped on the node
example-lab-vxlan-checksum-bug-node2-any = Lab, the double-SNAT checksum bug when each retry gets a new outer port: the connection opens after 1 s (seen on the receiving node)
example-lab-vxlan-checksum-bug63-node1-any = Lab, the real double-SNAT checksum bug: a hostNetwork client's connection across VXLAN opens after 63 s (tcpdump -i any on its node)
example-lab-dns-search-pod = api.example.com looked up with every search domain first (ndots:5): 6 NXDOMAIN queries before the real one — inside the client pod
example-lab-dns-unreachable-node1-any = DNS queries dropped on the way: both nameservers tried, no answer, the lookup fails after 20 s — tcpdump -i any on the client's node
example-lab-dns-servfail-node1-any = The DNS server answers SERVFAIL — tcpdump -i any on the client's node
example-lab-dns-truncated-node1-any = A truncated DNS answer (40 records) and the TCP retry to port 53 blocked — tcpdump -i any on the client's node
example-lab-hairpin-off-node-any = A pod calls a ClusterIP whose only endpoint is itself, hairpin mode off on its bridge port: the SYN never comes back — tcpdump -i any on the node
example-lab-idle-reset-pod = A pooled connection left idle behind a load balancer (idle timeout 20 s, standing in for an NLB's 350 s): the next request is reset — inside the client pod
example-lab-invalid-reset-node-any = A download through a ClusterIP: one out-of-window segment from the backend skips the reverse NAT, the client resets, the download dies — tcpdump -i any on the node
example-lab-no-endpoints-pod = A ClusterIP and a NodePort of a Service without endpoints: kube-proxy rejects with ICMP port unreachable — inside the client pod
example-lab-port-reuse-pod = A client without TCP timestamps reuses its port while the server holds the old connection in TIME_WAIT: challenge ACK, reset, SYN again — inside the client pod
example-lab-snat-collision-node-any = Pods connect in pairs to one outside server through the node's MASQUERADE without --random-fully: some SYNs dropped at conntrack insert, connected 1 s later — tcpdump -i any on the node
example-lab-stalled-pod = A stream through a load balancer stops mid-transfer: small and large segments resent with back-off, never acknowledged — inside the client pod
example-lab-table-full-node-any = 800 connections at once with nf_conntrack_max at 512: about 290 SYNs dropped on the node for 5 s while the others pass — tcpdump -i any on the node
ui-read-failed = the browser could not read bytes { $start }–{ $end } of { $name }: { $error }

## Several captures

capture-file = #{ $index } { $name }: { $frames ->
    [one] 1 frame
   *[other] { $frames } frames
}, seen from { $seen }; { $clock }
clock-reference = the clock the others are lined up with
clock-matched = clock { $offset } s, from { $packets ->
    [one] 1 packet
   *[other] { $packets } packets
} also seen in capture { $with } (spread { $spread } ms)
clock-matched-drift = clock { $offset } s and a drift of { $drift } ppm, from { $packets ->
    [one] 1 packet
   *[other] { $packets } packets
} also seen in capture { $with } (spread { $spread } ms)
clock-given = clock { $offset } s, as given
clock-unmatched = no packet in common with the other captures: its clock is left as recorded
ui-add-capture = Add a capture taken at the same time (the other node, the pod, the load balancer):
ui-files = Captures
ui-export-evidence = ⤓ Its packets (pcapng)
ui-export-filtered = ⤓ These packets (pcapng)
ui-export-filtered-title = The packets the list shows now (this filter, this scope), from every capture, in time order, as a pcapng file for Wireshark
export-filtered-comment = dropscope: the { $count } packets matching the filter “{ $filter }”

## Names

named-pod = pod { $name } ({ $address })
named-service = { $name } ({ $address })
named-service-port = Service { $name } ({ $address })
named-node = node { $name } ({ $address })
named-some-node = a node ({ $address })
named-endpoint = endpoint of { $name } ({ $address })
names-problem-line = { $source }, line { $line }: { $why } — { $text }
names-problem-text = { $source }: { $why }
names-empty = the text is empty
names-unknown-format = not a format dropscope reads (ip -o link, ip -o addr, kubectl get pods -o wide, get services, get endpointslices, get endpoints, get nodes -o wide)
names-unrecognized-line = a line none of those formats has
names-unsupported-table = a kubectl table dropscope does not use
names-missing-column = the table has no { $column } column (for pods, use -o wide)
names-too-few-columns = { $found } columns where the header has { $expected }
names-misaligned = the columns do not line up with the header
names-bad-address = not an IP address
names-bad-ports = ports that cannot be read
names-bad-index = not an interface index
names-too-many = more than { $limit } entries: the rest are left out
ui-names = The cluster's names
ui-names-help = Paste what the cluster prints, to see pods, Services, nodes and interfaces by name: ip -o link and ip -o addr on a node, kubectl get pods -A -o wide, kubectl get svc -A, kubectl get endpointslices -A. It stays in this page.
ui-names-apply = Use these names
ui-names-files = or open text files:
ui-names-pasted = pasted text { $n }
picture-this-node = this node
picture-this-host = { $host }, captured here
picture-lb = load balancer
picture-conntrack = conntrack (NAT)
ui-nodes-picture = The nodes: the hosts the packets crossed, their interfaces, conntrack where NAT happens, and the packets moving between them
picture-not-captured = not captured
picture-other-node = another node
ui-clock-set = set its clock offset:
