# dropscope — 正體中文（台灣，zh-TW）：CLI、Markdown 匯出與網頁上的文字。此處每則訊息在 en、zh-CN 與 ko 中都有相同的 id 與
# 相同的 $arguments（由測試檢查）。指令、sysctl 名稱、chain 名稱與位址屬於參數或字面文字：
# 請保持原樣，不要翻譯。

## CLI、Markdown 匯出與網頁共用的標籤

severity-error = 錯誤
severity-warning = 警告
severity-info = 資訊
seen-from = 擷取位置：
no-findings = 在這份擷取中沒有辨識出任何已知的故障。
md-counts = { $packets } 個封包、{ $connections } 條 TCP 連線、{ $queries } 個 DNS 查詢。
md-damaged = 擷取檔已損毀（{ $error }）；損毀處之前的內容都已分析。
label-where = 失敗位置：
label-next-capture = 這份擷取無法呈現的部分：
label-evidence = 證據：
label-frames = frame 編號
label-cause = 發生原因：
label-confirm = 如何在 node 上確認：
label-fix = 解決方法：
label-tradeoff = 代價：
label-references = 參考資料：
heading-symptom = 徵狀
heading-cause = 原因
heading-confirm = 在運作中的 node 上確認
heading-fix = 解決方法
heading-references = 參考資料

## 擷取的位置

vantage-node-all = node 的所有 interface（tcpdump -i any）
vantage-node-per-interface = node，{ $interfaces } 個 interface 各自分別擷取
vantage-endpoint = { $address } 內部（只有它自己的流量）
vantage-node-uplink-of = 只有 node { $address } 的 uplink
vantage-node-uplink = 只有某個 node 的 uplink
vantage-in-path = 路徑上的某個裝置（負載平衡器或路由器），或通往它的鏈路
vantage-unknown = 不明
vantage-why-sll2 = 帶有 interface 索引與方向的 Linux cooked 標頭（SLL2）：在 node 上執行的 tcpdump -i any
vantage-why-sll1 = 帶有方向但沒有 interface 索引的 Linux cooked 標頭（SLL v1）：在 node 上執行的 tcpdump -i any
vantage-why-per-interface = { $interfaces } 個 interface 各自分別擷取，沒有方向資訊：在多個 interface 上執行的 Wireshark 或 dumpcap
vantage-why-relayed = { $count } 個封包從唯一的 interface 進來，經過改寫後又從同一個 interface 離開：路徑上的某個裝置（負載平衡器、路由器）
vantage-why-between-two = { $count } 個封包送往這段鏈路上的某個裝置，經過改寫後又從它回來：這是路徑上某個裝置（負載平衡器、路由器）與某個 node 之間的鏈路；鏈路兩端看到的是相同的封包，因此這是該裝置的 interface，或是 node 的 uplink
vantage-why-returned = { $count } 個封包從唯一的 interface 離開，被外部的某個東西改寫後又從它回來：node 的 uplink
vantage-why-tunnelled = 單一 interface；每個封包中都有 { $address }，且 { $packets } 個封包中有 { $tunnelled } 個經過通道封裝：node 的 uplink
vantage-why-endpoint = 單一 interface，沒有方向資訊，每個封包中都有 { $address }，且都是從這裡送出的（TTL 仍是發送端的初始值）：該主機自己的流量（在 Pod 內部，或是它唯一的 interface）
vantage-why-routed = 單一 interface；{ $count ->
    [one] 每個封包中都有 { $peers }，但它的封包抵達時都已經過路由
   *[other] 每個封包中都有 { $peers }，但它們的封包抵達時都已經過路由
}（TTL 低於發送端的初始值）：主機之間的擷取，位於 node 的 uplink 或路徑上的某個裝置
vantage-why-tunnel-link = 單一 interface，承載 { $ends } 之間的通道流量，而且它們都是從這裡送出的（TTL 仍是初始值）：相鄰 node 之間的鏈路。每個 node 的 uplink 看到的都是相同的封包，因此這份擷取無法判斷它屬於哪個 node
vantage-why-unknown = 單一 interface，沒有方向資訊，封包之間也沒有共同的位址
order-reordered = { $reordered } 個 frame 未依時間順序寫入（一個 interface 寫完再換另一個），已重新依時間排序
order-late = { $reordered } 個 frame 已重新依時間排序；其中 { $late } 個比 2 s 重新排序時間窗所允許的還晚到達，因此未在原本的位置上分析（frame { $frames }）

## Interface 及其角色

role-pod-side-of = Pod 端（{ $pod }）
role-pod-side = Pod 端
role-bridge = bridge（橋接）
role-tunnel = 通道
role-uplink = uplink（上行）
role-loopback = loopback（回送）
role-host = 主機自己的 interface
role-unknown = 不明
caption-pod-veth-of = Pod { $pod } 的 veth
caption-pod-veth = 某個 Pod 的 veth
caption-uplink = node 的 uplink
caption-host = 主機自己的 interface
caption-interface = interface（角色不明）
role-why-named = 名稱為 { $name }
role-why-tunnel-carrier = 承載 { $count } 個往返 { $peers } 的 { $kind } 封包：node 的 uplink
role-why-inner = 此處的 { $count } 個封包是 uplink 上所見通道流量的內層封包：通道裝置
role-why-forwarded = { $count } 個封包從它進來，又直接從它出去：bridge
role-why-pod-veth = { $pod } 是唯一從這裡進入 node 的位址，而且其封包抵達時未經路由（TTL 未改變）：該 Pod 的 veth 在 node 上的這一端
role-why-stacked = { $count } 個封包在另一個 interface 與 node 的其餘部分之間經過它：bridge
role-why-out-and-back = { $count } 個封包從它離開，經過轉換後又回來（node 外部的負載平衡器或 NAT）：uplink
role-why-many-sources = 來自多個位址（{ $sources }）的封包從這裡進入：uplink
role-why-passes = node 與 { $peers } 之間的流量經過這裡，但不是從這裡發起：通往網路的一側
role-why-to-local-pods = 只送出封包，而且只送往 { $pods }：這些 pod 的 veth 就在這個 node 上，所以這是 node 通往它們的 bridge
role-why-too-little = 流量太少，無法判斷
role-why-loopback = 承載主機送給自己的流量（127.0.0.0/8、::1）：loopback
role-why-host = 唯一的 interface，而且每個封包中都有 { $address }：該主機自己的 interface

## 連線、DNS 與封包

outcome-established = 已建立
outcome-reset-by-client = 被用戶端重設
outcome-refused = 被拒絕
outcome-gave-up = 無回應，用戶端已放棄
outcome-unanswered = 無回應，仍在重試
outcome-mid-stream = 擷取開始時已開啟
connection-established-in = 在 { $seconds } s 內建立
connection-reset-by-client = 始終未建立：用戶端對收到的每個 SYN-ACK 都送出 RST
connection-refused = 被拒絕：伺服器以 RST 回應
connection-gave-up = 始終未建立：沒有任何 SYN-ACK 到達用戶端，用戶端已放棄
connection-unanswered = 沒有任何 SYN-ACK 到達用戶端（擷取結束時仍在重試）
dns-outcome-answered = 已回應
dns-outcome-after-retry = 重試後才得到回應
dns-outcome-lost-on-node = 回應已抵達 node，但沒有送達用戶端
dns-outcome-unanswered = 無回應
dns-answered-in = 在 { $seconds } s 內得到回應
dns-answered-after-retry-in = 重試後才得到回應，耗時 { $seconds } s
udp-outcome-answered = 已回應
udp-outcome-lost-on-node = 回應封包已抵達 node，但沒有送達用戶端
udp-outcome-one-way = 僅單向
side-client = 用戶端
side-server = 伺服器
direction-in = 進入
direction-out = 送出
direction-unknown = 經過
reset-by-client = 用戶端 { $from }
reset-by-server-side = 伺服器端 { $from }
change-dnat = DNAT { $before } → { $after }
change-snat = SNAT { $before } → { $after }
change-un-dnat = un-DNAT { $before } → { $after }
change-un-snat = un-SNAT { $before } → { $after }
change-destination = 目的地 { $before } → { $after }
change-source = 來源 { $before } → { $after }
change-encapsulation = { $kind } 封裝 { $outer }
change-decapsulation = 解封裝自 { $source } → { $destination }
leg-outside-node = 在 node 之外，介於從 { $interface } 離開（frame { $left }）與返回（frame { $back }）之間
leg-on-node = 在 node 上，介於 frame { $before }（{ $before_interface }）與 frame { $after }（{ $after_interface }）之間
fate-delivered = 從 { $interface } 送出，抵達其目的地
fate-left-node = 經由 { $interface } 離開 node
fate-ended-early = 抵達 { $interface }，但始終沒有出現在其目的地 { $destination } 所在的 { $expected }：在兩者之間的 node 上被丟棄
fate-resegmented = 以比任何線路上封包都大的 super-packet 形式抵達 { $interface }；它離開時被切成多段，各段分別作為獨立的行程追蹤
fate-local = 抵達 { $interface }，目的地是此主機本身（它自己的位址之一）
fate-arrived = 抵達 { $interface }（之後沒有再看到它）
fate-observed = 出現在 { $interface }

## CLI 的報告

cli-counts = { $frames } 個 frame，{ $packets } 個封包
cli-damaged = 錯誤（{ $error }）；損毀處之前的內容都已分析
cli-warning = 警告
cli-bad-checksums = { $count } 個封包的 checksum 錯誤（不計入 offload 預留值）
cli-findings = 診斷結果
cli-frame = 於 frame { $frame }
cli-explain-hint = 原因、確認方式與其他解決方法：{ $command }
cli-interfaces = Interface
cli-tcp-connections = TCP 連線（{ $count }）
cli-syns-retried = { $count } 個 SYN，重試間隔 { $gaps } s
cli-leg = 區段 { $from } → { $to }（frame { $frames }）
cli-syn-ack-lost = 來自 { $from } 的 SYN-ACK 始終沒有到達 { $to }：最後出現在 frame { $last }（frame { $frames }）
cli-syn-ack-reached = 來自 { $from } 的 SYN-ACK 已到達 { $to }（frame { $frames }）
cli-syn-acks-in-all = 共 { $count } 個 SYN-ACK
cli-reset = 由{ $by }送出的 RST，{ $from } → { $to }（frame { $frames }）
cli-dns-queries = DNS 查詢（{ $count }）
cli-sent-in-frames = 於 frame { $frames } 送出
cli-udp-exchanges = 其他 UDP 往來（{ $count }）
cli-udp-counts = 送出 { $sent } 個，回來 { $back } 個
cli-ended-early = 在 node 上提早結束的封包（{ $count }）
cli-journeys = 共 { $total } 段行程；--json 中列出 { $listed } 段

## 網頁

ui-language = 語言
ui-tagline-before = 為什麼這條連線會卡住、被重設，或要花 63 秒才建立？請拖放一份在 Kubernetes node 上以
ui-tagline-after = 擷取的封包檔。分析就在這裡、在你的瀏覽器中進行：檔案絕不會離開這個頁面。
ui-export-json = 匯出 JSON
ui-export-markdown = 匯出診斷結果（Markdown）
ui-theme = ◐ 主題
ui-theme-title = 淺色或深色
ui-open-in-dropscope = 在 dropscope 中開啟 ↗
ui-open-capture = 開啟擷取檔
ui-drop-or = 將 pcap 或 pcapng 檔拖放到頁面上的任何位置，或
ui-examples = 範例：在 Kubernetes node 與實驗環境中擷取的真實故障
ui-no-findings = 在這份擷取中沒有辨識出任何已知的故障。請從下方選擇一條連線，觀看它的封包。
ui-findings = 診斷結果
ui-findings-count = 診斷結果（{ $count }）
ui-show-packet = 顯示這個封包
ui-watch-packets = ▶ 觀看封包
ui-evidence = 證據
ui-why = 發生原因
ui-typical-symptom = 典型徵狀：{ $symptom }
ui-confirm = 如何在 node 上確認
ui-fix = 解決方法
ui-references = 參考資料
ui-copy = 複製
ui-copied = 已複製
ui-idle = 尚未載入擷取檔：請選擇一個範例，或拖放一個檔案。
ui-analysing = 正在分析 { $name }：已讀取 { $read }／{ $total } MB，{ $packets } 個封包 · { $rate } MB/s，每秒 { $packet_rate } 個封包
ui-cancel = 取消
ui-crashed = 分析因內部錯誤而中止（{ $message }）。這是 dropscope 的 bug；此頁面已可載入另一個擷取檔。
ui-cancelled = 已取消對 { $name } 的分析。
ui-capture-error = { $name }：{ $error }。損毀處之前的內容都已分析。
ui-decode-stop = frame { $frame }：{ $layer }，位於第 { $offset } 個位元組：{ $reason }
ui-figures = { $packets } 個封包 · { $connections } 條 TCP 連線 · { $queries } 個 DNS 查詢 · 分析耗時 { $milliseconds } ms（worker 使用了 { $megabytes } MB 記憶體）
ui-checksums = { $offloaded } 個封包使用 checksum offload（在 veth 與 VXLAN 上屬正常），{ $wrong } 個封包的 checksum 錯誤
ui-decode-stops = { $count } 個封包未能完整解碼
ui-connections = 連線
ui-connections-count = 連線（{ $count }）
ui-col-client = 用戶端
ui-col-server = 伺服器
ui-col-outcome = 結果
ui-col-connect-time = 連線耗時
ui-connections-first = 僅列出前 { $count } 條：先列出與診斷結果相關的，再列出失敗的。
ui-scope-finding = 僅顯示所選診斷結果的封包
ui-scope-connection = 僅顯示所選連線的封包
ui-scope-selection = 僅顯示所選範圍的封包
ui-packets = 封包
ui-packets-count = 封包（{ $count }）
ui-filter-placeholder = 篩選：10.244.0.20 · port 53 · :8080 · tcp · udp · icmp · cni0 · frame 12
ui-filter = 篩選封包
ui-packet-list = 封包清單
ui-col-number = 編號
ui-col-time = 時間
ui-col-interface = Interface
ui-col-source = 來源
ui-col-destination = 目的地
ui-col-protocol = 協定
ui-col-length = 長度
ui-col-info = 資訊
ui-select-packet = 選擇一個封包，查看它的各層內容與位元組。
ui-decoding-stopped = 解碼中止：{ $stop }
ui-frame-heading = frame { $frame } · { $interface } · 已擷取 { $original } 位元組中的 { $captured } 位元組
ui-at-byte = 位於檔案的第 { $offset } 個位元組
scene-connection = 連線 { $client } → { $server }：{ $outcome }
station-client = 用戶端
station-server = 伺服器
path-step-in = frame { $frame } · { $packet } 從 { $interface } 進入 · { $from } → { $to }
path-step-out = frame { $frame } · { $packet } 從 { $interface } 送出 · { $from } → { $to }
path-step-seen = frame { $frame } · { $packet } 出現在 { $interface } · { $from } → { $to }
path-step-inside = 封裝在 { $kind } { $source } → { $destination } 之內
path-step-copies = 同一次經過也記錄在 { $frames }
path-after = 經過 { $gap } 後
path-reset-by = 由 { $sender } 送出的 RST
path-dropped = 最後出現在這裡，始終沒有出現在 { $expected }
ui-path-animation = 封包路徑動畫
ui-path = 封包的路徑
ui-scene-omitted = 只播放前 { $played } 個封包；此選取範圍中其餘的 { $more } 個封包請見封包清單。
ui-scene-empty = 此選取範圍中沒有任何封包能被追蹤到它穿越 node 的路徑。
ui-scene-loading = 正在載入場景…
ui-topology = 封包經過的各站點，以及在站點之間移動的封包
ui-playback = 播放控制
ui-restart-title = 從頭開始（Home）
ui-restart = 從頭開始
ui-step-back = 上一個觀測點（←）
ui-play-title = 播放或暫停（空白鍵）
ui-pause = 暫停
ui-play = ▶ 播放
ui-step-forward = 下一個觀測點（→）
ui-speed = 速度
ui-animation-time = 動畫時間
ui-path-legend = 上方軌道：往伺服器；下方軌道：返回用戶端。✕：封包最後出現的位置。按鍵：空白鍵 播放／暫停 · ← → 逐步 · + − 速度 · Home 從頭開始。時間經過縮放：站點之間以微秒計的間隔，與重試之間以秒計的間隔，都能看得清楚；說明文字顯示的是實際的擷取時間。
ui-timeline = 重試時間軸
ui-timeline-count = 隨時間發出的請求（{ $count }）
ui-timeline-image = 每個請求與回應在時間軸上的位置
ui-timeline-legend = 時間軸上方：用戶端的請求（SYN、DNS 查詢），以及每次重試前的等待時間。下方：回應。
ui-ladder = 階梯圖
ui-ladder-heading = 階梯圖：NAT 各區段端點之間的封包
ui-ladder-image = 每個封包都以箭頭表示，畫在它所定址的兩個端點之間
ui-ladder-legend = 圓點標示 NAT 改寫該封包的那一欄（將滑鼠移到上面可查看改寫內容）。若回來的封包來自其發送端從未聯繫過的位址，它會顯示為從非預期的欄位出發的箭頭。
ui-url-other-site = 只能透過 URL 開啟來自此頁面所在網站的擷取檔
ui-url-failed = 無法載入：{ $message }

## 無法讀取的擷取檔

capture-error-at = 位於第 { $offset } 個位元組：{ $what }
capture-error-too-short = 檔案只有 { $bytes } 個位元組，不足以構成擷取檔的檔頭
capture-error-not-a-capture = 不是 pcap 或 pcapng 檔案（開頭為 { $magic }）
capture-error-version = 不支援 { $format } 版本 { $version }
capture-error-link-type-bits = link-type 欄位 { $field } 設定了保留位元；檔頭已損毀
capture-error-record-too-large = 某筆紀錄宣稱有 { $claimed } 個位元組，超過任何真實封包的大小（最多 { $limit } 個）；其長度欄位已損毀
capture-error-block-length = 類型為 { $block_type } 的 pcapng 區塊，其長度 { $length } 不可能成立
capture-error-truncated = 檔案被截斷：最後一筆紀錄需要 { $needed } 個位元組，但只剩下 { $available } 個
capture-error-interfaces = 檔案宣告的 interface 超過 { $limit } 個
capture-error-malformed = 格式錯誤的 { $what }：{ $reason }

## 內建範例（範例集的卡片）

example-bridge-nf-off = Pod → ClusterIP → 同一 node 上的 Pod：用戶端重設了回應封包，curl 發生 timeout
example-nlb-hairpin = Pod 呼叫自己的負載平衡器時發生 timeout；該負載平衡器的其他用戶端都正常
example-vxlan-syn-backoff = 跨 node 的連線要花 63 秒才能建立
example-asym-rpfilter = Pod 經由非對稱路由的連線：回應封包從另一個 interface 抵達，被嚴格模式的 rp_filter 丟棄
example-dns-aaaa-drop = DNS 查詢剛好都要花 5 秒
example-lab-bridge-nf-off = 實驗環境：同一 node 上的 Service 呼叫被重設（bridge-nf-call-iptables=0）
example-lab-bridge-nf-off-sll1 = 實驗環境：同上，以 SLL v1 擷取（沒有 interface 索引）
example-lab-bridge-nf-off-pcapng = 實驗環境：同上，每個 interface 各執行一個 dumpcap（含 interface 名稱的 pcapng）
example-lab-bridge-nf-on = 實驗環境，正常：bridge-nf-call-iptables=1，回應封包的 DNAT 被還原（un-DNAT）
example-lab-lb-hairpin-preserve = 實驗環境：負載平衡器保留用戶端 IP，並將流量 hairpin 回用戶端所在的 node
example-lab-lb-hairpin-snat = 實驗環境，正常：負載平衡器對用戶端進行 masquerade
example-lab-vxlan-lossy-node1 = 實驗環境：SYN 在 VXLAN 中遺失，從發送端 node 觀察（1-2-4-8-16 s）
example-lab-vxlan-lossy-node2 = 實驗環境：SYN 在 VXLAN 中遺失，從接收端 node 觀察
example-lab-vxlan-ok-node1 = 實驗環境，正常：flannel 式的 VXLAN，發送端 node
example-lab-vxlan-ok-node2 = 實驗環境，正常：flannel 式的 VXLAN，接收端 node
example-lab-nat-vxlan-ok = 實驗環境，正常：經 DNAT 與 MASQUERADE 進入 VXLAN 4789 再返回
example-lab-rp-filter-strict = 實驗環境：回應封包從 uplink 抵達，被嚴格模式的 rp_filter 丟棄
example-lab-rp-filter-loose = 實驗環境，正常：相同的路由，改用寬鬆模式的 rp_filter
example-lab-dns-lossy = 實驗環境：平行的 A/AAAA 查詢，其中一個回應被丟棄：每次查詢耗時 5 s
example-lab-dns-ok = 實驗環境，正常：平行的 A/AAAA 查詢都得到回應
example-lab-syn-dropped = 實驗環境：policy 丟棄了 SYN；用戶端不斷重試，最後放棄
example-lab-refused-reject = 實驗環境：REJECT 規則代替伺服器以 RST 回應
example-lab-refused-wrong-port = 實驗環境：Service 的 targetPort 上沒有任何程式在監聽：連線被拒絕
example-lab-pmtu-blackhole = 實驗環境：小的請求正常，大量傳輸卻會卡住（PMTU 黑洞）
example-lab-pmtu-ok = 實驗環境，正常：Path MTU 探索運作正常
example-lab-busy-node = 正常的 node：沒有任何問題（一個忙碌的 k3s 式 node 的 30 s 擷取：localhost 上的 control plane、kubelet probe、hostNetwork、DNS、VXLAN）
example-lab-kubelet-probe-drop-node-any = 送往 trunk 後方 Pod（security groups for pods）的 kubelet probe 失敗：Pod 回給 node 的回應封包在 node 上被丟棄
example-lab-vxlan-checksum-bug-node2-any = 實驗環境，二次 SNAT checksum bug，每次重試都會拿到新的外層 port：連線在 1 s 後建立（從接收端 node 觀察）
example-lab-vxlan-checksum-bug63-node1-any = 實驗環境，真正的二次 SNAT checksum bug：hostNetwork 用戶端跨 VXLAN 的連線在 63 s 後才建立（在其 node 上執行 tcpdump -i any）
example-lab-dns-search-pod = api.example.com 會先逐一加上每個 search domain 查詢（ndots:5）：真正的查詢之前有 6 個 NXDOMAIN 查詢（在用戶端 Pod 內擷取）
example-lab-dns-unreachable-node1-any = DNS 查詢在途中被丟棄：兩個 nameserver 都試過，沒有回應，名稱解析在 20 s 後失敗（在用戶端的 node 上執行 tcpdump -i any）
example-lab-dns-servfail-node1-any = DNS 伺服器回應 SERVFAIL（在用戶端的 node 上執行 tcpdump -i any）
example-lab-dns-truncated-node1-any = 被截斷的 DNS 回應（40 筆 record），而改以 TCP 向 port 53 的重試被擋下（在用戶端的 node 上執行 tcpdump -i any）
example-lab-hairpin-off-node-any = Pod 呼叫一個唯一 endpoint 就是它自己的 ClusterIP，而它的 bridge port 未開啟 hairpin mode：SYN 始終沒有回來（在 node 上執行 tcpdump -i any）
example-lab-idle-reset-pod = 連線池中的一條連線在負載平衡器後方閒置（idle timeout 20 s，用來代替 NLB 的 350 s）：下一個請求被 RST（在用戶端 Pod 內擷取）
example-lab-invalid-reset-node-any = 經由 ClusterIP 下載：backend 送出的一個視窗外 segment 略過了反向 NAT，用戶端送出 RST，下載隨之中斷（在 node 上執行 tcpdump -i any）
example-lab-no-endpoints-pod = 沒有 endpoint 的 Service 的 ClusterIP 與 NodePort：kube-proxy 以 ICMP port unreachable 拒絕（在用戶端 Pod 內擷取）
example-lab-port-reuse-pod = 沒有 TCP timestamp 的用戶端重複使用自己的 port，而伺服器仍將舊連線保留在 TIME_WAIT：challenge ACK、RST、再次送出 SYN（在用戶端 Pod 內擷取）
example-lab-snat-collision-node-any = Pod 兩兩一組，經由 node 上沒有 --random-fully 的 MASQUERADE 連往同一台外部伺服器：部分 SYN 在插入 conntrack 時被丟棄，1 s 後才連上（在 node 上執行 tcpdump -i any）
example-lab-stalled-pod = 經過負載平衡器的串流在傳輸途中停住：大小 segment 都以退避方式重送，始終沒有被確認（在用戶端 Pod 內擷取）
example-lab-table-full-node-any = nf_conntrack_max 為 512 時同時開啟 800 條連線：約 290 個 SYN 在 node 上被丟棄，持續 5 s，其他連線則正常通過（在 node 上執行 tcpdump -i any）
ui-read-failed = 瀏覽器無法讀取 { $name } 的第 { $start }–{ $end } 個位元組：{ $error }

## 多份擷取

capture-file = #{ $index } { $name }：{ $frames } 個 frame，擷取位置為{ $seen }；{ $clock }
clock-reference = 其他擷取以此時鐘為基準對齊
clock-matched = 時鐘調整 { $offset } s，依據 { $packets } 個同樣出現在擷取 { $with } 的封包（離散度 { $spread } ms）
clock-matched-drift = 時鐘調整 { $offset } s、漂移 { $drift } ppm，依據 { $packets } 個同樣出現在擷取 { $with } 的封包（離散度 { $spread } ms）
clock-given = 時鐘調整 { $offset } s（由使用者指定）
clock-unmatched = 與其他擷取沒有共同的封包：時鐘維持原始紀錄
ui-add-capture = 加入同一時間的另一份擷取（另一個 node、Pod、負載平衡器）：
ui-files = 擷取檔
ui-export-evidence = ⤓ 相關封包（pcapng）
ui-export-filtered = ⤓ 這些封包（pcapng）
ui-export-filtered-title = 清單目前顯示的封包（目前的篩選條件與範圍），取自每一份擷取、依時間排序，存成可用 Wireshark 開啟的 pcapng 檔
export-filtered-comment = dropscope：符合篩選條件「{ $filter }」的 { $count } 個封包

## Names

named-pod = Pod { $name }（{ $address }）
named-service = { $name }（{ $address }）
named-service-port = Service { $name }（{ $address }）
named-node = 名為 { $name } 的 node（{ $address }）
named-some-node = 某個 node（{ $address }）
named-endpoint = { $name } 的 endpoint（{ $address }）
names-problem-line = { $source } 第 { $line } 行：{ $why } — { $text }
names-problem-text = { $source }：{ $why }
names-empty = 內容是空的
names-unknown-format = 不是 dropscope 能讀的格式（ip -o link、ip -o addr、kubectl get pods -o wide、get services、get endpointslices、get endpoints、get nodes -o wide）
names-unrecognized-line = 這一行不屬於上述任何格式
names-unsupported-table = dropscope 不使用的 kubectl 表格
names-missing-column = 表格沒有 { $column } 欄（Pod 請加 -o wide）
names-too-few-columns = 只有 { $found } 欄，標頭有 { $expected } 欄
names-misaligned = 欄位沒有對齊標頭
names-bad-address = 不是 IP 位址
names-bad-ports = 無法讀取的 port
names-bad-index = 不是 interface 索引
names-too-many = 超過 { $limit } 筆：其餘的略過
ui-names = 叢集中的名稱
ui-names-help = 貼上叢集輸出的內容，即可用名稱顯示 Pod、Service、node 與 interface：node 上的 ip -o link 與 ip -o addr、kubectl get pods -A -o wide、kubectl get svc -A、kubectl get endpointslices -A。內容只留在這個頁面。
ui-names-apply = 使用這些名稱
ui-names-files = 或開啟文字檔：
ui-names-pasted = 貼上的文字 { $n }
picture-this-node = 這個 node（擷取處）
picture-this-host = { $host }（擷取處）
picture-lb = 負載平衡器
picture-conntrack = conntrack（NAT）
ui-nodes-picture = Node 圖：封包經過的主機、其 interface、進行 NAT 的 conntrack，以及在其間移動的封包
picture-not-captured = 未擷取
picture-other-node = 另一個 node
ui-clock-set = 手動設定時鐘調整：
