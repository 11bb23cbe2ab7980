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

## dns-search-expansion

dns-search-expansion-title = 每次解析都要先逐个尝试搜索列表
dns-search-expansion-symptom = 解析集群外部的名称很慢，而且 CoreDNS（及其上游）收到的查询是应用实际发出的好几倍；其中大部分得到的应答是 NXDOMAIN。
dns-search-expansion-cause = Pod 的 /etc/resolv.conf 列出了集群的搜索域（<namespace>.svc.cluster.local、svc.cluster.local、cluster.local，以及节点自己的搜索域），并带有 options ndots:5。点数少于五个的名称，会先依次加上每个搜索域去尝试，最后才按原样查询（resolv.conf(5)）；在 IPv6 下，每次尝试都是一个 A 查询加一个 AAAA 查询。所以 api.example.com 要花八个查询，而不是两个：在真正的查询之前，先要和 CoreDNS 做六次以 NXDOMAIN 结束的往返，每次都会新建一个 conntrack 条目，在繁忙的节点上也多了一次撞上 DNS conntrack 竞争的机会。设置 ndots:5 是为了让 _service._tcp.name.namespace 这样的名称能在集群内解析；集群外部的名称则要为此付出代价。
dns-search-expansion-confirm-resolv = 查看 Pod 的解析器配置：搜索列表和 ndots
dns-search-expansion-fix-dot = 在应用的配置中把外部名称写成完全限定域名（FQDN），末尾加一个点
dns-search-expansion-fix-dot-tradeoff = 所有写了这个主机名的地方都要修改；有些 HTTP 客户端和 TLS 库处理末尾的点时有问题（Host 头和证书校验都会看到这个点）。
dns-search-expansion-fix-ndots = 通过工作负载的 Pod dnsConfig 调低 ndots（ndots 设为 1 或 2）
dns-search-expansion-fix-ndots-tradeoff = 点数达到该值的名称会先按原样查询：于是像 web.other-namespace 这样的集群内短名称，在展开之前要先多一次失败的查询，而 _srv._tcp.web 这类名称则依赖搜索列表。
dns-search-expansion-fix-autopath = 或者让 CoreDNS 替 Pod 处理搜索列表：使用 autopath 插件（autopath @kubernetes，并在 kubernetes 插件中启用 pods verified）
dns-search-expansion-fix-autopath-tradeoff = CoreDNS 必须 watch 所有 Pod（占用更多内存，API server 的负载也更高），而且会把应答与自己所查询的名称进行比对的客户端，可能会拒绝 autopath 返回的 CNAME。
dns-search-expansion-summary = { $client } 解析 { $name } 共发出 { $count ->
    [one] 1 个查询
   *[other] { $count } 个查询
}，其中 { $wasted } 个查询的是搜索列表生成的名称，全部得到 NXDOMAIN：得到应答之前花了 { $spent } 秒
dns-search-expansion-ev-queries = { $client } 查询 { $name } 时，先依次加上每个搜索域（{ $suffixes }）：{ $count ->
    [one] 1 个查询
   *[other] { $count } 个查询
}
dns-search-expansion-ev-nxdomain = { $count ->
    [one] 它得到的应答是 NXDOMAIN：该名称不存在
   *[other] 全部 { $count } 个查询都得到 NXDOMAIN 应答：这些名称不存在
}
dns-search-expansion-ev-final = 之后才按原样查询 { $name } 并得到应答；这次解析耗时 { $spent } 秒
dns-search-expansion-where = { $client } 的解析器配置（ndots 和搜索列表），而不是网络

## dns-server-unreachable

dns-server-unreachable-title = DNS 服务器始终没有应答
dns-server-unreachable-symptom = Pod 中的域名解析会卡住好几秒，然后失败（"Temporary failure in name resolution"、"i/o timeout"），所有名称都是如此。
dns-server-unreachable-cause = 解析器（默认是 glibc）把每个查询发给 resolv.conf 中的第一个 nameserver，等待其超时（默认 5 秒）后重试，再换下一个 nameserver，在用完尝试次数（attempts，默认 2 次）后放弃：如果完全没有应答，每次解析都要花大约 10 秒，最后失败。在集群中，nameserver 是 kube-dns Service 的 ClusterIP，由 kube-proxy DNAT 到某个 CoreDNS Pod。当查询在途中被丢弃（NetworkPolicy 或防火墙没有放行发往 CoreDNS 的 UDP 53、某个节点无法到达 CoreDNS Pod 所在的节点），或者 CoreDNS 已经宕机而它的 Endpoint 尚未被移除时，就不会有任何返回。如果返回的是 ICMP 端口不可达（port unreachable），说明查询到达了一台没有进程监听 53 端口的主机。
dns-server-unreachable-confirm-pods = 查看 CoreDNS Pod 是否在运行，以及它们是否是该 Service 的 Endpoint
dns-server-unreachable-confirm-policy = 查找拦截该 Pod 发出 UDP 53 的策略，并直接向某个 CoreDNS Pod 查询
dns-server-unreachable-fix-coredns = 让 CoreDNS 恢复工作（重启它，并查明它为什么不再应答）
dns-server-unreachable-fix-policy = 放行 DNS：限制出站（egress）流量的 NetworkPolicy 必须放行发往 kube-dns Pod 的 UDP 和 TCP 53
dns-server-unreachable-summary = { $client }：解析 { $name } 时在 { $span } 秒内向 { $servers } 发送了 { $count ->
    [one] 1 个查询
   *[other] { $count } 个查询
}，完全没有得到应答
dns-server-unreachable-summary-icmp = { $client }：向 { $servers } 解析 { $name } 时被 ICMP 拒绝：那里没有进程监听 53 端口
dns-server-unreachable-ev-sent = { $client } 查询 { $name }：在 { $span } 秒内向 { $servers } 发送了 { $count ->
    [one] 1 次
   *[other] { $count } 次
}（解析器的超时、重试以及换用下一个服务器）
dns-server-unreachable-ev-silence = 没有返回任何应答，也没有 ICMP 错误：查询在途中被丢弃，或者被忽略了
dns-server-unreachable-ev-icmp = { $from } 返回了 { $count ->
    [one] 1 个 ICMP 错误
   *[other] { $count } 个 ICMP 错误
}：{ $reason }
dns-server-unreachable-where = 在客户端与 { $servers } 之间：查询得不到应答
dns-server-unreachable-where-icmp = { $from }：那里没有进程监听 53 端口（或者有规则拒绝了它）

## dns-error-answers

dns-rcode-servfail = SERVFAIL
dns-rcode-refused = REFUSED
dns-error-answers-title = DNS 服务器返回错误应答
dns-error-answers-symptom = 解析立即失败（"server failure"、"query refused"、"SERVFAIL"），而不是超时；可能是部分名称，也可能是所有名称。
dns-error-answers-cause = 服务器收到了查询并作了应答，但带的是错误码。SERVFAIL（rcode 2）表示它无法给出应答：对 CoreDNS 来说，通常是它的上游（节点的解析器，通过 forward 插件转发过去）超时或失败，或者某个插件出错；解析器可能会去尝试下一个服务器，随后 glibc 判定这次解析失败。REFUSED（rcode 5）表示服务器不愿为这个客户端或这个区域作答：可能是 ACL，可能是一个既非权威、也不做递归查询的服务器，或者查询的是它不负责的区域。
dns-error-answers-confirm-logs = 在 CoreDNS 的日志中查看这些错误及其上游
dns-error-answers-confirm-upstream = 查看 CoreDNS 转发到哪里，并从 Pod 中直接向该上游查询
dns-error-answers-fix-upstream = 修复或更换 CoreDNS 转发的上游（forward . /etc/resolv.conf，或者明确指定能正常应答的服务器）
dns-error-answers-fix-refused = 对于 REFUSED，让作答的服务器就是负责该区域的服务器，或者放行客户端的地址
dns-error-answers-summary = { $client }：{ $server } 对 { $name } 应答了 { $rcode }（{ $count ->
    [one] 1 个应答
   *[other] { $count } 个应答
}）
dns-error-answers-ev-asked = { $client } 向 { $server } 查询 { $name }
dns-error-answers-ev-errors = { $count ->
    [one] 应答为
   *[other] { $count } 个应答为
} { $rcode }
dns-error-answers-ev-recovered = 同一次解析的另一个应答是正常的：这个错误是间歇性的
dns-error-answers-ev-failed = 这次解析没有任何正常的应答：解析失败
dns-error-answers-where = { $server }：它有应答，但应答的是错误

## dns-truncated

dns-truncated-title = 被截断的 DNS 应答，始终没有改走 TCP 重新获取
dns-truncated-symptom = 解析拥有很多地址的名称（有大量 Pod 的 headless Service、很大的外部记录集）时失败，或者只返回部分地址；而地址少的名称能正常解析。
dns-truncated-cause = 通过 UDP 传输的 DNS 应答最多 512 字节，或者不超过客户端通过 EDNS 声明的缓冲区大小。记录放不下时，服务器会发送放得下的部分并设置 TC（truncated，截断）标志，客户端必须改用 TCP 向 53 端口重新查询（RFC 7766）。glibc 会这样做；musl 在 1.2.4 之前不会。如果发往 DNS 服务器的 TCP 53 没有被放行（只放行 UDP 53 的 NetworkPolicy 或防火墙、只暴露 UDP 的 Service），TCP 连接就永远建立不起来，解析随之失败；不重试的客户端则会使用不完整的应答，或者根本没有应答可用。
dns-truncated-confirm-tcp = 在 Pod 中通过 TCP 查询（nslookup 的 -vc 选项使用 TCP）
dns-truncated-confirm-policy = 查找放行了 UDP 53 却没有放行 TCP 53 的策略和 Service
dns-truncated-fix-policy = 凡是放行 UDP 53 的地方，都同时放行发往 DNS Pod 的 TCP 53（NetworkPolicy、安全组、kube-dns Service 的端口）
dns-truncated-fix-musl = 对于 musl 版本早于 1.2.4 的 musl 镜像（Alpine），换用更新的镜像或改用 glibc，或者让应答保持较小
dns-truncated-fix-musl-tradeoff = 更换基础镜像改变的不只是解析器：请在新镜像上测试应用。
dns-truncated-summary-tcp-failed = { $client }：{ $server } 对 { $name } 的应答被截断了，而改用 TCP 的重试始终没有成功
dns-truncated-summary-no-tcp = { $client }：{ $server } 对 { $name } 的应答被截断了，而客户端没有改用 TCP 重新查询
dns-truncated-ev-tc = { $server } 对 { $name } 的应答带有 TC 标志：UDP 装不下它
dns-truncated-ev-tcp-failed = 客户端向 { $server } 发起 TCP 连接：{ $count ->
    [one] 1 个 SYN
   *[other] { $count } 个 SYN
}，{ $outcome }
dns-truncated-ev-no-tcp = 之后没有任何到 53 端口的 TCP 连接：客户端保留了被截断的应答（没有 TCP 回退机制的解析器）
dns-truncated-where-tcp = 在 { $client } 与 { $server } 之间的 TCP 53 端口上：连接没有被放行
dns-truncated-where-client = { $client }：它的解析器没有改用 TCP 重试

## syn-unanswered (more)

syn-unanswered-summary-many = { $client } → { $server }：{ $count } 个连接的 SYN 丢失；{ $connected ->
    [0] 一个都没有连上
   *[other] 其中 { $connected } 个靠重试才连上（最长在 { $seconds } 秒后）
}
syn-unanswered-ev-many = 另有 { $count } 个到 { $server } 的连接以同样的方式丢失了 SYN

## idle-timeout-reset

idle-timeout-reset-title = 空闲连接被路径上的设备遗忘
idle-timeout-reset-symptom = 空闲了几分钟的长连接（数据库和 HTTP 连接池、gRPC channel、WebSocket）在下一次使用时报 "connection reset by peer" 失败，或者卡住很多分钟后才失败；而新建的连接一切正常。
idle-timeout-reset-cause = 连接路径上每个有状态的设备都会为它保存一个表项，并在一段时间没有数据包之后把它忘掉，而且不会通知任何一端。AWS Network Load Balancer 默认在 350 秒后这样做（TCP 监听器可以设置为 60 到 6000 秒；TLS 监听器固定为 350 秒）。Azure 负载均衡器规则默认 4 分钟；AKS 把它的出站规则设置为 30 分钟。NAT 网关或防火墙则按各自的超时时间。节点的 conntrack 按 net.netfilter.nf_conntrack_tcp_timeout_established：内核默认 5 天，但 kube-proxy 启动时会把它设置为 24 小时（--conntrack-tcp-timeout-established、conntrack.tcpEstablishedTimeout）。当一端再次发送数据时，设备已经不认识这个流了。AWS NLB 会用 RST 回应这个报文段。Azure 负载均衡器则静默丢弃它，除非在规则上开启了 TCP reset，此时它会在超时到期时向两端都发送 RST。防火墙会丢弃它。RST 会让下一次读或写立即失败；毫无回应则会让发送方按退避不断重传，直到 net.ipv4.tcp_retries2 放弃，默认大约 15 分钟之后。TCP keepalive 可以让表项一直保活，但除非应用开启它（SO_KEEPALIVE），否则它是关闭的，而且它的第一个探测要等待 net.ipv4.tcp_keepalive_time，默认 7200 秒，远远长于这些超时时间。
idle-timeout-reset-confirm-timeouts = 把这段空闲时间与路径上的各个空闲超时比较：节点的 conntrack 超时（kube-proxy 默认设置为 86400 秒），以及负载均衡器的超时（Service 的注解，或者负载均衡器自身的设置）
idle-timeout-reset-confirm-keepalive = 查看连接是否使用了 TCP keepalive（ss 会显示 keepalive 定时器），以及生效的 keepalive 时间是多少：这个 sysctl 是按网络命名空间生效的，所以不管节点上怎么设置，Pod 都有自己的值（默认 7200 秒）
idle-timeout-reset-fix-keepalive = 让 keepalive 的发送间隔短于路径上最短的空闲超时：在应用或其客户端库中开启 keepalive，并在 Pod 中调小 net.ipv4.tcp_keepalive_time（自 Kubernetes 1.29 起是安全的 sysctl，要求内核 4.5 或更高）；它只影响开启了 keepalive 的 socket
idle-timeout-reset-fix-keepalive-tradeoff = 此后每个空闲连接每隔几分钟都会发送一个小的探测包。从不开启 keepalive 的应用无法从这个 sysctl 中获益：要使用它们自己的 keepalive 或 ping 选项。
idle-timeout-reset-fix-lb-timeout = 或者调大负载均衡器的空闲超时。AWS NLB 的 TCP 监听器：监听器属性 tcp.idle_timeout.seconds（60 到 6000 秒），由 AWS Load Balancer Controller v2.9.0 或更高版本根据注解 service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-port 设置（名称中的 port 是监听器的端口号）。Azure：service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout，单位为分钟（cloud-provider-azure 文档中为 4 到 30）。
idle-timeout-reset-fix-lb-timeout-tradeoff = 流在负载均衡器中保留的时间更长。不管怎么设置，NLB 的 TLS 监听器都保持 350 秒，而且你控制不了的设备（NAT 网关、防火墙）也有各自的超时：keepalive 能把它们全部覆盖。
idle-timeout-reset-fix-pool = 让连接池在路径上最短的空闲超时到期之前关闭空闲连接（在 AWS NLB 后面要短于 350 秒，在 Azure 负载均衡器后面要短于 4 分钟），并在收到 RST 后把幂等请求重试一次
idle-timeout-reset-summary-reset = { $client } → { $server }：空闲 { $seconds } 秒后，连接的下一个报文段收到的是 RST
idle-timeout-reset-summary-vanished = { $client } → { $server }：空闲 { $seconds } 秒后，连接的下一个报文段消失了
idle-timeout-reset-ev-idle = 在 { $seconds } 秒内没有任何数据包经过（第 { $last } 帧到第 { $resumed } 帧之间）；之后 { $sender } 再次发送数据
idle-timeout-reset-ev-reset = { $seconds } 秒后，一个以 { $peer } 名义发出的 RST 返回了（第 { $frame } 帧）
idle-timeout-reset-ev-ttl-other = 这个 RST 的 TTL 是 { $ttl }，而 { $peer } 自己的数据包到达这里时是 { $usual }：是中间的某个设备以 { $peer } 的名义生成了它
idle-timeout-reset-ev-ttl-same = 这个 RST 的 TTL（{ $ttl }）与 { $peer } 自己的数据包在这里的 TTL 相同：是 { $peer } 所在的主机发出的，它已经忘记了这个连接
idle-timeout-reset-ev-ttl-unknown = 同一接口上没有该端更早的数据包，无法与这个 RST 的 TTL 比较
idle-timeout-reset-ev-resent = { $sender } 在 { $seconds } 秒内把这个报文段发送了 { $count } 次
idle-timeout-reset-ev-nothing = { $peer } 没有任何返回：没有确认，没有 RST，也没有 ICMP
idle-timeout-reset-where-path = 在 { $sender } 与 { $peer } 之间：路径上的某个设备（负载均衡器、NAT 网关、防火墙）已经丢掉了这个空闲连接，并对它发送了 RST（TTL { $ttl }）
idle-timeout-reset-where-peer = { $peer }：空闲结束、数据再次到达时，它已经不认识这个连接了
idle-timeout-reset-where-left = { $interface } 之后：报文段已经离开节点，而在去往 { $peer } 的路上没有任何设备把它继续转发
idle-timeout-reset-where-lost = 在 { $sender } 与 { $peer } 之间：路径上的某个设备不再转发这个空闲连接的数据包
idle-timeout-reset-next = 是哪个设备忘记了连接，可以从它的空闲超时设置（负载均衡器的、NAT 网关的）以及对端看出来：在服务器所在的节点（或负载均衡器的目标）上抓包，看空闲之后的那个报文段是否到达了那里。

## connection-stalled

connection-stalled-title = 连接停滞：重传的数据石沉大海
connection-stalled-symptom = 一个已建立的连接不再有任何进展：其上的请求卡住，很多分钟后（默认大约 15 分钟）报 "connection timed out"（ETIMEDOUT）失败；到同一目标的新连接可能正常，也可能立即失败。
connection-stalled-cause = 发送方的数据始终得不到确认，也没有任何东西返回：没有 RST，也没有 ICMP 错误。于是 Linux 在每次重传定时器到期时重发最早那个未确认的报文段，每次把定时器加倍（最多 120 秒），并在重传 net.ipv4.tcp_retries2 次之后放弃：默认 15 次，即至少 924.6 秒的超时，大约 15 分钟。小报文段和大报文段一样会丢失，所以这不是路径 MTU 问题：这条路径已经完全不再承载这个连接。集群中常见的原因：对端已经悄无声息地消失了（它所在的节点关机或断网、它的 Pod 被删除）；NetworkPolicy、安全组或防火墙发生了变更，现在会丢弃这个流；路径上某个节点中负责转换这个连接（Service DNAT、SNAT）的 conntrack 条目被删除了（conntrack flush、节点重启）或者已过期，于是后续数据包不再被转换，无处可去。
connection-stalled-confirm-ss = 在发送方查看这个连接：重传定时器（timer:(on,…)）、backoff 计数、不断增大的 rto、未确认的报文段（unacked）以及很大的 lastack，说明有数据一直没人确认
connection-stalled-confirm-peer = 对端是否仍然存在、是否仍是 Endpoint？节点上是否仍有这个连接的 conntrack 条目？
connection-stalled-confirm-policy = 查找连接停滞前后有没有策略或防火墙变更，并在发送方重传时观察丢包计数器
connection-stalled-fix-path = 修复丢弃这个流的根源（策略、安全组、消失的对端）；停滞的连接不会自行恢复，必须换成新连接
connection-stalled-fix-user-timeout = 让应用更早发现问题：在它的 socket 上设置 TCP_USER_TIMEOUT（很多客户端库都提供了这个选项），取值为它能容忍数据得不到确认的最长时间；超过这个时间连接就以 ETIMEDOUT 失败，应用可以重新连接
connection-stalled-fix-user-timeout-tradeoff = 取值太短，会把本来能挺过短暂中断或慢速对端的连接也断掉。
connection-stalled-fix-retries2 = 或者在 Pod 的网络命名空间中调小 net.ipv4.tcp_retries2（RFC 1122 要求至少 100 秒，即取值至少为 8）。它不属于 Kubernetes 的安全 sysctl：必须由 kubelet 放行（--allowed-unsafe-sysctls）。
connection-stalled-fix-retries2-tradeoff = 它作用于 Pod 的所有连接：取值更短，也会让本来能挺过中断的连接在中断期间被断开。
connection-stalled-summary = { $client } ↔ { $server }：{ $sender } 的数据在 { $seconds } 秒内发送了 { $count } 次，始终没有得到确认；连接卡住了
connection-stalled-ev-passed = 在此之前，{ $receiver } 确认过数据，报文段最大 { $largest } 字节：路径原本是通的
connection-stalled-ev-handshake = 与 { $receiver } 的握手已完成：路径原本是通的
connection-stalled-ev-resent = { $sender } 把同一个 { $length } 字节的报文段（序列号 { $sequence }）发送了 { $count } 次，每次等待的时间都更长（间隔：{ $gaps } 秒）
connection-stalled-ev-silent = { $receiver } 没有任何返回：没有确认、没有重复 ACK、没有 RST，也没有 ICMP 错误；不大于之前已通过的报文段也丢了，所以不是路径 MTU 的问题
connection-stalled-where-left = { $interface } 之后：报文段已经离开节点，但始终没有到达 { $receiver }，或者它的回包始终没有回来
connection-stalled-where = 在 { $sender } 与 { $receiver } 之间：路径不再转发这个连接的数据包
connection-stalled-next = 在 { $receiver } 一侧（它所在的节点，或者它的 Pod 内）抓包，看重发的报文段是否到达了那里：到达了却没有回应，说明问题在接收端或其节点上的过滤规则；没有到达，说明问题在两者之间的路径上。

## port-reuse-rejected

port-reuse-rejected-title = 复用端口的 SYN 收到的是 ACK 而不是 SYN-ACK
port-reuse-rejected-symptom = 当大量短连接访问同一个服务器时（通常经过 NAT），部分新连接会成批地稍晚才建立，或者超时；抓包可以看到 SYN 收到的是一个单纯的 ACK，接着客户端发出 RST，然后重新发送 SYN。
port-reuse-rejected-cause = 一个 TCP 连接由四个值标识：源地址和端口、目的地址和端口。先关闭的一端会把这个四元组保留在 TIME_WAIT 中（Linux 上为 60 秒），以免旧连接迟到的报文段被误认为是新连接的。当 SYN 到达、而它的四元组仍被服务器保留在 TIME_WAIT 中时，Linux 只有在它明显更新时才接受：序列号大于旧连接的序列号，或者带有更新的 TCP 时间戳。否则服务器会用旧连接的 ACK 来回应，而不是 SYN-ACK（RFC 5961 中称为 challenge ACK）。正在等待 SYN-ACK 的客户端会用 RST 回应这个 ACK。RST 会删除 TIME_WAIT 表项（除非服务器设置了 net.ipv4.tcp_rfc1337=1），Linux 客户端随即（几毫秒后）重新发送 SYN 并连上。如果 RST 没能清除它（tcp_rfc1337=1，或者 RST 在途中被丢弃），每次重试都会收到同样的 ACK，SYN 按退避间隔重试（1、2、4、8 秒……），直到 TIME_WAIT 结束。位于同一个 SNAT 地址后面的不同客户端就会产生这样的四元组：它们的序列号和时间戳互不相关，所以服务器无法判断新连接更新（这正是 RFC 6191 要解决的问题）。NAT 一旦清掉了旧流的状态，就会复用这个源端口。节点的 conntrack 会把已关闭的 TCP 流保留 net.netfilter.nf_conntrack_tcp_timeout_time_wait（默认 120 秒），比 Linux 的 TIME_WAIT 更长；但如果表项被提前删除（conntrack flush、Cilium 删除已删除 Pod 的表项，cilium#45863），或者 NAT 设备的超时更短，端口就会在服务器仍持有旧四元组时被释放。
port-reuse-rejected-confirm-timewait = 在服务器上查找指向客户端地址（以及失败的 SYN 所用端口）的 TIME_WAIT socket，并确认 RST 能否清除它们（tcp_rfc1337 = 0）
port-reuse-rejected-confirm-capture = 在服务器一侧抓包：SYN、用旧连接的确认号回应它的单纯 ACK、客户端的 RST，以及重新发送的 SYN
port-reuse-rejected-confirm-conntrack = 在做 SNAT 的节点上，查看 conntrack 会把已关闭的流保留多久、它仍持有哪些到该服务器的流，以及是哪条规则对它们做了 MASQUERADE
port-reuse-rejected-fix-reuse = 减少到同一服务器的新建连接：复用连接（HTTP keep-alive、连接池），而不是每个请求建一个；在协议允许的情况下让客户端先关闭，这样 TIME_WAIT 留在客户端，而客户端不会复用自己仍处于 TIME_WAIT 的端口。net.ipv4.tcp_tw_reuse 只改变主机为出站连接复用自己 TIME_WAIT 端口的方式，并不改变服务器如何回应。
port-reuse-rejected-fix-nat = 让 NAT 保留状态的时间至少与服务器的 TIME_WAIT 一样长：不要把 nf_conntrack_tcp_timeout_time_wait 调到 60 秒以下，避免在繁忙的节点上 flush conntrack，并让 NAT 设备和出口网关的空闲超时长于这个值
port-reuse-rejected-fix-nat-tradeoff = 已关闭流的表项存活更久，会占用 conntrack 表的空间和 NAT 范围内的端口；短连接很多时，可能需要更大的表或更多的出口地址。
port-reuse-rejected-summary-late = { $client } → { $server }：在一个刚结束的连接所用的端口上发出的 SYN 被 challenge ACK 拒绝；客户端靠重试，在 { $seconds } 秒后才连上
port-reuse-rejected-summary-failed = { $client } → { $server }：在一个刚结束的连接所用的端口上发出的 SYN 被 challenge ACK 拒绝，连接始终没有建立
port-reuse-rejected-ev-previous-closed = 同一组端口之前承载过一个连接（第 { $first } 帧），在第 { $fin } 帧关闭
port-reuse-rejected-ev-previous = 同一组端口之前承载过一个连接，从第 { $first } 帧到第 { $last } 帧
port-reuse-rejected-ev-syn = { $client } 在同一组端口上发起新连接（第 { $frame } 帧）
port-reuse-rejected-ev-challenge = { $server } 回应的是一个带着旧连接序列号的单纯 ACK，而不是 SYN-ACK（第 { $frame } 帧）：它仍然持有旧连接
port-reuse-rejected-ev-reset = { $client } 对这个 ACK 回了 RST：它不属于客户端所知道的任何连接
port-reuse-rejected-ev-retry = 客户端在 { $seconds } 秒后重新发送 SYN
port-reuse-rejected-ev-accepted = 这一次收到了 SYN-ACK：旧状态已经没有了
port-reuse-rejected-where-time-wait = { $server }：它先关闭了上一个连接，新的 SYN 到达时仍把它保留在 TIME_WAIT 中
port-reuse-rejected-where-state = { $server }，或者去往它途中的 conntrack 或 NAT：这组端口上更早的连接遗留下来的状态

## no-endpoints

no-endpoints-title = 没有 Endpoint 的 Service：立即被拒绝，或者在没有本地 Endpoint 的节点上被丢弃
no-endpoints-symptom = 到 Service 的连接立即报 "connection refused" 失败（来自节点的 ICMP port unreachable），或者经由 NodePort 或 externalTrafficPolicy: Local 的负载均衡器访问时，只在部分节点上卡住直到超时。
no-endpoints-cause = kube-proxy 把 Service 的流量发往其 EndpointSlice 中列出的就绪 Endpoint。一个都没有时（没有 Pod 匹配 selector、没有 Pod 处于 Ready、targetPort 不匹配），iptables 模式的 kube-proxy 会在 filter 表中安装一条 REJECT 规则，注释为 "namespace/service:port has no endpoints"：cluster IP 的规则在 KUBE-SERVICES 中，外部 IP、负载均衡器 IP 和节点端口的规则在 KUBE-EXTERNAL-SERVICES 中。客户端立即收到 ICMP port unreachable，connect 报 "connection refused" 失败。在 nftables 模式下，该 Service 会被列入 kube-proxy 表的 no-endpoint-services map 中，并以同样的方式被拒绝。当 Service 有 Endpoint、但本节点上一个都没有，并且流量策略为 Local 时（节点端口、外部 IP 和负载均衡器 IP 看 externalTrafficPolicy；cluster IP 看 internalTrafficPolicy），规则改为丢弃，注释为 "… has no local endpoints"：SYN 悄无声息地消失，客户端不断重试直到超时。Local Service 前面的负载均衡器不应该把流量发往这样的节点：kube-proxy 会在每个节点的 healthCheckNodePort 上应答，有本地 Endpoint 的节点返回 200，没有的返回 503，负载均衡器必须检查这个端口。
no-endpoints-confirm-endpoints = Service 是否有就绪的 Endpoint，它们在哪些节点上？
no-endpoints-confirm-rules = 在节点上找出 kube-proxy 为该 Service 设置的拒绝和丢弃规则（先看 iptables 模式，再看 nftables 模式）
no-endpoints-confirm-policy = 检查 Service 的流量策略，以及节点在其健康检查端口上返回什么（有本地 Endpoint 时为 200，没有时为 503）
no-endpoints-fix-selector = 让 Service 选中处于 Ready 的 Pod：selector 要匹配 Pod 的标签，targetPort 要是它们实际监听的端口，就绪探针也要能通过
no-endpoints-fix-local-policy = 使用 Local 策略时，在每个接收流量的节点上都运行一个 Endpoint（DaemonSet），或者让负载均衡器对 healthCheckNodePort 做健康检查，或者改用 Cluster 策略
no-endpoints-fix-local-policy-tradeoff = Cluster 策略会转发到其他节点上的 Endpoint（多一跳），并对流量做 MASQUERADE：后端将看不到客户端的地址。
no-endpoints-summary-reject = { $client } → { $server }：该 Service 没有就绪的 Endpoint；{ $from } 用 ICMP port unreachable 拒绝了 SYN
no-endpoints-summary-local = { $client } → { $server }：发往 NodePort 的 { $count } 个 SYN 在节点内部消失了：externalTrafficPolicy 为 Local 的 Service 没有本地 Endpoint
no-endpoints-ev-syn = { $client } 向 { $server } 发送 SYN
no-endpoints-ev-icmp = { $from } 以 ICMP port unreachable 回应（第 { $frame } 帧，SYN 发出后 { $seconds } 秒）
no-endpoints-ev-in-place = 回应来自 { $from }，而不是 { $server }：是某个节点在把 Service 地址转换成任何 Pod 之前，就代替它做了回应
no-endpoints-ev-node-port = 端口 { $port } 在 NodePort 范围（30000–32767）内，是拥有它的节点做了回应
no-endpoints-ev-not-a-reset = 没有进程监听的端口会用 RST 回应 TCP；针对 TCP 的 ICMP port unreachable 来自 REJECT 规则，而这正是 kube-proxy 为没有 Endpoint 的 Service 安装的规则
no-endpoints-ev-silent-syns = { $client } 在 { $seconds } 秒内向 { $server } 发送了 { $count } 个 SYN；没有任何回应
no-endpoints-ev-silent-nowhere = 每个 SYN 都到达了 { $interface }，然后就不知去向：没有被转换到任何 Pod，没有被转发，没有 RST，也没有 ICMP
no-endpoints-where-reject = { $from }：kube-proxy 为 { $server } 设置的 REJECT 规则，这是一个没有就绪 Endpoint 的 Service
no-endpoints-where-local = 本节点上，{ $interface } 之后：这个 Local 策略的 Service 在本节点上没有运行任何 Endpoint，所以 kube-proxy 在这里丢弃了发往 { $server } 的流量

## hairpin-mode-off

hairpin-mode-off-title = Pod 无法通过自己的 Service 访问自己：hairpin 模式未开启
hairpin-mode-off-symptom = 当 Pod 调用一个以它自身为后端的 Service 时，部分调用会超时（有 N 个 Endpoint 时大约每 N 次一次），只有一个 Endpoint 时则每次都超时；其他 Pod 访问该 Service 正常，该 Pod 直接访问自己的 IP 也正常。
hairpin-mode-off-cause = kube-proxy 把 Service 地址 DNAT 到其中一个 Endpoint，有时选中的正是发起调用的 Pod 自己。当 Pod 挂在 Linux 网桥上时（CNI bridge 插件的 cni0，flannel 就用它；或者 kubenet 的 cbr0），转换后的数据包必须从它进来的同一个端口，也就是调用方 Pod 的 veth，离开网桥。Linux 网桥不会把帧从它进来的端口再发回去，除非该端口开启了 hairpin 模式（/sys/class/net/<veth>/brport/hairpin_mode 为 1；bridge -d link show 会显示 "hairpin on"），所以数据包被丢弃，客户端不断重发 SYN，却石沉大海。kube-proxy 还会对这种 hairpin 流量做 MASQUERADE（它的 KUBE-SEP 链会标记源地址为 Endpoint 自身的数据包），所以回包也以同样的方式穿过网桥。kubelet 的 hairpinMode 设置（hairpin-veth、promiscuous-bridge、none）只在 kubenet 和已移除的 dockershim 下才会设置这个标志；使用 CNI 插件时必须由插件来设置：bridge 插件在其配置中有 "hairpinMode": true 时会设置它（默认为 false）。
hairpin-mode-off-confirm-bridge = 在 Pod 所在节点上，读取每个网桥端口的 hairpin 标志（必须为 1，即 "hairpin on"）；把 cni0 换成你的 CNI 使用的网桥
hairpin-mode-off-confirm-cni = 检查 CNI 配置是否要求开启 hairpin 模式
hairpin-mode-off-confirm-endpoints = 确认发起调用的 Pod 是该 Service 的 Endpoint 之一：只有被 kube-proxy 发回调用方自己的调用才会失败
hairpin-mode-off-fix-cni = 在 CNI 配置中开启 hairpin 模式：bridge 插件使用 "hairpinMode": true（flannel#849 已在 flannel 的 kube-flannel-cfg 中把它打开）
hairpin-mode-off-fix-cni-tradeoff = 插件是在接入 Pod 时设置这个标志的：已经在运行的 Pod 在重建之前，其端口保持原样。
hairpin-mode-off-fix-ports = 在此之前，先手工为正在运行的 Pod 的端口开启 hairpin 模式
hairpin-mode-off-fix-ports-tradeoff = Pod 重建后就会失效（它的 veth 是新的）；只有 CNI 配置才能持久生效。
hairpin-mode-off-summary = { $client } → { $server }：Service 把 Pod 的 SYN 发回了 Pod 自己，而网桥始终没有把它送达
hairpin-mode-off-ev-syn = { $client } 向 { $server } 发送 SYN
hairpin-mode-off-ev-itself = 在节点上，{ $server } 被转换成 { $backend }：被选中的后端正是发起调用的 Pod
hairpin-mode-off-ev-never-back = 转换后的 SYN 始终没有从网桥回到 { $client } 的 veth，也没有任何回应
hairpin-mode-off-ev-retries = 客户端又重发了 { $count } 次 SYN，结果相同
hairpin-mode-off-where = { $client } 的 veth 所在的网桥端口：没有 hairpin 模式时，网桥不会把帧从它进来的端口再发回去

## conntrack-invalid-reset

conntrack-invalid-reset-title = conntrack 把数据包标记为 INVALID、没有还原其 NAT，随后连接被 reset
conntrack-invalid-reset-symptom = 到 Service 的长连接或繁忙连接（大文件下载、高负载下的流式传输）时不时断开，两端都报 "connection reset by peer"，而应用本身没有任何错误。
conntrack-invalid-reset-cause = kube-proxy 把访问 Service 的连接 DNAT 到其中一个后端 Pod，conntrack 则对后端发出的数据包还原这次转换。对于 TCP，conntrack 还会按连接的序列号窗口检查每个数据包。窗口之外的数据包（高负载下通常是重传的或迟到的报文段）会被标记为 INVALID，而 INVALID 数据包不会被匹配到该连接，所以它的 NAT 不会被还原：它到达客户端时的源地址是后端 Pod 的地址，而不是 Service 的地址。客户端内核不知道有与这个地址的连接，于是回一个 RST；这个发往 Pod 的 RST 对后端来说是有效的，后端随即关闭连接。两端都看到 "connection reset by peer"（kubernetes#74839）。从 Kubernetes 1.15 开始，kube-proxy 在 filter 表中丢弃 INVALID 数据包（-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP，kubernetes#74840），但这只覆盖转发的流量：发给节点本身的数据包（hostNetwork 客户端、终点在节点上的 NodePort 流量）走的是 INPUT（kubernetes#117924）。从 Kubernetes 1.29 开始，kube-proxy 只在 net.netfilter.nf_conntrack_tcp_be_liberal 为 0 时才安装这条 DROP 规则，并且可以自己把这个 sysctl 设置为 1（conntrack.tcpBeLiberal、--conntrack-tcp-be-liberal）。开启 be_liberal 后，conntrack 只把窗口外的 RST 标记为 INVALID，迟到的数据仍能保留其 NAT。
conntrack-invalid-reset-confirm-rule = 检查 kube-proxy 是否在本节点上丢弃 INVALID 数据包，或者 conntrack 是否处于 liberal 模式（kube-proxy 的日志会记录它选择了哪一种）
conntrack-invalid-reset-confirm-invalid = 在发生 reset 时观察 conntrack 的 INVALID 计数器
conntrack-invalid-reset-confirm-capture = 在客户端所在节点上，抓取源地址是后端 Pod 地址（而不是 Service 地址）的数据包，以及随后客户端发出的 RST
conntrack-invalid-reset-fix-liberal = 让每个节点上的 conntrack 都处于 liberal 模式：在 kube-proxy 的配置中设置 conntrack.tcpBeLiberal: true（Kubernetes 1.29 或更高版本），或者设置这个 sysctl 并将其持久化
conntrack-invalid-reset-fix-liberal-tradeoff = conntrack 不再判断 TCP 窗口：只有窗口外的 RST 才是 INVALID，所以依赖 INVALID 来丢弃零散或伪造报文段的规则会失去这道检查；kube-proxy 也就不再安装它的 INVALID DROP 规则。
conntrack-invalid-reset-fix-drop = 对于终点在节点本身的连接（KUBE-FORWARD 覆盖不到），在 INPUT 中丢弃 INVALID 的 TCP 数据包，就像 kubernetes#117924 所做的那样；更老的 kube-proxy（1.15 之前）：升级它
conntrack-invalid-reset-fix-drop-tradeoff = conntrack 无法跟踪的正常数据包（非对称路由、多宿主节点）也会被丢弃（kubernetes#94861）；这条规则不由 kube-proxy 管理，必须手工持久化。
conntrack-invalid-reset-summary = { $client } → { $server }：传输过程中，一个来自后端 { $backend } 的数据包到达客户端时没有换回 Service 的地址；客户端对它回了 RST，连接随之断开
conntrack-invalid-reset-ev-open = 从 { $client } 到 { $server } 的连接已建立并在传输数据，它的回包被转换回 { $server }
conntrack-invalid-reset-ev-stray = 接着后端的一个数据包以 { $backend } 而不是 { $server } 的身份到达客户端（第 { $frame } 帧）：反向 NAT 漏掉了它
conntrack-invalid-reset-ev-reset = { $client } 对它回了一个发往 { $backend } 的 RST：客户端没有与这个地址的连接
conntrack-invalid-reset-ev-dead = 这个 RST 在后端结束了连接；客户端的下一个数据包收到了来自 { $server } 的 RST
conntrack-invalid-reset-where = 客户端与 { $backend } 之间那个节点上的 conntrack：它判定该数据包为 INVALID（在它跟踪的窗口之外），所以 NAT 没有把它转换回 { $server }

## snat-port-collision

snat-port-collision-title = SNAT 端口冲突：SYN 在插入 conntrack 条目时被丢弃
snat-port-collision-symptom = 当 Pod 同时向 Pod 网络之外的同一个目标（数据库、外部 API）发起大量连接时，少数连接要多花大约一秒才能建立，connect 超时设置较短的客户端则会失败；负载越高越严重。
snat-port-collision-cause = 从 Pod 发往 Pod 网络之外地址的流量，会由 kube-proxy（KUBE-POSTROUTING）或 CNI 插件 MASQUERADE 成节点的地址。netfilter 在连接的第一个数据包经过 NAT 时选定转换后的源端口，如果 Pod 自己的源端口看上去空闲就沿用它；但连接的 conntrack 条目要等数据包离开节点时才插入表中。两个来自不同 Pod、访问相同目的地址和端口、在同一时刻建立的连接，可能被分到同一个节点端口：第二次插入失败，conntrack -S 会计入 insert_failed，该 SYN 被丢弃。客户端一秒后重发 SYN，拿到一个空闲端口，然后连上。XING 在 2018 年把 Kubernetes 上间歇性的一秒连接延迟追查到了这个竞争条件。带 --random-fully 的 MASQUERADE 改为随机选取端口，能让冲突变得罕见，但并非不可能。同样的竞争发生在 UDP 的 DNS 上时，就是 dns-conntrack-race 这条诊断结论。
snat-port-collision-confirm-insert-failed = 在出现延迟时，观察节点上 conntrack 插入失败的计数
snat-port-collision-confirm-masquerade = 检查节点上的每条 MASQUERADE 规则是否都随机化了端口：iptables 中为 --random-fully，nftables 中为 fully-random
snat-port-collision-fix-random-fully = 使用 --random-fully 做 MASQUERADE：当节点的 iptables 支持时（内核 3.13 或更高；从内核 5.0 开始 --random 的效果相同），kube-proxy 和 flannel 会自动加上它；找出没有它的 MASQUERADE 规则（来自 CNI 插件、ip-masq-agent 或更老的组件），并更新它们
snat-port-collision-fix-random-fully-tradeoff = 随机端口能让冲突变得罕见，但并非不可能。依赖源端口在 NAT 之后保持不变的软件（某些 NAT 穿越，flannel#2273）会失去这一点。
snat-port-collision-fix-no-snat = 不需要 MASQUERADE 的流量就不要做：留在集群网络内部的流量可以保留 Pod 的地址（CNI 插件或 ip-masq-agent 的不做 MASQUERADE 的 CIDR）
snat-port-collision-fix-fewer-connections = 减少同一时刻到同一目标的新建连接：复用连接（keep-alive、连接池），或者把它们分散到多个出口地址上
snat-port-collision-summary = 到 { $server } 的 { $count } 个连接在本节点上丢失了第一个 SYN，因为另一个 Pod 的连接占用了 { $source } 上的同一个 SNAT 端口；每个连接都是在 { $seconds } 秒后重试时才连上
snat-port-collision-ev-lost = 发往 { $server } 的 { $count } 个 SYN 从 Pod 进入节点后就再也没有离开：没有任何转换后的副本发出
snat-port-collision-ev-same-port = { $loser } 的 SYN 和 { $rival } 的 SYN 在同一时刻发往同一个目标；{ $rival } 的 SYN 以 { $source } 发出，而这正是 { $loser } 本该拿到的地址和端口，所以 conntrack 无法同时确认两者
snat-port-collision-ev-same-moment = { $loser } 的 SYN 和 { $rival } 的 SYN 在同一时刻发往同一个目标；只有 { $rival } 的 SYN 以 { $source } 发出了
snat-port-collision-ev-retry = 每个客户端都在大约 { $seconds } 秒后重发 SYN，并立即换了一个端口发出（{ $loser } 为 { $source }）
snat-port-collision-where = 本节点上确认 SNAT 为 { $source } 的 conntrack：另一个到 { $server } 的连接刚刚占用了同样的地址和端口（conntrack -S 中计为 insert_failed）

## conntrack-table-full

conntrack-table-full-title = conntrack 表已满：新连接被丢弃
conntrack-table-full-symptom = 经过某个节点的新连接失败，或者要重试后才能建立（SYN 和 DNS 查询丢失），而已建立的连接一直正常；节点的内核日志反复出现 "nf_conntrack: table full, dropping packet"。
conntrack-table-full-cause = netfilter 在节点上跟踪的每个流（kube-proxy 处理的所有 Service 流量、做了 MASQUERADE 的流量、基于 conntrack 的策略所看到的一切）都需要在 conntrack 表中占一个条目。当 net.netfilter.nf_conntrack_count 达到 net.netfilter.nf_conntrack_max 时，内核会尝试驱逐一个条目来腾出空间（计为 early_drop）；驱逐不了时，就丢弃本来要创建新条目的那个数据包，并记录 "nf_conntrack: table full, dropping packet"（较新的内核在网络命名空间不是宿主机的命名空间时会注明它）。已有条目的数据包仍然能匹配上，所以已建立的连接不受影响。kube-proxy 启动时会设置 nf_conntrack_max：conntrack.maxPerCore（--conntrack-max-per-core，默认 32768）乘以 CPU 数，但不小于 conntrack.min（--conntrack-min，131072）；maxPerCore 为 0 时则不改动这个 sysctl。大量短连接、很长的超时时间（kube-proxy 把已建立连接设为 24 小时、CLOSE_WAIT 设为 1 小时），或者永远不会完成的流（扫描、对已失效 Endpoint 的重试、发往无响应端口的 UDP），都会把表占满。
conntrack-table-full-confirm-count = 比较条目数与上限，查找内核的日志信息，并查看丢包计数器
conntrack-table-full-confirm-source = 找出是什么占满了表：按状态统计的 TCP 条目，以及按目的地址统计的所有条目
conntrack-table-full-confirm-kube-proxy = 查看 kube-proxy 启动时设置了什么，以及它的配置要求的是什么
conntrack-table-full-fix-max = 在 kube-proxy 的配置中调大上限（conntrack.maxPerCore 或 conntrack.min）并重启 kube-proxy：它每次启动都会重新设置 nf_conntrack_max，所以用 sysctl 手工设置的值只在那之前有效，重启节点后也会丢失
conntrack-table-full-fix-max-tradeoff = 条目越多，占用的内核内存越多；更大的上限只会掩盖泄漏或流量洪峰，而不能阻止它。
conntrack-table-full-fix-timeouts = 缩短已结束和空闲流的保留时间：kube-proxy 的 conntrack.tcpEstablishedTimeout 和 conntrack.tcpCloseWaitTimeout，或者节点上的 nf_conntrack_tcp_timeout 系列 sysctl
conntrack-table-full-fix-timeouts-tradeoff = 空闲时间超过其条目寿命的连接会失去 NAT：它的下一个数据包会被丢弃或收到 RST（参见 idle-timeout-reset 这条诊断结论）。
conntrack-table-full-fix-source = 减少产生流的源头：复用连接，而不是每个请求建一个；在节点上缓存 DNS（NodeLocal DNSCache）；并从源头上制止扫描或重试风暴
conntrack-table-full-summary = { $seconds } 秒内，有 { $count } 个新连接在本节点上丢失了 SYN，而其他连接正常通过：conntrack 表满了
conntrack-table-full-summary-pod = { $seconds } 秒内，有 { $count } 个新连接丢失了第一个 SYN，而其他连接正常通过：这正是节点上 conntrack 表满时的表现
conntrack-table-full-ev-dropped = 新连接的 { $count } 个 SYN（{ $destinations ->
    [one] 发往同一个地址
   *[other] 发往 { $destinations } 个不同地址
}）在 { $seconds } 秒内从 Pod 进入节点，之后就再也没有离开
conntrack-table-full-ev-unanswered = { $count } 个新连接（{ $destinations ->
    [one] 发往同一个地址
   *[other] 发往 { $destinations } 个不同地址
}）在 { $seconds } 秒内，第一个 SYN 都没有得到回应
conntrack-table-full-ev-passed = 在同样这几秒内，另有 { $count } 个新连接立即就通过了：并没有什么东西在拦截这些目标本身
conntrack-table-full-ev-carried-on = 之前已建立的连接 { $client } → { $server } 在这波突发中一直正常：只有新连接被丢弃
conntrack-table-full-ev-recovered = 被丢弃的连接中有 { $count } 个在后来的尝试中连上了（最长在 { $seconds } 秒后）：丢包自己停止了，就像条目过期时那样，而规则不会这样
conntrack-table-full-where = 本节点上的 conntrack：每个新连接都需要一个条目，当表达到 nf_conntrack_max 时，新连接的第一个数据包会在 NAT 和路由之前就被丢弃
conntrack-table-full-where-pod = 这个 Pod 所在的节点，最可能是它的 conntrack 表（从 Pod 内部无法把它与其他原因的丢包区分开）
conntrack-table-full-next = 在节点上，内核日志会直接说明（dmesg | grep 'table full'），conntrack -S 会统计丢包；在节点上运行 tcpdump -ni any 可以看到 SYN 进入节点却始终没有离开。
