# dropscope — 한국어(ko): Finding과 그 설명. 여기 있는 모든 Message는 zh-TW, zh-CN, ko에 같은 id와
# 같은 $argument로 존재한다(테스트가 이를 검사한다). 명령어, sysctl 이름, Chain 이름, 주소는
# argument이거나 literal text이므로 그대로 유지한다.

## 공통

name = { $name }
the-bridge = 해당 Bridge
unknown-point-of-failure = 알 수 없음
evidence-syn-retries = SYN을 { $retries ->
    [one] { $gaps } s 후 1회 재시도한다
   *[other] { $gaps } s 간격으로 { $retries }회 재시도한다
}
evidence-client-reset = Client가 예상하지 못한 응답을 Reset한다 ({ $from } → { $to }, Frame { $frame })

## reply-bypasses-conntrack

reply-bypasses-conntrack-title = 응답이 conntrack을 우회했다: Service의 DNAT가 되돌려지지 않았다
reply-bypasses-conntrack-symptom = Pod에서 Service(ClusterIP)를 호출하면 Timeout이 발생하는데, 선택된 Backend Pod이 같은 Node에서 실행될 때만 그렇다. Backend Pod의 IP를 직접 호출하면 정상 동작하고, 다른 Node의 Backend로 가는 경우도 정상이다.
reply-bypasses-conntrack-cause = kube-proxy(iptables 또는 IPVS Mode)는 Service 주소를 Backend Pod으로 DNAT하고, conntrack은 응답의 DNAT를 되돌릴 수 있도록 이 변환을 기억한다. Client와 Backend가 같은 Linux Bridge(cni0, cbr0)에 붙어 있으면 Backend의 응답은 그 Bridge 상의 MAC과 IP를 목적지로 하며 Layer 2에서 Switching된다. Bridge를 거치는 Frame은 br_netfilter Module이 Load되어 있고 net.bridge.bridge-nf-call-iptables=1일 때만 iptables와 conntrack을 통과한다. 이 설정이 꺼져 있으면 SYN-ACK은 Client가 접속한 Service 주소가 아니라 Backend Pod 자신의 주소를 그대로 단 채 Client에 도달한다. Client의 Kernel은 이 Packet을 Connect 중인 Socket과 매칭하지 않고 Reset으로 응답한다. Socket은 계속 대기하며 SYN을 재시도하므로, Application에는 거부(refused)가 아니라 Timeout으로 보인다. 해당 Connection의 conntrack Entry는 존재하며 SYN_SENT … [UNREPLIED] 상태로 남는다: 응답이 conntrack을 한 번도 통과하지 않은 것이다.
reply-bypasses-conntrack-confirm-sysctl = Node에서 Bridge netfilter 설정과 Module을 확인한다
reply-bypasses-conntrack-confirm-conntrack = Service Connection의 conntrack Entry가 SYN_SENT … [UNREPLIED] 상태로 남아 있다: conntrack은 응답을 한 번도 보지 못했다
reply-bypasses-conntrack-confirm-kube-proxy = kube-proxy는 시작할 때 이에 대해 경고한다(iptables 및 IPVS Mode)
reply-bypasses-conntrack-fix-sysctl = br_netfilter를 Load하고 Bridge를 거치는 Traffic이 iptables를 통과하도록 설정한 뒤, 두 설정 모두 영구 적용한다
reply-bypasses-conntrack-fix-sysctl-tradeoff = 이제 Bridge를 거치는 Pod 간 Traffic이 iptables와 conntrack을 통과하며, 이는 Kubernetes Service에 필요한 동작이다. 이 설정을 계속 확인해야 한다: 다른 Software(일부 Docker 또는 Firewall 구성)가 이 값을 되돌려 놓는다.
reply-bypasses-conntrack-summary = { $client } → Service { $service }: SYN-ACK이 Reverse NAT 없이 Backend { $backend }에서 돌아왔고 Client가 이를 Reset했다 ({ $attempts ->
    [one] 1회 시도
   *[other] { $attempts }회 시도
})
reply-bypasses-conntrack-ev-syn = { $client }에서 Service { $service }(으)로 SYN을 전송한다 (Frame { $frame })
reply-bypasses-conntrack-ev-dnat = Node가 이를 { $backend }(으)로 DNAT한다 ({ $changes }, { $interface }에서)
reply-bypasses-conntrack-ev-syn-ack = SYN-ACK이 { $service }에서가 아니라 { $backend }에서 Client에 도달한다: 경로상에서 Reverse NAT가 일어나지 않았다 (마지막 관측: Frame { $frame })
reply-bypasses-conntrack-ev-bridged = { $interface }에서 이 Packet을 Routing 없이 수신했다 (Frame { $frame }): Layer 2에서 Bridging된 것이다
reply-bypasses-conntrack-ev-syn-ack-matched = 이 SYN에 대한 SYN-ACK(같은 Client Port, ack = 해당 Sequence Number + 1)이 { $service }에서가 아니라 Client와 같은 Subnet의 Pod인 { $backend }에서 온다: Service의 DNAT가 되돌려지지 않았다 (Frame { $frame })
reply-bypasses-conntrack-where-node = { $bridge }: { $backend }에서 온 응답이 Layer 2에서 Switching되어 conntrack을 거치지 않았으므로 { $service }의 DNAT가 되돌려지지 않았다
reply-bypasses-conntrack-where-client-view = Backend { $backend }에서 이 Pod까지의 구간, 둘이 함께 있는 Node 위: 응답이 { $service }의 Reverse NAT 없이 Pod에 도달했다
reply-bypasses-conntrack-next-client-view = 이 Capture는 Client Pod 자신의 것이다: 변환되지 않은 응답은 보이지만, 그 응답이 어디서 conntrack을 건너뛰었는지는 보이지 않는다. { $client } 및 { $backend }의 Pod이 함께 실행되는 Node에서 `{ $command }` 및 `sysctl net.bridge.bridge-nf-call-iptables`를 실행한다: SYN-ACK이 conntrack을 거치지 않고 Bridge를 통과하는 것이 보이면 이 진단이 확인된다.

## lb-hairpin-client-ip

lb-hairpin-client-ip-title = Client IP Preservation이 켜진 상태의 Load Balancer Hairpin
lb-hairpin-client-ip-symptom = Cluster 내부의 Client(Pod, 그리고 Node 위의 Process)가 Load Balancer(AWS NLB Hostname)를 통해 Service를 호출하면 일부 Connection에서 Timeout이 발생한다. Load Balancer가 고를 수 있는 Target이 N개라면 대략 N개의 Connection 중 1개꼴이다. Cluster 외부의 Client는 정상이다.
lb-hairpin-client-ip-cause = Load Balancer는 Node의 NodePort로 Traffic을 전달하면서 Client의 Source IP를 그대로 유지한다(Client IP Preservation, AWS Network Load Balancer의 Instance Target에서는 기본값). Load Balancer가 Client가 실행 중인 바로 그 Node를 고르면, Packet은 client → node:NodePort 형태로 그 Node에 다시 들어온다. externalTrafficPolicy: Local이면 Node는 이를 Local Backend Pod으로 DNAT하고, 이 Pod은 Bridge를 통해 Client에 직접 응답한다. externalTrafficPolicy: Cluster이면(현장 보고서의 Capture에 나타난 경우) Node는 Masquerade도 수행한다: Backend는 Node에 응답하고, Node는 두 변환을 모두 되돌린 뒤 SYN-ACK을 node:NodePort를 출발지로 하여 Client에게 Local로 전달한다. 어느 경우든 응답은 Load Balancer를 거쳐 돌아가지 않으므로 Client가 호출한 적 없는 주소에서 온다: Client는 이를 Reset하고 Connect Timeout까지 재시도한다. AWS 문서는 Client IP Preservation이 활성화된 경우 Hairpinning이 지원되지 않는다고 명시한다. 이 현상은 Hostname을 게시하는 Load Balancer(AWS처럼) 또는 ipMode: Proxy인 Load Balancer ingress 항목(status.loadBalancer.ingress)에서만 발생한다: IP 주소를 게시하는 Load Balancer라면 kube-proxy가 그 주소로 가는 Cluster 내부 Traffic을 중간에서 바로 처리하므로(short-circuit) Packet이 Load Balancer에 도달하지 않는다.
lb-hairpin-client-ip-confirm-tcpdump = Client의 Node에서 Client가 접속한 주소와 실제로 응답하는 주소, 그리고 Client의 Reset을 확인한다
lb-hairpin-client-ip-confirm-target-group = Target Group의 Type과 Client IP 보존 여부를 확인한다(AWS): describe-target-groups에는 Load Balancer의 ARN을, describe-target-group-attributes에는 Target Group의 ARN을 지정한다
lb-hairpin-client-ip-confirm-service = Service의 Type, Traffic Policy, 그리고 Load Balancer가 게시하는 값(Hostname, 또는 IP와 그 ipMode)을 확인한다
lb-hairpin-client-ip-fix-cluster-ip = Cluster 내부에서는 Load Balancer를 거치지 말고 ClusterIP나 DNS 이름으로 Service를 호출한다
lb-hairpin-client-ip-fix-cluster-ip-tradeoff = Cluster 내부의 Traffic은 더 이상 Load Balancer(Listener, TLS, Log)를 거치지 않는다.
lb-hairpin-client-ip-fix-target-group = Target Group에서 Client IP Preservation을 비활성화한다
lb-hairpin-client-ip-fix-target-group-tradeoff = 그러면 Backend에는 Load Balancer의 주소가 보인다. Backend가 Client의 주소를 알아야 한다면 Proxy Protocol v2를 사용한다. Target Group을 다시 생성하는 Controller가 있으면 수동으로 변경한 내용은 사라진다.
lb-hairpin-client-ip-fix-annotation = 또는 Controller가 이 Annotation을 반영하는 경우 Service에 설정한다: AWS Load Balancer Controller, 또는 v1.34.0 이상의 AWS cloud controller manager(및 2025년의 Backport)가 이에 해당한다. 이전의 in-tree Controller는 이를 무시하므로 설정 후 Attribute를 확인한다. IP Target(service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip)은 AWS Load Balancer Controller만 반영한다.
lb-hairpin-client-ip-fix-annotation-tradeoff = Client IP Preservation 변경은 새 Connection에만 적용된다.
lb-hairpin-client-ip-summary = { $client } → Load Balancer { $lb }: Client의 주소를 유지한 채 Client의 Node로 되돌아왔고, Load Balancer를 거치지 않고 { $from }에서 직접 응답이 왔다 ({ $attempts ->
    [one] 1회 시도
   *[other] { $attempts }회 시도
})
lb-hairpin-client-ip-ev-syn = { $client }에서 Load Balancer { $lb }(으)로 SYN을 전송한다
lb-hairpin-client-ip-ev-syn-frame = { $client }에서 Load Balancer { $lb }(으)로 SYN을 전송한다 (Frame { $frame })
lb-hairpin-client-ip-ev-returned = SYN이 Node를 떠났다가(Frame { $left }) { $from } → { $to } 형태로 돌아온다(Frame { $back }): Client의 주소가 유지되었다
lb-hairpin-client-ip-ev-masquerade = 이 Node가 이를 Masquerade하고(externalTrafficPolicy: Cluster) Backend로 DNAT한다: { $from } → { $to }
lb-hairpin-client-ip-ev-dnat-local = 이 Node가 이를 Backend { $backend }(으)로 DNAT한다(Masquerade 없음: externalTrafficPolicy: Local)
lb-hairpin-client-ip-ev-short-cut = SYN-ACK이 { $lb } 대신 { $from }에서 Client로 곧바로 간다. Load Balancer를 전혀 거치지 않는다
lb-hairpin-client-ip-ev-undone = 돌아가는 경로에서는 이 Node의 NAT만 되돌려진다: { $changes }
lb-hairpin-client-ip-ev-syn-ack-matched = 이 SYN에 대한 SYN-ACK(같은 Client Port, ack = 해당 Sequence Number + 1)이 Load Balancer가 아니라 어떤 Node의 NodePort인 { $from }에서 온다 (Frame { $frame })
lb-hairpin-client-ip-ev-syns-to-lb = { $client }에서 Load Balancer { $lb }(으)로 SYN을 여러 번 전송한다
lb-hairpin-client-ip-ev-forwarded = 각 SYN은 Client 자신의 주소({ $client })를 유지한 채 Node의 NodePort { $node }(으)로 다시 나간다 (Client IP Preservation)
lb-hairpin-client-ip-ev-no-syn-ack = SYN-ACK이 이 경로로 돌아오지 않는다. Client는 { $retries ->
    [one] { $gaps } s 후 1회 재시도한다
   *[other] { $gaps } s 간격으로 { $retries }회 재시도한다
}
lb-hairpin-client-ip-where-node = 이 Node: 같은 Node에 있는 Client로 가는 응답이 { $lb } 경유로 돌아가는 대신 { $from }에서 Local로 전달된다
lb-hairpin-client-ip-where-client-view = Node { $node }: Load Balancer가 Pod의 Connection을 그 Pod 자신의 Node로 보냈고, 그 Node가 { $lb } 경유가 아니라 Pod에 직접 응답했다
lb-hairpin-client-ip-where-in-path = Node { $node }: { $client }(으)로 보내는 응답이 Load Balancer를 거쳐 돌아가지 않는다
lb-hairpin-client-ip-next-client-view = 이 Capture는 Client Pod 자신의 것이다. 그 Pod의 Node({ $node })에서 `{ $command }` 명령어로 확인하면 SYN이 Load Balancer로 나갔다가 Pod의 주소를 유지한 채 돌아오는 것과, 응답이 Load Balancer를 건너뛰는 것이 보인다.
lb-hairpin-client-ip-next-in-path = 이 위치에서는 응답이 보이지 않는다. Client IP Preservation이 켜져 있으면 Node는 직접 도달할 수 있는 Client(그 Node 위의 Pod: 즉 Hairpin)에게 Load Balancer 없이 응답한다. 이 위치에서는 Backend가 Down된 경우도 똑같이 보인다. Node { $node }에서 `{ $command }` 명령어로 둘을 구별할 수 있다: { $answer }에서 { $client }(으)로 곧바로 가는 SYN-ACK, 그리고 그에 대한 Reset.

## vxlan-syn-loss

vxlan-syn-loss-title = VXLAN Overlay에서 유실되는 SYN
vxlan-syn-loss-symptom = Service나 다른 Node의 Pod으로 가는 Connection이 멈춰 있다가 약 63초 후(Linux 6.5 이상에서는 약 67초 후: 이 Version의 tcp_syn_linear_timeouts는 처음에 SYN을 매초 재시도한다), 또는 1초 후에 성공한다. 짧은 Timeout을 준 curl은 실패한다. 주로 Host Network나 hostNetwork Pod에서, flannel 또는 다른 VXLAN Overlay 환경에서 나타난다.
vxlan-syn-loss-cause = Client의 Kernel은 유실된 SYN을 1, 2, 4, 8, 16, 32 s 간격으로 재전송하므로 7번째 SYN은 약 63 s에 전송된다(Linux 6.5부터는 tcp_syn_linear_timeouts=4에 의해 처음에는 1 s 간격으로 재시도한다: SYN은 0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67 s에 전송되고 약 131 s에 포기한다). VXLAN에서 알려진 원인은 다음과 같다: kube-proxy와 kubelet이 작성하는 KUBE-MARK-MASQ가 Service Traffic에 0x4000 Mark를 붙이고, KUBE-POSTROUTING이 Mark된 Packet을 --random-fully로 Masquerade한다. 이런 Packet을 담은 VXLAN Packet은 Mark가 남아 있는 채로 POSTROUTING을 다시 지나므로 두 번째로 SNAT되고, Outer UDP Source Port가 변경되며, Outer UDP Checksum이 잘못된 값이 된다: VXLAN Device는 이 Checksum을 Local Checksum Offload로 계산하거나(Kernel 4.6 이상, flannel의 기본값) 0으로 두는데(이전 Kernel, 또는 noudpcsum이 설정된 Device), NAT의 Checksum 갱신이 두 경우 모두를 망가뜨린다. Kernel Patch ea64d8d6c675(5.7; 5.6.13, 5.4.41, 4.19.123, 4.14.181)는 0인 경우만 해결한다. 수신 Node의 Kernel은 이 Packet을 손상된 것으로 보고 Drop한다(UdpInCsumErrors). 재시도가 통과하는 이유는 다음과 같다: nat Table은 Flow의 첫 번째 Packet만 보므로 재전송된 SYN은 다시 Mark되지 않는다. 그 SYN이 어떻게 되는지는 Outer Source Port에 달려 있는데, VXLAN Device는 이 Port를 Socket의 Flow Hash에서 도출한다. Kernel이 SYN Timeout마다 새 Hash를 고르는 경우(sk_rethink_txhash; net.core.txrehash=1, 현재 Kernel의 기본값) 재시도는 Mark가 없는 새로운 Outer Flow가 되므로 Masquerade되지 않는다: Checksum이 올바르고 1 s 후에 Connection이 맺어진다. Hash가 유지되는 경우(net.core.txrehash=0, 또는 SYN Timeout 시 Rehash하지 않는 Kernel)에는 모든 재시도가 Outer Flow의 conntrack Entry와 그 이중 SNAT Binding에 매칭되어 다시 Drop되며, 이는 응답을 받지 못한 채 재시도가 올 때마다 수명이 연장되는 그 UDP Entry가 31 s 시점의 SYN으로부터 30 s 후에 만료될 때까지 계속된다: 63 s 시점의 7번째 SYN이 통과한다. dropscope의 Lab은 Linux 6.18에서 두 경우를 모두 재현한다. 공개된 한 Capture에서는 Outer Port가 7번째 SYN까지 일정하다. 다른 Drop도 Client에서는 똑같이 보인다: Node 간 UDP 8472/4789를 막는 Firewall이나 Security Group, 또는 수신 Node가 Packet을 Drop하는 경우다. 어느 쪽 Node의 Capture든 Outer Checksum을 보면 이들을 구별할 수 있다.
vxlan-syn-loss-confirm-chain = 송신 Node에서 KUBE-POSTROUTING을 확인한다: MASQUERADE 전에 Mark가 없는 Packet을 반환(RETURN)하고 Mark를 지우면(--set-xmark 0x4000/0x0) 수정된 상태이고, Mark된 Packet에 대한 MASQUERADE가 먼저 나오면 문제가 있는 상태다. Upgrade 후에도 예전 Rule은 제거될 때까지 맨 앞에 남아 있다.
vxlan-syn-loss-confirm-counter = 수신 Node에서 문제를 재현하는 동안 UDP Checksum Error를 집계하고(Kernel의 "UDP: bad checksum" Log는 Rate Limit이 걸린 Debug Message이므로 이를 기다리지 않는다), Wire 상의 Outer Checksum을 확인한다
vxlan-syn-loss-confirm-rehash = Client의 Node에서 SYN Timeout 시 새 Flow Hash가 선택되는지(재시도가 새 Outer Port를 받는다: 1 s), 아니면 유지되는지(약 63 s까지 모든 재시도가 Drop된다) 확인한다
vxlan-syn-loss-confirm-device = VXLAN Device의 Outer Checksum 설정과 Checksum Offload를 확인한다
vxlan-syn-loss-fix-upgrade = kube-proxy와 kubelet(둘 다 KUBE-POSTROUTING을 작성한다)을 Masquerade 전에 Packet의 Mark를 제거하는 Version(kubernetes#92035: 1.16.13, 1.17.9, 1.18.6, 1.19.0 이상)으로 Upgrade한 뒤, KUBE-POSTROUTING의 맨 앞에 남아 있는 예전 MASQUERADE Rule을 제거한다
vxlan-syn-loss-fix-upgrade-tradeoff = 새 Rule은 예전 Rule 뒤에 추가된다: 예전 Rule이 사라질 때까지(Rule을 삭제하거나 Node를 재시작) 아무것도 바뀌지 않는다.
vxlan-syn-loss-fix-offload = 우회 방안: 모든 Node에서 VXLAN Device의 tx Checksum Offload 기능을 끈다
vxlan-syn-loss-fix-offload-tradeoff = 이 경우 Outer Checksum은 Software로 계산된다(Overlay Traffic에 CPU 사용 증가). flannel이 Device를 다시 생성하거나 Node가 재부팅되면 설정이 사라지므로, flannel의 Troubleshooting Guide에 나온 것처럼 udev Rule로 영구 적용한다.
vxlan-syn-loss-fix-kernel = ea64d8d6c675(5.7; 5.6.13, 5.4.41, 4.19.123, 4.14.181)가 포함된 Kernel은 Outer Checksum이 0인 VXLAN Device(4.6 미만 Kernel, 또는 noudpcsum)만 해결한다. 더 새로운 Kernel에서 flannel 기본 설정을 쓰는 경우에는 충분하지 않다: Kernel Patch만으로는 Delay가 해결되지 않았다는 보고가 있다(kubernetes#90854, #96868; flannel PR #1282).
vxlan-syn-loss-to = { $peer }(으)로 가는
vxlan-syn-loss-from = { $peer }에서 오는
vxlan-syn-loss-between = { $sender }에서 { $peer } 사이의
vxlan-syn-loss-connected-after = { $seconds } s 후에야 Connection이 맺어졌다
vxlan-syn-loss-never-connected = Connection이 끝내 맺어지지 않았다
vxlan-syn-loss-summary = { $client } → { $server }: { $peer } VXLAN Overlay에서 { $lost ->
    [one] SYN 1개
   *[other] SYN { $lost }개
}가 유실되었다 ({ $gaps } s); { $outcome }
vxlan-syn-loss-summary-checksum = { $client } → { $server }: { $peer } VXLAN Overlay에서 { $lost ->
    [one] SYN 1개
   *[other] SYN { $lost }개
}가 잘못된 Outer UDP Checksum을 가진 채 유실되었다 ({ $gaps } s); { $outcome }
vxlan-syn-loss-ev-lost = { $client }에서 { $server }(으)로 보낸 { $lost ->
    [one] SYN 1개
   *[other] SYN { $lost }개
}가 응답을 받지 못했고, { $gaps } s 간격으로 재시도되었다
vxlan-syn-loss-ev-left = 각 SYN은 VXLAN { $source } → { $destination }:{ $port }(VNI { $vni })에 담겨 { $interface }에서 Node 밖으로 나갔다: 유실은 이 Node 바깥에서 일어났다
vxlan-syn-loss-ev-arrived = 각 Packet은 VXLAN { $source } → { $destination }:{ $port }(VNI { $vni })에 담겨 { $interface }에 도착했지만 Tunnel에서 꺼내지지 않았다: 이 Node에서 Decapsulation 전에 Drop되었다
vxlan-syn-loss-ev-ports-changed = 재시도 사이에 Outer UDP Source Port가 바뀌었고({ $ports }) Inner 주소는 그대로였다
vxlan-syn-loss-ev-ports-same = Outer UDP Source Port가 모든 재시도에서 동일했다({ $ports })
vxlan-syn-loss-ev-checksum-wrong = { $count ->
    [one] 유실된 SYN의 Outer UDP Checksum이 잘못되었다
   *[other] 유실된 SYN들의 Outer UDP Checksum이 잘못되었다({ $count }개)
} (Frame { $frame }: { $stored }, 올바른 값은 { $computed }): 수신 Kernel은 이런 Packet을 Drop한다(UdpInCsumErrors)
vxlan-syn-loss-ev-checksum-ffff = { $count ->
    [one] 유실된 SYN은
   *[other] 유실된 SYN들은
} Outer UDP Checksum 0xffff를 가지고 있다 (Frame { $frame }, 올바른 값은 { $computed }): 0(비활성화)이었던 Checksum이 두 번째 SNAT에 의해 "갱신"된 것으로, Kernel Patch ea64d8d6c675가 수정한 Bug다
vxlan-syn-loss-ev-checksum-through = 통과한 SYN의 Outer Checksum 상태: { $class }
vxlan-syn-loss-ev-checksum-clean = 이 Capture에서 유실된 SYN들의 Outer UDP Checksum 상태: { $class }. 이중 SNAT Checksum Bug의 흔적이 없으므로 다른 무언가가 이들을 Drop했다(UDP { $port }에 대한 Filter나 Security Group, 또는 수신 Node)
vxlan-syn-loss-ev-checksum-unknown = 이 Capture에서는 유실된 SYN들의 Outer UDP Checksum을 검증할 수 없다({ $class }). 수신 Node에서 `nstat -az UdpInCsumErrors`로 Kernel이 잘못된 Checksum 때문에 Drop한 Packet 수를 집계한다
vxlan-syn-loss-ev-crossed = 각 SYN은 VXLAN { $source } → { $destination }:{ $port }(VNI { $vni })에 담겨 { $interface } 위를 지나갔지만, 응답은 돌아오지 않았다
vxlan-syn-loss-ev-answered = 마침내 SYN-ACK이 Tunnel을 통해 돌아왔다. Connection을 맺는 데 { $seconds } s가 걸렸다
vxlan-checksum-right = 정상
vxlan-checksum-wrong = 잘못됨
vxlan-checksum-offloaded = Offload Placeholder(NIC이 나중에 값을 채운다)
vxlan-checksum-zero = 0(비활성화)
vxlan-checksum-unverifiable = 검증 불가(Packet이 잘려 있음)
vxlan-syn-loss-where-sender = { $interface } 너머: SYN이 Encapsulation되어 이 Node에서 { $peer }(으)로 나갔지만 아무것도 돌아오지 않았다
vxlan-syn-loss-where-receiver = 이 Node의 { $interface }: { $peer }에서 온 VXLAN Packet이 도착했지만 Decapsulation 전에 Drop되었다(잘못된 Outer Checksum, 또는 UDP { $port }에 대한 Filter)
vxlan-syn-loss-where-checksum = { $peer }(수신 Node): { $sender }에서 온 VXLAN Packet의 Outer UDP Checksum이 잘못되어 Kernel이 이를 Drop한다(잘못된 Checksum을 단 채 { $interface } 위를 지나갔다)
vxlan-syn-loss-where-wire = { $peer } 또는 { $interface } 이후의 Network: { $sender }에서 온 VXLAN Packet이 이 Link를 지나갔지만 아무것도 돌아오지 않았다
vxlan-syn-loss-next-sender = 수신 Node({ $peer })에서 `{ $command }` 명령어로(또는 그 Node의 Uplink만 Capture하여) Packet이 도착하는지, 어떤 Outer Checksum을 가지는지 확인할 수 있다. 그 Node에서 `nstat -az UdpInCsumErrors`로 Drop 횟수를 집계한다.
vxlan-syn-loss-next-wire = 이 Capture는 어느 쪽 Node의 Uplink일 수도 있다. 송신 Node({ $sender })에서는 `iptables -t nat -S KUBE-POSTROUTING`으로 Service Traffic이 두 번 Masquerade되는지 확인할 수 있고, 수신 Node({ $peer })에서는 `nstat -az UdpInCsumErrors`로 Kernel이 잘못된 Checksum 때문에 Drop한 Packet 수를 집계한다.
vxlan-syn-loss-next-receiver = 송신 Node({ $peer })에서 `iptables -t nat -S KUBE-POSTROUTING`으로 Service Traffic이 두 번 Masquerade되는지 확인할 수 있다.

## reply-dropped-on-host

reply-dropped-on-host-title = Node에서 Drop되는 응답
reply-dropped-on-host-symptom = 상대편이 응답하는데도 Connection이 Timeout된다: 응답이 Node에 도착하는 것은 보이지만 그 이상 진행하지 않는다. 자체 Security Group을 가진 Pod(EKS Security Groups for Pods)에 대한 kubelet의 liveness/readiness Probe가 실패하거나, 비대칭 Route를 거치는 Pod의 Connection이 실패한다.
reply-dropped-on-host-cause = Node에서 응답을 Drop하는 Mechanism은 두 가지다. (1) Security Groups for Pods(Amazon VPC CNI, Branch ENI): kubelet이 Pod으로 보낸 SYN은 eth0로 나갔다가 Trunk ENI의 VLAN Sub-interface를 통해 Pod veth의 Host 쪽으로 다시 들어온다. Pod의 SYN-ACK은 그 Host 쪽 veth로 Node에 들어오고 Kernel이 이를 Drop한다: net.ipv4.tcp_early_demux=1이면 ip_rcv_finish가 이 Packet을 tcp_v4_early_demux에 넘기고, tcp_v4_early_demux는 kubelet의 Connect 중인 Socket을 찾는데, 이 Socket의 Cache된 수신 Route(sk_rx_dst)는 Handshake 중에는 아직 비어 있다. 반대 방향으로는 Pod이 kubelet에 보내는 ACK이 Host veth 이후에서 Drop된다. AWS는 원인을 Early Demux로 추적했지만, Kernel 내의 정확한 Drop 지점은 공개되지 않았다. (2) Strict Reverse-Path Filtering: 비대칭 Routing에서는 응답이 그 Source로 돌아가는 Route가 아닌 Interface로 도착하고, net.ipv4.conf.*.rp_filter=1이 이를 Drop한다(TcpExtIPReversePathFilter에 집계된다).
reply-dropped-on-host-confirm-rp-filter = 문제를 재현하는 동안 Reverse-Path Drop 횟수를 집계하고 rp_filter 설정을 확인한다(실제 적용되는 값은 "all"과 해당 Interface 값 중 큰 값이다)
reply-dropped-on-host-confirm-route = Kernel이 검사하는 방식 그대로 돌아가는 경로를 시험한다: 원격 측에서 온 응답이 그 Interface로 도착하는 경우다. Error(6.12 이하 Kernel에서는 Invalid cross-device link, 그 이후 Kernel에서는 Invalid argument)가 rp_filter=2에서 사라지면 Reverse-Path Filtering이 Drop하는 것이다.
reply-dropped-on-host-confirm-early-demux = Security Groups for Pods: Early Demux 설정과 VPC CNI의 init Container에 어떤 값이 전달되는지 확인한다
reply-dropped-on-host-fix-early-demux = Security Groups for Pods: VPC CNI의 init Container(aws-vpc-cni-init)가 TCP Early Demux를 끄도록 설정한다. net.ipv4.tcp_early_demux가 있는 Kernel에서 VPC CNI 1.7.3 이상이 필요하다(일부 Node에 이 Key가 없으면 1.7.4 이상). init Container는 DISABLE_TCP_EARLY_DEMUX가 false인 상태로 실행될 때마다 이 sysctl을 다시 1로 설정하므로, 수동 변경은 유지되지 않는다. EKS Managed Add-on을 사용한다면 DaemonSet을 Patch하는 대신 Add-on 구성에서 설정한다(두 번째 명령어).
reply-dropped-on-host-fix-early-demux-tradeoff = 이 경우 들어오는 TCP Segment마다 다시 Route Lookup을 거친다: Local TCP Latency가 약간 증가한다.
reply-dropped-on-host-fix-standard-mode = 또는 VPC CNI 1.11 이상에서 Pod의 Security Group을 standard Mode로 적용한다. 이 Mode는 Node(kubelet)에서 자신의 Pod으로 가는 Traffic에는 관여하지 않는다. 이미 Security Group이 있는 Pod은 다시 생성해야 한다.
reply-dropped-on-host-fix-standard-mode-tradeoff = 같은 Node의 Pod 간 Traffic과 Node에서 자신의 Pod으로 가는 Traffic은 더 이상 Pod의 Security Group으로 Filtering되지 않는다.
reply-dropped-on-host-fix-rp-filter = 비대칭 Routing: 수신 Interface에 Loose Reverse-Path Filtering을 사용하거나, Policy Routing으로 Route를 대칭으로 만든다
reply-dropped-on-host-fix-rp-filter-tradeoff = Loose Mode는 Source에 어떤 Interface로든 도달할 수 있는지만 검사한다: Spoofing된 Source에 대한 보호가 약해진다.
reply-dropped-on-host-ev-syns = { $client }에서 { $server }(으)로 { $count ->
    [one] SYN을
   *[other] SYN { $count }개를
} 전송한다
reply-dropped-on-host-ev-asymmetric = SYN은 { $out }에서 Node를 나가지만 응답은 { $arrived }(으)로 돌아온다: 비대칭 Routing
reply-dropped-on-host-ev-dropped = { $from }에서 온 { $count ->
    [one] SYN-ACK 1개
   *[other] SYN-ACK { $count }개
}가 { $arrived }에 도착하지만, { $client }에 이르는 쪽인 { $pod_side }(으)로는 하나도 전달되지 않는다
reply-dropped-on-host-summary = { $client } → { $server }: { $count ->
    [one] 응답 1개
   *[other] 응답 { $count }개
}가 { $arrived }(으)로 Node에 도착했지만 { $pod_side }에 이르기 전에 Drop되었다
reply-dropped-on-host-where = Node 위, { $arrived }(응답이 도착한 곳)에서 { $pod_side }(Pod 쪽) 사이
reply-dropped-on-host-ev-open = { $client }에서 { $server }(으)로 Connection을 연다 (SYN)
reply-dropped-on-host-ev-syn-ack-arrived = { $server }의 SYN-ACK이 Node 자신의 Socket({ $client })을 목적지로 하여 { $interface }에 도착하지만, 아무것도 이를 ACK하지 않는다
reply-dropped-on-host-ev-syn-ack-sent = { $server }에서 SYN-ACK으로 응답하지만 아무것도 이를 ACK하지 않는다
reply-dropped-on-host-ev-resent = { $server }에서 SYN-ACK을 { $count ->
    [one] 1회
   *[other] { $count }회
} 재전송한다: Handshake의 마지막 ACK을 끝내 받지 못한다
reply-dropped-on-host-ev-more = { $client }에서 { $server }(으)로 가는 { $count ->
    [one] Connection 1개
   *[other] Connection { $count }개
}가 더 같은 방식으로 끝난다(몇 초마다 한 번씩 Probe)
reply-dropped-on-host-ev-ack-arrived = { $client }에서 { $server }(으)로 Connect한다: Handshake를 완료하는 ACK이 { $interface }에 도착한다 (Frame { $frame })
reply-dropped-on-host-ev-ack-sent = { $client }에서 { $server }(으)로 Connect한다: Handshake를 완료하는 ACK을 전송한다 (Frame { $frame })
reply-dropped-on-host-ev-ack-resent = { $server }에서 그 이후에도 SYN-ACK을 { $count ->
    [one] 1회
   *[other] { $count }회
} 재전송한다: ACK이 Socket에 도달하지 못했고, Client의 Data는 끝내 ACK되지 않는다
reply-dropped-on-host-summary-not-taken-arrived = { $other } ⇄ { $socket }: { $socket } 자신의 Socket으로 가는 Handshake Packet이 { $interface }에 도착하지만 끝내 Socket에 수신되지 않는다 ({ $connections ->
    [one] Connection 1개
   *[other] Connection { $connections }개
})
reply-dropped-on-host-summary-not-taken = { $other } ⇄ { $socket }: { $socket } 자신의 Socket으로 가는 Handshake Packet이 끝내 Socket에 수신되지 않는다 ({ $connections ->
    [one] Connection 1개
   *[other] Connection { $connections }개
})
reply-dropped-on-host-where-not-taken-arrived = Node 위, { $interface } 이후: { $other }에서 Node 자신의 주소({ $socket })로 가는 Packet이 그곳에 도착한 뒤 Socket에 이르기 전에 Drop된다
reply-dropped-on-host-where-not-taken = { $other }에서 { $socket }의 Socket까지의 구간: Packet이 출발했지만 Socket에 도달하지 못했다
reply-dropped-on-host-next-not-taken = 주소가 { $socket }인 Node에서 `{ $command }` 명령어로 Packet이 Pod의 Host 쪽 Interface에 도착해서 그곳에서 멈추는지 확인할 수 있다. `sysctl net.ipv4.tcp_early_demux`와 `nstat -az TcpExtIPReversePathFilter`로 Early Demux와 rp_filter 중 어느 쪽인지 구별한다.
the-node = Node 측
the-pod = Pod 측

## dns-conntrack-race

dns-conntrack-race-title = DNS 조회에 5초가 걸린다: 병렬 Query에서 발생하는 conntrack Race Condition
dns-conntrack-race-symptom = Pod 내의 이름 조회가 간헐적으로 정확히 5초(또는 10초, 15초)가 걸린 뒤 성공한다. Application Latency에 5 s 크기의 계단이 나타난다.
dns-conntrack-race-cause = glibc(및 musl)는 A Query와 AAAA Query를 같은 UDP Socket에서 병렬로 전송하므로 두 Packet은 하나의 5-tuple을 공유한다. 각 Packet이 DNS Service 방향의 DNAT(kube-dns ClusterIP → CoreDNS Pod)를 지날 때 각각의 conntrack Entry가 생성된다. 두 Packet이 서로 다른 CPU에서 경합하면 두 번째 Insert는 첫 번째 Packet의 Entry를 발견하고 실패하며(conntrack -S의 insert_failed로 집계된다) 그 Packet은 Drop된다. DNS Endpoint가 여러 개라면 두 Packet이 서로 다른 Pod으로 DNAT될 수도 있고, 이때는 응답 하나가 돌아오는 길에 유실된다. Resolver는 Timeout(기본값 5 s)까지 기다린 뒤 다시 질의하고, 재시도는 성공한다. Linux 5.6(6a757c07e51f, "allow insertion of clashing entries")은 DNAT Endpoint가 여러 개인 경우 충돌한 Packet을 통과시키고, 5.9(c46172147ebb)는 그런 Entry가 응답을 잃지 않도록 한다. 그 이전 Kernel은 이런 충돌 중 일부만 해결한다.
dns-conntrack-race-confirm-insert-failed = 조회가 느린 동안 Node에서 실패한 conntrack Insert를 찾는다
dns-conntrack-race-confirm-time = 영향을 받는 Pod에서 조회 시간을 측정한다(bash나 busybox sh를 사용한다: dash에는 time Keyword가 없다)
dns-conntrack-race-fix-single-request-reopen = glibc: Resolver가 두 번째 Query를 위해 Socket을 다시 열도록 한다(resolv.conf Option single-request-reopen, Pod Spec에서 설정)
dns-conntrack-race-fix-single-request-reopen-tradeoff = glibc 전용이다. musl(Alpine)은 resolv.conf에서 ndots, attempts, timeout만 읽고 이 Option을 무시한다. use-vc를 무시하는 것과 마찬가지다: musl Image에서는 NodeLocal DNSCache나 더 새로운 Kernel을 사용한다.
dns-conntrack-race-fix-nodelocaldns = NodeLocal DNSCache를 운영한다: Pod은 DNAT나 conntrack 없이 자신의 Node에 있는 Cache에 질의하고, Cache는 Cluster Domain에 대해 kube-dns와 TCP로 통신한다. 먼저 Manifest의 __PILLAR__ 변수를 치환한다(iptables Mode 기준으로 표시. IPVS Mode는 다르다: Guide 참조).
dns-conntrack-race-fix-nodelocaldns-tradeoff = 운영하고 Upgrade해야 할 DaemonSet이 하나 늘어난다.
dns-conntrack-race-fix-kernel = Node Kernel을 5.9 이상으로, 또는 6a757c07e51f와 c46172147ebb가 Backport된 배포판 Kernel로 Upgrade한다
dns-conntrack-race-summary = { $client }: 하나의 Socket에서 { $first } Query와 { $second } Query를 병렬로 전송했다. { $lost } 응답이 유실되어 Resolver가 재시도할 때까지 조회가 { $seconds } s 대기했다
dns-conntrack-race-summary-server-side = { $client }: 하나의 Socket에서 { $first } Query와 { $second } Query를 병렬로 전송했다. 이곳에서 응답이 나갔는데도 { $seconds } s 후 다시 질의되었다: 둘 중 하나가 이곳과 Client 사이에서 유실되었다
dns-conntrack-race-ev-parallel = { $first } Query와 { $second } Query가 같은 Socket에서 { $micros } µs 간격으로 { $client }에서 { $server }(으)로 나간다
dns-conntrack-race-ev-answer-lost = { $query }에 대한 응답이 { $arrived }에 도착하지만(Frame { $frame }) Client로 가는 길의 { $expected }에서는 끝내 보이지 않는다
dns-conntrack-race-ev-no-answer = { $query }에 대한 응답이 전혀 보이지 않는다
dns-conntrack-race-ev-retry = Resolver가 { $seconds } s 후, 즉 Timeout 시점에 다시 질의한다
dns-conntrack-race-ev-answered = 재시도에는 응답이 오고, 조회에 { $seconds } s가 걸렸다
dns-conntrack-race-ev-arrives = { $client }에서 보낸 { $query } Query가 { $server }에 도착한다
dns-conntrack-race-ev-answered-here = 이 Query는 이곳에서 응답된다 (Frame { $frame })
dns-conntrack-race-ev-asked-again = Resolver는 { $seconds } s 후, 즉 Timeout 시점에 이를 다시 질의한다: 기다리던 응답을 모두 받지는 못한 것이다
dns-conntrack-race-ev-partner-late = 같은 Socket의 { $query } Query는 재시도 때에야 도착한다: 병렬로 보낸 첫 번째 전송은 이 Capture에 나타나지 않았다
dns-conntrack-race-ev-partner-answered = { $query } Query는 같은 Socket에서 병렬로 전송되었고, 이곳에서 함께 응답되었으며, 함께 다시 질의되었다
dns-conntrack-race-where-node = Node 위, { $arrived }에서 { $expected } 사이: 응답이 Pod으로 가는 길에 Drop되었다
dns-conntrack-race-where-unseen = Pod과 DNS Server 사이: DNAT 이후 Query나 그 응답이 Drop되었다
dns-conntrack-race-where-before = 이 Capture 이전: 첫 번째 { $lost } Query가 { $client }에서 나간 뒤 유실되었다(Client의 Node에서, DNAT 이후)
dns-conntrack-race-where-beyond = 이 Capture 너머, { $client }(으)로 돌아가는 길: 이곳에서 나간 응답이 Client에 도달하지 못했다
dns-conntrack-race-next-server-side = 이 Capture는 DNS Server 쪽의 것이다. { $client }의 Node에서 `{ $command }` 명령어로 둘 중 무엇이 어디서 유실되었는지(응답이 Uplink에 도착했지만 Pod에 도달하지 못했는지, 또는 Query가 DNAT 이후 나가지 못했는지) 확인할 수 있다. 그 Node에서 `conntrack -S`로 insert_failed를 집계한다.

## syn-unanswered

syn-unanswered-title = 아무 응답 없이 Drop되는 SYN
syn-unanswered-symptom = Connection이 Client의 Connect Timeout까지 멈춰 있거나 몇 초가 지나서야 열린다. "connection refused"는 발생하지 않는다.
syn-unanswered-cause = SYN에 아무것도 응답하지 않았다: SYN-ACK도 Reset도 없다. 닫힌 Port나 Endpoint가 없는 Service는 보통 즉시 응답하므로(Pod의 Kernel이 Reset을 보내고, kube-proxy는 ICMP로 Reject한다), 무응답은 어딘가에서 Drop이 일어났다는 뜻이다: SYN을 버리는 NetworkPolicy나 Firewall(iptables, nftables, Cloud Security Group), internalTrafficPolicy 또는 externalTrafficPolicy가 Local이고 해당 Node에 Endpoint가 없는 Service(kube-proxy는 Reject하지 않고 Drop한다), 가득 찬 conntrack Table(Kernel이 "nf_conntrack: table full, dropping packet"을 Log로 남긴다), Packet을 잃는 Node 간 Tunnel, 또는 Down된 Backend나 Node. SYN이 마지막으로 관측된 위치로 이들을 구별할 수 있다: 이 Node에서 Drop됨(다음으로 전달되지 않음), 응답하지 않는 Local Pod에 전달됨, 또는 Node 밖으로 전송됨(유실은 Network 상이나 원격 Node에서 발생).
syn-unanswered-confirm-conntrack = conntrack Table이 가득 찼는가?
syn-unanswered-confirm-policy = Policy나 Firewall이 이를 Drop하는가? Client가 재시도하는 동안 Rule Counter를 관찰한다
syn-unanswered-confirm-endpoints = Service에 Ready 상태의 Endpoint가 있는가, 그리고 어느 Node에 있는가(Local Traffic Policy라면 Traffic이 도착하는 Node에 Endpoint가 하나 있어야 한다)?
syn-unanswered-fix-policy = 이를 Drop하는 NetworkPolicy나 Firewall에서 해당 Traffic을 허용한다
syn-unanswered-fix-local-policy = Local Traffic Policy라면 Traffic이 도착하는 모든 Node에 Endpoint를 두거나, Cluster Policy를 사용한다
syn-unanswered-fix-local-policy-tradeoff = Cluster Policy는 다른 Node로 전달하므로 Hop이 하나 늘고, Backend에서 Client의 주소가 가려진다.
syn-unanswered-fix-conntrack = conntrack Table이 가득 찼다면 sysctl만으로 늘리지 말고 kube-proxy 설정(conntrack.maxPerCore, conntrack.min)으로 늘린다: kube-proxy는 시작할 때 net.netfilter.nf_conntrack_max를 직접 설정하고, 수동으로 설정한 sysctl은 재부팅하면 사라진다. 그리고 무엇이 Table을 채우는지 찾는다
syn-unanswered-fix-conntrack-tradeoff = Connection Tracking에 더 많은 Kernel Memory를 사용한다.
syn-unanswered-summary = { $client } → { $server }: { $count ->
    [one] SYN 1개
   *[other] SYN { $count }개
}에 응답이 전혀 없다
syn-unanswered-summary-late = { $client } → { $server }: { $lost ->
    [one] SYN 1개
   *[other] SYN { $lost }개
}가 아무 응답 없이 유실되었고, { $seconds } s 후에야 Connection이 맺어졌다
syn-unanswered-ev-sent = { $client }에서 { $server }(으)로 { $count ->
    [one] SYN을
   *[other] SYN { $count }개를
} 전송하고, { $gaps } s 간격으로 재시도한다
syn-unanswered-ev-left = 각 SYN은 { $interface }에서 Node 밖으로 나갔다
syn-unanswered-ev-delivered = 각 SYN은 { $interface }에서 Pod으로 전달되었다
syn-unanswered-ev-arrived = 각 SYN이 마지막으로 관측된 것은 { $interface }에 도착할 때였다
syn-unanswered-ev-observed = { $interface }의 Capture에는 SYN만 보인다
syn-unanswered-ev-nothing = 어느 SYN에 대해서도 SYN-ACK이나 Reset이 보이지 않는다
syn-unanswered-ev-schedule-linear = 간격은 Kernel의 재전송 Back-off다: Linux 6.5 이상은 1 s 간격의 재시도로 시작한다(tcp_syn_linear_timeouts)
syn-unanswered-ev-schedule-classic = 간격은 Kernel의 재전송 Back-off다: 1, 2, 4, 8, 16, 32 s이므로 7번째 SYN은 약 63 s 후에 전송된다
syn-unanswered-ev-late-answer = 마지막 SYN에만 응답이 왔다: Connection을 맺는 데 { $seconds } s가 걸렸다
syn-unanswered-ev-silence = Reset도 ICMP Error도 돌아오지 않았다: SYN(또는 그 응답)이 도중에 아무 응답 없이 Drop되었다
syn-unanswered-where-left = { $interface } 너머: SYN이 이 Node를 떠났고 아무것도 돌아오지 않았다
syn-unanswered-where-delivered = { $interface } 뒤의 목적지 Pod: SYN을 수신했지만 끝내 응답하지 않았다
syn-unanswered-where-arrived = 이 Node, { $interface } 이후: SYN이 다음으로 전달되지 않았다
syn-unanswered-where-observed = Capture 지점 이후: 응답이 돌아오지 않았다
syn-unanswered-where-client-view = 이 Pod 이후: { $client }에서 { $server } 사이 (이 Capture는 Pod 쪽만 보여 준다)
syn-unanswered-next-client-view = 가능성이 높은 원인(흔한 순서): Node 간에 SYN이 유실됨(VXLAN Overlay: Connection을 1 s 또는 약 63 s 동안 Delay시키는 이중 SNAT Checksum Bug, 또는 UDP 4789/8472 차단), NetworkPolicy·Firewall·Security Group이 SYN을 Drop함, 어느 Node의 conntrack Table이 가득 참. 이 Pod이 실행되는 Node에서 `{ $command }` 명령어로 각 SYN이 나갔는지, 어느 Backend로 DNAT되었는지, 어느 Tunnel로 들어갔는지 확인할 수 있다. Backend가 실행되는 Node에서는 `{ $command }` 명령어로 SYN이 도착했는지 확인할 수 있다.

## ICMP Error

icmp-network-unreachable = network unreachable(Network 도달 불가)
icmp-host-unreachable = host unreachable(Host 도달 불가)
icmp-port-unreachable = port unreachable(Port 도달 불가)
icmp-prohibited = administratively prohibited(관리상 금지)
icmp-fragmentation-needed = fragmentation needed(Fragmentation 필요)
icmp-time-exceeded = time exceeded(시간 초과)
icmp-other = 기타 Error

## connection-refused

connection-refused-title = Connection 거부
connection-refused-symptom = 호출이 멈추지 않고 즉시 "connection refused"(ECONNREFUSED)로 실패하거나, 몇 초 후 "no route to host"(EHOSTUNREACH)로 실패한다.
connection-refused-cause = 무언가가 SYN에 거부로 응답했다. Backend 주소에서 온 TCP Reset은 Packet이 해당 Port에서 아무것도 Listen하지 않는 Pod(또는 Node)에 도달했다는 뜻이다: Service의 targetPort가 Container의 Port와 맞지 않거나, Process가 아직 기동되지 않았거나, 127.0.0.1에서만 Listen하고 있다. Node가 즉시 보내는 ICMP "port unreachable"은 iptables REJECT Rule에 의한 것이다: kube-proxy는 Ready Endpoint가 없는 모든 Service에 대해 filter Table(KUBE-SERVICES 및 KUBE-EXTERNAL-SERVICES Chain, "… has no endpoints" 주석)에 이 Rule을 설치한다. "administratively prohibited"는 Policy Engine과 Firewall의 REJECT Rule에서 나온다. ICMP "host unreachable"은 REJECT Rule이 아니다: Node가 목적지의 MAC 주소를 찾지 못했을 때(ARP 또는 Neighbour Discovery 실패) 약 3 s 후에 보내는 것이므로 해당 Endpoint는 사라진 것이다: 오래된(Stale) Endpoint이거나, 더 이상 아무도 갖고 있지 않은 Pod 주소다.
connection-refused-confirm-endpoints = Service에 올바른 Port로 Ready Endpoint가 있는가?
connection-refused-confirm-reject = kube-proxy(또는 다른 REJECT Rule)가 이를 거부하고 있는가?
connection-refused-confirm-listen = Pod이 모든 주소에서 targetPort로 Listen하고 있는가?
connection-refused-confirm-neighbour = "host unreachable"의 경우: Node가 아직 목적지를 찾을 수 있는가(FAILED 또는 INCOMPLETE Neighbour Entry), 그리고 그 주소를 여전히 가진 Pod이 있는가?
connection-refused-fix-selector = Service의 selector가 Ready Pod과 일치하고 targetPort가 Pod이 Listen하는 Port와 일치하도록 한다
connection-refused-fix-listen = Application이 127.0.0.1이 아니라 0.0.0.0(또는 Pod의 주소)에서 Listen하도록 한다
connection-refused-fix-policy = Node의 Policy나 Firewall이 이를 Reject한다면 그곳에서 해당 Traffic을 허용한다
connection-refused-summary-icmp = { $client } → { $server }: { $from }에서 ICMP { $reason }(으)로 거부되었다
connection-refused-summary-forged = { $client } → { $server }: 이 Node가 { $backend }의 이름으로 Reset을 보내 거부했다
connection-refused-summary-reset = { $client } → { $server }: { $backend }에서 온 Reset으로 거부되었다
connection-refused-ev-syn = { $client }에서 { $server }(으)로 SYN을 전송한다
connection-refused-ev-icmp = { $from }에서 ICMP { $reason }(으)로 응답한다 (Frame { $frame }, SYN 후 { $seconds } s)
connection-refused-ev-host-unreachable = { $seconds } s 후의 "host unreachable"은 목적지에 대한 Neighbour 조회(ARP)가 실패했을 때 Node가 보내는 것이다: 목적지가 사라진 것이며, Rule에 의해 거부된 것이 아니다
connection-refused-ev-forged = { $backend }의 이름으로 된 Reset이 응답하지만, 이 Reset은 { $backend }에서 도착한 것이 아니다: 이 Node가 위조했다 (Frame { $frame })
connection-refused-ev-reset = { $backend }에서 Reset으로 응답한다 (Frame { $frame }): 그곳에서는 아무것도 Listen하지 않는다
connection-refused-ev-ignored = Reset은 Client가 접속한 주소({ $server })가 아니라 { $from }에서 온 것이므로, Client의 Socket은 이를 무시하고 재시도한다({ $count ->
    [one] SYN 1개
   *[other] SYN { $count }개
}): 사용자에게는 거부가 아니라 Timeout으로 보인다
connection-refused-ev-translated = Service 주소는 도중에 { $to }(으)로 변환되었다
connection-refused-where-reject = { $from }의 REJECT Rule: SYN이 어떤 Pod에도 도달하기 전에 거부되었다
connection-refused-where-host-unreachable = { $from }에서 목적지를 찾지 못했다: 그 주소에 응답하는 Host가 더 이상 없다(Stale Endpoint)
connection-refused-where-no-route = { $from }에 목적지로 가는 Route가 없다
connection-refused-where-forged = 이 Node의 REJECT Rule: { $backend }(으)로 가는 SYN이 도달하기 전에 거부되었다
connection-refused-where-reset = { $backend }: 해당 Port에서 Listen하는 Socket이 없다

## pmtu-black-hole

pmtu-black-hole-title = Path MTU Black Hole 현상
pmtu-black-hole-symptom = Connection은 열리고 작은 요청은 동작하지만, 큰 요청이나 응답은 멈춘다(큰 인증서를 쓰는 TLS Handshake, File Upload, 긴 JSON). 종종 Overlay, VPN 또는 특정 Network를 거칠 때만 발생한다.
pmtu-black-hole-cause = 경로 어딘가에 양 끝단이 가정하는 것보다 MTU가 작은 Link가 있다: Overlay의 Encapsulation(VXLAN 50 Byte, IP-in-IP 20, WireGuard 60), VPN, 잘못된 MTU로 설정된 CNI 등이다. 최대 크기 Packet에는 Don't Fragment가 설정되어 있으므로, 이를 전달할 수 없는 Router는 들어갈 수 있는 MTU를 담은 ICMP "fragmentation needed"(ICMPv6 "packet too big")를 보내야 하고, 송신자는 그에 따라 Segment 크기를 줄인다. 이 ICMP가 Filtering되면(Security Group, Firewall, 모든 ICMP를 Drop하는 Policy) 송신자는 이를 알 수 없다: Connection이 Timeout될 때까지 같은 큰 Segment를 Exponential Back-off로 재전송하며, 그동안 Handshake와 작은 Packet은 계속 통과한다. 이런 유실 후 TCP가 스스로 크기를 찾게 해 주는 net.ipv4.tcp_mtu_probing은 Network Namespace 단위로 설정된다: Node의 값과 관계없이 Pod은 0으로 시작한다.
pmtu-black-hole-confirm-ping = Don't Fragment를 설정한 상태로 통과하는 가장 큰 Packet을 찾는다(Payload 1472 Byte가 1500 Byte Packet이 된다: 통과할 때까지 -s 값을 낮춘다)
pmtu-black-hole-confirm-mtu = 경로상의 MTU를 비교한다: Pod, Overlay Device, Uplink
pmtu-black-hole-confirm-icmp = ICMP "fragmentation needed"가 Drop되는지 확인한다
pmtu-black-hole-fix-icmp = 경로상의 모든 Firewall과 Security Group에서 ICMP "fragmentation needed"(type 3 code 4)와 ICMPv6 "packet too big"(type 2)을 허용한다
pmtu-black-hole-fix-mtu = CNI의 MTU를 Underlay MTU에서 Encapsulation Overhead를 뺀 값으로 설정하여, Pod이 들어갈 수 없는 크기의 Packet을 보내지 않도록 한다
pmtu-black-hole-fix-mtu-tradeoff = 새 Pod은 새 MTU를 받는다. 기존 Pod은 다시 생성될 때까지 기존 MTU를 유지한다.
pmtu-black-hole-fix-clamp = 완화책: Forwarding되는 Connection의 MSS를 Path MTU에 맞게 Clamp하거나, TCP가 스스로 Probing하도록 한다. tcp_mtu_probing은 Network Namespace 단위이므로 Node에 설정하면 Host Network Socket에만 적용된다. Pod에는 Pod의 securityContext.sysctls에 설정한다(kubelet --allowed-unsafe-sysctls에서 허용되어 있어야 한다).
pmtu-black-hole-fix-clamp-tradeoff = Clamping은 이 Node를 거치는 TCP에만 효과가 있다. Probing은 유실 후 몇 번의 Round Trip 비용이 든다.
pmtu-black-hole-summary = { $client } → { $server }: { $count ->
    [one] 1회
   *[other] { $count }회
} 전송된 { $length } Byte Segment가 ICMP 응답도 없이 끝내 ACK되지 않는다: 이만큼 큰 Packet은 경로상에서 사라진다
pmtu-black-hole-ev-handshake = { $receiver } 측과의 Handshake가 완료된다: 작은 Packet은 통과한다
pmtu-black-hole-ev-stuck = { $sender }에서 같은 { $length } Byte Segment(Sequence { $sequence })를 { $count ->
    [one] 1회
   *[other] { $count }회
} 전송하지만 끝내 ACK되지 않는다
pmtu-black-hole-ev-stuck-left = { $sender }에서 같은 { $length } Byte Segment(Sequence { $sequence })를 { $count ->
    [one] 1회
   *[other] { $count }회
}, 매번 { $interface }(으)로 내보내지만 끝내 ACK되지 않는다
pmtu-black-hole-ev-no-icmp = 이 Connection에 대해 ICMP "fragmentation needed"나 "packet too big"이 돌아오지 않는다
pmtu-black-hole-where-left = { $interface } 너머, { $receiver }(으)로 가는 경로: Segment보다 MTU가 작은 Link가 이를 Drop하고, 그 ICMP는 돌아오지 않는다
pmtu-black-hole-where = { $sender }에서 { $receiver }(으)로 가는 경로: Segment보다 MTU가 작은 Link가 이를 Drop하고, 그 ICMP는 돌아오지 않는다

## Several captures

in-capture = { $capture }: { $what }

## dns-search-expansion

dns-search-expansion-title = 모든 조회가 먼저 Search List를 거친다
dns-search-expansion-symptom = Cluster 외부 이름의 조회가 느리고, CoreDNS(및 그 Upstream)가 Application이 보내는 것보다 몇 배 많은 Query를 받는다. 그 대부분은 NXDOMAIN으로 응답된다.
dns-search-expansion-cause = Pod의 /etc/resolv.conf에는 Cluster의 Search Domain(<namespace>.svc.cluster.local, svc.cluster.local, cluster.local, 그리고 Node 자신의 Search Domain)이 options ndots:5와 함께 나열되어 있다. 점이 다섯 개 미만인 이름은 적힌 그대로 조회되기 전에 각 Search Domain을 붙인 형태로 먼저 조회되며(resolv.conf(5)), IPv6에서는 각 시도가 A Query와 AAAA Query로 이루어진다. 따라서 api.example.com은 Query 두 개가 아니라 여덟 개가 든다: 실제 Query 전에 CoreDNS와 NXDOMAIN으로 끝나는 Round Trip을 여섯 번 거치며, 그때마다 새 conntrack Entry가 생기고, 바쁜 Node에서는 DNS conntrack Race Condition을 만날 기회가 한 번 더 생긴다. ndots:5는 _service._tcp.name.namespace 같은 이름이 Cluster 내부에서 해석되도록 하기 위한 것이며, 그 비용은 Cluster 외부의 이름이 치른다.
dns-search-expansion-confirm-resolv = Pod의 Resolver 설정을 확인한다: Search List와 ndots
dns-search-expansion-fix-dot = Application 설정에서 외부 이름을 끝에 점을 붙인 FQDN(Fully Qualified Domain Name)으로 적는다
dns-search-expansion-fix-dot-tradeoff = 그 Host를 지정하는 모든 곳을 바꿔야 한다. 일부 HTTP Client와 TLS Library는 끝의 점을 제대로 처리하지 못한다(Host Header와 인증서 검사에 그 점이 보인다).
dns-search-expansion-fix-ndots = Workload의 Pod dnsConfig로 ndots를 낮춘다(ndots 1 또는 2)
dns-search-expansion-fix-ndots-tradeoff = 점이 그만큼 있는 이름은 먼저 적힌 그대로 조회된다: 그러면 web.other-namespace 같은 짧은 Cluster 내부 이름은 확장되기 전에 실패하는 Query를 하나 더 치르고, _srv._tcp.web 같은 이름은 Search List에 의존하게 된다.
dns-search-expansion-fix-autopath = 또는 CoreDNS가 Pod 대신 Search List를 처리해 응답하게 한다: autopath Plugin(autopath @kubernetes, kubernetes Plugin에서 pods verified 설정)
dns-search-expansion-fix-autopath-tradeoff = CoreDNS가 모든 Pod을 Watch해야 하고(Memory 사용과 API Server 부하 증가), 응답을 자신이 질의한 이름과 대조하는 Client는 autopath가 반환하는 CNAME을 거부할 수 있다.
dns-search-expansion-summary = { $client }에서 { $name } 조회에 { $count ->
    [one] Query 1개
   *[other] Query { $count }개
}를 사용했고, 그중 { $wasted }개는 Search List의 이름에 대한 것으로 모두 NXDOMAIN이었다: 응답까지 { $spent } s가 걸렸다
dns-search-expansion-ev-queries = { $client }에서 { $name } 조회 시 각 Search Domain({ $suffixes })을 먼저 붙여 질의한다: { $count ->
    [one] Query 1개
   *[other] Query { $count }개
}
dns-search-expansion-ev-nxdomain = { $count ->
    [one] NXDOMAIN으로 응답된다: 그 이름은 존재하지 않는다
   *[other] { $count }개 모두 NXDOMAIN으로 응답된다: 그 이름들은 존재하지 않는다
}
dns-search-expansion-ev-final = 그제야 { $name } 자체가 적힌 그대로 질의되고 응답이 온다. 조회에 { $spent } s가 걸렸다
dns-search-expansion-where = { $client }의 Resolver 설정(ndots와 Search List)이며, Network가 아니다

## dns-server-unreachable

dns-server-unreachable-title = DNS Server가 전혀 응답하지 않는다
dns-server-unreachable-symptom = Pod 내의 이름 조회가 몇 초간 멈췄다가 실패한다("Temporary failure in name resolution", "i/o timeout"). 모든 이름에서 그렇다.
dns-server-unreachable-cause = Resolver(기본은 glibc)는 각 Query를 resolv.conf의 첫 번째 nameserver로 보내고, Timeout(기본값 5 s)만큼 기다린 뒤 재시도하고, 다음 nameserver로 넘어가며, 시도 횟수(attempts, 기본값 2)를 다 쓰면 포기한다: 응답이 전혀 없으면 모든 조회가 약 10 s를 소모한 뒤 실패한다. Cluster에서 nameserver는 kube-dns Service의 ClusterIP이며, kube-proxy가 이를 CoreDNS Pod으로 DNAT한다. Query가 도중에 Drop되거나(CoreDNS로 가는 UDP 53을 허용하지 않는 NetworkPolicy나 Firewall, CoreDNS Pod들의 Node에 도달할 수 없는 Node), CoreDNS가 Down되었는데 그 Endpoint가 아직 제거되지 않은 경우에는 아무것도 돌아오지 않는다. 응답으로 ICMP port unreachable이 돌아온다면 Query가 Port 53에서 아무것도 Listen하지 않는 Host에 도달했다는 뜻이다.
dns-server-unreachable-confirm-pods = CoreDNS Pod이 실행 중이고 Service의 Endpoint로 등록되어 있는지 확인한다
dns-server-unreachable-confirm-policy = Pod에서 나가는 UDP 53을 막는 Policy를 찾고, CoreDNS Pod에 직접 질의한다
dns-server-unreachable-fix-coredns = CoreDNS를 복구한다(재시작하고, 응답을 멈춘 이유를 확인한다)
dns-server-unreachable-fix-policy = DNS를 허용한다: Egress를 제한하는 NetworkPolicy는 kube-dns Pod으로 가는 UDP 및 TCP 53을 허용해야 한다
dns-server-unreachable-summary = { $client }: { $name } 조회가 { $span } s 동안 { $servers }(으)로 { $count ->
    [one] Query 1개
   *[other] Query { $count }개
}를 보냈지만 응답을 전혀 받지 못했다
dns-server-unreachable-summary-icmp = { $client }: { $servers }(으)로의 { $name } 조회가 ICMP로 거부되었다: 그곳에서는 Port 53에서 아무것도 Listen하지 않는다
dns-server-unreachable-ev-sent = { $client }에서 { $name }에 대해 질의한다: { $span } s 동안 { $servers }(으)로 { $count ->
    [one] 1회
   *[other] { $count }회
} 전송한다(Resolver의 Timeout, 재시도, 다음 Server로의 전환)
dns-server-unreachable-ev-silence = 응답도 ICMP Error도 돌아오지 않는다: Query가 도중에 Drop되거나 무시된다
dns-server-unreachable-ev-icmp = { $from }에서 { $count ->
    [one] ICMP Error가 돌아온다
   *[other] ICMP Error { $count }개가 돌아온다
}: { $reason }
dns-server-unreachable-where = Client와 { $servers } 사이: Query가 응답을 받지 못한다
dns-server-unreachable-where-icmp = { $from }: 그곳에서는 Port 53에서 아무것도 Listen하지 않는다(또는 Rule이 이를 Reject한다)

## dns-error-answers

dns-rcode-servfail = SERVFAIL
dns-rcode-refused = REFUSED
dns-error-answers-title = DNS Server가 Error로 응답한다
dns-error-answers-symptom = 조회가 Timeout되지 않고 즉시 실패한다("server failure", "query refused", "SERVFAIL"). 일부 이름에서, 또는 모든 이름에서 그렇다.
dns-error-answers-cause = Server는 Query를 받았고 Error Code로 응답했다. SERVFAIL(rcode 2)은 Server가 답을 만들어 내지 못했다는 뜻이다: CoreDNS의 경우 보통 그 Upstream(forward Plugin으로 전달하는 대상인 Node의 Resolver)이 Timeout되었거나 실패했거나, 어떤 Plugin이 실패한 것이다. Resolver는 다음 Server를 시도할 수 있으며, 그러면 glibc는 조회를 실패로 처리한다. REFUSED(rcode 5)는 Server가 이 Client 또는 이 Zone에 대해 응답하지 않겠다는 뜻이다: ACL, Authoritative가 아니면서 Recursion도 하지 않는 Server, 또는 Server가 담당하지 않는 Zone에 대한 Query.
dns-error-answers-confirm-logs = CoreDNS의 Log에서 Error와 그 Upstream을 확인한다
dns-error-answers-confirm-upstream = CoreDNS가 어디로 Forward하는지 확인하고, Pod에서 그 Upstream에 직접 질의한다
dns-error-answers-fix-upstream = CoreDNS가 Forward하는 Upstream을 고치거나 교체한다(forward . /etc/resolv.conf, 또는 응답하는 Server를 명시적으로 지정)
dns-error-answers-fix-refused = REFUSED의 경우, 응답하는 Server가 해당 Zone을 담당하는 Server가 되도록 하거나, Client의 주소를 허용한다
dns-error-answers-summary = { $client }: { $server }에서 { $name }에 대해 { $rcode }(으)로 응답했다 ({ $count ->
    [one] 응답 1개
   *[other] 응답 { $count }개
})
dns-error-answers-ev-asked = { $client }에서 { $server }(으)로 { $name } Query를 보낸다
dns-error-answers-ev-errors = { $count ->
    [one] 응답이
   *[other] 응답 { $count }개가
} { $rcode }이다
dns-error-answers-ev-recovered = 같은 조회에 대한 다른 응답은 정상이다: Error는 간헐적이다
dns-error-answers-ev-failed = 이 조회에 대한 정상 응답이 하나도 없다: 조회가 실패한다
dns-error-answers-where = { $server }: 응답은 하지만 Error로 응답한다

## dns-truncated

dns-truncated-title = 끝내 TCP로 다시 오지 않는 잘린(Truncated) DNS 응답
dns-truncated-symptom = 주소가 많은 이름(Pod이 많은 Headless Service, 큰 외부 Record Set)의 조회가 실패하거나 일부 주소만 반환하는 반면, 주소가 적은 이름은 정상적으로 해석된다.
dns-truncated-cause = UDP를 통한 DNS 응답은 512 Byte, 또는 Client가 EDNS로 알린 Buffer 크기로 제한된다. Record가 다 들어가지 않으면 Server는 들어가는 만큼만 TC(truncated) Flag와 함께 보내고, Client는 TCP로 Port 53에 다시 질의해야 한다(RFC 7766). glibc는 그렇게 하지만, musl은 1.2.4 이전에는 그렇게 하지 않았다. DNS Server로 가는 TCP 53이 허용되지 않으면(UDP 53만 허용하는 NetworkPolicy나 Firewall, UDP만 노출하는 Service) TCP Connection이 끝내 열리지 않아 조회가 실패한다. 재시도하지 않는 Client는 불완전한 응답을 사용하거나 아무 응답도 얻지 못한다.
dns-truncated-confirm-tcp = Pod에서 TCP로 질의한다(nslookup의 -vc Option은 TCP를 사용한다)
dns-truncated-confirm-policy = UDP 53은 허용하지만 TCP 53은 허용하지 않는 Policy와 Service를 찾는다
dns-truncated-fix-policy = UDP 53이 허용된 모든 곳에서 DNS Pod으로 가는 TCP 53도 허용한다(NetworkPolicy, Security Group, kube-dns Service의 Port)
dns-truncated-fix-musl = musl 1.2.4보다 오래된 musl Image(Alpine)는 더 새로운 Image나 glibc로 옮기거나, 응답을 작게 유지한다
dns-truncated-fix-musl-tradeoff = 새 Base Image는 Resolver 외에도 많은 것을 바꾼다: 그 Image에서 Application을 Test한다.
dns-truncated-summary-tcp-failed = { $client }: { $server }에서 온 { $name }의 응답이 잘렸고(Truncated), TCP를 통한 재시도는 끝내 통과하지 못했다
dns-truncated-summary-no-tcp = { $client }: { $server }에서 온 { $name }의 응답이 잘렸고(Truncated), Client는 TCP로 다시 질의하지 않았다
dns-truncated-ev-tc = { $server }에서 온 { $name }의 응답에 TC Flag가 있다: UDP에 다 들어가지 않았다
dns-truncated-ev-tcp-failed = Client가 { $server }(으)로 TCP를 연다: { $count ->
    [one] SYN 1개
   *[other] SYN { $count }개
}, { $outcome }
dns-truncated-ev-no-tcp = 그 뒤 Port 53으로의 TCP Connection이 없다: Client는 잘린 응답을 그대로 받아들였다(TCP Fallback이 없는 Resolver)
dns-truncated-where-tcp = TCP Port 53 상의 { $client }에서 { $server } 사이: Connection이 허용되지 않는다
dns-truncated-where-client = { $client }: Resolver가 TCP로 재시도하지 않았다

## syn-unanswered (more)

syn-unanswered-summary-many = { $client } → { $server }: Connection { $count }개에서 SYN이 유실되었다. { $connected ->
    [0] 그중 Connection이 맺어진 것은 하나도 없다
    [one] 그중 1개는 재시도 끝에야 Connection이 맺어졌다({ $seconds } s 후)
   *[other] 그중 { $connected }개는 재시도 끝에야 Connection이 맺어졌다(가장 늦은 것은 { $seconds } s 후)
}
syn-unanswered-ev-many = { $server }(으)로 가는 { $count ->
    [one] Connection 1개
   *[other] Connection { $count }개
}에서도 같은 방식으로 SYN이 유실되었다

## idle-timeout-reset

idle-timeout-reset-title = 경로상의 Device가 잊어버린 Idle Connection
idle-timeout-reset-symptom = 몇 분씩 Idle 상태로 있는 장수 Connection(Database 및 HTTP Connection Pool, gRPC Channel, WebSocket)이 다음에 사용될 때 "connection reset by peer"로 실패하거나, 수 분 동안 멈춰 있다가 실패한다. 새 Connection은 정상 동작한다.
idle-timeout-reset-cause = Connection 경로상의 모든 Stateful Device는 그 Connection에 대한 Entry를 유지하다가, 일정 시간 Packet이 없으면 양 끝단에 알리지 않고 Entry를 잊어버린다. AWS Network Load Balancer는 기본적으로 350 s 후에 그렇게 한다(TCP Listener는 60~6000 s로 설정할 수 있고, TLS Listener는 350 s로 고정이다). Azure Load Balancer Rule은 기본 4분이고, AKS는 Outbound Rule을 30분으로 설정한다. NAT Gateway나 Firewall은 각자의 Timeout을 따른다. Node의 conntrack은 net.netfilter.nf_conntrack_tcp_timeout_established를 따른다: Kernel 기본값은 5일이지만, kube-proxy가 시작할 때 24시간으로 설정한다(--conntrack-tcp-timeout-established, conntrack.tcpEstablishedTimeout). 한쪽 끝이 다시 전송하면 Device는 더 이상 그 Flow를 알지 못한다. AWS NLB는 그 Segment에 Reset으로 응답한다. Azure Load Balancer는 조용히 Drop한다. 단, Rule에서 TCP Reset이 활성화되어 있으면 Timeout이 만료될 때 양 끝단에 Reset을 보낸다. Firewall은 Drop한다. Reset을 받으면 다음 Read나 Write가 즉시 실패하고, 아무 응답이 없으면 송신자는 net.ipv4.tcp_retries2가 포기할 때까지, 기본적으로 약 15분 후까지 Back-off하며 재전송한다. TCP Keepalive가 있으면 Entry가 유지되겠지만, Application이 활성화(SO_KEEPALIVE)하지 않는 한 꺼져 있고, 첫 Probe는 net.ipv4.tcp_keepalive_time, 기본 7200 s를 기다리므로 이 Timeout들보다 훨씬 길다.
idle-timeout-reset-confirm-timeouts = Idle 시간을 경로상의 Idle Timeout과 비교한다: Node의 conntrack Timeout(kube-proxy 기본값 86400 s)과 Load Balancer의 Timeout(Service의 Annotation, 또는 Load Balancer 자체 설정)
idle-timeout-reset-confirm-keepalive = Connection이 TCP Keepalive를 사용하는지(ss에 keepalive Timer가 보인다), 적용되는 Keepalive Time이 얼마인지 확인한다: 이 sysctl은 Network Namespace 단위이므로 Node의 값과 관계없이 Pod은 자신의 값(기본 7200 s)을 가진다
idle-timeout-reset-fix-keepalive = 경로상의 가장 짧은 Idle Timeout보다 자주 Keepalive를 보낸다: Application이나 Client Library에서 Keepalive를 활성화하고, Pod에서 net.ipv4.tcp_keepalive_time을 낮춘다(Kubernetes 1.29부터 Safe sysctl, Kernel 4.5 이상). 이 값은 Keepalive를 활성화한 Socket에만 영향을 준다
idle-timeout-reset-fix-keepalive-tradeoff = 모든 Idle Connection이 몇 분마다 작은 Probe를 보내게 된다. Keepalive를 전혀 활성화하지 않는 Application은 이 sysctl로 얻는 것이 없다: 그 Application 자체의 Keepalive나 Ping Option을 사용한다.
idle-timeout-reset-fix-lb-timeout = 또는 Load Balancer의 Idle Timeout을 늘린다. AWS NLB TCP Listener: Listener Attribute tcp.idle_timeout.seconds(60~6000 s)로, AWS Load Balancer Controller v2.9.0 이상이 Annotation service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-port(이름에 Listener의 Port 번호가 들어간다)에서 설정한다. Azure: service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout, 분 단위(cloud-provider-azure 문서 기준 4~30).
idle-timeout-reset-fix-lb-timeout-tradeoff = Flow가 Load Balancer에 더 오래 남는다. NLB TLS Listener는 어떤 값을 설정하든 350 s를 유지하고, 직접 제어할 수 없는 Device(NAT Gateway, Firewall)도 각자의 Timeout을 가진다: Keepalive는 이 모두를 해결한다.
idle-timeout-reset-fix-pool = 경로상의 가장 짧은 Idle Timeout보다 먼저 Connection Pool이 Idle Connection을 닫도록 한다(AWS NLB 뒤에서는 350 s 미만, Azure Load Balancer 뒤에서는 4분 미만). 그리고 Reset 후에는 멱등(Idempotent) 요청을 한 번 재시도한다
idle-timeout-reset-summary-reset = { $client } → { $server }: { $seconds } s 동안 Idle 상태였던 Connection의 다음 Segment에 Reset이 돌아왔다
idle-timeout-reset-summary-vanished = { $client } → { $server }: { $seconds } s 동안 Idle 상태였던 Connection의 다음 Segment가 사라졌다
idle-timeout-reset-ev-idle = { $seconds } s 동안 아무것도 지나가지 않았다(Frame { $last }에서 Frame { $resumed } 사이). 그 후 { $sender }에서 다시 전송했다
idle-timeout-reset-ev-reset = { $seconds } s 후 { $peer }의 이름으로 된 Reset이 돌아왔다 (Frame { $frame })
idle-timeout-reset-ev-ttl-other = Reset의 TTL은 { $ttl }인데, { $peer } 자신의 Packet은 여기에 { $usual }(으)로 도착했다: 중간의 Device가 { $peer }의 이름으로 만든 것이다
idle-timeout-reset-ev-ttl-same = Reset의 TTL({ $ttl })이 여기서 보이는 { $peer } 자신의 Packet과 같다: Connection을 잊어버린 { $peer }의 Host가 보낸 것이다
idle-timeout-reset-ev-ttl-unknown = 같은 Interface에 그쪽 끝의 이전 Packet이 없어 Reset의 TTL을 비교할 수 없다
idle-timeout-reset-ev-resent = { $sender }에서 그 Segment를 { $seconds } s 동안 { $count ->
    [one] 1회
   *[other] { $count }회
} 전송했다
idle-timeout-reset-ev-nothing = { $peer }에서 아무것도 돌아오지 않았다: ACK도, Reset도, ICMP도 없다
idle-timeout-reset-where-path = { $sender }에서 { $peer } 사이: 경로상의 Device(Load Balancer, NAT Gateway, Firewall)가 Idle Connection을 버리고 Reset했다 (TTL { $ttl })
idle-timeout-reset-where-peer = { $peer }: Idle 상태가 끝났을 때 더 이상 그 Connection을 알지 못했다
idle-timeout-reset-where-left = { $interface } 이후: Segment는 Node를 떠났지만 { $peer }(으)로 가는 도중의 무언가가 이를 전달하지 않았다
idle-timeout-reset-where-lost = { $sender }에서 { $peer } 사이: 경로상의 Device가 더 이상 Idle Connection의 Packet을 전달하지 않았다
idle-timeout-reset-next = 어느 Device가 Connection을 잊어버렸는지는 그 Device의 Idle Timeout 설정(Load Balancer, NAT Gateway)과 반대편에서 드러난다: Server의 Node(또는 Load Balancer의 Target)에서 Capture하여, Idle 후의 Segment가 그곳에 도착했는지 확인한다.

## connection-stalled

connection-stalled-title = 멈춘 Connection: 아무 응답 없는 곳으로 재전송되는 Data
connection-stalled-symptom = 맺어져 있던 Connection이 더 이상 진행되지 않는다: 그 위의 요청이 멈추고, 수 분(기본 약 15분) 후 "connection timed out"(ETIMEDOUT)으로 실패한다. 같은 곳으로의 새 Connection은 동작할 수도 있고 즉시 실패할 수도 있다.
connection-stalled-cause = 송신자의 Data가 끝내 ACK되지 않고 아무것도 돌아오지 않는다: Reset도, ICMP Error도 없다. 그러면 Linux는 재전송 Timer가 만료될 때마다 가장 오래된 미확인 Segment를 다시 보내고, 매번 Timer를 두 배로 늘리며(최대 120 s), net.ipv4.tcp_retries2번 재전송한 뒤 포기한다: 기본값 15, 즉 최소 924.6 s, 약 15분의 Timeout이다. 작은 Segment도 큰 Segment와 마찬가지로 유실되므로 Path MTU 문제가 아니다: 경로가 이 Connection을 전혀 전달하지 않게 된 것이다. Cluster에서 흔한 원인: 반대편 끝이 흔적 없이 사라졌다(그 Node가 종료되거나 단절되었거나, 그 Pod이 삭제됨). NetworkPolicy, Security Group 또는 Firewall이 변경되어 이제 그 Flow를 Drop한다. 경로상 Node에서 Connection을 변환하던(Service DNAT, SNAT) conntrack Entry가 삭제되었거나(conntrack Flush, Node 재부팅) 만료되어, 이후 Packet이 더 이상 변환되지 않고 갈 곳을 잃는다.
connection-stalled-confirm-ss = 송신자에서 Connection을 확인한다: 재전송 Timer(timer:(on,…)), Backoff 횟수, 커지는 rto, 미확인 Segment(unacked), 큰 lastack은 아무도 ACK하지 않는 Data가 있다는 뜻이다
connection-stalled-confirm-peer = 상대편이 아직 존재하고 여전히 Endpoint인가? Node에 아직 이 Connection의 conntrack Entry가 있는가?
connection-stalled-confirm-policy = Connection이 멈춘 시점 전후의 Policy나 Firewall 변경을 찾고, 송신자가 재전송하는 동안 Drop Counter를 관찰한다
connection-stalled-fix-path = Flow를 Drop한 원인(Policy, Security Group, 사라진 상대편)을 해결한다. 멈춘 Connection은 스스로 회복되지 않으므로 새 Connection으로 교체해야 한다
connection-stalled-fix-user-timeout = Application이 더 빨리 알아차리게 한다: Socket에 TCP_USER_TIMEOUT(많은 Client Library가 제공한다)을 미확인 Data를 허용할 수 있는 최대 시간으로 설정한다. 그 시간이 지나면 Connection은 ETIMEDOUT으로 실패하고, Application은 다시 연결할 수 있다
connection-stalled-fix-user-timeout-tradeoff = 값이 너무 짧으면 잠깐의 장애나 느린 상대편을 견뎌 냈을 Connection까지 끊긴다.
connection-stalled-fix-retries2 = 또는 Pod의 Network Namespace에서 net.ipv4.tcp_retries2를 낮춘다(RFC 1122는 최소 100 s, 즉 8 이상의 값을 요구한다). 이는 Kubernetes의 Safe sysctl이 아니므로 kubelet이 허용해야 한다(--allowed-unsafe-sysctls).
connection-stalled-fix-retries2-tradeoff = Pod의 모든 Connection에 적용된다: 값이 짧으면 장애를 견뎌 냈을 Connection도 장애 중에 끊긴다.
connection-stalled-summary = { $client } ↔ { $server }: { $sender }의 Data가 { $seconds } s 동안 { $count ->
    [one] 1회
   *[other] { $count }회
} 전송되었지만 끝내 ACK되지 않았다. Connection이 멈춰 있다
connection-stalled-ev-passed = 그 전에는 { $receiver } 측이 최대 { $largest } Byte Segment까지 Data를 ACK했다: 경로는 동작하고 있었다
connection-stalled-ev-handshake = { $receiver } 측과의 Handshake가 완료되었다: 경로는 동작하고 있었다
connection-stalled-ev-resent = { $sender }에서 같은 { $length } Byte Segment(Sequence { $sequence })를 { $count ->
    [one] 1회
   *[other] { $count }회
} 전송하며, 매번 더 오래 기다린다(간격: { $gaps } s)
connection-stalled-ev-silent = { $receiver }에서 아무것도 돌아오지 않는다: ACK도, Duplicate ACK도, Reset도, ICMP Error도 없다. 통과했던 Segment보다 크지 않은 Segment도 유실되므로 Path MTU 문제가 아니다
connection-stalled-where-left = { $interface } 이후: Segment는 Node를 떠났지만 { $receiver }에 끝내 도달하지 못했거나, 그 응답이 돌아오지 않았다
connection-stalled-where = { $sender }에서 { $receiver } 사이: 경로가 이 Connection의 Packet을 더 이상 전달하지 않았다
connection-stalled-next = { $receiver } 쪽(그 Node, 또는 그 Pod 내부)에서 Capture하여 재전송된 Segment가 그곳에 도착하는지 확인한다: 도착했는데 응답이 없다면 수신자나 그 Node의 Filter가, 도착하지 않았다면 그 사이의 경로가 원인이다.

## port-reuse-rejected

port-reuse-rejected-title = 재사용된 Port의 SYN에 SYN-ACK 대신 ACK이 돌아옴
port-reuse-rejected-symptom = 많은 짧은 Connection이 같은 Server로 갈 때(흔히 NAT를 거쳐) 일부 새 Connection이 몰아서 조금 늦게 열리거나 Timeout된다. Capture를 보면 SYN에 맨 ACK(Bare ACK)이 응답하고, Client가 Reset을 보낸 뒤 SYN을 다시 보낸다.
port-reuse-rejected-cause = TCP Connection은 네 값, 즉 Source 주소와 Port, Destination 주소와 Port로 식별된다. 먼저 닫는 쪽은 이 4-Tuple을 TIME_WAIT(Linux에서 60 s)로 유지하여, 이전 Connection의 늦게 도착한 Segment가 새 Connection의 것으로 오인되지 않게 한다. Server가 아직 TIME_WAIT로 유지하고 있는 Tuple로 SYN이 도착하면, Linux는 그 SYN이 분명히 더 새로운 경우에만 받아들인다: 이전 Connection보다 큰 Sequence Number이거나 더 새로운 TCP Timestamp인 경우다. 그렇지 않으면 Server는 SYN-ACK 대신 이전 Connection의 ACK으로 응답한다(RFC 5961이 Challenge ACK이라 부르는 것). SYN-ACK을 기다리던 Client는 그 ACK에 Reset으로 응답한다. Reset은 TIME_WAIT Entry를 삭제하고(Server가 net.ipv4.tcp_rfc1337=1로 설정하지 않은 경우), Linux Client는 몇 ms 후 즉시 SYN을 다시 보내 Connection을 맺는다. Reset이 Entry를 지우지 못하면(tcp_rfc1337=1이거나 Reset이 도중에 Drop된 경우) 재시도마다 같은 ACK이 돌아오고, SYN은 TIME_WAIT가 끝날 때까지 Back-off한다(1, 2, 4, 8 s …). 하나의 SNAT 주소 뒤에 있는 서로 다른 Client들이 이런 Tuple을 만든다: 그들의 Sequence Number와 Timestamp는 서로 무관하므로 Server는 새 Connection이 더 새롭다는 것을 알 수 없다(RFC 6191이 다루는 문제). NAT는 이전 Flow에 대한 자신의 State가 사라지면 Source Port를 재사용한다. Node의 conntrack은 닫힌 TCP Flow를 net.netfilter.nf_conntrack_tcp_timeout_time_wait(기본 120 s) 동안 유지하므로 Linux의 TIME_WAIT보다 길지만, Entry가 일찍 삭제되거나(conntrack Flush, 삭제된 Pod의 Entry를 Cilium이 제거하는 경우, cilium#45863) Timeout이 더 짧은 NAT Device라면, Server가 아직 이전 Tuple을 유지하는 동안 Port가 풀려난다.
port-reuse-rejected-confirm-timewait = Server에서 Client 주소(그리고 실패한 SYN이 사용한 Port)로 향하는 TIME_WAIT Socket을 찾고, Reset이 이를 지울 수 있는지(tcp_rfc1337 = 0) 확인한다
port-reuse-rejected-confirm-capture = Server 쪽에서 Capture한다: SYN, 이전 Connection의 Acknowledgment Number로 응답하는 맨 ACK, Client의 Reset, 다시 보낸 SYN
port-reuse-rejected-confirm-conntrack = SNAT를 수행하는 Node에서 conntrack이 닫힌 Flow를 얼마나 오래 유지하는지, Server로 가는 어떤 Flow를 아직 가지고 있는지, 어떤 Rule이 이를 Masquerade하는지 확인한다
port-reuse-rejected-fix-reuse = 같은 Server로의 새 Connection을 줄인다: 요청마다 새로 여는 대신 Connection을 재사용한다(HTTP Keep-alive, Connection Pool). Protocol이 허용한다면 Client가 먼저 닫게 하여 TIME_WAIT가 Client 쪽에 남도록 한다. Client는 TIME_WAIT 상태인 자신의 Port를 재사용하지 않는다. net.ipv4.tcp_tw_reuse는 Host가 나가는 Connection에 자신의 TIME_WAIT Port를 재사용하는 방식만 바꿀 뿐, Server가 응답하는 방식은 바꾸지 않는다.
port-reuse-rejected-fix-nat = NAT의 State를 최소한 Server의 TIME_WAIT만큼 유지한다: nf_conntrack_tcp_timeout_time_wait를 60 s 미만으로 낮추지 말고, 바쁜 Node에서 conntrack Flush를 피하며, NAT Device와 Egress Gateway의 Idle Timeout을 이보다 길게 설정한다
port-reuse-rejected-fix-nat-tradeoff = 닫힌 Flow의 Entry가 더 오래 남아 conntrack Table의 공간과 NAT 범위의 Port를 차지한다. 짧은 Connection이 많다면 더 큰 Table이나 더 많은 Egress 주소가 필요할 수 있다.
port-reuse-rejected-summary-late = { $client } → { $server }: 방금 끝난 Connection의 Port로 보낸 SYN이 Challenge ACK으로 거부되었다. Client는 { $seconds } s 후 재시도하고서야 Connection을 맺었다
port-reuse-rejected-summary-failed = { $client } → { $server }: 방금 끝난 Connection의 Port로 보낸 SYN이 Challenge ACK으로 거부되었고, Connection은 끝내 열리지 않았다
port-reuse-rejected-ev-previous-closed = 같은 Port 조합으로 이전에 Connection이 있었고(Frame { $first }), Frame { $fin }에서 닫혔다
port-reuse-rejected-ev-previous = 같은 Port 조합으로 이전에 Connection이 있었다(Frame { $first }부터 Frame { $last }까지)
port-reuse-rejected-ev-syn = { $client }에서 같은 Port 조합으로 새 Connection을 연다 (Frame { $frame })
port-reuse-rejected-ev-challenge = { $server }에서 SYN-ACK이 아니라 이전 Connection의 Sequence Number에 대한 맨 ACK으로 응답한다 (Frame { $frame }): 아직 이전 Connection을 가지고 있다
port-reuse-rejected-ev-reset = { $client }에서 그 ACK을 Reset한다: 자신이 아는 어떤 Connection에도 속하지 않기 때문이다
port-reuse-rejected-ev-retry = Client는 { $seconds } s 후 SYN을 다시 보낸다
port-reuse-rejected-ev-accepted = 이번에는 SYN-ACK이 온다: 이전 State가 사라졌다
port-reuse-rejected-where-time-wait = { $server }: 이전 Connection을 먼저 닫았고, 새 SYN이 왔을 때 아직 TIME_WAIT로 유지하고 있었다
port-reuse-rejected-where-state = { $server }, 또는 그곳으로 가는 경로상의 conntrack이나 NAT: 이 Port 조합에 이전 Connection이 남긴 State

## no-endpoints

no-endpoints-title = Endpoint가 없는 Service: 즉시 거부되거나, Local Endpoint가 없는 Node에서 Drop됨
no-endpoints-symptom = Service로의 Connection이 즉시 "connection refused"(Node에서 온 ICMP port unreachable)로 실패하거나, NodePort나 externalTrafficPolicy: Local인 Load Balancer를 거칠 때 일부 Node에서만 Timeout까지 멈춘다.
no-endpoints-cause = kube-proxy는 Service의 Traffic을 EndpointSlice에 나열된 Ready Endpoint로 보낸다. 하나도 없으면(selector와 일치하는 Pod이 없거나, Ready인 Pod이 없거나, targetPort가 맞지 않는 경우) iptables Mode의 kube-proxy는 filter Table에 "namespace/service:port has no endpoints"라는 주석이 달린 REJECT Rule을 설치한다: Cluster IP는 KUBE-SERVICES에, External IP, Load Balancer IP, Node Port는 KUBE-EXTERNAL-SERVICES에 설치한다. Client는 즉시 ICMP port unreachable을 받고 connect는 "connection refused"로 실패한다. nftables Mode에서는 Service가 kube-proxy Table의 no-endpoint-services Map에 등록되어 같은 방식으로 거부된다. Service에 Endpoint는 있지만 이 Node에는 없고 Traffic Policy가 Local이면(Node Port, External IP, Load Balancer IP는 externalTrafficPolicy, Cluster IP는 internalTrafficPolicy) Rule은 대신 Drop하며, 주석은 "… has no local endpoints"이다: SYN은 사라지고 Client는 Timeout까지 재시도한다. Local Service 앞의 Load Balancer는 이런 Node로 Traffic을 보내지 않아야 한다: kube-proxy는 각 Node의 healthCheckNodePort에서 Service의 Local Endpoint가 있으면 200, 없으면 503으로 응답하므로, Load Balancer는 그 Port를 검사해야 한다.
no-endpoints-confirm-endpoints = Service에 Ready Endpoint가 있는가, 그리고 어느 Node에 있는가?
no-endpoints-confirm-rules = Node에서 그 Service에 대한 kube-proxy의 Reject 및 Drop Rule을 찾는다(iptables Mode, 그다음 nftables Mode)
no-endpoints-confirm-policy = Service의 Traffic Policy와, Node가 Health Check Port에서 무엇을 응답하는지 확인한다(Local Endpoint가 있으면 200, 없으면 503)
no-endpoints-fix-selector = Service가 Ready인 Pod을 선택하게 한다: Pod의 Label과 일치하는 selector, Pod이 Listen하는 targetPort, 통과하는 Readiness Probe
no-endpoints-fix-local-policy = Local Policy라면 Traffic을 받는 모든 Node에 Endpoint를 실행하거나(DaemonSet), Load Balancer가 healthCheckNodePort로 Health Check하도록 하거나, Cluster Policy로 전환한다
no-endpoints-fix-local-policy-tradeoff = Cluster Policy는 다른 Node의 Endpoint로 전달하고(Hop이 하나 늘어난다) Traffic을 Masquerade한다: Backend에서는 더 이상 Client의 주소가 보이지 않는다.
no-endpoints-summary-reject = { $client } → { $server }: Service에 Ready Endpoint가 없다. { $from }에서 SYN을 ICMP port unreachable로 거부했다
no-endpoints-summary-local = { $client } → { $server }: NodePort로 보낸 { $count ->
    [one] SYN 1개
   *[other] SYN { $count }개
}가 Node 안에서 사라졌다: externalTrafficPolicy가 Local인 Service에 Local Endpoint가 없다
no-endpoints-ev-syn = { $client }에서 { $server }(으)로 SYN을 전송한다
no-endpoints-ev-icmp = { $from }에서 ICMP port unreachable로 응답한다 (Frame { $frame }, SYN 후 { $seconds } s)
no-endpoints-ev-in-place = 응답은 { $server }가 아니라 { $from }에서 온다: Node가 Service 주소를 어떤 Pod으로도 변환하기 전에 그 주소를 대신해 응답한 것이다
no-endpoints-ev-node-port = NodePort 범위(30000–32767)에 속한 Port { $port }에 대해, 그 Port를 가진 Node가 응답했다
no-endpoints-ev-not-a-reset = 아무것도 Listen하지 않는 Port는 TCP에 Reset으로 응답한다. TCP에 대한 ICMP port unreachable은 REJECT Rule에서 오며, 바로 kube-proxy가 Endpoint 없는 Service에 설치하는 Rule이다
no-endpoints-ev-silent-syns = { $client }에서 { $server }(으)로 { $seconds } s 동안 { $count ->
    [one] SYN을
   *[other] SYN { $count }개를
} 보낸다. 아무것도 응답하지 않는다
no-endpoints-ev-silent-nowhere = 각 SYN은 { $interface }에 도착한 뒤 어디로도 가지 않는다: Pod으로 변환되지도, 전달되지도 않고, Reset도 ICMP도 없다
no-endpoints-where-reject = { $from }: Ready Endpoint가 없는 Service인 { $server }에 대한 kube-proxy의 REJECT Rule
no-endpoints-where-local = 이 Node, { $interface } 이후: Local Policy Service의 Endpoint가 이 Node에서 실행되지 않으므로 kube-proxy가 여기서 { $server }(으)로 가는 Traffic을 Drop한다

## hairpin-mode-off

hairpin-mode-off-title = Pod이 자신의 Service를 통해 자기 자신에 도달하지 못함: Hairpin Mode 꺼짐
hairpin-mode-off-symptom = 자신이 Backend인 Service를 호출하는 Pod에서 일부 호출이 Timeout된다(Endpoint가 N개면 대략 N번에 한 번꼴, Endpoint가 하나면 항상). 다른 Pod은 그 Service에 도달하고, 그 Pod도 자신의 IP로는 직접 도달한다.
hairpin-mode-off-cause = kube-proxy는 Service의 주소를 Endpoint 중 하나로 DNAT하는데, 때로는 호출한 Pod 자신을 고른다. Pod이 Linux Bridge에 붙어 있다면(flannel이 사용하는 CNI bridge Plugin의 cni0, 또는 kubenet의 cbr0), 변환된 Packet은 들어온 바로 그 Port, 즉 호출한 Pod의 veth로 Bridge를 나가야 한다. Linux Bridge는 그 Port에 Hairpin Mode가 켜져 있지 않으면(/sys/class/net/<veth>/brport/hairpin_mode가 1, bridge -d link show가 "hairpin on"을 출력) Frame을 들어온 Port로 다시 내보내지 않으므로, Packet은 Drop되고 Client는 응답 없는 곳으로 SYN을 재전송한다. kube-proxy는 이 Hairpin Traffic도 Masquerade하므로(KUBE-SEP Chain이 Source가 Endpoint 자신인 Packet을 Marking한다) 응답도 같은 방식으로 Bridge를 지난다. kubelet의 hairpinMode 설정(hairpin-veth, promiscuous-bridge, none)은 kubenet과 제거된 dockershim에서만 이 Flag를 설정했다. CNI Plugin을 쓰는 경우 Plugin이 설정해야 한다: bridge Plugin은 설정에 "hairpinMode": true가 있으면 이를 설정한다(기본값은 false).
hairpin-mode-off-confirm-bridge = Pod의 Node에서 각 Bridge Port의 Hairpin Flag를 읽는다(1, 즉 "hairpin on"이어야 한다). cni0은 사용하는 CNI의 Bridge로 바꾼다
hairpin-mode-off-confirm-cni = CNI 설정이 Hairpin Mode를 요청하는지 확인한다
hairpin-mode-off-confirm-endpoints = 호출하는 Pod이 Service의 Endpoint 중 하나인지 확인한다: kube-proxy가 호출자 자신에게 되돌려 보낸 호출만 실패한다
hairpin-mode-off-fix-cni = CNI 설정에서 Hairpin Mode를 활성화한다: bridge Plugin은 "hairpinMode": true(flannel#849에서 flannel의 kube-flannel-cfg에 이를 켰다)
hairpin-mode-off-fix-cni-tradeoff = Plugin은 Pod을 붙일 때 Flag를 설정한다: 이미 실행 중인 Pod의 Port는 다시 생성될 때까지 그대로다.
hairpin-mode-off-fix-ports = 그동안 실행 중인 Pod의 Port에 대해 수동으로 Hairpin Mode를 켠다
hairpin-mode-off-fix-ports-tradeoff = Pod이 다시 생성되면 사라진다(veth가 새것이 된다). CNI 설정만이 유지된다.
hairpin-mode-off-summary = { $client } → { $server }: Service가 Pod의 SYN을 Pod 자신에게 되돌려 보냈지만, Bridge는 이를 끝내 전달하지 않았다
hairpin-mode-off-ev-syn = { $client }에서 { $server }(으)로 SYN을 전송한다
hairpin-mode-off-ev-itself = Node에서 목적지가 { $server }에서 { $backend }(으)로 변환된다: 선택된 Backend가 호출한 Pod 자신이다
hairpin-mode-off-ev-never-back = 변환된 SYN은 Bridge에서 { $client }의 veth로 끝내 돌아오지 않고, 아무것도 응답하지 않는다
hairpin-mode-off-ev-retries = Client가 SYN을 { $count ->
    [one] 1회
   *[other] { $count }회
} 다시 보내지만 결과는 같다
hairpin-mode-off-where = { $client }의 veth가 붙은 Bridge Port: Hairpin Mode가 없으면 Bridge는 Frame을 들어온 Port로 다시 내보내지 않는다

## conntrack-invalid-reset

conntrack-invalid-reset-title = conntrack이 Packet을 INVALID로 표시하고 NAT가 되돌려지지 않은 뒤의 Reset
conntrack-invalid-reset-symptom = Service로의 길거나 바쁜 Connection(큰 Download, 부하 중의 Stream)이 이따금 양쪽 끝에서 "connection reset by peer"와 함께 끊기며, Application에는 아무 Error도 없다.
conntrack-invalid-reset-cause = kube-proxy는 Service로의 Connection을 Backend Pod 중 하나로 DNAT하고, conntrack은 Backend의 Packet에 대해 그 변환을 되돌린다. TCP의 경우 conntrack은 모든 Packet을 Connection의 Sequence Window와도 대조한다. Window를 벗어난 Packet(부하 중에는 주로 재전송이나 늦게 도착한 Segment)은 INVALID로 표시되고, INVALID Packet은 Connection과 매칭되지 않으므로 NAT가 되돌려지지 않는다: 그 Packet은 Service의 주소 대신 Backend Pod의 주소를 Source로 단 채 Client에 도달한다. Client의 Kernel은 그 주소와의 Connection을 알지 못하므로 Reset으로 응답하고, Pod 주소로 향한 이 Reset은 Backend에게는 유효하므로 Backend는 Connection을 닫는다. 양쪽 끝 모두 "connection reset by peer"를 본다(kubernetes#74839). Kubernetes 1.15부터 kube-proxy는 filter Table에서 INVALID Packet을 Drop하지만(-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP, kubernetes#74840), 이는 Forwarding되는 Traffic만 다룬다: Node 자신으로 향하는 Packet(hostNetwork Client, Node에서 끝나는 NodePort Traffic)은 INPUT을 지난다(kubernetes#117924). Kubernetes 1.29부터 kube-proxy는 net.netfilter.nf_conntrack_tcp_be_liberal이 0일 때만 그 DROP Rule을 설치하며, 이 sysctl을 직접 1로 설정할 수도 있다(conntrack.tcpBeLiberal, --conntrack-tcp-be-liberal). be_liberal이면 conntrack은 Window를 벗어난 Reset만 INVALID로 표시하므로, 늦게 도착한 Data도 NAT가 유지된다.
conntrack-invalid-reset-confirm-rule = kube-proxy가 이 Node에서 INVALID Packet을 Drop하는지, 아니면 conntrack이 Liberal인지 확인한다(kube-proxy는 어느 쪽을 골랐는지 Log로 남긴다)
conntrack-invalid-reset-confirm-invalid = Reset이 발생하는 동안 conntrack의 INVALID Counter를 관찰한다
conntrack-invalid-reset-confirm-capture = Client의 Node에서, Service 주소 대신 Backend Pod의 주소로 도착하는 Packet과 그 뒤에 오는 Client의 Reset을 Capture한다
conntrack-invalid-reset-fix-liberal = 모든 Node에서 conntrack을 Liberal로 만든다: kube-proxy 설정에서 conntrack.tcpBeLiberal: true를 설정하거나(Kubernetes 1.29 이상), sysctl을 설정하고 영구 적용한다
conntrack-invalid-reset-fix-liberal-tradeoff = conntrack이 더 이상 TCP Window를 판단하지 않는다: Window를 벗어난 Reset만 INVALID가 되므로, INVALID에 의존해 떠도는 Segment나 위조된 Segment를 Drop하는 Rule은 그 검사를 잃는다. kube-proxy도 더 이상 INVALID DROP Rule을 설치하지 않는다.
conntrack-invalid-reset-fix-drop = Node 자신에서 끝나는 Connection(KUBE-FORWARD가 다루지 않는)에 대해서는 kubernetes#117924처럼 INPUT에서 INVALID TCP Packet을 Drop한다. 오래된 kube-proxy(1.15 이전)는 업그레이드한다
conntrack-invalid-reset-fix-drop-tradeoff = conntrack이 따라갈 수 없는 정상 Packet(비대칭 Route, Multi-homed Node)도 Drop된다(kubernetes#94861). 이 Rule은 kube-proxy가 관리하지 않으므로 수동으로 영구 적용해야 한다.
conntrack-invalid-reset-summary = { $client } → { $server }: 전송 도중 Backend { $backend }에서 온 Packet이 Service의 주소 없이 Client에 도달했다. Client가 이를 Reset했고 Connection이 끊겼다
conntrack-invalid-reset-ev-open = { $client }에서 { $server }(으)로의 Connection이 열려 Data를 전송하고 있으며, 그 응답은 { $server }(으)로 다시 변환된다
conntrack-invalid-reset-ev-stray = 그러다 Backend의 Packet 하나가 { $server }에서가 아니라 { $backend }에서 온 것으로 Client에 도달한다 (Frame { $frame }): Reverse NAT가 이 Packet을 건너뛰었다
conntrack-invalid-reset-ev-reset = { $client }에서 { $backend }(으)로 Reset을 보내 응답한다: 그 주소와의 Connection이 없기 때문이다
conntrack-invalid-reset-ev-dead = 이 Reset이 Backend에서 Connection을 끝낸다. Client의 다음 Packet에는 { $server }에서 Reset이 돌아온다
conntrack-invalid-reset-where = Client와 { $backend } 사이 Node의 conntrack: Packet을 INVALID(추적 중인 Window 밖)로 판정했으므로, NAT가 이를 { $server }(으)로 되돌리지 않았다

## snat-port-collision

snat-port-collision-title = SNAT Port 충돌: conntrack Entry를 삽입할 때 Drop되는 SYN
snat-port-collision-symptom = Pod들이 Pod Network 밖의 같은 목적지(Database, 외부 API)로 한꺼번에 많은 Connection을 열면, 일부 Connection이 여는 데 약 1초 더 걸리고, Connect Timeout이 짧은 Client는 실패한다. 부하가 클수록 심해진다.
snat-port-collision-cause = Pod에서 Pod Network 밖의 주소로 가는 Traffic은 kube-proxy(KUBE-POSTROUTING)나 CNI Plugin에 의해 Node의 주소로 Masquerade된다. Netfilter는 Connection의 첫 Packet이 NAT를 지날 때 변환될 Source Port를 고르며, Pod 자신의 Source Port가 비어 있어 보이면 그대로 유지한다. 하지만 Connection의 conntrack Entry는 Packet이 Node를 떠날 때에야 Table에 삽입된다. 서로 다른 Pod에서 같은 목적지 주소와 Port로 같은 순간에 맺어지는 두 Connection은 같은 Node Port를 받을 수 있다: 두 번째 삽입이 실패하고, conntrack -S의 insert_failed가 증가하며, 그 SYN은 Drop된다. Client는 1초 후 SYN을 다시 보내고, 비어 있는 Port를 받아 Connection을 맺는다. XING은 2018년에 Kubernetes에서 간헐적으로 발생하던 1초 Connection Delay의 원인을 이 Race Condition으로 밝혀냈다. --random-fully를 쓰는 MASQUERADE는 Port를 무작위로 골라 충돌을 드물게 만들 뿐, 불가능하게 만들지는 않는다. UDP의 DNS에서 일어나는 같은 Race는 dns-conntrack-race 진단 결과다.
snat-port-collision-confirm-insert-failed = Delay가 발생하는 동안 Node에서 실패한 conntrack 삽입을 관찰한다
snat-port-collision-confirm-masquerade = Node의 모든 Masquerade Rule이 Port를 무작위화하는지 확인한다: iptables에서는 --random-fully, nftables에서는 fully-random
snat-port-collision-fix-random-fully = --random-fully로 Masquerade한다: Node의 iptables가 지원하면 kube-proxy와 flannel이 이를 추가한다(Kernel 3.13 이상, Kernel 5.0부터는 --random도 같은 의미). CNI Plugin, ip-masq-agent, 또는 오래된 Component가 만든, 이 Option 없는 MASQUERADE Rule을 찾아 업데이트한다
snat-port-collision-fix-random-fully-tradeoff = 무작위 Port는 충돌을 드물게 만들 뿐, 불가능하게 만들지는 않는다. Source Port가 NAT를 거쳐도 유지된다는 데 의존하는 Software(일부 NAT Traversal, flannel#2273)는 그 동작을 잃는다.
snat-port-collision-fix-no-snat = 필요 없는 Traffic은 Masquerade하지 않는다: Cluster Network 안에 머무는 Traffic은 Pod의 주소를 유지할 수 있다(CNI Plugin이나 ip-masq-agent의 Non-masquerade CIDR)
snat-port-collision-fix-fewer-connections = 같은 목적지로 한꺼번에 여는 새 Connection을 줄인다: Connection을 재사용하거나(Keep-alive, Connection Pool), 여러 Egress 주소로 분산한다
snat-port-collision-summary = { $server }(으)로 가는 { $count ->
    [one] Connection 1개
   *[other] Connection { $count }개
}가 이 Node에서 첫 SYN을 잃었다. 다른 Pod의 Connection이 { $source }에서 같은 SNAT Port를 가져갔기 때문이다. 각 Connection은 { $seconds } s 후 재시도에서야 맺어졌다
snat-port-collision-ev-lost = { $server }(으)로 가는 { $count ->
    [one] SYN 1개
   *[other] SYN { $count }개
}가 Pod에서 Node로 들어와 Node를 떠나지 않았다: 변환된 사본이 나가지 않는다
snat-port-collision-ev-same-port = { $loser }의 SYN과 { $rival }의 SYN이 같은 순간 같은 목적지로 떠났다. { $rival }의 SYN은 { $source }(으)로 나갔는데, 이는 { $loser }에 할당될 주소와 Port였으므로 conntrack은 둘 다 Confirm할 수 없었다
snat-port-collision-ev-same-moment = { $loser }의 SYN과 { $rival }의 SYN이 같은 순간 같은 목적지로 떠났다. { $rival }의 SYN만 { $source }(으)로 나갔다
snat-port-collision-ev-retry = 각 Client는 약 { $seconds } s 후 SYN을 다시 보냈고, 다른 Port로 즉시 나갔다({ $loser }의 SYN은 { $source }(으)로)
snat-port-collision-where = 이 Node의 conntrack, { $source }(으)로의 SNAT를 Confirm하는 시점: { $server }(으)로 가는 다른 Connection이 방금 같은 주소와 Port를 가져갔다(conntrack -S에서 insert_failed로 집계)

## conntrack-table-full

conntrack-table-full-title = conntrack Table 가득 참: 새 Connection이 Drop됨
conntrack-table-full-symptom = Node를 거치는 새 Connection이 실패하거나 재시도 후에야 열린다(SYN과 DNS Query 유실). 이미 맺어진 Connection은 계속 동작한다. Node의 Kernel Log에는 "nf_conntrack: table full, dropping packet"이 반복된다.
conntrack-table-full-cause = Node에서 Netfilter가 추적하는 모든 Flow(kube-proxy가 처리하는 모든 Service Traffic, Masquerade되는 Traffic, conntrack 기반 Policy가 보는 모든 것)에는 conntrack Table의 Entry가 하나씩 필요하다. net.netfilter.nf_conntrack_count가 net.netfilter.nf_conntrack_max에 도달하면 Kernel은 공간을 만들기 위해 Entry 하나를 내보내려 한다(early_drop으로 집계). 그럴 수 없으면 새 Entry를 만들었을 Packet을 Drop하고 "nf_conntrack: table full, dropping packet"을 Log로 남긴다(최신 Kernel은 Host의 것이 아닌 Network Namespace라면 그 이름도 남긴다). 기존 Entry의 Packet은 여전히 매칭되므로, 맺어진 Connection은 계속 동작한다. kube-proxy는 시작할 때 nf_conntrack_max를 설정한다: conntrack.maxPerCore(--conntrack-max-per-core, 기본 32768)에 CPU 수를 곱한 값이되, 최소 conntrack.min(--conntrack-min, 131072)이다. maxPerCore가 0이면 sysctl을 건드리지 않는다. Table은 많은 짧은 Connection, 긴 Timeout(kube-proxy는 Established Connection을 24시간, CLOSE_WAIT를 1시간으로 설정한다), 또는 끝나지 않는 Flow(Scan, 죽은 Endpoint로의 재시도, 응답 없는 Port로의 UDP)로 가득 찬다.
conntrack-table-full-confirm-count = Entry 수를 한도와 비교하고, Kernel Message를 찾고, Drop Counter를 읽는다
conntrack-table-full-confirm-source = 무엇이 Table을 채우는지 찾는다: State별 TCP Entry, 그리고 목적지별 전체 Entry
conntrack-table-full-confirm-kube-proxy = kube-proxy가 시작할 때 무엇을 설정했는지, 그리고 그 설정이 무엇을 요구하는지 확인한다
conntrack-table-full-fix-max = kube-proxy 설정(conntrack.maxPerCore 또는 conntrack.min)에서 한도를 올리고 kube-proxy를 재시작한다: kube-proxy는 시작할 때마다 nf_conntrack_max를 다시 설정하므로, sysctl로 수동 설정한 값은 그때까지만 유효하고 재부팅하면 사라진다
conntrack-table-full-fix-max-tradeoff = Entry가 많을수록 Kernel Memory를 더 사용한다. 한도를 키우면 Leak이나 Flood를 멈추는 대신 가릴 뿐이다.
conntrack-table-full-fix-timeouts = 끝난 Flow와 Idle Flow를 더 짧게 유지한다: kube-proxy의 conntrack.tcpEstablishedTimeout과 conntrack.tcpCloseWaitTimeout, 또는 Node의 nf_conntrack_tcp_timeout 계열 sysctl
conntrack-table-full-fix-timeouts-tradeoff = Entry보다 오래 Idle 상태인 Connection은 NAT를 잃는다: 다음 Packet이 Drop되거나 Reset된다(idle-timeout-reset 진단 결과 참고).
conntrack-table-full-fix-source = Flow를 만드는 원인을 줄인다: 요청마다 Connection을 여는 대신 재사용하고, Node에서 DNS를 Cache하며(NodeLocal DNSCache), Scan이나 재시도 폭주(Retry Storm)는 발생원에서 멈춘다
conntrack-table-full-summary = 이 Node에서 { $seconds } s 안에 새 Connection { $count }개가 SYN을 잃었고, 다른 Connection은 통과했다: conntrack Table이 가득 찼다
conntrack-table-full-summary-pod = { $seconds } s 안에 새 Connection { $count }개가 첫 SYN을 잃었고, 다른 Connection은 통과했다: Node의 conntrack Table이 가득 찼을 때 나타나는 현상이다
conntrack-table-full-ev-dropped = { $destinations ->
    [one] 한 주소로
   *[other] 서로 다른 주소 { $destinations }개로
} 향하는 새 Connection의 SYN { $count }개가 { $seconds } s 안에 Pod에서 Node로 들어와 Node를 떠나지 않았다
conntrack-table-full-ev-unanswered = { $destinations ->
    [one] 한 주소로
   *[other] 서로 다른 주소 { $destinations }개로
} 향하는 새 Connection { $count }개가 { $seconds } s 안에 첫 SYN에 대한 응답을 받지 못했다
conntrack-table-full-ev-passed = 같은 시간 동안 { $count ->
    [one] 다른 새 Connection 1개는
   *[other] 다른 새 Connection { $count }개는
} 즉시 통과했다: 이 목적지 자체를 막는 것은 없다
conntrack-table-full-ev-carried-on = 이전부터 열려 있던 { $client } → { $server } Connection은 폭주 중에도 계속 동작한다: 새 Connection만 Drop된다
conntrack-table-full-ev-recovered = Drop되었던 Connection 중 { $count ->
    [one] 1개는
   *[other] { $count }개는
} 이후 시도에서 통과했다(가장 늦은 것은 { $seconds } s 후): Entry가 만료될 때처럼 Drop이 저절로 멈췄으며, Rule이라면 이렇게 되지 않는다
conntrack-table-full-where = 이 Node의 conntrack: 모든 새 Connection에는 Entry가 필요하며, Table이 nf_conntrack_max에 이르면 새 Connection의 첫 Packet은 NAT와 Routing 전에 Drop된다
conntrack-table-full-where-pod = 이 Pod 아래의 Node, 아마도 그 conntrack Table(Pod 안에서는 다른 유실과 구별할 수 없다)
conntrack-table-full-next = Node에서는 Kernel Log가 이를 알려 주고(dmesg | grep 'table full'), conntrack -S가 Drop을 집계한다. Node에서 tcpdump -ni any를 실행하면 SYN이 들어오고 끝내 나가지 않는 것이 보인다.
