# dropscope — 简体中文（zh-CN，译自英文版）：CLI、Markdown 导出和页面中的文字。这里的每条消息在 zh-TW、zh-CN 和 ko 中都有相同的 id 和
# 相同的 $参数（由测试检查）。命令、sysctl 名称、链名和地址都是参数或原样文本：
# 请保持原样，不要改动。

## CLI、Markdown 导出和页面中的标签

severity-error = 错误
severity-warning = 警告
severity-info = 信息
seen-from = 抓包位置：
no-findings = 这份抓包中没有识别出已知的故障。
md-counts = { $packets } 个数据包，{ $connections } 个 TCP 连接，{ $queries } 个 DNS 查询。
md-damaged = 抓包文件已损坏（{ $error }）；损坏处之前的内容都已分析。
label-where = 故障位置：
label-next-capture = 这份抓包显示不出的内容：
label-evidence = 证据：
label-frames = 帧
label-cause = 为什么会这样：
label-confirm = 如何在节点上确认：
label-fix = 修复：
label-tradeoff = 代价：
label-references = 参考资料：
heading-symptom = 现象
heading-cause = 原因
heading-confirm = 在运行中的节点上确认
heading-fix = 修复
heading-references = 参考资料

## 抓包位置

vantage-node-all = 某个节点，所有接口（tcpdump -i any）
vantage-node-per-interface = 某个节点，{ $interfaces } 个接口，每个接口单独抓包
vantage-endpoint = { $address } 内部（只有它自己的流量）
vantage-node-uplink-of = 仅节点 { $address } 的上联网卡
vantage-node-uplink = 仅某个节点的上联网卡
vantage-in-path = 路径上的某个设备（负载均衡器或路由器），或通往它的链路
vantage-unknown = 未知
vantage-why-sll2 = 带接口索引和方向的 Linux cooked 头部（SLL2）：节点上的 tcpdump -i any
vantage-why-sll1 = 带方向但没有接口索引的 Linux cooked 头部（SLL v1）：节点上的 tcpdump -i any
vantage-why-per-interface = { $interfaces } 个接口，每个接口单独抓包，没有方向信息：在多个接口上运行的 Wireshark 或 dumpcap
vantage-why-relayed = { $count } 个数据包从这唯一的接口进来，被改写后又从它出去：路径上的某个设备（负载均衡器、路由器）
vantage-why-between-two = { $count } 个数据包发往这条链路上的某个设备，又被改写后从它那里回来：这是路径上的某个设备（负载均衡器、路由器）与某个节点之间的链路；链路两端看到的数据包相同，所以这是该设备的接口或该节点的上联网卡
vantage-why-returned = { $count } 个数据包从这唯一的接口出去，被外部的某个设备改写后又从它回来：某个节点的上联网卡
vantage-why-tunnelled = 只有一个接口；每个数据包中都有 { $address }，{ $packets } 个数据包中有 { $tunnelled } 个经过隧道封装：某个节点的上联网卡
vantage-why-endpoint = 只有一个接口，没有方向信息，每个数据包中都有 { $address }，而且就是从这里发出的（其 TTL 是发送方的初始值）：这台主机自己的流量（在 Pod 内部，或在它唯一的接口上）
vantage-why-routed = 只有一个接口；{ $count ->
   *[other] 每个数据包中都有 { $peers }，但它们的数据包到达时都已经过路由
  }（TTL 低于发送方的初始值）：在主机之间抓的包，位于某个节点的上联网卡或路径上的某个设备
vantage-why-tunnel-link = 只有一个接口，承载 { $ends } 之间的隧道流量，它们都是从这里发出的（TTL 为初始值）：相邻节点之间的链路。每个节点的上联网卡看到的数据包都相同，所以这份抓包无法判断是哪个节点的
vantage-why-unknown = 只有一个接口，没有方向信息，数据包之间也没有共同的地址
order-reordered = 有 { $reordered } 帧没有按时间顺序写入（一个接口写完再写下一个接口），已重新排好顺序
order-late = 有 { $reordered } 帧被重新按时间排序；其中 { $late } 帧来得比 2 s 的重排窗口所允许的还晚，只能在错位的位置上分析（帧 { $frames }）

## 接口及其角色

role-pod-side-of = Pod 一侧（{ $pod }）
role-pod-side = Pod 一侧
role-bridge = 网桥
role-tunnel = 隧道
role-uplink = 上联网卡
role-loopback = 回环
role-host = 主机自身的接口
role-unknown = 未知
caption-pod-veth-of = Pod { $pod } 的 veth
caption-pod-veth = 某个 Pod 的 veth
caption-uplink = 节点上联网卡
caption-host = 主机自身的接口
caption-interface = 接口
role-why-named = 名称为 { $name }
role-why-tunnel-carrier = 承载了 { $count } 个发往或来自 { $peers } 的 { $kind } 数据包：节点的上联网卡
role-why-inner = 这里有 { $count } 个数据包是上联网卡上所见隧道流量的内层数据包：隧道设备
role-why-forwarded = { $count } 个数据包从它进来，又直接从它出去：网桥
role-why-pod-veth = 只有 { $pod } 这一个地址的数据包从这里进入节点，而且到达时未经路由（TTL 未变）：该 Pod 的 veth 在节点一侧的那一端
role-why-stacked = { $count } 个数据包在另一个接口与节点其余部分之间经过了它：网桥
role-why-out-and-back = { $count } 个数据包从它出去，经过转换后又回来（节点外部的负载均衡器或 NAT）：上联网卡
role-why-many-sources = 来自多个地址（{ $sources }）的数据包从这里进入：上联网卡
role-why-passes = 节点与 { $peers } 之间的流量经过这里，但不是从这里发起的：朝向网络的一侧
role-why-to-local-pods = 只发送数据包，且只发往 { $pods }：这些 pod 的 veth 就在本节点上，所以这是节点通往它们的 bridge
role-why-too-little = 流量太少，无法判断
role-why-loopback = 承载主机发给自己的流量（127.0.0.0/8、::1）：回环接口
role-why-host = 唯一的接口，且每个数据包中都有 { $address }：这台主机自身的接口

## 连接、DNS、数据包

outcome-established = 已建立
outcome-reset-by-client = 客户端回了 RST
outcome-refused = 被拒绝
outcome-gave-up = 无回应，客户端已放弃
outcome-unanswered = 无回应，仍在重试
outcome-mid-stream = 抓包开始时已建立
connection-established-in = 建立耗时 { $seconds } s
connection-reset-by-client = 始终没有建立：客户端对收到的每个 SYN-ACK 都回了 RST
connection-refused = 被拒绝：服务端回了 RST
connection-gave-up = 始终没有建立：没有 SYN-ACK 到达客户端，客户端已放弃
connection-unanswered = 没有 SYN-ACK 到达客户端（抓包结束时仍在重试）
dns-outcome-answered = 已应答
dns-outcome-after-retry = 重试后才得到应答
dns-outcome-lost-on-node = 应答到达了节点，但没有到达客户端
dns-outcome-unanswered = 无应答
dns-answered-in = 应答耗时 { $seconds } s
dns-answered-after-retry-in = 重试后才得到应答，耗时 { $seconds } s
udp-outcome-answered = 有回应
udp-outcome-lost-on-node = 回包到达了节点，但没有到达客户端
udp-outcome-one-way = 仅单向
side-client = 客户端
side-server = 服务端
direction-in = 入
direction-out = 出
direction-unknown = 经过
reset-by-client = 客户端 { $from }
reset-by-server-side = 服务端一侧 { $from }
change-dnat = DNAT { $before } → { $after }
change-snat = SNAT { $before } → { $after }
change-un-dnat = un-DNAT { $before } → { $after }
change-un-snat = un-SNAT { $before } → { $after }
change-destination = 目的地址 { $before } → { $after }
change-source = 源地址 { $before } → { $after }
change-encapsulation = { $kind } 封装 { $outer }
change-decapsulation = 从 { $source } → { $destination } 中解封装
leg-outside-node = 在节点之外，从离开 { $interface }（第 { $left } 帧）到回来（第 { $back } 帧）之间
leg-on-node = 在节点上，第 { $before } 帧（{ $before_interface }）与第 { $after } 帧（{ $after_interface }）之间
fate-delivered = 从 { $interface } 送达目的地
fate-left-node = 经 { $interface } 离开了节点
fate-ended-early = 到达了 { $interface }，但始终没有出现在其目的地址 { $destination } 所在的 { $expected } 上：在这两者之间于节点上被丢弃
fate-resegmented = 以比任何线路上的数据包都大的超大包到达 { $interface }；它被切成多段离开，每一段作为独立的行程分别跟踪
fate-local = 到达 { $interface }，发往本机（它自己的某个地址）
fate-arrived = 到达了 { $interface }（之后未再被看到）
fate-observed = 在 { $interface } 上被看到

## CLI 报告

cli-counts = { $frames } 帧，{ $packets } 个数据包
cli-damaged = 错误：{ $error }；出错位置之前的内容都已分析
cli-warning = 警告
cli-bad-checksums = { $count } 个数据包的校验和错误（不计卸载占位值）
cli-findings = 诊断结论
cli-frame = 第 { $frame } 帧
cli-explain-hint = 原因、确认方法、其他修复方案：{ $command }
cli-interfaces = 接口
cli-tcp-connections = TCP 连接（{ $count }）
cli-syns-retried = { $count } 个 SYN，重试间隔 { $gaps } s
cli-leg = 路段 { $from } → { $to }（帧 { $frames }）
cli-syn-ack-lost = 来自 { $from } 的 SYN-ACK 始终没有到达 { $to }：最后一次出现在第 { $last } 帧（帧 { $frames }）
cli-syn-ack-reached = 来自 { $from } 的 SYN-ACK 到达了 { $to }（帧 { $frames }）
cli-syn-acks-in-all = 共 { $count } 个 SYN-ACK
cli-reset = RST 由 { $by } 发出，{ $from } → { $to }（帧 { $frames }）
cli-dns-queries = DNS 查询（{ $count }）
cli-sent-in-frames = 发送于帧 { $frames }
cli-udp-exchanges = 其他 UDP 交互（{ $count }）
cli-udp-counts = 发出 { $sent } 个，返回 { $back } 个
cli-ended-early = 在节点上提前中止的数据包（{ $count }）
cli-journeys = 共 { $total } 条行程；--json 中列出了 { $listed } 条

## 页面

ui-language = 语言
ui-tagline-before = 为什么这个连接会卡住、被重置，或者要 63 秒才能建立？把在 Kubernetes 节点上用
ui-tagline-after = 抓的包拖到这里。分析就在这里、在你的浏览器中进行：抓包文件不会离开本页面。
ui-export-json = 导出 JSON
ui-export-markdown = 导出诊断结论（Markdown）
ui-theme = ◐ 主题
ui-theme-title = 浅色或深色
ui-open-in-dropscope = 在 dropscope 中打开 ↗
ui-open-capture = 打开抓包文件
ui-drop-or = 把 pcap 或 pcapng 文件拖放到页面任意位置，或者
ui-examples = 示例：在 Kubernetes 节点上和实验环境中抓到的真实故障
ui-no-findings = 这份抓包中没有识别出已知的故障。在下面选择一个连接，查看它的数据包。
ui-findings = 诊断结论
ui-findings-count = 诊断结论（{ $count }）
ui-show-packet = 显示这个数据包
ui-watch-packets = ▶ 观看数据包
ui-evidence = 证据
ui-why = 为什么会这样
ui-typical-symptom = 典型现象：{ $symptom }
ui-confirm = 如何在节点上确认
ui-fix = 修复
ui-references = 参考资料
ui-copy = 复制
ui-copied = 已复制
ui-idle = 尚未加载抓包文件：选择一个示例，或者拖入一个文件。
ui-analysing = 正在分析 { $name }：已读取 { $read } / { $total } MB，{ $packets } 个数据包 · { $rate } MB/s，{ $packet_rate } 个数据包/s
ui-cancel = 取消
ui-crashed = 分析因内部错误而中止（{ $message }）。这是 dropscope 的 bug；页面已经可以接受下一个抓包文件。
ui-cancelled = 已取消对 { $name } 的分析。
ui-capture-error = { $name }：{ $error }。出错位置之前的内容都已分析。
ui-decode-stop = 第 { $frame } 帧：{ $layer }，字节偏移 { $offset }：{ $reason }
ui-figures = { $packets } 个数据包 · { $connections } 个 TCP 连接 · { $queries } 个 DNS 查询 · 分析耗时 { $milliseconds } ms（worker 内存 { $megabytes } MB）
ui-checksums = { $offloaded } 个数据包使用了校验和卸载（在 veth 和 VXLAN 上属于正常现象），{ $wrong } 个数据包的校验和错误
ui-decode-stops = { $count } 个数据包未能解码到末尾
ui-connections = 连接
ui-connections-count = 连接（{ $count }）
ui-col-client = 客户端
ui-col-server = 服务端
ui-col-outcome = 结果
ui-col-connect-time = 连接耗时
ui-connections-first = 列出了前 { $count } 个：先是诊断结论涉及的连接，然后是失败的连接。
ui-scope-finding = 仅显示所选诊断结论的数据包
ui-scope-connection = 仅显示所选连接的数据包
ui-scope-selection = 仅显示所选内容的数据包
ui-packets = 数据包
ui-packets-count = 数据包（{ $count }）
ui-filter-placeholder = 过滤：10.244.0.20 · port 53 · :8080 · tcp · udp · icmp · cni0 · frame 12
ui-filter = 过滤数据包
ui-packet-list = 数据包列表
ui-col-number = 序号
ui-col-time = 时间
ui-col-interface = 接口
ui-col-source = 源地址
ui-col-destination = 目的地址
ui-col-protocol = 协议
ui-col-length = 长度
ui-col-info = 信息
ui-select-packet = 选择一个数据包，查看它的各层协议和字节。
ui-decoding-stopped = 解码中止：{ $stop }
ui-frame-heading = 第 { $frame } 帧 · { $interface } · 抓取了 { $captured } / { $original } 字节
ui-at-byte = 位于文件的字节偏移 { $offset } 处
scene-connection = 连接 { $client } → { $server }：{ $outcome }
station-client = 客户端
station-server = 服务端
path-step-in = 第 { $frame } 帧 · { $packet } 从 { $interface } 进入 · { $from } → { $to }
path-step-out = 第 { $frame } 帧 · { $packet } 从 { $interface } 发出 · { $from } → { $to }
path-step-seen = 第 { $frame } 帧 · { $packet } 在 { $interface } 上 · { $from } → { $to }
path-step-inside = 封装在 { $kind } { $source } → { $destination } 中
path-step-copies = 同一次经过也记录在 { $frames }
path-after = { $gap } 之后
path-reset-by = RST 由 { $sender } 发出
path-dropped = 最后一次出现在这里，始终没有出现在 { $expected } 上
ui-path-animation = 数据包路径动画
ui-path = 数据包的路径
ui-scene-omitted = 只播放前 { $played } 个数据包；所选内容中另外 { $more } 个在数据包列表中。
ui-scene-empty = 所选内容中没有任何数据包被跟踪到穿越节点的路径。
ui-scene-loading = 正在加载场景…
ui-topology = 数据包经过的各个站点，以及在它们之间移动的数据包
ui-playback = 回放
ui-restart-title = 从头开始（Home）
ui-restart = 从头开始
ui-step-back = 上一次出现（←）
ui-play-title = 播放或暂停（空格）
ui-pause = 暂停
ui-play = ▶ 播放
ui-step-forward = 下一次出现（→）
ui-speed = 速度
ui-animation-time = 动画时间
ui-path-legend = 上方轨道：发往服务端；下方轨道：返回客户端。✕：数据包最后出现的位置。按键：空格 播放/暂停 · ← → 单步 · + − 速度 · Home 从头开始。时间经过缩放：各跳之间的微秒级间隔和各次重试之间的秒级间隔都能看清；说明文字给出的是真实的抓包时间。
ui-timeline = 重试时间线
ui-timeline-count = 请求随时间的分布（{ $count }）
ui-timeline-image = 时间轴上的每个请求和应答
ui-timeline-legend = 轴上方：客户端的请求（SYN、DNS 查询），以及每次重试前的等待时间。轴下方：应答。
ui-ladder = 梯形图
ui-ladder-heading = 梯形图：NAT 各路段端点之间的数据包
ui-ladder-image = 每个数据包画成一个箭头，连接它所寻址的两个端点
ui-ladder-legend = 圆点标出 NAT 改写数据包的那一列（鼠标悬停可查看改写内容）。如果一个数据包来自其发送方从未与之通信过的地址，它会显示为从一个意料之外的列发出的箭头。
ui-url-other-site = 只能通过 URL 打开本页面所在站点上的抓包文件
ui-url-failed = 无法加载：{ $message }

## 无法读取的抓包文件

capture-error-at = 在字节偏移 { $offset } 处：{ $what }
capture-error-too-short = 文件只有 { $bytes } 字节，不足以构成抓包文件头
capture-error-not-a-capture = 不是 pcap 或 pcapng 文件（开头是 { $magic }）
capture-error-version = 不支持 { $format } 版本 { $version }
capture-error-link-type-bits = 链路类型字段 { $field } 设置了保留位；文件头已损坏
capture-error-record-too-large = 某条记录声称有 { $claimed } 字节，超过了任何真实数据包的大小（最多 { $limit }）；其长度字段已损坏
capture-error-block-length = 类型为 { $block_type } 的 pcapng 块长度为 { $length }，这是不可能的
capture-error-truncated = 文件被截断了：最后一条记录需要 { $needed } 字节，但只剩下 { $available } 字节
capture-error-interfaces = 文件声明的接口超过了 { $limit } 个
capture-error-malformed = 格式错误的 { $what }：{ $reason }

## 内置示例（示例库中的卡片）

example-bridge-nf-off = Pod → ClusterIP → 同一节点上的 Pod：客户端对回包回了 RST，curl 超时
example-nlb-hairpin = Pod 调用自己的负载均衡器时超时；该负载均衡器的其他客户端一切正常
example-vxlan-syn-backoff = 跨节点的连接要 63 秒才能建立
example-asym-rpfilter = Pod 经非对称路由的连接：回包从另一个接口到达，被严格模式的 rp_filter 丢弃
example-dns-aaaa-drop = DNS 解析恰好耗时 5 秒
example-lab-bridge-nf-off = 实验：同一节点上的 Service 调用被重置（bridge-nf-call-iptables=0）
example-lab-bridge-nf-off-sll1 = 实验：同上，以 SLL v1 格式抓包（没有接口索引）
example-lab-bridge-nf-off-pcapng = 实验：同上，每个接口一个 dumpcap（带接口名称的 pcapng）
example-lab-bridge-nf-on = 实验，正常：bridge-nf-call-iptables=1，回包做了 un-DNAT
example-lab-lb-hairpin-preserve = 实验：负载均衡器保留客户端 IP，并 hairpin 回客户端所在的节点
example-lab-lb-hairpin-snat = 实验，正常：负载均衡器对客户端地址做了 MASQUERADE
example-lab-vxlan-lossy-node1 = 实验：SYN 在 VXLAN 中丢失，从发送端节点看（1-2-4-8-16 s）
example-lab-vxlan-lossy-node2 = 实验：SYN 在 VXLAN 中丢失，从接收端节点看
example-lab-vxlan-ok-node1 = 实验，正常：flannel 式的 VXLAN，发送端节点
example-lab-vxlan-ok-node2 = 实验，正常：flannel 式的 VXLAN，接收端节点
example-lab-nat-vxlan-ok = 实验，正常：DNAT 和 MASQUERADE 后进入 VXLAN 4789，再原路返回
example-lab-rp-filter-strict = 实验：回包从上联网卡到达，被严格模式的 rp_filter 丢弃
example-lab-rp-filter-loose = 实验，正常：同样的路由，使用宽松模式的 rp_filter
example-lab-dns-lossy = 实验：并行的 A/AAAA 查询，其中一个应答被丢弃：解析耗时 5 s
example-lab-dns-ok = 实验，正常：并行的 A/AAAA 查询都得到了应答
example-lab-syn-dropped = 实验：策略丢弃了 SYN；客户端不断重试，最终放弃
example-lab-refused-reject = 实验：一条 REJECT 规则以服务端的名义回了 RST
example-lab-refused-wrong-port = 实验：Service 的 targetPort 上没有进程监听：连接被拒绝
example-lab-pmtu-blackhole = 实验：小请求正常，大的传输卡住（PMTU 黑洞）
example-lab-pmtu-ok = 实验，正常：路径 MTU 发现工作正常
example-lab-busy-node = 一个正常的节点：没有任何问题可报告（一个繁忙的 k3s 式节点上 30 s 的抓包：localhost 上的控制平面、kubelet 探针、hostNetwork、DNS、VXLAN）
example-lab-kubelet-probe-drop-node-any = kubelet 对 trunk 后面的 Pod（Pod 安全组）的探针失败：Pod 发给节点的回包在节点上被丢弃
example-lab-vxlan-checksum-bug-node2-any = 实验，二次 SNAT 校验和 bug，每次重试都获得新的外层端口：连接 1 s 后建立（在接收端节点上看到）
example-lab-vxlan-checksum-bug63-node1-any = 实验，真实的二次 SNAT 校验和 bug：hostNetwork 客户端跨 VXLAN 的连接 63 s 后才建立（在其节点上运行 tcpdump -i any）
example-lab-dns-search-pod = 查询 api.example.com 时先依次加上每个搜索域（ndots:5）：在真正的查询之前有 6 个 NXDOMAIN 查询（在客户端 Pod 内抓包）
example-lab-dns-unreachable-node1-any = DNS 查询在途中被丢弃：两个 nameserver 都试过了，没有应答，解析在 20 s 后失败（在客户端所在节点上运行 tcpdump -i any）
example-lab-dns-servfail-node1-any = DNS 服务器返回 SERVFAIL（在客户端所在节点上运行 tcpdump -i any）
example-lab-dns-truncated-node1-any = DNS 应答被截断（40 条记录），而改用 TCP 向 53 端口的重试被拦截（在客户端所在节点上运行 tcpdump -i any）
example-lab-hairpin-off-node-any = Pod 访问一个唯一 Endpoint 就是它自己的 ClusterIP，而它的网桥端口没有开启 hairpin 模式：SYN 始终没有回来（在节点上运行 tcpdump -i any）
example-lab-idle-reset-pod = 连接池中的一个连接在负载均衡器后面空闲（空闲超时 20 s，用来代替 NLB 的 350 s）：下一个请求被 reset（在客户端 Pod 内抓包）
example-lab-invalid-reset-node-any = 通过 ClusterIP 下载：后端发出的一个窗口外报文段绕过了反向 NAT，客户端回了 RST，下载随之中断（在节点上运行 tcpdump -i any）
example-lab-no-endpoints-pod = 没有 Endpoint 的 Service 的 ClusterIP 和 NodePort：kube-proxy 用 ICMP port unreachable 拒绝（在客户端 Pod 内抓包）
example-lab-port-reuse-pod = 没有 TCP 时间戳的客户端复用了自己的端口，而服务端仍把旧连接保留在 TIME_WAIT 中：challenge ACK、RST、重新发送 SYN（在客户端 Pod 内抓包）
example-lab-snat-collision-node-any = Pod 两两一组，经由节点上不带 --random-fully 的 MASQUERADE 连接同一个外部服务器：部分 SYN 在插入 conntrack 时被丢弃，1 s 后才连上（在节点上运行 tcpdump -i any）
example-lab-stalled-pod = 经过负载均衡器的数据流在传输中途卡住：大小报文段都在按退避重发，始终没有得到确认（在客户端 Pod 内抓包）
example-lab-table-full-node-any = nf_conntrack_max 为 512 时同时发起 800 个连接：约 290 个 SYN 在节点上被丢弃，持续 5 s，其他连接则正常通过（在节点上运行 tcpdump -i any）
ui-read-failed = 浏览器无法读取 { $name } 的第 { $start }–{ $end } 字节：{ $error }

## 多份抓包

capture-file = #{ $index } { $name }：{ $frames } 帧，抓包位置为{ $seen }；{ $clock }
clock-reference = 其他抓包以此时钟为基准对齐
clock-matched = 时钟调整 { $offset } s，依据 { $packets } 个同样出现在抓包 { $with } 中的数据包（离散度 { $spread } ms）
clock-matched-drift = 时钟调整 { $offset } s、漂移 { $drift } ppm，依据 { $packets } 个同样出现在抓包 { $with } 中的数据包（离散度 { $spread } ms）
clock-given = 时钟调整 { $offset } s（由用户指定）
clock-unmatched = 与其他抓包没有共同的数据包：时钟保持原始记录
ui-add-capture = 添加同一时间的另一份抓包（另一个节点、Pod、负载均衡器）：
ui-files = 抓包文件
ui-export-evidence = ⤓ 相关数据包（pcapng）
ui-export-filtered = ⤓ 这些数据包（pcapng）
ui-export-filtered-title = 列表当前显示的数据包（当前的过滤条件和范围），来自所有抓包、按时间排序，保存为可用 Wireshark 打开的 pcapng 文件
export-filtered-comment = dropscope：匹配过滤条件“{ $filter }”的 { $count } 个数据包

## Names

named-pod = Pod { $name }（{ $address }）
named-service = { $name }（{ $address }）
named-service-port = Service { $name }（{ $address }）
named-node = 节点 { $name }（{ $address }）
named-some-node = 某个节点（{ $address }）
named-endpoint = { $name } 的 Endpoint（{ $address }）
names-problem-line = { $source } 第 { $line } 行：{ $why } — { $text }
names-problem-text = { $source }：{ $why }
names-empty = 内容为空
names-unknown-format = 不是 dropscope 能读取的格式（ip -o link、ip -o addr、kubectl get pods -o wide、get services、get endpointslices、get endpoints、get nodes -o wide）
names-unrecognized-line = 这一行不属于上述任何格式
names-unsupported-table = dropscope 不使用的 kubectl 表格
names-missing-column = 表格没有 { $column } 列（Pod 请加 -o wide）
names-too-few-columns = 只有 { $found } 列，表头有 { $expected } 列
names-misaligned = 列没有与表头对齐
names-bad-address = 不是 IP 地址
names-bad-ports = 无法读取的端口
names-bad-index = 不是接口索引
names-too-many = 超过 { $limit } 条：其余的已忽略
ui-names = 集群中的名称
ui-names-help = 粘贴集群输出的内容，即可按名称显示 Pod、Service、节点和接口：节点上的 ip -o link 与 ip -o addr、kubectl get pods -A -o wide、kubectl get svc -A、kubectl get endpointslices -A。内容只保留在本页面中。
ui-names-apply = 使用这些名称
ui-names-files = 或打开文本文件：
ui-names-pasted = 粘贴的文本 { $n }
picture-this-node = 本节点（抓包处）
picture-this-host = { $host }（抓包处）
picture-lb = 负载均衡器
picture-conntrack = conntrack（NAT）
ui-nodes-picture = 节点图：数据包经过的主机、其接口、进行 NAT 的 conntrack，以及在其间移动的数据包
picture-not-captured = 未抓包
picture-other-node = 另一个节点
ui-clock-set = 手动设置时钟调整：
