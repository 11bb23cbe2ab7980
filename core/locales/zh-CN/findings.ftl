# dropscope — 简体中文（zh-CN，译自英文版）：诊断结论及其说明。这里的每条消息在 zh-TW、zh-CN 和 ko 中都有相同的 id 和
# 相同的 $参数（由测试检查）。命令、sysctl 名称、链名和地址都是参数或原样文本：请保持原样，不要改动。

## 公共

name = { $name }
the-bridge = 网桥
unknown-point-of-failure = 未知
evidence-syn-retries = 它重试了 { $retries } 次 SYN，间隔 { $gaps } 秒
evidence-client-reset = 客户端对这个意料之外的回包回了 RST（{ $from } → { $to }，第 { $frame } 帧）

## reply-bypasses-conntrack

reply-bypasses-conntrack-title = 回包绕过了 conntrack：Service 的 DNAT 没有被还原
reply-bypasses-conntrack-symptom = Pod 访问 Service（ClusterIP）时超时，但只在被选中的后端 Pod 与它运行在同一节点上时发生；直接访问后端 Pod 的 IP 正常，访问其他节点上的后端也正常。
reply-bypasses-conntrack-cause = kube-proxy（iptables 或 IPVS 模式）把 Service 地址 DNAT 到某个后端 Pod，conntrack 记下这次转换，以便对回包做反向 DNAT。当客户端和后端位于同一个 Linux 网桥（cni0、cbr0）上时，后端回包的目的 MAC 和 IP 都在这个网桥上，于是直接走二层转发。只有在加载了 br_netfilter 模块并且 net.bridge.bridge-nf-call-iptables=1 时，桥接的帧才会经过 iptables 和 conntrack。这个参数关闭时，SYN-ACK 到达客户端时携带的仍是后端 Pod 自己的地址，而不是客户端所访问的 Service 地址。客户端内核无法把它匹配到正在发起连接的 socket，于是回一个 RST；该 socket 继续等待并重试 SYN，所以应用看到的是超时，而不是连接被拒绝。该连接的 conntrack 条目是存在的，并一直停留在 SYN_SENT … [UNREPLIED]：回包从未经过 conntrack。
reply-bypasses-conntrack-confirm-sysctl = 在节点上检查网桥 netfilter 开关和对应的内核模块
reply-bypasses-conntrack-confirm-conntrack = 该 Service 连接的 conntrack 条目一直停留在 SYN_SENT … [UNREPLIED]：conntrack 从未见到回包
reply-bypasses-conntrack-confirm-kube-proxy = kube-proxy 启动时会对此发出警告（iptables 和 IPVS 模式）
reply-bypasses-conntrack-fix-sysctl = 加载 br_netfilter 并让桥接流量经过 iptables，同时将两者都持久化
reply-bypasses-conntrack-fix-sysctl-tradeoff = 此后 Pod 之间的桥接流量会经过 iptables 和 conntrack，这正是 Kubernetes Service 所需要的。要监控这个设置：其他软件（某些 Docker 或防火墙配置）会把它重置。
reply-bypasses-conntrack-summary = { $client } → Service { $service }：SYN-ACK 从后端 { $backend } 返回时没有经过反向 NAT，客户端对它回了 RST（共尝试 { $attempts } 次）
reply-bypasses-conntrack-ev-syn = { $client } 向 Service { $service } 发送 SYN（第 { $frame } 帧）
reply-bypasses-conntrack-ev-dnat = 节点将其 DNAT 到 { $backend }（{ $changes }，在 { $interface } 上）
reply-bypasses-conntrack-ev-syn-ack = SYN-ACK 是从 { $backend } 而不是从 { $service } 到达客户端的：途中没有做反向 NAT（最后一次出现在第 { $frame } 帧）
reply-bypasses-conntrack-ev-bridged = { $interface } 收到它时没有做路由（第 { $frame } 帧）：它是在二层桥接转发的
reply-bypasses-conntrack-ev-syn-ack-matched = 确认它的那个 SYN-ACK（客户端端口相同，ack = 其序列号 + 1）来自 { $backend }（客户端所在子网内的一个 Pod），而不是来自 { $service }：Service 的 DNAT 没有被还原（第 { $frame } 帧）
reply-bypasses-conntrack-where-node = { $bridge }：来自 { $backend } 的回包走了二层转发，从未经过 conntrack，因此 { $service } 的 DNAT 没有被还原
reply-bypasses-conntrack-where-client-view = 后端 { $backend } 与该 Pod 之间，在二者共同所在的节点上：回包到达 Pod 时没有经过 { $service } 的反向 NAT
reply-bypasses-conntrack-next-client-view = 这份抓包是在客户端 Pod 自身上抓的：它能显示未经转换的回包，但显示不出回包是在哪里绕过 conntrack 的。在运行 { $client } 和 { $backend } 的节点上，执行 `{ $command }` 和 `sysctl net.bridge.bridge-nf-call-iptables`：如果 SYN-ACK 穿过网桥而没有经过 conntrack，即可确认。

## lb-hairpin-client-ip

lb-hairpin-client-ip-title = 开启客户端 IP 保留时的负载均衡器 hairpin
lb-hairpin-client-ip-symptom = 集群内的客户端（Pod，以及节点上的进程）通过负载均衡器（AWS NLB 的主机名）访问 Service 时会间歇性超时：当负载均衡器可以选择 N 个目标时，大约每 N 个连接中有一个超时；而集群外的客户端一切正常。
lb-hairpin-client-ip-cause = 负载均衡器把流量转发到各节点的 NodePort，并保留客户端的源地址（客户端 IP 保留，这是 AWS Network Load Balancer 实例类型目标的默认行为）。当它恰好选中客户端所在的那个节点时，数据包以“客户端 → 节点:NodePort”的形式回到该节点。在 externalTrafficPolicy: Local 下，节点把它 DNAT 到本地的后端 Pod，后端 Pod 通过网桥直接回复客户端。在 externalTrafficPolicy: Cluster 下（现场报告中的抓包就是这种情况），节点还会对它做 MASQUERADE：后端回复节点，节点还原这两次转换，然后以 节点:NodePort 为源地址，把 SYN-ACK 在本地直接交给客户端。无论哪种情况，回包都不会经过负载均衡器返回，因此它来自一个客户端从未访问过的地址：客户端对它回 RST 并不断重试，直到 connect 超时。AWS 文档明确说明，启用客户端 IP 保留时不支持 hairpin（NAT 回环）。出现这个问题的前提是负载均衡器发布的是主机名（AWS 就是这样），或者负载均衡器的 ingress 条目（status.loadBalancer.ingress）使用 ipMode: Proxy：如果负载均衡器发布的是 IP 地址，kube-proxy 会把集群内发往它的流量直接短路，数据包根本不会到达负载均衡器。
lb-hairpin-client-ip-confirm-tcpdump = 在客户端所在节点上，查看客户端访问的是哪个地址、回复来自哪个地址，以及客户端发出的 RST
lb-hairpin-client-ip-confirm-target-group = 检查目标组的类型以及它是否保留客户端 IP（AWS）：describe-target-groups 的参数是负载均衡器的 ARN，describe-target-group-attributes 的参数是目标组的 ARN
lb-hairpin-client-ip-confirm-service = 检查 Service 的类型、流量策略，以及它的负载均衡器发布的是什么（主机名，或者 IP 及其 ipMode）
lb-hairpin-client-ip-fix-cluster-ip = 在集群内通过 ClusterIP 或 DNS 名称访问 Service，而不要经过负载均衡器
lb-hairpin-client-ip-fix-cluster-ip-tradeoff = 集群内的流量不再经过负载均衡器（及其监听器、TLS、日志）。
lb-hairpin-client-ip-fix-target-group = 在目标组上关闭客户端 IP 保留
lb-hairpin-client-ip-fix-target-group-tradeoff = 这样后端看到的将是负载均衡器的地址；如果后端需要客户端地址，请使用 proxy protocol v2。如果控制器重建目标组，手工做的修改会丢失。
lb-hairpin-client-ip-fix-annotation = 或者在 Service 上设置，前提是控制器支持该注解：AWS Load Balancer Controller，或 v1.34.0 起的 AWS cloud controller manager（及其 2025 年的 backport 版本）；较旧的 in-tree 控制器会忽略它，所以设置后要检查该属性是否生效。IP 类型目标（service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip）只有 AWS Load Balancer Controller 支持。
lb-hairpin-client-ip-fix-annotation-tradeoff = 客户端 IP 保留的变更只对新连接生效。
lb-hairpin-client-ip-summary = { $client } → 负载均衡器 { $lb }：连接带着客户端地址被送回客户端所在节点，由 { $from } 直接回复，从未经过负载均衡器（共尝试 { $attempts } 次）
lb-hairpin-client-ip-ev-syn = { $client } 向负载均衡器 { $lb } 发送 SYN
lb-hairpin-client-ip-ev-syn-frame = { $client } 向负载均衡器 { $lb } 发送 SYN（第 { $frame } 帧）
lb-hairpin-client-ip-ev-returned = 它离开节点（第 { $left } 帧），又以 { $from } → { $to } 的形式回来（第 { $back } 帧）：客户端地址被保留了
lb-hairpin-client-ip-ev-masquerade = 本节点对它做 MASQUERADE（externalTrafficPolicy: Cluster），并 DNAT 到后端：{ $from } → { $to }
lb-hairpin-client-ip-ev-dnat-local = 本节点将其 DNAT 到后端 { $backend }（没有 MASQUERADE：externalTrafficPolicy: Local）
lb-hairpin-client-ip-ev-short-cut = SYN-ACK 从 { $from } 而不是从 { $lb } 直接发给客户端；它从未经过负载均衡器
lb-hairpin-client-ip-ev-undone = 途中只有本节点做的 NAT 被还原：{ $changes }
lb-hairpin-client-ip-ev-syn-ack-matched = 确认它的那个 SYN-ACK（客户端端口相同，ack = 其序列号 + 1）来自 { $from }（某个节点的 NodePort），而不是来自负载均衡器（第 { $frame } 帧）
lb-hairpin-client-ip-ev-syns-to-lb = { $client } 向负载均衡器 { $lb } 发送 SYN
lb-hairpin-client-ip-ev-forwarded = 每个 SYN 都再次离开，发往节点的 NodePort { $node }，并保留了客户端自己的地址 { $client }（客户端 IP 保留）
lb-hairpin-client-ip-ev-no-syn-ack = 没有 SYN-ACK 从这里返回；客户端重试了 { $retries } 次，间隔 { $gaps } 秒
lb-hairpin-client-ip-where-node = 本节点：发给同一节点上客户端的回包从 { $from } 在本地直接交付，而没有经 { $lb } 返回
lb-hairpin-client-ip-where-client-view = 节点 { $node }：负载均衡器把该 Pod 的连接送回了 Pod 自己所在的节点，该节点直接回复了 Pod，而没有经过 { $lb }
lb-hairpin-client-ip-where-in-path = 节点 { $node }：它发给 { $client } 的回包不经过负载均衡器返回
lb-hairpin-client-ip-next-client-view = 这份抓包是在客户端 Pod 自身上抓的。在它所在的节点（{ $node }）上，`{ $command }` 可以看到 SYN 发往负载均衡器、又带着 Pod 的地址回来，以及回包绕过负载均衡器直接返回。
lb-hairpin-client-ip-next-in-path = 从这里看不到回包。开启客户端 IP 保留时，对于它能直接到达的客户端（该节点上的 Pod：即 hairpin），节点会绕过负载均衡器直接回复；而从这里看，后端宕机的表现完全一样。在节点 { $node } 上，`{ $command }` 可以区分这两种情况：SYN-ACK 从 { $answer } 直接发往 { $client }，以及随后的 RST。

## vxlan-syn-loss

vxlan-syn-loss-title = SYN 在 VXLAN overlay 中丢失
vxlan-syn-loss-symptom = 访问其他节点上的 Service 或 Pod 时连接卡住，大约 63 秒后才成功（Linux 6.5 及更高版本约为 67 秒，因为其 tcp_syn_linear_timeouts 一开始每秒重试一次 SYN），或者 1 秒后成功；超时设得较短的 curl 会失败。多见于从宿主机网络或 hostNetwork Pod 发起的连接，出现在 flannel 或其他 VXLAN overlay 上。
vxlan-syn-loss-cause = 客户端内核会在 1、2、4、8、16、32 秒后重发丢失的 SYN，所以第 7 个 SYN 大约在 63 秒时发出（从 Linux 6.5 起，tcp_syn_linear_timeouts=4 使开头的几次重试间隔为 1 秒：SYN 分别在 0、1、2、3、4、5、7、11、19、35 和 67 秒发出，约 131 秒时放弃）。VXLAN 上的已知原因是：kube-proxy 和 kubelet 写入的 KUBE-MARK-MASQ 给 Service 流量打上 0x4000 标记，KUBE-POSTROUTING 再用 --random-fully 对带标记的数据包做 MASQUERADE。承载这种数据包的 VXLAN 数据包在标记仍未清除的情况下再次经过 POSTROUTING，于是被第二次 SNAT，外层 UDP 源端口被改写，外层 UDP 校验和也随之出错：VXLAN 设备要么通过本地校验和卸载（local checksum offload，4.6 及以后的内核，flannel 的默认设置）来计算它，要么把它置为 0（更早的内核，或设置了 noudpcsum 的设备），而 NAT 对校验和的更新会把这两种情况都改坏。内核修复 ea64d8d6c675（5.7；5.6.13、5.4.41、4.19.123、4.14.181）只覆盖了为 0 的情况。接收端节点的内核把这个数据包当作损坏的包丢弃（UdpInCsumErrors）。重试为什么能通过：nat 表只会看到一条流的第一个数据包，所以重传的 SYN 不会再被打标记；它的结果取决于其外层源端口，而这个端口是 VXLAN 设备根据 socket 的流哈希（flow hash）算出来的。如果内核在每次 SYN 超时时都选用新的哈希（sk_rethink_txhash；net.core.txrehash=1，当前内核的默认值），重试就是一条不带标记的新外层流，不会被 MASQUERADE：它的校验和正确，1 秒后即可连上。如果哈希保持不变（net.core.txrehash=0，或者内核在 SYN 超时时不重新选取哈希），每次重试都会命中外层流的 conntrack 条目及其二次 SNAT 映射，并再次被丢弃，直到这个一直没有回包、每次重试都让它保持存活的 UDP 条目，在 31 秒那个 SYN 之后 30 秒过期：63 秒时的第 7 个 SYN 才得以通过。dropscope 的实验环境在 Linux 6.18 上复现了这两种情况；一份公开的抓包显示，外层端口直到第 7 个 SYN 都保持不变。其他原因造成的丢包从客户端看起来完全一样：节点之间的防火墙或安全组拦截了 UDP 8472/4789，或者接收端节点丢弃了这些数据包。在任一节点上抓包，看外层校验和，就能把它们区分开。
vxlan-syn-loss-confirm-chain = 在发送端节点上查看 KUBE-POSTROUTING：如果它对未打标记的数据包直接 RETURN，并在 MASQUERADE 之前清除标记（--set-xmark 0x4000/0x0），说明已修复；如果对带标记数据包的 MASQUERADE 排在最前面，说明仍有问题。升级之后，旧规则会一直排在最前面，直到被删除。
vxlan-syn-loss-confirm-counter = 在接收端节点上，复现问题时统计 UDP 校验和错误（内核的 "UDP: bad checksum" 日志是一条限速的调试信息：不要等它出现），并查看线路上实际传输的外层校验和
vxlan-syn-loss-confirm-rehash = 在客户端所在节点上，查看 SYN 超时时是选用新的流哈希（重试获得新的外层端口：1 秒），还是保持原哈希（每次重试都被丢弃，直到约 63 秒）
vxlan-syn-loss-confirm-device = 检查 VXLAN 设备的外层校验和设置及其校验和卸载
vxlan-syn-loss-fix-upgrade = 将 kube-proxy 和 kubelet（两者都会写 KUBE-POSTROUTING）升级到在 MASQUERADE 之前先清除数据包标记的版本（kubernetes#92035：1.16.13、1.17.9、1.18.6、1.19.0 及以后），然后删除仍排在 KUBE-POSTROUTING 最前面的旧 MASQUERADE 规则
vxlan-syn-loss-fix-upgrade-tradeoff = 新规则会追加在旧规则之后：在旧规则被清除（手动删除，或重启节点）之前，什么都不会改变。
vxlan-syn-loss-fix-offload = 临时规避：在每个节点上关闭 VXLAN 设备的 tx 校验和卸载
vxlan-syn-loss-fix-offload-tradeoff = 此后外层校验和由软件计算（overlay 流量会消耗更多 CPU）。flannel 重建该设备或节点重启时，这个设置都会丢失：请按 flannel 排障指南中的做法，用 udev 规则将其持久化。
vxlan-syn-loss-fix-kernel = 包含 ea64d8d6c675 的内核（5.7；5.6.13、5.4.41、4.19.123、4.14.181）只修复了外层校验和为 0 的 VXLAN 设备（早于 4.6 的内核，或设置了 noudpcsum）。在较新的内核上使用 flannel 的默认设置时，这还不够：有报告称仅靠这个内核修复并没有消除延迟（kubernetes#90854、#96868；flannel PR #1282）。
vxlan-syn-loss-to = 发往 { $peer }
vxlan-syn-loss-from = 来自 { $peer }
vxlan-syn-loss-between = 在 { $sender } 与 { $peer } 之间
vxlan-syn-loss-connected-after = { $seconds } 秒后才连上
vxlan-syn-loss-never-connected = 始终没有连上
vxlan-syn-loss-summary = { $client } → { $server }：{ $lost } 个 SYN 在 VXLAN overlay 中丢失（{ $peer }，间隔 { $gaps } 秒）；{ $outcome }
vxlan-syn-loss-summary-checksum = { $client } → { $server }：{ $lost } 个 SYN 在 VXLAN overlay 中丢失，外层 UDP 校验和错误（{ $peer }，间隔 { $gaps } 秒）；{ $outcome }
vxlan-syn-loss-ev-lost = { $client } 发往 { $server } 的 { $lost } 个 SYN 没有得到回应，重试间隔 { $gaps } 秒
vxlan-syn-loss-ev-left = 每个 SYN 都封装在 VXLAN { $source } → { $destination }:{ $port }（VNI { $vni }）中，经 { $interface } 离开了节点：丢包发生在本节点之外
vxlan-syn-loss-ev-arrived = 每个 SYN 都封装在 VXLAN { $source } → { $destination }:{ $port }（VNI { $vni }）中到达 { $interface }，但始终没有从隧道中解出来：在解封装之前就在本节点上被丢弃了
vxlan-syn-loss-ev-ports-changed = 各次重试之间外层 UDP 源端口发生了变化（{ $ports }），而内层地址保持不变
vxlan-syn-loss-ev-ports-same = 每次重试的外层 UDP 源端口都相同（{ $ports }）
vxlan-syn-loss-ev-checksum-wrong = 丢失的 SYN 的外层 UDP 校验和错误（共 { $count } 个；第 { $frame } 帧：{ $stored }，正确值应为 { $computed }）：接收端内核会丢弃这样的数据包（UdpInCsumErrors）
vxlan-syn-loss-ev-checksum-ffff = 丢失的 SYN（共 { $count } 个）携带的外层 UDP 校验和为 0xffff（第 { $frame } 帧，正确值应为 { $computed }）：这是原本为 0（禁用）的校验和被第二次 SNAT“更新”后的结果，也就是内核 ea64d8d6c675 修复的那个 bug
vxlan-syn-loss-ev-checksum-through = 成功通过的那个 SYN 的外层校验和：{ $class }
vxlan-syn-loss-ev-checksum-clean = 在这份抓包中，丢失的 SYN 的外层 UDP 校验和：{ $class }。没有二次 SNAT 校验和 bug 的迹象，所以是别的原因丢弃了它们（针对 UDP { $port } 的过滤规则或安全组，或者接收端节点）
vxlan-syn-loss-ev-checksum-unknown = 在这份抓包中无法检查丢失的 SYN 的外层 UDP 校验和（{ $class }）；在接收端节点上，`nstat -az UdpInCsumErrors` 可以统计其内核因校验和错误而丢弃的数据包
vxlan-syn-loss-ev-crossed = 每个 SYN 都封装在 VXLAN { $source } → { $destination }:{ $port }（VNI { $vni }）中经过了 { $interface }，没有任何回应返回
vxlan-syn-loss-ev-answered = SYN-ACK 终于经隧道返回；建立连接耗时 { $seconds } 秒
vxlan-checksum-right = 正确
vxlan-checksum-wrong = 错误
vxlan-checksum-offloaded = 卸载占位值，由网卡稍后补全
vxlan-checksum-zero = 0（已禁用）
vxlan-checksum-unverifiable = 无法校验（抓包被截断）
vxlan-syn-loss-where-sender = { $interface } 之外：SYN 被封装后从本节点发往 { $peer }，没有任何回包
vxlan-syn-loss-where-receiver = 本节点的 { $interface }：来自 { $peer } 的 VXLAN 数据包已经到达，但在解封装之前被丢弃（外层校验和错误，或针对 UDP { $port } 的过滤）
vxlan-syn-loss-where-checksum = { $peer }，即接收端节点：它的内核因外层 UDP 校验和错误而丢弃来自 { $sender } 的 VXLAN 数据包（这些数据包经过 { $interface } 时就带着错误的校验和）
vxlan-syn-loss-where-wire = { $peer }，或 { $interface } 之后的网络：来自 { $sender } 的 VXLAN 数据包经过了这条链路，没有任何回包
vxlan-syn-loss-next-sender = 在接收端节点（{ $peer }）上运行 `{ $command }`（或只抓它的上联网卡），可以看到数据包是否到达、外层校验和是多少；在那里运行 `nstat -az UdpInCsumErrors` 可以统计这类丢包。
vxlan-syn-loss-next-wire = 这份抓包可能来自任一节点的上联网卡。在发送端节点（{ $sender }）上，`iptables -t nat -S KUBE-POSTROUTING` 可以看出 Service 流量是否被 MASQUERADE 了两次；在接收端节点（{ $peer }）上，`nstat -az UdpInCsumErrors` 可以统计其内核因校验和错误而丢弃的数据包。
vxlan-syn-loss-next-receiver = 在发送端节点（{ $peer }）上，`iptables -t nat -S KUBE-POSTROUTING` 可以看出 Service 流量是否被 MASQUERADE 了两次。

## reply-dropped-on-host

reply-dropped-on-host-title = 回包在节点上被丢弃
reply-dropped-on-host-symptom = 对端明明有回应，连接却超时：可以看到它的回包到达了节点，但没有继续往下走。kubelet 对拥有独立安全组的 Pod（EKS security groups for pods）发起的存活探针和就绪探针失败；或者 Pod 经由非对称路由的连接失败。
reply-dropped-on-host-cause = 有两种机制会在节点上丢弃回包。（1）Pod 安全组（Amazon VPC CNI，branch ENI）：kubelet 发往 Pod 的 SYN 从 eth0 发出，再经 trunk ENI 的 VLAN 子接口回到 Pod 的 veth 在宿主机一侧的那一端。Pod 的 SYN-ACK 从宿主机侧的这个 veth 进入节点，然后被内核丢弃：当 net.ipv4.tcp_early_demux=1 时，ip_rcv_finish 把它交给 tcp_v4_early_demux，后者找到了 kubelet 正在发起连接的 socket，而这个 socket 缓存的接收路由（sk_rx_dst）在握手期间仍然为空。反方向上，Pod 发给 kubelet 的 ACK 在经过宿主机侧 veth 之后被丢弃。AWS 将原因追溯到了 early demux；内核中确切的丢包位置并未公开。（2）严格反向路径过滤：在非对称路由下，回包到达的接口并不是通往其源地址的回程路由所在的接口，net.ipv4.conf.*.rp_filter=1 会把它丢弃（计入 TcpExtIPReversePathFilter）。
reply-dropped-on-host-confirm-rp-filter = 复现问题时统计反向路径过滤造成的丢包，并查看 rp_filter 设置（生效值取 "all" 和该接口两者中的较大值）
reply-dropped-on-host-confirm-route = 按内核的检查方式测试回程路径：模拟一个来自远端、到达该接口的回包。如果报错（6.12 及以前的内核为 Invalid cross-device link，更新的内核为 Invalid argument），而改成 rp_filter=2 后错误消失，说明是反向路径过滤丢弃了它。
reply-dropped-on-host-confirm-early-demux = Pod 安全组：检查 early demux，以及 VPC CNI 的 init 容器收到的配置
reply-dropped-on-host-fix-early-demux = Pod 安全组：让 VPC CNI 的 init 容器（aws-vpc-cni-init）关闭 TCP early demux。这需要 VPC CNI 1.7.3 或更高版本，且内核有 net.ipv4.tcp_early_demux（如果有些节点没有这个键，则需要 1.7.4 或更高版本）。只要 DISABLE_TCP_EARLY_DEMUX 为 false，init 容器每次运行时都会把这个 sysctl 改回 1，所以手工修改不会持久。使用 EKS 托管插件时，应在插件的配置中设置（第二条命令），而不是给 DaemonSet 打补丁。
reply-dropped-on-host-fix-early-demux-tradeoff = 此后每个入站 TCP 报文段都要重新做一次路由查找：本地 TCP 延迟会略有升高。
reply-dropped-on-host-fix-standard-mode = 或者，在 VPC CNI 1.11 或更高版本中，以 standard 模式执行 Pod 安全组，该模式不会干预从节点（kubelet）到其 Pod 的流量。已经关联了安全组的 Pod 必须重建。
reply-dropped-on-host-fix-standard-mode-tradeoff = 同一节点上 Pod 之间的流量，以及从节点到其 Pod 的流量，将不再受 Pod 安全组的过滤。
reply-dropped-on-host-fix-rp-filter = 非对称路由：在接收接口上使用宽松（loose）反向路径过滤，或者用策略路由让路由对称
reply-dropped-on-host-fix-rp-filter-tradeoff = 宽松模式只检查源地址能否经由某个接口到达：对伪造源地址的防护会变弱。
reply-dropped-on-host-ev-syns = { $client } 向 { $server } 发送了 { $count } 个 SYN
reply-dropped-on-host-ev-asymmetric = 它们从 { $out } 离开节点，但回包从 { $arrived } 回来：非对称路由
reply-dropped-on-host-ev-dropped = 来自 { $from } 的 { $count } 个 SYN-ACK 到达 { $arrived }，但没有一个被继续转发到 { $client } 所在的 { $pod_side }
reply-dropped-on-host-summary = { $client } → { $server }：{ $count } 个回包经 { $arrived } 到达了节点，并在到达 { $pod_side } 之前被丢弃
reply-dropped-on-host-where = 在节点上，位于 { $arrived }（回包到达处）与 { $pod_side }（Pod 一侧）之间
reply-dropped-on-host-ev-open = { $client } 向 { $server } 发起连接（SYN）
reply-dropped-on-host-ev-syn-ack-arrived = { $server } 的 SYN-ACK 到达 { $interface }，发往节点自身的 socket { $client }，但始终没有得到确认
reply-dropped-on-host-ev-syn-ack-sent = { $server } 回了 SYN-ACK，但始终没有得到确认
reply-dropped-on-host-ev-resent = { $server } 重发了 { $count } 次 SYN-ACK：它始终没有收到握手的最后一个 ACK
reply-dropped-on-host-ev-more = 从 { $client } 到 { $server } 的另外 { $count } 个连接也以同样方式结束（每隔几秒一次探测）
reply-dropped-on-host-ev-ack-arrived = { $client } 连接 { $server }：完成握手的 ACK 到达了 { $interface }（第 { $frame } 帧）
reply-dropped-on-host-ev-ack-sent = { $client } 连接 { $server }：它发出了完成握手的 ACK（第 { $frame } 帧）
reply-dropped-on-host-ev-ack-resent = 此后 { $server } 又重发了 { $count } 次 SYN-ACK：这个 ACK 从未到达它的 socket，客户端发送的数据也始终没有得到确认
reply-dropped-on-host-summary-not-taken-arrived = { $other } ⇄ { $socket }：发给 { $socket } 自身 socket 的握手数据包到达了 { $interface }，但始终没有被接收（{ $connections } 个连接）
reply-dropped-on-host-summary-not-taken = { $other } ⇄ { $socket }：发给 { $socket } 自身 socket 的握手数据包始终没有被接收（{ $connections } 个连接）
reply-dropped-on-host-where-not-taken-arrived = 在节点上，{ $interface } 之后：来自 { $other }、发往节点自身地址 { $socket } 的数据包到达了这里，但在到达其 socket 之前被丢弃
reply-dropped-on-host-where-not-taken = 在 { $other } 与 { $socket } 上的 socket 之间：数据包已经发出，但始终没有到达该 socket
reply-dropped-on-host-next-not-taken = 在地址为 { $socket } 的节点上，`{ $command }` 可以看出数据包是否到达了 Pod 在宿主机一侧的接口并止步于此；`sysctl net.ipv4.tcp_early_demux` 和 `nstat -az TcpExtIPReversePathFilter` 可以区分是 early demux 还是 rp_filter 造成的。
the-node = 节点
the-pod = Pod 一侧

## dns-conntrack-race

dns-conntrack-race-title = DNS 解析耗时 5 秒：并行查询引发的 conntrack 竞争
dns-conntrack-race-symptom = Pod 中的域名解析间歇性地恰好耗时 5 秒（或 10、15 秒）后才成功；应用延迟中出现 5 秒的台阶。
dns-conntrack-race-cause = glibc（以及 musl）从同一个 UDP socket 并行发送 A 和 AAAA 查询，所以两个数据包的五元组相同。每个数据包经过 DNAT、发往 DNS Service（kube-dns 的 ClusterIP → 某个 CoreDNS Pod）时，会创建各自的 conntrack 条目。当两者在不同 CPU 上发生竞争时，第二次插入会发现第一个数据包的条目，于是插入失败（conntrack -S 统计为 insert_failed），这个数据包被丢弃；当存在多个 DNS Endpoint 时，两者还可能被 DNAT 到不同的 Pod，其中一个应答会在返回途中丢失。解析器等待超时（默认 5 秒）后重新查询；重试会成功。Linux 5.6（6a757c07e51f，"allow insertion of clashing entries"）在存在多个 DNAT 目标时会放行发生冲突的数据包，5.9（c46172147ebb）则保证这类条目不会丢失其回包；更早的内核只能化解其中一部分冲突。
dns-conntrack-race-confirm-insert-failed = 在解析变慢期间，查看节点上 conntrack 插入失败的情况
dns-conntrack-race-confirm-time = 在受影响的 Pod 中对解析计时（使用 bash 或 busybox sh：dash 没有 time 关键字）
dns-conntrack-race-fix-single-request-reopen = glibc：让解析器为第二个查询重新打开 socket（resolv.conf 选项 single-request-reopen，在 Pod spec 中设置）
dns-conntrack-race-fix-single-request-reopen-tradeoff = 仅适用于 glibc。musl（Alpine）只从 resolv.conf 读取 ndots、attempts 和 timeout，会忽略这个选项，就像它忽略 use-vc 一样：对于 musl 镜像，请使用 NodeLocal DNSCache 或更新的内核。
dns-conntrack-race-fix-nodelocaldns = 部署 NodeLocal DNSCache：Pod 向自己所在节点上的缓存查询，不经过 DNAT 或 conntrack，而缓存对集群域名通过 TCP 访问 kube-dns。请先替换清单中的 __PILLAR__ 变量（这里展示的是 iptables 模式；IPVS 模式有所不同：参见指南）。
dns-conntrack-race-fix-nodelocaldns-tradeoff = 多了一个需要运行和升级的 DaemonSet。
dns-conntrack-race-fix-kernel = 将节点内核升级到 5.9 或更高版本，或者升级到已 backport 6a757c07e51f 和 c46172147ebb 的发行版内核
dns-conntrack-race-summary = { $client }：同一 socket 并行发出 { $first } 和 { $second } 查询；{ $lost } 的应答丢失了，解析等待了 { $seconds } 秒，直到解析器重试
dns-conntrack-race-summary-server-side = { $client }：同一 socket 并行发出 { $first } 和 { $second } 查询；这里已经作了应答，但 { $seconds } 秒后又被重新查询：其中一个在这里与客户端之间丢失了
dns-conntrack-race-ev-parallel = { $first } 和 { $second } 从同一个 socket 发出，从 { $client } 发往 { $server }，前后相隔 { $micros } 微秒
dns-conntrack-race-ev-answer-lost = { $query } 的应答到达了 { $arrived }（第 { $frame } 帧），但在发往客户端的途中，始终没有出现在 { $expected } 上
dns-conntrack-race-ev-no-answer = 完全看不到 { $query } 的应答
dns-conntrack-race-ev-retry = 解析器在 { $seconds } 秒（即其超时时间）后重新查询
dns-conntrack-race-ev-answered = 重试得到了应答；这次解析耗时 { $seconds } 秒
dns-conntrack-race-ev-arrives = 来自 { $client } 的 { $query } 到达，目标为 { $server }
dns-conntrack-race-ev-answered-here = 它在这里得到了应答（第 { $frame } 帧）
dns-conntrack-race-ev-asked-again = { $seconds } 秒（即其超时时间）后，解析器再次发出这个查询：它没有收到所等待的全部应答
dns-conntrack-race-ev-partner-late = 来自同一 socket 的 { $query } 直到重试时才到达：它的首次发送（与另一个查询并行发出）始终没有出现在这份抓包中
dns-conntrack-race-ev-partner-answered = { $query } 是从同一 socket 并行发出的，在这里也得到了应答，并与前者一起被重新查询
dns-conntrack-race-where-node = 在节点上，位于 { $arrived } 与 { $expected } 之间：应答在发往 Pod 的途中被丢弃
dns-conntrack-race-where-unseen = 在 Pod 与 DNS 服务器之间：查询或其应答在 DNAT 之后被丢弃
dns-conntrack-race-where-before = 在这份抓包之前：第一个 { $lost } 查询在离开 { $client } 之后丢失（在客户端所在节点上，DNAT 之后）
dns-conntrack-race-where-beyond = 在这份抓包之外，在返回 { $client } 的途中：一个从这里发出的应答始终没有到达客户端
dns-conntrack-race-next-server-side = 这份抓包位于 DNS 服务器一侧。在运行 { $client } 的节点上，`{ $command }` 可以看出两个查询中丢失的是哪一个、在哪里丢失（应答到达了上联网卡却始终没有到达 Pod，或者查询在 DNAT 之后始终没有发出）；在那里运行 `conntrack -S` 可以统计 insert_failed。

## syn-unanswered

syn-unanswered-title = SYN 被静默丢弃
syn-unanswered-symptom = 连接一直卡住，直到客户端 connect 超时，或者过了好几秒才建立；没有出现 "connection refused"。
syn-unanswered-cause = 没有任何一方回应这些 SYN：既没有 SYN-ACK，也没有 RST。端口没有监听，或者 Service 没有 Endpoint，通常都会立即得到回应（Pod 的内核发送 RST；kube-proxy 用 ICMP 拒绝），所以毫无回应意味着某处丢包了：NetworkPolicy 或防火墙（iptables、nftables、云上的安全组）丢弃了 SYN；Service 的 internalTrafficPolicy 或 externalTrafficPolicy 为 Local，而该节点上没有 Endpoint（kube-proxy 会直接丢弃，而不是拒绝）；conntrack 表已满（内核日志 "nf_conntrack: table full, dropping packet"）；节点之间的隧道丢包；或者后端或节点宕机了。SYN 最后出现的位置可以区分这些情况：在本节点上被丢弃（从未被继续发出）、已交给本地 Pod 但 Pod 没有回应，或者已从节点发出（丢包发生在网络上或远端节点上）。
syn-unanswered-confirm-conntrack = conntrack 表是否已满？
syn-unanswered-confirm-policy = 是否有策略或防火墙丢弃了它？在客户端重试时观察规则计数器
syn-unanswered-confirm-endpoints = Service 是否有就绪的 Endpoint，它们分布在哪些节点上（Local 流量策略要求流量到达的节点上必须有一个）？
syn-unanswered-fix-policy = 在丢弃该流量的 NetworkPolicy 或防火墙中放行它
syn-unanswered-fix-local-policy = 使用 Local 流量策略时，在流量会到达的每个节点上都运行一个 Endpoint，或者改用 Cluster 策略
syn-unanswered-fix-local-policy-tradeoff = Cluster 策略会转发到其他节点，多一跳，并且后端看不到客户端地址。
syn-unanswered-fix-conntrack = 如果 conntrack 表已满，通过 kube-proxy 的配置（conntrack.maxPerCore、conntrack.min）调大，而不是只用 sysctl：kube-proxy 启动时会自行设置 net.netfilter.nf_conntrack_max，而手工设置的 sysctl 重启后就会丢失；同时要查清是什么把它占满的
syn-unanswered-fix-conntrack-tradeoff = 连接跟踪会占用更多内核内存。
syn-unanswered-summary = { $client } → { $server }：{ $count } 个 SYN，完全没有回应
syn-unanswered-summary-late = { $client } → { $server }：{ $lost } 个 SYN 丢失，没有任何回应；{ $seconds } 秒后才连上
syn-unanswered-ev-sent = { $client } 向 { $server } 发送了 { $count } 个 SYN，重试间隔 { $gaps } 秒
syn-unanswered-ev-left = 每个 SYN 都经 { $interface } 离开了节点
syn-unanswered-ev-delivered = 每个 SYN 都经 { $interface } 交给了 Pod
syn-unanswered-ev-arrived = 每个 SYN 最后一次被看到，都是在到达 { $interface } 时
syn-unanswered-ev-observed = { $interface } 上的抓包中只有这些 SYN
syn-unanswered-ev-nothing = 它们都没有得到 SYN-ACK，也没有得到 RST
syn-unanswered-ev-schedule-linear = 这些间隔是内核的重传退避：Linux 6.5 及更高版本开头几次以 1 秒间隔重试（tcp_syn_linear_timeouts）
syn-unanswered-ev-schedule-classic = 这些间隔是内核的重传退避：1、2、4、8、16、32 秒，所以第 7 个 SYN 大约在 63 秒后发出
syn-unanswered-ev-late-answer = 只有最后一个 SYN 得到了回应：建立连接耗时 { $seconds } 秒
syn-unanswered-ev-silence = 没有返回任何 RST 或 ICMP 错误：SYN（或对它们的回应）在途中被静默丢弃
syn-unanswered-where-left = { $interface } 之外：SYN 已离开本节点，没有任何回包
syn-unanswered-where-delivered = { $interface } 后面的目标 Pod：它收到了 SYN，却始终没有回应
syn-unanswered-where-arrived = 本节点，{ $interface } 之后：SYN 从未被继续发出
syn-unanswered-where-observed = 抓包点之后：没有任何回包返回
syn-unanswered-where-client-view = 该 Pod 之后：在 { $client } 与 { $server } 之间（这份抓包只显示 Pod 这一侧）
syn-unanswered-next-client-view = 可能的原因，按常见程度排列：SYN 在节点之间丢失（VXLAN overlay：二次 SNAT 的校验和 bug，它会让连接卡住 1 秒或约 63 秒；或者 UDP 4789/8472 被拦截）；NetworkPolicy、防火墙或安全组丢弃了它们；某个节点上的 conntrack 表已满。在运行该 Pod 的节点上，`{ $command }` 可以看出每个 SYN 是否已发出、被 DNAT 到了哪个后端、进入了哪个隧道；在运行后端的节点上，`{ $command }` 可以看出它是否到达。

## ICMP 错误

icmp-network-unreachable = 网络不可达
icmp-host-unreachable = 主机不可达
icmp-port-unreachable = 端口不可达
icmp-prohibited = 被管理策略禁止
icmp-fragmentation-needed = 需要分片
icmp-time-exceeded = 超时（time exceeded）
icmp-other = 错误

## connection-refused

connection-refused-title = 连接被拒绝
connection-refused-symptom = 调用立即失败，报 "connection refused"（ECONNREFUSED），或者几秒后报 "no route to host"（EHOSTUNREACH），而不是一直卡住。
connection-refused-cause = 有一方以拒绝回应了 SYN。来自后端地址的 TCP RST 表示数据包到达了某个 Pod（或节点），但那里没有进程监听该端口：Service 的 targetPort 与容器端口不一致、进程还没起来，或者它只监听 127.0.0.1。由节点立即发出的 ICMP "port unreachable"（端口不可达）来自一条 iptables REJECT 规则：kube-proxy 会为每个没有就绪 Endpoint 的 Service 在 filter 表中（KUBE-SERVICES 和 KUBE-EXTERNAL-SERVICES 链，注释为 "… has no endpoints"）装一条这样的规则；"administratively prohibited"（被管理策略禁止）来自策略引擎和防火墙的 REJECT 规则。ICMP "host unreachable"（主机不可达）则不是 REJECT 规则产生的：节点找不到目的地址的 MAC 地址（ARP 或邻居发现失败）时，大约 3 秒后才会发出它，这说明该 Endpoint 已经不存在了：可能是过期的 Endpoint，或者是一个已经没有任何 Pod 持有的地址。
connection-refused-confirm-endpoints = Service 是否有就绪的 Endpoint，端口是否正确？
connection-refused-confirm-reject = 是否是 kube-proxy（或其他 REJECT 规则）拒绝了它？
connection-refused-confirm-listen = Pod 是否在 targetPort 上监听，并且监听的是所有地址？
connection-refused-confirm-neighbour = 对于 "host unreachable"：节点是否仍能找到目的地址（邻居表项是否为 FAILED 或 INCOMPLETE），以及是否还有 Pod 持有该地址？
connection-refused-fix-selector = 让 Service 的 selector 匹配到就绪的 Pod，并让它的 targetPort 与这些 Pod 监听的端口一致
connection-refused-fix-listen = 让应用监听 0.0.0.0（或 Pod 的地址），而不是 127.0.0.1
connection-refused-fix-policy = 如果是节点上的策略或防火墙拒绝了它，在那里放行该流量
connection-refused-summary-icmp = { $client } → { $server }：被 { $from } 以 ICMP { $reason } 拒绝
connection-refused-summary-forged = { $client } → { $server }：被本节点以 { $backend } 的名义回 RST 拒绝
connection-refused-summary-reset = { $client } → { $server }：被 { $backend } 以 RST 拒绝
connection-refused-ev-syn = { $client } 向 { $server } 发送 SYN
connection-refused-ev-icmp = { $from } 以 ICMP { $reason } 回应（第 { $frame } 帧，SYN 发出后 { $seconds } 秒）
connection-refused-ev-host-unreachable = { $seconds } 秒后才到的 "host unreachable"，是节点对目的地址的邻居查找（ARP）失败时发出的：目的地址已经不存在了，而不是被某条规则拒绝
connection-refused-ev-forged = 一个以 { $backend } 名义发出的 RST 回应了它，但这个 RST 从未从 { $backend } 那边过来：它是本节点伪造的（第 { $frame } 帧）
connection-refused-ev-reset = { $backend } 回了 RST（第 { $frame } 帧）：那里没有进程在监听
connection-refused-ev-ignored = 这个 RST 的源地址是 { $from }，而不是客户端所访问的地址 { $server }，所以客户端的 socket 会忽略它并继续重试（{ $count } 个 SYN）：用户看到的是超时，而不是连接被拒绝
connection-refused-ev-translated = Service 地址在途中被转换成了 { $to }
connection-refused-where-reject = { $from } 上的一条 REJECT 规则：SYN 在到达任何 Pod 之前就被拒绝了
connection-refused-where-host-unreachable = { $from } 找不到目的地址：这个地址已经没有主机应答了（过期的 Endpoint）
connection-refused-where-no-route = { $from } 没有到达目的地址的路由
connection-refused-where-forged = 本节点上的一条 REJECT 规则：发往 { $backend } 的 SYN 在到达它之前就被拒绝了
connection-refused-where-reset = { $backend }：该端口上没有 socket 在监听

## pmtu-black-hole

pmtu-black-hole-title = 路径 MTU 黑洞
pmtu-black-hole-symptom = 连接能建立，小请求也正常，但大的请求或响应会卡住（证书较大的 TLS 握手、文件上传、较长的 JSON）；通常只在跨 overlay、VPN 或某个特定网络时出现。
pmtu-black-hole-cause = 路径上某处链路的 MTU 比两端所假定的要小：overlay 的封装（VXLAN 50 字节，IP-in-IP 20 字节，WireGuard 60 字节）、VPN、MTU 配置错误的 CNI。满长数据包都带有 Don't Fragment 标志，所以无法转发它们的路由器必须发回 ICMP "fragmentation needed"（ICMPv6 为 "packet too big"），并附上能通过的 MTU，发送方随后缩小报文段。如果这个 ICMP 被过滤掉了（安全组、防火墙、丢弃所有 ICMP 的策略），发送方就永远无从得知：它会以指数退避不断重发同一个大报文段，直到连接超时，而握手和小数据包一直都能通过。net.ipv4.tcp_mtu_probing 能让 TCP 在发生这类丢包后自行探测合适的大小，但它是按网络命名空间设置的：不管节点上怎么设置，Pod 启动时都是 0。
pmtu-black-hole-confirm-ping = 找出设置 Don't Fragment 时能通过的最大数据包（1472 字节的载荷构成一个 1500 字节的数据包：逐步调小 -s，直到能通过）
pmtu-black-hole-confirm-mtu = 比较沿途各处的 MTU：Pod、overlay 设备、上联网卡
pmtu-black-hole-confirm-icmp = 查看 ICMP "fragmentation needed" 是否被丢弃
pmtu-black-hole-fix-icmp = 在路径上的每个防火墙和安全组中放行 ICMP "fragmentation needed"（type 3 code 4）和 ICMPv6 "packet too big"（type 2）
pmtu-black-hole-fix-mtu = 将 CNI 的 MTU 设置为底层网络（underlay）的 MTU 减去封装开销，使 Pod 永远不会发出过大而无法通过的数据包
pmtu-black-hole-fix-mtu-tradeoff = 新 Pod 会使用新的 MTU；已有的 Pod 在重建之前保持原来的 MTU。
pmtu-black-hole-fix-clamp = 缓解措施：把转发连接的 MSS 钳制（clamp）到路径 MTU，或者让 TCP 自行探测。tcp_mtu_probing 是按网络命名空间生效的：在节点上设置只对使用宿主机网络的 socket 起作用；对于 Pod，要在 Pod 的 securityContext.sysctls 中设置（需要 kubelet 的 --allowed-unsafe-sysctls 放行它）。
pmtu-black-hole-fix-clamp-tradeoff = MSS 钳制只对经过本节点的 TCP 有帮助；探测会在丢包后多花几个往返时间。
pmtu-black-hole-summary = { $client } → { $server }：一个 { $length } 字节的报文段发送了 { $count } 次，始终没有得到确认，也没有任何 ICMP 返回：这么大的数据包在路径上消失了
pmtu-black-hole-ev-handshake = 与 { $receiver } 的握手完成了：小数据包可以通过
pmtu-black-hole-ev-stuck = { $sender } 将同一个 { $length } 字节的报文段（序列号 { $sequence }）发送了 { $count } 次，始终没有得到确认
pmtu-black-hole-ev-stuck-left = { $sender } 将同一个 { $length } 字节的报文段（序列号 { $sequence }）发送了 { $count } 次，每次都从 { $interface } 发出，始终没有得到确认
pmtu-black-hole-ev-no-icmp = 这个连接没有收到任何 ICMP "fragmentation needed" 或 "packet too big"
pmtu-black-hole-where-left = { $interface } 之外，在通往 { $receiver } 的路径上：一段容纳不下这些报文段的窄链路丢弃了它们，而它发出的 ICMP 没有返回
pmtu-black-hole-where = 在从 { $sender } 到 { $receiver } 的路径上：一段容纳不下这些报文段的窄链路丢弃了它们，而它发出的 ICMP 没有返回

## Several captures

in-capture = { $capture }：{ $what }
