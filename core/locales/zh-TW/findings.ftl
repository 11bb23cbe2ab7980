# dropscope — 正體中文（台灣，zh-TW）：各項診斷結果及其說明。此處每則訊息在 en、zh-CN 與 ko 中都有相同的 id 與
# 相同的 $arguments（由測試檢查）。指令、sysctl 名稱、chain 名稱與位址屬於參數或字面文字：
# 請保持原樣，不要翻譯。

## 共用

name = { $name }
the-bridge = 該 bridge
unknown-point-of-failure = 不明
evidence-syn-retries = 重試 SYN { $retries ->
    [one] 一次，間隔 { $gaps } 秒
   *[other] { $retries } 次，間隔 { $gaps } 秒
}
evidence-client-reset = client 對這個非預期的回應封包送出 RST（{ $from } → { $to }，frame { $frame }）

## reply-bypasses-conntrack

reply-bypasses-conntrack-title = 回應封包繞過 conntrack：Service 的 DNAT 始終沒有被還原
reply-bypasses-conntrack-symptom = Pod 存取 Service（ClusterIP）時發生 timeout，但只發生在被選中的 backend Pod 與它位於同一個 node 時；直接存取 backend Pod 的 IP 正常，存取其他 node 上的 backend 也正常。
reply-bypasses-conntrack-cause = kube-proxy（iptables 或 IPVS 模式）會將 Service 位址 DNAT 至某個 backend Pod，conntrack 則記住這次轉換，讓回應封包能被反向還原 DNAT。當 client 與 backend 位於同一個 Linux bridge（cni0、cbr0）上時，backend 的回應封包目的地是該 bridge 上的 MAC 與 IP，因此會在 L2 直接交換轉送。經 bridge 轉送的 frame 只有在已載入 br_netfilter 模組且 net.bridge.bridge-nf-call-iptables=1 時，才會經過 iptables 與 conntrack。此設定關閉時，SYN-ACK 抵達 client 時帶的仍是 backend Pod 自己的位址，而不是 client 原本連線的 Service 位址。client 的 kernel 無法將它對應到正在建立連線的 socket，於是回以 RST；該 socket 則繼續等待並重試 SYN，因此應用程式看到的是 timeout，而不是連線被拒絕。這條連線的 conntrack entry 存在，且一直停在 SYN_SENT … [UNREPLIED]：回應封包從未經過 conntrack。
reply-bypasses-conntrack-confirm-sysctl = 檢查 node 上的 bridge netfilter 開關與模組
reply-bypasses-conntrack-confirm-conntrack = Service 連線的 conntrack entry 一直停在 SYN_SENT … [UNREPLIED]：conntrack 從未看到回應封包
reply-bypasses-conntrack-confirm-kube-proxy = kube-proxy 啟動時會對此發出警告（iptables 與 IPVS 模式）
reply-bypasses-conntrack-fix-sysctl = 載入 br_netfilter，讓經 bridge 轉送的流量經過 iptables，並將兩者設為永久生效
reply-bypasses-conntrack-fix-sysctl-tradeoff = Pod 之間經 bridge 轉送的流量從此會經過 iptables 與 conntrack，這正是 Kubernetes Service 所需要的。請留意這個設定：其他軟體（某些 Docker 或防火牆設定）會把它重設。
reply-bypasses-conntrack-summary = { $client } → Service { $service }：SYN-ACK 從 backend { $backend } 回來時沒有經過反向 NAT，client 對它送出 RST（嘗試 { $attempts } 次）
reply-bypasses-conntrack-ev-syn = { $client } 送出 SYN 至 Service { $service }（frame { $frame }）
reply-bypasses-conntrack-ev-dnat = node 將它 DNAT 至 { $backend }（{ $changes }，於 { $interface }）
reply-bypasses-conntrack-ev-syn-ack = SYN-ACK 從 { $backend } 而不是從 { $service } 抵達 client：途中沒有經過反向 NAT（最後一次出現於 frame { $frame }）
reply-bypasses-conntrack-ev-bridged = { $interface } 收到它但沒有對它做路由（frame { $frame }）：它是在 L2 經 bridge 轉送的
reply-bypasses-conntrack-ev-syn-ack-matched = 確認這個 SYN 的 SYN-ACK（相同的 client port，ack = 其序號 + 1）來自 { $backend }，一個位於 client 自身子網段的 Pod，而不是來自 { $service }：Service 的 DNAT 沒有被還原（frame { $frame }）
reply-bypasses-conntrack-where-node = { $bridge }：來自 { $backend } 的回應封包在 L2 直接交換轉送，從未經過 conntrack，因此 { $service } 的 DNAT 沒有被還原
reply-bypasses-conntrack-where-client-view = 介於 backend { $backend } 與此 Pod 之間、兩者共用的 node 上：回應封包抵達 Pod 時沒有經過 { $service } 的反向 NAT
reply-bypasses-conntrack-next-client-view = 這份擷取來自 client Pod 本身：它顯示了未經轉換的回應封包，但看不出回應封包是在哪裡略過了 conntrack。請在執行 { $client } 與 { $backend } 的 node 上執行 `{ $command }` 與 `sysctl net.bridge.bridge-nf-call-iptables`：若看到 SYN-ACK 穿過 bridge 卻沒有經過 conntrack，即可確認。

## lb-hairpin-client-ip

lb-hairpin-client-ip-title = 啟用 client IP preservation 時的負載平衡器 hairpin
lb-hairpin-client-ip-symptom = 叢集內的 client（Pod，以及 node 上的行程）透過 Service 的負載平衡器（AWS NLB 的主機名稱）存取該 Service 時，會偶發 timeout：當負載平衡器可以選擇 N 個 target 時，大約每 N 條連線就有一條；叢集外的 client 則一切正常。
lb-hairpin-client-ip-cause = 負載平衡器將流量轉發至各 node 的 NodePort，並保留 client 的來源位址（client IP preservation，AWS Network Load Balancer 的 instance 類型 target 預設啟用）。當它剛好選中 client 所在的那個 node 時，封包會以 client → node:NodePort 的形式回到該 node。若為 externalTrafficPolicy: Local，node 會將它 DNAT 至本機的 backend Pod，由該 Pod 經 bridge 直接回應 client。若為 externalTrafficPolicy: Cluster（即案例報告中的封包擷取所呈現的情況），node 還會對它進行 masquerade：backend 回應 node，node 再還原這兩次轉換，並以 node:NodePort 為來源，在本機將 SYN-ACK 交給 client。無論哪一種，回應封包都不會再經過負載平衡器，因此它來自一個 client 從未連線過的位址：client 對它送出 RST，並持續重試直到 connect timeout。AWS 文件指出，啟用 client IP preservation 時不支援 hairpinning。要發生這個問題，負載平衡器必須發布主機名稱（AWS 即是如此），或是負載平衡器的 ingress 項目（status.loadBalancer.ingress）設為 ipMode: Proxy：對於發布 IP 位址的負載平衡器，kube-proxy 會在叢集內直接攔截（short-circuit）送往該位址的流量，封包根本不會到達負載平衡器。
lb-hairpin-client-ip-confirm-tcpdump = 在 client 所在的 node 上，查看 client 連線的是哪個位址、回應的是哪個位址，以及 client 送出的 RST
lb-hairpin-client-ip-confirm-target-group = 檢查 target group 的類型，以及是否保留 client IP（AWS）：describe-target-groups 要帶負載平衡器的 ARN，describe-target-group-attributes 則要帶 target group 的 ARN
lb-hairpin-client-ip-confirm-service = 檢查 Service 的類型、traffic policy，以及其負載平衡器發布的是什麼（主機名稱，或 IP 及其 ipMode）
lb-hairpin-client-ip-fix-cluster-ip = 在叢集內改以 ClusterIP 或 DNS 名稱存取 Service，不要經過負載平衡器
lb-hairpin-client-ip-fix-cluster-ip-tradeoff = 來自叢集內的流量不再經過負載平衡器（及其 listener、TLS、log）。
lb-hairpin-client-ip-fix-target-group = 在 target group 上停用 client IP preservation
lb-hairpin-client-ip-fix-target-group-tradeoff = 之後 backend 看到的會是負載平衡器的位址；若 backend 需要 client 的位址，請使用 proxy protocol v2。若 controller 重建 target group，手動所做的變更會遺失。
lb-hairpin-client-ip-fix-annotation = 或者在 Service 上設定，前提是 controller 會採用這個 annotation：AWS Load Balancer Controller，或 v1.34.0 起的 AWS cloud controller manager（及其 2025 年的 backport）；較舊的 in-tree controller 會忽略它，因此設定後請檢查該屬性。IP target（service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip）只有 AWS Load Balancer Controller 會採用。
lb-hairpin-client-ip-fix-annotation-tradeoff = client IP preservation 的變更只對新連線生效。
lb-hairpin-client-ip-summary = { $client } → 負載平衡器 { $lb }：帶著 client 的位址被送回 client 所在的 node，由 { $from } 直接回應，從未經過負載平衡器（嘗試 { $attempts } 次）
lb-hairpin-client-ip-ev-syn = { $client } 送出 SYN 至負載平衡器 { $lb }
lb-hairpin-client-ip-ev-syn-frame = { $client } 送出 SYN 至負載平衡器 { $lb }（frame { $frame }）
lb-hairpin-client-ip-ev-returned = 它離開 node（frame { $left }），再以 { $from } → { $to } 的形式回來（frame { $back }）：client 的位址被保留了
lb-hairpin-client-ip-ev-masquerade = 此 node 對它進行 masquerade（externalTrafficPolicy: Cluster）並 DNAT 至 backend：{ $from } → { $to }
lb-hairpin-client-ip-ev-dnat-local = 此 node 將它 DNAT 至 backend { $backend }（沒有 masquerade：externalTrafficPolicy: Local）
lb-hairpin-client-ip-ev-short-cut = SYN-ACK 從 { $from } 而不是從 { $lb } 直接送往 client；它從未經過負載平衡器
lb-hairpin-client-ip-ev-undone = 途中只有此 node 的 NAT 被還原：{ $changes }
lb-hairpin-client-ip-ev-syn-ack-matched = 確認這個 SYN 的 SYN-ACK（相同的 client port，ack = 其序號 + 1）來自 { $from }，即某個 node 的 NodePort，而不是來自負載平衡器（frame { $frame }）
lb-hairpin-client-ip-ev-syns-to-lb = { $client } 送出多個 SYN 至負載平衡器 { $lb }
lb-hairpin-client-ip-ev-forwarded = 每個 SYN 都再次離開，前往 node 的 NodePort { $node }，並保留 client 自己的位址 { $client }（client IP preservation）
lb-hairpin-client-ip-ev-no-syn-ack = 沒有任何 SYN-ACK 從這裡回來；client 重試 { $retries ->
    [one] 一次，間隔 { $gaps } 秒
   *[other] { $retries } 次，間隔 { $gaps } 秒
}
lb-hairpin-client-ip-where-node = 此 node：給同一 node 上 client 的回應封包，在本機以 { $from } 為來源直接送達，而沒有經由 { $lb } 返回
lb-hairpin-client-ip-where-client-view = node { $node }：負載平衡器將 Pod 的連線送到 Pod 自己所在的 node，而該 node 直接回應 Pod，沒有經過 { $lb }
lb-hairpin-client-ip-where-in-path = node { $node }：它給 { $client } 的回應封包沒有經由負載平衡器返回
lb-hairpin-client-ip-next-client-view = 這份擷取來自 client Pod 本身。在它所在的 node（{ $node }）上，`{ $command }` 會顯示 SYN 離開前往負載平衡器、帶著 Pod 的位址回來，以及回應封包繞過負載平衡器的過程。
lb-hairpin-client-ip-next-in-path = 從這裡看不到回應封包。在 client IP preservation 下，node 會不經負載平衡器，直接回應它能直接抵達的 client（該 node 上的 Pod：即 hairpin）；而 backend 停擺時，從這裡看起來也是一樣。在 node { $node } 上，`{ $command }` 可以區分兩者：SYN-ACK 從 { $answer } 直接送往 { $client }，以及隨後的 RST。

## vxlan-syn-loss

vxlan-syn-loss-title = SYN 在 VXLAN overlay 中遺失
vxlan-syn-loss-symptom = 連往 Service 或其他 node 上 Pod 的連線會卡住，約 63 秒後才成功（在 Linux 6.5 或更新版本上約為 67 秒，因為其 tcp_syn_linear_timeouts 一開始會每秒重試一次 SYN），或是 1 秒後成功；timeout 設得較短的 curl 會失敗。多見於從 host network 或 hostNetwork Pod 發起的連線，且環境使用 flannel 或其他 VXLAN overlay。
vxlan-syn-loss-cause = client 的 kernel 會依序在 1、2、4、8、16、32 秒後重送遺失的 SYN，因此第 7 個 SYN 約在 63 秒時送出（從 Linux 6.5 起，tcp_syn_linear_timeouts=4 讓一開始的重試間隔為 1 秒：SYN 分別在 0、1、2、3、4、5、7、11、19、35、67 秒送出，約在 131 秒時放棄）。VXLAN 上已知的原因：由 kube-proxy 與 kubelet 寫入的 KUBE-MARK-MASQ 會以 0x4000 標記 Service 流量，而 KUBE-POSTROUTING 會以 --random-fully 對帶有標記的封包進行 MASQUERADE。承載這種封包的 VXLAN 封包在標記仍存在的情況下再次經過 POSTROUTING，於是被第二次 SNAT，外層 UDP 來源 port 被改寫，外層 UDP checksum 也因此出錯：VXLAN 裝置不是以 local checksum offload 計算它（kernel 4.6 及之後版本，flannel 的預設），就是將它設為 0（較舊的 kernel，或設定了 noudpcsum 的裝置），而 NAT 的更新會把這兩種情況都弄壞。kernel 修正 ea64d8d6c675（5.7；5.6.13、5.4.41、4.19.123、4.14.181）只涵蓋為 0 的情況。接收端 node 的 kernel 會把這個封包當成損毀而丟棄（UdpInCsumErrors）。為什麼重試後就能通過：nat 表只會看到一個 flow 的第一個封包，因此重傳的 SYN 不會再被標記；它的下場取決於其外層來源 port，而這個 port 是 VXLAN 裝置依據 socket 的 flow hash 算出來的。若 kernel 在每次 SYN timeout 時都選用新的 hash（sk_rethink_txhash；net.core.txrehash=1，目前 kernel 的預設值），重試的封包就是一個不帶標記的新外層 flow，因此不會被 MASQUERADE：它的 checksum 正確，1 秒後即可連上。若 hash 維持不變（net.core.txrehash=0，或不會在 SYN timeout 時重新計算 hash 的 kernel），每次重試都會對應到外層 flow 的 conntrack entry 及其二次 SNAT 的對應，並再次被丟棄，直到這個沒有回應的 UDP entry（每次重試都會讓它繼續存活）在第 31 秒那個 SYN 之後 30 秒到期為止：第 63 秒的第 7 個 SYN 才得以通過。dropscope 的實驗環境（lab）在 Linux 6.18 上重現了這兩種情況；一份公開的封包擷取顯示，外層 port 直到第 7 個 SYN 都維持不變。其他丟棄從 client 看起來也一樣：node 之間有防火牆或 security group 擋住 UDP 8472/4789，或是接收端 node 丟棄了這些封包。在任一端 node 的封包擷取中檢查外層 checksum，就能區分它們。
vxlan-syn-loss-confirm-chain = 在發送端 node 上查看 KUBE-POSTROUTING：若它在 MASQUERADE 之前先讓未帶標記的封包 RETURN，並清除標記（--set-xmark 0x4000/0x0），表示已修正；若針對已標記封包的 MASQUERADE 排在最前面，則仍有問題。升級後，舊規則會一直排在最前面，直到被移除為止。
vxlan-syn-loss-confirm-counter = 在接收端 node 上，重現問題的同時計算 UDP checksum 錯誤次數（kernel 的 "UDP: bad checksum" 訊息是有速率限制的 debug 訊息：不要等它出現），並查看線路上封包的外層 checksum
vxlan-syn-loss-confirm-rehash = 在 client 的 node 上，確認 SYN timeout 時會選用新的 flow hash（重試的封包拿到新的外層 port：1 秒），還是維持原本的 hash（每次重試都被丟棄，直到約 63 秒）
vxlan-syn-loss-confirm-device = 檢查 VXLAN 裝置的外層 checksum 及其 checksum offload
vxlan-syn-loss-fix-upgrade = 將 kube-proxy 與 kubelet（兩者都會寫入 KUBE-POSTROUTING）升級到會在 masquerade 之前先清除封包標記的版本（kubernetes#92035：1.16.13、1.17.9、1.18.6、1.19.0 及之後版本），再移除仍排在 KUBE-POSTROUTING 最前面的任何舊 MASQUERADE 規則
vxlan-syn-loss-fix-upgrade-tradeoff = 新規則會加在舊規則之後：在舊規則消失之前（刪除它，或重新啟動 node），一切都不會改變。
vxlan-syn-loss-fix-offload = 暫時解法：在每個 node 上關閉 VXLAN 裝置的 tx checksum offload
vxlan-syn-loss-fix-offload-tradeoff = 之後外層 checksum 改由軟體計算（overlay 流量會耗用更多 CPU）。當 flannel 重建該裝置或 node 重新開機時，這項設定就會遺失：請依照 flannel 疑難排解指南的做法，以 udev 規則將它設為永久生效。
vxlan-syn-loss-fix-kernel = 包含 ea64d8d6c675 的 kernel（5.7；5.6.13、5.4.41、4.19.123、4.14.181）只修正外層 checksum 為 0 的 VXLAN 裝置（早於 4.6 的 kernel，或 noudpcsum）。在較新的 kernel 上使用 flannel 預設設定時，這並不足夠：有回報指出，單靠 kernel 修正並未解決延遲（kubernetes#90854、#96868；flannel PR #1282）。
vxlan-syn-loss-to = 送往 { $peer }
vxlan-syn-loss-from = 來自 { $peer }
vxlan-syn-loss-between = 介於 { $sender } 與 { $peer } 之間
vxlan-syn-loss-connected-after = 直到 { $seconds } 秒後才連上
vxlan-syn-loss-never-connected = 始終沒有連上
vxlan-syn-loss-summary = { $client } → { $server }：{ $lost } 個 SYN 在 VXLAN overlay 中遺失（{ $peer }；間隔 { $gaps } 秒）；{ $outcome }
vxlan-syn-loss-summary-checksum = { $client } → { $server }：{ $lost } 個 SYN 在 VXLAN overlay 中遺失，且外層 UDP checksum 錯誤（{ $peer }；間隔 { $gaps } 秒）；{ $outcome }
vxlan-syn-loss-ev-lost = 從 { $client } 送往 { $server } 的 { $lost } 個 SYN 沒有得到回應，重試間隔 { $gaps } 秒
vxlan-syn-loss-ev-left = 每個 SYN 都封裝在 VXLAN { $source } → { $destination }:{ $port }（VNI { $vni }）中，經由 { $interface } 離開 node：遺失發生在此 node 之外
vxlan-syn-loss-ev-arrived = 每個 SYN 都封裝在 VXLAN { $source } → { $destination }:{ $port }（VNI { $vni }）中抵達 { $interface }，卻始終沒有從通道中被取出：在解封裝之前就被此 node 丟棄
vxlan-syn-loss-ev-ports-changed = 每次重試時外層 UDP 來源 port 都會改變（{ $ports }），而內層位址維持不變
vxlan-syn-loss-ev-ports-same = 每次重試時外層 UDP 來源 port 都維持不變（{ $ports }）
vxlan-syn-loss-ev-checksum-wrong = { $count ->
    [one] 遺失的 SYN 的外層 UDP checksum 錯誤
   *[other] 遺失的 { $count } 個 SYN，其外層 UDP checksum 都錯誤
}（frame { $frame }：{ $stored }，正確值為 { $computed }）：接收端 kernel 會丟棄這類封包（UdpInCsumErrors）
vxlan-syn-loss-ev-checksum-ffff = { $count ->
    [one] 遺失的 SYN 帶有
   *[other] 遺失的 { $count } 個 SYN 都帶有
}外層 UDP checksum 0xffff（frame { $frame }，正確值為 { $computed }）：這是原本為 0（停用）的 checksum 被第二次 SNAT「更新」後的結果，也就是 kernel ea64d8d6c675 所修正的 bug
vxlan-syn-loss-ev-checksum-through = 成功通過的那個 SYN，其外層 checksum 為「{ $class }」
vxlan-syn-loss-ev-checksum-clean = 在這份擷取中，遺失的 SYN 其外層 UDP checksum 為「{ $class }」：沒有二次 SNAT 造成的 checksum bug 的跡象，因此是其他原因丟棄了它們（UDP { $port } 上的過濾規則或 security group，或是接收端 node）
vxlan-syn-loss-ev-checksum-unknown = 在這份擷取中無法檢查遺失 SYN 的外層 UDP checksum（{ $class }）；在接收端 node 上，`nstat -az UdpInCsumErrors` 可計算其 kernel 因 checksum 錯誤而丟棄的封包數
vxlan-syn-loss-ev-crossed = 每個 SYN 都封裝在 VXLAN { $source } → { $destination }:{ $port }（VNI { $vni }）中通過 { $interface }，且沒有任何回應回來
vxlan-syn-loss-ev-answered = SYN-ACK 終於經由通道回來；建立連線花了 { $seconds } 秒
vxlan-checksum-right = 正確
vxlan-checksum-wrong = 錯誤
vxlan-checksum-offloaded = offload 預留值，NIC 稍後才會補上
vxlan-checksum-zero = 0（停用）
vxlan-checksum-unverifiable = 無法驗證（封包被截斷）
vxlan-syn-loss-where-sender = { $interface } 之外：SYN 封裝後從此 node 送往 { $peer }，卻沒有任何回應
vxlan-syn-loss-where-receiver = 此 node 上的 { $interface }：來自 { $peer } 的 VXLAN 封包已抵達，但在解封裝之前就被丟棄（外層 checksum 錯誤，或 UDP { $port } 上的過濾規則）
vxlan-syn-loss-where-checksum = 接收端 node { $peer }：它的 kernel 因外層 UDP checksum 錯誤而丟棄來自 { $sender } 的 VXLAN 封包（這些封包通過 { $interface } 時就已帶著錯誤的 checksum）
vxlan-syn-loss-where-wire = { $peer } 或 { $interface } 之後的網路：來自 { $sender } 的 VXLAN 封包通過了這段鏈路，卻沒有任何回應
vxlan-syn-loss-next-sender = 在接收端 node（{ $peer }）上，`{ $command }`（或只擷取其 uplink）可以看出封包是否抵達、外層 checksum 為何；在那裡執行 `nstat -az UdpInCsumErrors` 可計算丟棄次數。
vxlan-syn-loss-next-wire = 這份擷取可能來自任一端 node 的 uplink。在發送端 node（{ $sender }）上，`iptables -t nat -S KUBE-POSTROUTING` 可以看出 Service 流量是否被 masquerade 了兩次；在接收端 node（{ $peer }）上，`nstat -az UdpInCsumErrors` 可計算其 kernel 因 checksum 錯誤而丟棄的封包數。
vxlan-syn-loss-next-receiver = 在發送端 node（{ $peer }）上，`iptables -t nat -S KUBE-POSTROUTING` 可以看出 Service 流量是否被 masquerade 了兩次。

## reply-dropped-on-host

reply-dropped-on-host-title = 回應封包在 node 上被丟棄
reply-dropped-on-host-symptom = 即使對端有回應，連線仍然 timeout：可以看到它的回應封包抵達 node，但之後就沒有再往前送。kubelet 對擁有自己 security group 的 Pod（EKS security groups for pods）所做的 liveness 與 readiness probe 失敗；或是 Pod 經由非對稱路由的連線失敗。
reply-dropped-on-host-cause = 有兩種機制會在 node 上丟棄回應封包。（1）Security groups for pods（Amazon VPC CNI、branch ENI）：kubelet 發給 Pod 的 SYN 從 eth0 出去，再經由 trunk ENI 的 VLAN sub-interface 回到 Pod veth 的主機端。Pod 的 SYN-ACK 從該主機端 veth 進入 node 後被 kernel 丟棄：在 net.ipv4.tcp_early_demux=1 時，ip_rcv_finish 會把它交給 tcp_v4_early_demux，後者找到 kubelet 正在建立連線的 socket，而該 socket 快取的接收路由（sk_rx_dst）在交握期間仍是空的。反方向則是：Pod 發給 kubelet 的 ACK 會在經過主機端 veth 之後被丟棄。AWS 將原因追查到 early demux；kernel 中確切的丟棄位置並未公開。（2）嚴格模式的反向路徑過濾（reverse-path filtering）：在非對稱路由下，回應封包抵達的 interface 並不是通往其來源的回程路由，net.ipv4.conf.*.rp_filter=1 會將它丟棄（計入 TcpExtIPReversePathFilter）。
reply-dropped-on-host-confirm-rp-filter = 重現問題的同時計算反向路徑過濾的丟棄次數，並讀取 rp_filter 設定（實際生效的值是 "all" 與該 interface 兩者中較大的那個）
reply-dropped-on-host-confirm-route = 以 kernel 檢查的方式測試回程路由，也就是：來自遠端、從該 interface 進來的回應封包。若出現錯誤（kernel 6.12 及之前為 Invalid cross-device link，更新的版本為 Invalid argument），且改成 rp_filter=2 後錯誤消失，就表示是反向路徑過濾丟棄了它。
reply-dropped-on-host-confirm-early-demux = Security groups for pods：檢查 early demux，以及 VPC CNI 的 init container 收到的設定
reply-dropped-on-host-fix-early-demux = Security groups for pods：讓 VPC CNI 的 init container（aws-vpc-cni-init）關閉 TCP early demux。這需要 VPC CNI 1.7.3 或更新版本，且 kernel 具有 net.ipv4.tcp_early_demux（若有些 node 沒有這個 key，則需要 1.7.4 或更新版本）。每當 init container 在 DISABLE_TCP_EARLY_DEMUX 為 false 的情況下執行，都會把這個 sysctl 設回 1，因此手動修改不會持久。若使用 EKS managed add-on，請在 add-on 的設定中設定（第二個指令），而不要直接 patch DaemonSet。
reply-dropped-on-host-fix-early-demux-tradeoff = 之後每個進來的 TCP segment 都要重新查一次路由：本地端 TCP 延遲會略微提高。
reply-dropped-on-host-fix-standard-mode = 或者在 VPC CNI 1.11 或更新版本上，以 standard 模式套用 Pod 的 security group，此模式不會干涉從 node（kubelet）到其 Pod 的流量。已經有 security group 的 Pod 必須重建。
reply-dropped-on-host-fix-standard-mode-tradeoff = 同一 node 上 Pod 之間的流量，以及從 node 到其 Pod 的流量，將不再受 Pod 的 security group 過濾。
reply-dropped-on-host-fix-rp-filter = 非對稱路由：在接收的 interface 上改用寬鬆模式的反向路徑過濾，或以 policy routing 讓路由對稱
reply-dropped-on-host-fix-rp-filter-tradeoff = 寬鬆模式只檢查來源是否可經由任一 interface 抵達：對偽造來源位址的防護較弱。
reply-dropped-on-host-ev-syns = { $client } 送出 { $count } 個 SYN 至 { $server }
reply-dropped-on-host-ev-asymmetric = 它們經由 { $out } 離開 node，但回應封包卻從 { $arrived } 回來：非對稱路由
reply-dropped-on-host-ev-dropped = { $count ->
    [one] 來自 { $from } 的 1 個 SYN-ACK 抵達 { $arrived }，卻始終沒有被轉送到 { $client } 所在的 { $pod_side }
   *[other] 來自 { $from } 的 { $count } 個 SYN-ACK 抵達 { $arrived }，但沒有任何一個被轉送到 { $client } 所在的 { $pod_side }
}
reply-dropped-on-host-summary = { $client } → { $server }：{ $count } 個回應封包經由 { $arrived } 抵達 node，並在到達 { $pod_side } 之前被丟棄
reply-dropped-on-host-where = 在 node 上，介於 { $arrived }（回應封包抵達處）與 { $pod_side }（Pod 端）之間
reply-dropped-on-host-ev-open = { $client } 開啟一條連往 { $server } 的連線（SYN）
reply-dropped-on-host-ev-syn-ack-arrived = { $server } 的 SYN-ACK 抵達 { $interface }，目的地是 node 自己的 socket { $client }，卻沒有任何 ACK 回應它
reply-dropped-on-host-ev-syn-ack-sent = { $server } 以 SYN-ACK 回應，卻沒有任何 ACK 回應它
reply-dropped-on-host-ev-resent = { $server } 重送 SYN-ACK { $count ->
    [one] 一次
   *[other] { $count } 次
}：它始終沒有收到交握的最後一個 ACK
reply-dropped-on-host-ev-more = 另有 { $count } 條從 { $client } 到 { $server } 的連線以同樣方式結束（每隔幾秒一次 probe）
reply-dropped-on-host-ev-ack-arrived = { $client } 連線至 { $server }：它完成交握的 ACK 抵達 { $interface }（frame { $frame }）
reply-dropped-on-host-ev-ack-sent = { $client } 連線至 { $server }：它送出完成交握的 ACK（frame { $frame }）
reply-dropped-on-host-ev-ack-resent = 之後 { $server } 又重送 SYN-ACK { $count ->
    [one] 一次
   *[other] { $count } 次
}：該 ACK 始終沒有到達它的 socket，client 的資料也始終沒有收到 ACK
reply-dropped-on-host-summary-not-taken-arrived = { $other } ⇄ { $socket }：給 { $socket } 自身 socket 的交握封包抵達 { $interface }，卻始終沒有被接收（{ $connections } 條連線）
reply-dropped-on-host-summary-not-taken = { $other } ⇄ { $socket }：給 { $socket } 自身 socket 的交握封包始終沒有被接收（{ $connections } 條連線）
reply-dropped-on-host-where-not-taken-arrived = 在 node 上、{ $interface } 之後：來自 { $other }、送往 node 自身位址 { $socket } 的封包抵達該處，並在到達其 socket 之前被丟棄
reply-dropped-on-host-where-not-taken = 介於 { $other } 與 { $socket } 上的 socket 之間：封包已送出，卻始終沒有到達
reply-dropped-on-host-next-not-taken = 在位址為 { $socket } 的 node 上，`{ $command }` 可以看出封包是否抵達 Pod 的主機端 interface 並停在那裡；`sysctl net.ipv4.tcp_early_demux` 與 `nstat -az TcpExtIPReversePathFilter` 可以區分是 early demux 還是 rp_filter。
the-node = 該 node
the-pod = Pod 端

## dns-conntrack-race

dns-conntrack-race-title = DNS 查詢耗時 5 秒：平行查詢引發的 conntrack 競爭條件
dns-conntrack-race-symptom = Pod 中的名稱解析會間歇性地剛好花 5 秒（或 10、15 秒）才成功；應用程式的延遲出現 5 秒的階梯式跳升。
dns-conntrack-race-cause = glibc（以及 musl）會從同一個 UDP socket 平行送出 A 與 AAAA 查詢，因此兩個封包共用同一組五元組（5-tuple）。它們的 conntrack entry 是在各自經過 DNAT、送往 DNS Service（kube-dns ClusterIP → 某個 CoreDNS Pod）時建立的。當兩者在不同 CPU 上競爭時，第二次插入會發現第一個封包的 entry，因而失敗（conntrack -S 會計入 insert_failed），該封包隨之被丟棄；若有多個 DNS endpoint，兩者也可能被 DNAT 到不同的 Pod，導致其中一個回應在回程途中遺失。resolver 會等到 timeout（預設 5 秒）後再次查詢；這次重試會成功。Linux 5.6（6a757c07e51f，"allow insertion of clashing entries"）在有多個 DNAT endpoint 時會放行發生衝突的封包，5.9（c46172147ebb）則讓這類 entry 不會遺失它的回應；較舊的 kernel 只能解決其中一部分衝突。
dns-conntrack-race-confirm-insert-failed = 在名稱解析變慢時，檢查 node 上是否有 conntrack 插入失敗
dns-conntrack-race-confirm-time = 從受影響的 Pod 測量名稱解析所花的時間（使用 bash 或 busybox sh：dash 沒有 time 關鍵字）
dns-conntrack-race-fix-single-request-reopen = glibc：讓 resolver 為第二個查詢重新開啟 socket（resolv.conf 選項 single-request-reopen，在 Pod spec 中設定）
dns-conntrack-race-fix-single-request-reopen-tradeoff = 僅適用於 glibc。musl（Alpine）只會從 resolv.conf 讀取 ndots、attempts 與 timeout，會忽略此選項，就像它也忽略 use-vc 一樣：musl 的 image 請改用 NodeLocal DNSCache 或較新的 kernel。
dns-conntrack-race-fix-nodelocaldns = 執行 NodeLocal DNSCache：Pod 改向自己 node 上的 cache 查詢，不經過 DNAT 或 conntrack，而 cache 對叢集網域則以 TCP 向 kube-dns 查詢。請先替換 manifest 中的 __PILLAR__ 變數（此處示範 iptables 模式；IPVS 模式的做法不同：請參閱指南）。
dns-conntrack-race-fix-nodelocaldns-tradeoff = 多一個需要執行與升級的 DaemonSet。
dns-conntrack-race-fix-kernel = 將 node 的 kernel 升級到 5.9 或更新版本，或改用已 backport 6a757c07e51f 與 c46172147ebb 的發行版 kernel
dns-conntrack-race-summary = { $client }：從同一個 socket 平行送出 { $first } 與 { $second } 查詢；{ $lost } 的回應遺失，名稱解析等了 { $seconds } 秒，直到 resolver 重試
dns-conntrack-race-summary-server-side = { $client }：從同一個 socket 平行送出 { $first } 與 { $second } 查詢；這裡已經回應，卻在 { $seconds } 秒後又被再次查詢：其中一個在這裡與 client 之間遺失
dns-conntrack-race-ev-parallel = { $first } 與 { $second } 從同一個 socket 由 { $client } 送往 { $server }，相隔 { $micros } 微秒
dns-conntrack-race-ev-answer-lost = { $query } 的回應抵達 { $arrived }（frame { $frame }），但在送往 client 的途中，始終沒有出現在 { $expected }
dns-conntrack-race-ev-no-answer = 完全沒有看到 { $query } 的回應
dns-conntrack-race-ev-retry = resolver 在 { $seconds } 秒後（即其 timeout）再次查詢
dns-conntrack-race-ev-answered = 這次重試得到回應；名稱解析共花了 { $seconds } 秒
dns-conntrack-race-ev-arrives = 來自 { $client } 的 { $query } 抵達，目的地為 { $server }
dns-conntrack-race-ev-answered-here = 這裡回應了它（frame { $frame }）
dns-conntrack-race-ev-asked-again = resolver 在 { $seconds } 秒後（即其 timeout）再次查詢：它沒有收到所有在等待的回應
dns-conntrack-race-ev-partner-late = 從同一個 socket 送出的 { $query } 直到重試時才抵達：它平行送出的第一次傳送從未出現在這份擷取中
dns-conntrack-race-ev-partner-answered = { $query } 是從同一個 socket 平行送出的，這裡也回應了它，之後也隨之一起被再次查詢
dns-conntrack-race-where-node = 在 node 上，介於 { $arrived } 與 { $expected } 之間：回應在送往 Pod 的途中被丟棄
dns-conntrack-race-where-unseen = 介於 Pod 與 DNS 伺服器之間：查詢或其回應在 DNAT 之後被丟棄
dns-conntrack-race-where-before = 在這份擷取之前：第一個 { $lost } 查詢在離開 { $client } 之後遺失（在 client 的 node 上，DNAT 之後）
dns-conntrack-race-where-beyond = 在這份擷取之外、返回 { $client } 的途中：一個從這裡送出的回應始終沒有到達 client
dns-conntrack-race-next-server-side = 這份擷取位於 DNS 伺服器端。在執行 { $client } 的 node 上，`{ $command }` 可以看出兩者中是哪一個遺失、在哪裡遺失（回應抵達其 uplink 卻始終沒有送達 Pod，或查詢在 DNAT 之後始終沒有送出）；在那裡執行 `conntrack -S` 可計算 insert_failed 次數。

## syn-unanswered

syn-unanswered-title = SYN 被無聲丟棄
syn-unanswered-symptom = 連線會一直卡到 client 的 connect timeout，或要過好幾秒才建立；沒有出現 "connection refused"。
syn-unanswered-cause = 沒有任何東西回應這些 SYN：沒有 SYN-ACK，也沒有 RST。關閉的 port 或沒有 endpoint 的 Service 通常會立即回應（Pod 的 kernel 會送出 RST；kube-proxy 會以 ICMP 拒絕），因此毫無回應代表某處發生了丟棄：NetworkPolicy 或防火牆（iptables、nftables、雲端 security group）丟棄了 SYN；Service 的 internalTrafficPolicy 或 externalTrafficPolicy 為 Local，而該 node 上沒有 endpoint（kube-proxy 會丟棄，而不是拒絕）；conntrack 表已滿（kernel 會記錄 "nf_conntrack: table full, dropping packet"）；node 之間的通道遺失封包；或是 backend 或 node 已停擺。SYN 最後出現的位置可以區分這些情況：在此 node 上被丟棄（從未被繼續轉送）、已送達本機的 Pod 但它沒有回應，或已送出 node（遺失發生在網路上或遠端 node）。
syn-unanswered-confirm-conntrack = conntrack 表是否已滿？
syn-unanswered-confirm-policy = 是否有 policy 或防火牆丟棄它？在 client 重試時觀察規則的計數器
syn-unanswered-confirm-endpoints = Service 是否有就緒的 endpoint，位於哪些 node 上（Local traffic policy 需要在流量抵達的 node 上有一個）？
syn-unanswered-fix-policy = 在丟棄該流量的 NetworkPolicy 或防火牆中放行它
syn-unanswered-fix-local-policy = 使用 Local traffic policy 時，在流量會抵達的每個 node 上都執行一個 endpoint，或改用 Cluster policy
syn-unanswered-fix-local-policy-tradeoff = Cluster policy 會轉發到其他 node，多一個 hop，且 backend 會看不到 client 的位址。
syn-unanswered-fix-conntrack = 若 conntrack 表已滿，請透過 kube-proxy 的設定（conntrack.maxPerCore、conntrack.min）調高上限，而不是只用 sysctl：kube-proxy 啟動時會自行設定 net.netfilter.nf_conntrack_max，而手動設定的 sysctl 在重新開機後就會消失；同時找出是什麼把它塞滿
syn-unanswered-fix-conntrack-tradeoff = 連線追蹤會耗用更多 kernel 記憶體。
syn-unanswered-summary = { $client } → { $server }：{ $count } 個 SYN，完全沒有回應
syn-unanswered-summary-late = { $client } → { $server }：{ $lost } 個 SYN 遺失且沒有任何回應；直到 { $seconds } 秒後才連上
syn-unanswered-ev-sent = { $client } 送出 { $count } 個 SYN 至 { $server }，重試間隔 { $gaps } 秒
syn-unanswered-ev-left = 每個 SYN 都經由 { $interface } 離開 node
syn-unanswered-ev-delivered = 每個 SYN 都經由 { $interface } 送達 Pod
syn-unanswered-ev-arrived = 每個 SYN 最後都是在抵達 { $interface } 時被看到
syn-unanswered-ev-observed = { $interface } 上的擷取只看到 SYN
syn-unanswered-ev-nothing = 完全沒有看到針對這些 SYN 的 SYN-ACK 或 RST
syn-unanswered-ev-schedule-linear = 這些間隔是 kernel 的重傳退避（back-off）：Linux 6.5 及更新版本一開始以 1 秒間隔重試（tcp_syn_linear_timeouts）
syn-unanswered-ev-schedule-classic = 這些間隔是 kernel 的重傳退避（back-off）：1、2、4、8、16、32 秒，因此第 7 個 SYN 約在 63 秒後送出
syn-unanswered-ev-late-answer = 只有最後一個 SYN 得到回應：建立連線花了 { $seconds } 秒
syn-unanswered-ev-silence = 沒有收到任何 RST 或 ICMP 錯誤：這些 SYN（或它們的回應）在途中被無聲丟棄
syn-unanswered-where-left = { $interface } 之外：SYN 已離開此 node，卻沒有任何回應
syn-unanswered-where-delivered = { $interface } 後方的目的地 Pod：它收到了 SYN，卻始終沒有回應
syn-unanswered-where-arrived = 此 node 上、{ $interface } 之後：SYN 始終沒有被繼續轉送
syn-unanswered-where-observed = 擷取點之後：沒有任何回應回來
syn-unanswered-where-client-view = 此 Pod 之後：介於 { $client } 與 { $server } 之間（這份擷取只顯示 Pod 這一端）
syn-unanswered-next-client-view = 可能的原因，依常見程度排序：SYN 在 node 之間遺失（VXLAN overlay：二次 SNAT 造成的 checksum bug，會讓連線卡住 1 秒或約 63 秒；或是 UDP 4789/8472 被擋）；NetworkPolicy、防火牆或 security group 丟棄了它們；某個 node 上的 conntrack 表已滿。在執行此 Pod 的 node 上，`{ $command }` 可以看出每個 SYN 是否已送出、被 DNAT 到哪個 backend、進入哪個通道；在執行 backend 的 node 上，`{ $command }` 可以看出它是否抵達。

## ICMP 錯誤

icmp-network-unreachable = 網路無法抵達（network unreachable）
icmp-host-unreachable = 主機無法抵達（host unreachable）
icmp-port-unreachable = port 無法抵達（port unreachable）
icmp-prohibited = 遭管理性禁止（administratively prohibited）
icmp-fragmentation-needed = 需要分段（fragmentation needed）
icmp-time-exceeded = 逾時（time exceeded）
icmp-other = 錯誤

## connection-refused

connection-refused-title = 連線被拒絕
connection-refused-symptom = 請求會立即以 "connection refused"（ECONNREFUSED）失敗，或在幾秒後以 "no route to host"（EHOSTUNREACH）失敗，而不是卡住。
connection-refused-cause = 有東西以拒絕回應了 SYN。來自 backend 位址的 TCP RST，表示封包抵達了某個 Pod（或 node），但該 port 上沒有任何程式在監聽：Service 的 targetPort 與容器的 port 不符、行程尚未啟動，或它只監聽 127.0.0.1。由 node 立即送出的 ICMP "port unreachable" 來自 iptables 的 REJECT 規則：kube-proxy 會為每個沒有就緒 endpoint 的 Service 在 filter 表中安裝一條（chain 為 KUBE-SERVICES 與 KUBE-EXTERNAL-SERVICES，註解為 "… has no endpoints"）；"administratively prohibited" 則來自 policy 引擎與防火牆的 REJECT 規則。ICMP "host unreachable" 並不是 REJECT 規則：node 在找不到目的地的 MAC 位址（ARP 或 neighbour discovery 失敗）時，約 3 秒後會送出它，因此該 endpoint 已經不存在：可能是過時的 endpoint，或是已經沒有任何 Pod 持有的 Pod 位址。
connection-refused-confirm-endpoints = Service 是否有就緒的 endpoint，且 port 正確？
connection-refused-confirm-reject = 是不是 kube-proxy（或其他 REJECT 規則）拒絕了它？
connection-refused-confirm-listen = Pod 是否在 targetPort 上監聽，且監聽所有位址？
connection-refused-confirm-neighbour = 針對 "host unreachable"：node 是否仍找得到目的地（是否有 FAILED 或 INCOMPLETE 的 neighbour entry），以及是否還有任何 Pod 持有該位址？
connection-refused-fix-selector = 讓 Service 的 selector 對應到就緒的 Pod，並讓其 targetPort 與它們監聽的 port 一致
connection-refused-fix-listen = 讓應用程式監聽 0.0.0.0（或 Pod 的位址），而不是 127.0.0.1
connection-refused-fix-policy = 若是 node 上的 policy 或防火牆拒絕了它，請在那裡放行該流量
connection-refused-summary-icmp = { $client } → { $server }：被 { $from } 以 ICMP { $reason } 拒絕
connection-refused-summary-forged = { $client } → { $server }：被此 node 以冒用 { $backend } 名義的 RST 拒絕
connection-refused-summary-reset = { $client } → { $server }：被 { $backend } 以 RST 拒絕
connection-refused-ev-syn = { $client } 送出 SYN 至 { $server }
connection-refused-ev-icmp = { $from } 以 ICMP { $reason } 回應（frame { $frame }，在 SYN 之後 { $seconds } 秒）
connection-refused-ev-host-unreachable = 在 { $seconds } 秒後出現的 "host unreachable"，是 node 對目的地的鄰居查詢（ARP）失敗時會送出的訊息：目的地已經不存在，並不是被規則拒絕
connection-refused-ev-forged = 一個以 { $backend } 名義送出的 RST 回應了它，但這個 RST 從未從 { $backend } 抵達：是此 node 偽造的（frame { $frame }）
connection-refused-ev-reset = { $backend } 以 RST 回應（frame { $frame }）：那裡沒有任何程式在監聽
connection-refused-ev-ignored = 該 RST 帶的是 { $from }，而不是 client 所連線的位址 { $server }，因此 client 的 socket 會忽略它並重試（{ $count } 個 SYN）：使用者看到的是 timeout，而不是連線被拒絕
connection-refused-ev-translated = Service 位址在途中被轉換成 { $to }
connection-refused-where-reject = { $from } 上的 REJECT 規則：SYN 在抵達任何 Pod 之前就被拒絕
connection-refused-where-host-unreachable = { $from } 找不到目的地：該位址已經沒有任何主機回應（過時的 endpoint）
connection-refused-where-no-route = { $from } 沒有通往目的地的路由
connection-refused-where-forged = 此 node 上的 REJECT 規則：送往 { $backend } 的 SYN 在抵達它之前就被拒絕
connection-refused-where-reset = { $backend }：該 port 上沒有任何 socket 在監聽

## pmtu-black-hole

pmtu-black-hole-title = Path MTU 黑洞
pmtu-black-hole-symptom = 連線可以建立，小的請求也正常，但大的請求或回應會卡住（使用大型憑證的 TLS 交握、檔案上傳、很長的 JSON）；通常只發生在跨越 overlay、VPN 或某個特定網路時。
pmtu-black-hole-cause = 路徑上某段鏈路的 MTU 比兩端所假設的還小：overlay 的封裝（VXLAN 50 位元組、IP-in-IP 20、WireGuard 60）、VPN，或 MTU 設定錯誤的 CNI。全尺寸的封包帶有 Don't Fragment，因此無法轉發它們的路由器必須送出 ICMP "fragmentation needed"（ICMPv6 為 "packet too big"），並附上可通過的 MTU，發送端隨後便會縮小其 segment。當該 ICMP 被過濾掉時（security group、防火牆、丟棄所有 ICMP 的 policy），發送端永遠不會得知：它會以指數退避重送同一個大的 segment，直到連線 timeout，而交握與小封包仍能正常通過。net.ipv4.tcp_mtu_probing 可以讓 TCP 在這類遺失後自行找出合適的大小，但它是依 network namespace 設定的：無論 node 的設定為何，Pod 一開始都是 0。
pmtu-black-hole-confirm-ping = 找出設定 Don't Fragment 時能通過的最大封包（1472 位元組的 payload 構成 1500 位元組的封包：逐步調低 -s 直到能通過）
pmtu-black-hole-confirm-mtu = 比較路徑上各處的 MTU：Pod、overlay 裝置、uplink
pmtu-black-hole-confirm-icmp = 確認 ICMP "fragmentation needed" 是否被丟棄
pmtu-black-hole-fix-icmp = 讓路徑上的每個防火牆與 security group 都放行 ICMP "fragmentation needed"（type 3 code 4）與 ICMPv6 "packet too big"（type 2）
pmtu-black-hole-fix-mtu = 將 CNI 的 MTU 設為 underlay 的 MTU 減去封裝開銷，讓 Pod 永遠不會送出無法通過的封包
pmtu-black-hole-fix-mtu-tradeoff = 新的 Pod 會取得新的 MTU；既有的 Pod 在重建之前仍維持原本的 MTU。
pmtu-black-hole-fix-clamp = 緩解方式：依 path MTU 限制（clamp）轉發連線的 MSS，或讓 TCP 自行探測。tcp_mtu_probing 是依 network namespace 設定的：在 node 上設定只會影響 host network 的 socket；若要用於 Pod，請在 Pod 的 securityContext.sysctls 中設定（必須由 kubelet 的 --allowed-unsafe-sysctls 允許）。
pmtu-black-hole-fix-clamp-tradeoff = MSS clamping 只對經過此 node 的 TCP 有幫助；探測則會在發生遺失後多花幾個 round trip。
pmtu-black-hole-summary = { $client } → { $server }：一個 { $length } 位元組的 segment 被送出 { $count ->
    [one] 1 次
   *[other] { $count } 次
}，始終沒有收到 ACK，也沒有 ICMP 回來：這麼大的封包在路徑上消失了
pmtu-black-hole-ev-handshake = 與 { $receiver } 的交握完成：小封包可以通過
pmtu-black-hole-ev-stuck = { $sender } 將同一個 { $length } 位元組的 segment（序號 { $sequence }）送出 { $count ->
    [one] 1 次
   *[other] { $count } 次
}，始終沒有收到 ACK
pmtu-black-hole-ev-stuck-left = { $sender } 將同一個 { $length } 位元組的 segment（序號 { $sequence }）送出 { $count ->
    [one] 1 次
   *[other] { $count } 次
}，每次都經由 { $interface } 送出，始終沒有收到 ACK
pmtu-black-hole-ev-no-icmp = 這條連線沒有收到任何 ICMP "fragmentation needed" 或 "packet too big"
pmtu-black-hole-where-left = { $interface } 之外、通往 { $receiver } 的路徑上：某段 MTU 容不下這些 segment 的鏈路丟棄了它們，而其 ICMP 沒有回來
pmtu-black-hole-where = 在 { $sender } 到 { $receiver } 的路徑上：某段 MTU 容不下這些 segment 的鏈路丟棄了它們，而其 ICMP 沒有回來

## Several captures

in-capture = { $capture }：{ $what }

## dns-search-expansion

dns-search-expansion-title = 每次名稱解析都會先逐一嘗試 search 清單
dns-search-expansion-symptom = 解析叢集外的名稱很慢，而且 CoreDNS（及其 upstream）收到的查詢是應用程式實際發出的好幾倍；其中大部分得到的回應是 NXDOMAIN。
dns-search-expansion-cause = Pod 的 /etc/resolv.conf 列出了叢集的 search 網域（<namespace>.svc.cluster.local、svc.cluster.local、cluster.local，以及 node 自己的網域），並設定 options ndots:5。點少於五個的名稱，會先依序附加每個 search 網域來嘗試，最後才照原樣查詢（resolv.conf(5)）；而在 IPv6 下，每次嘗試都是一個 A 查詢加一個 AAAA 查詢。因此 api.example.com 要花八個查詢，而不是兩個：在真正的查詢之前，先要向 CoreDNS 做六次得到 NXDOMAIN 的 round trip，每一次都是一筆新的 conntrack entry，在繁忙的 node 上也多一次碰上 DNS conntrack 競爭條件的機會。設定 ndots:5 是為了讓 _service._tcp.name.namespace 這類名稱能在叢集內解析；叢集外的名稱則要為此付出代價。
dns-search-expansion-confirm-resolv = 讀取 Pod 的 resolver 設定：search 清單與 ndots
dns-search-expansion-fix-dot = 在應用程式的設定中，將外部名稱寫成完整名稱（FQDN），並在結尾加上一個點
dns-search-expansion-fix-dot-tradeoff = 每個指定該主機名稱的地方都必須修改；有些 HTTP client 與 TLS 函式庫處理結尾的點時會出問題（Host header 與憑證檢查都會看到這個點）。
dns-search-expansion-fix-ndots = 透過該 workload 的 Pod dnsConfig 調低 ndots（ndots 1 或 2）
dns-search-expansion-fix-ndots-tradeoff = 點數達到該值的名稱會先照原樣查詢：於是像 web.other-namespace 這種叢集內的短名稱，在展開之前要先多花一個失敗的查詢，而 _srv._tcp.web 這類名稱則依賴 search 清單。
dns-search-expansion-fix-autopath = 或者讓 CoreDNS 代替 Pod 處理 search 清單：使用 autopath plugin（autopath @kubernetes，並在 kubernetes plugin 中設定 pods verified）
dns-search-expansion-fix-autopath-tradeoff = CoreDNS 必須 watch 每個 Pod（耗用更多記憶體，也增加 API server 的負載），而會將回應與自己所查詢的名稱相比對的 client，可能會拒絕 autopath 回傳的 CNAME。
dns-search-expansion-summary = { $client } 解析 { $name } 共發出 { $count ->
    [one] 1 個查詢
   *[other] { $count } 個查詢
}，其中 { $wasted } 個查詢的是 search 清單產生的名稱，全部得到 NXDOMAIN：得到回應之前花了 { $spent } 秒
dns-search-expansion-ev-queries = { $client } 查詢 { $name } 時，先依序附加每個 search 網域（{ $suffixes }）：{ $count ->
    [one] 1 個查詢
   *[other] { $count } 個查詢
}
dns-search-expansion-ev-nxdomain = { $count ->
    [one] 它得到的回應是 NXDOMAIN：該名稱不存在
   *[other] 全部 { $count } 個都得到 NXDOMAIN 回應：這些名稱不存在
}
dns-search-expansion-ev-final = 之後才照原樣查詢 { $name }，並得到回應；這次名稱解析共花了 { $spent } 秒
dns-search-expansion-where = { $client } 的 resolver 設定（ndots 與 search 清單），而不是網路

## dns-server-unreachable

dns-server-unreachable-title = DNS 伺服器始終沒有回應
dns-server-unreachable-symptom = Pod 中的名稱解析會卡住好幾秒，然後失敗（"Temporary failure in name resolution"、"i/o timeout"），所有名稱都一樣。
dns-server-unreachable-cause = resolver（預設為 glibc）會將每個查詢送往 resolv.conf 中的第一個 nameserver，等待其 timeout（預設 5 秒）後重試，再改用下一個 nameserver，並在用完嘗試次數（attempts，預設 2）後放棄：若完全沒有回應，每次名稱解析都要花約 10 秒，最後失敗。在叢集中，nameserver 是 kube-dns Service 的 ClusterIP，由 kube-proxy DNAT 至某個 CoreDNS Pod。當查詢在途中被丟棄（NetworkPolicy 或防火牆沒有放行送往 CoreDNS 的 UDP 53、某個 node 無法抵達 CoreDNS Pod 所在的 node），或是 CoreDNS 已停擺而其 endpoint 尚未被移除時，就不會有任何回應。若收到的是 ICMP port unreachable，表示查詢抵達了一台沒有任何程式在 port 53 監聽的主機。
dns-server-unreachable-confirm-pods = 確認 CoreDNS Pod 是否正在執行，以及它們是否為該 Service 的 endpoint
dns-server-unreachable-confirm-policy = 找出擋住該 Pod 送出 UDP 53 的 policy，並直接向某個 CoreDNS Pod 查詢
dns-server-unreachable-fix-coredns = 讓 CoreDNS 恢復運作（重新啟動它，並查明它為何停止回應）
dns-server-unreachable-fix-policy = 放行 DNS：限制 egress 的 NetworkPolicy 必須放行送往 kube-dns Pod 的 UDP 與 TCP 53
dns-server-unreachable-summary = { $client }：解析 { $name } 時在 { $span } 秒內送出 { $count ->
    [one] 1 個查詢
   *[other] { $count } 個查詢
}至 { $servers }，完全沒有得到回應
dns-server-unreachable-summary-icmp = { $client }：向 { $servers } 解析 { $name } 時被 ICMP 拒絕：那裡沒有任何程式在 port 53 監聽
dns-server-unreachable-ev-sent = { $client } 查詢 { $name }：在 { $span } 秒內向 { $servers } 傳送 { $count ->
    [one] 1 次
   *[other] { $count } 次
}（resolver 的 timeout、重試，以及改用下一個伺服器）
dns-server-unreachable-ev-silence = 沒有任何回應，也沒有 ICMP 錯誤回來：查詢在途中被丟棄，或被忽略
dns-server-unreachable-ev-icmp = { $count ->
    [one] 有一個 ICMP 錯誤
   *[other] 有 { $count } 個 ICMP 錯誤
}從 { $from } 回來：{ $reason }
dns-server-unreachable-where = 介於 client 與 { $servers } 之間：查詢沒有得到回應
dns-server-unreachable-where-icmp = { $from }：那裡沒有任何程式在 port 53 監聽（或有規則拒絕了它）

## dns-error-answers

dns-rcode-servfail = SERVFAIL
dns-rcode-refused = REFUSED
dns-error-answers-title = DNS 伺服器以錯誤回應
dns-error-answers-symptom = 名稱解析會立即失敗（"server failure"、"query refused"、"SERVFAIL"），而不是 timeout；可能是部分名稱，也可能是所有名稱。
dns-error-answers-cause = 伺服器收到了查詢並做出回應，但帶著錯誤碼。SERVFAIL（rcode 2）表示它無法產生答案：對 CoreDNS 而言，通常是它的 upstream（node 的 resolver，經由 forward plugin 轉發過去）timeout 或失敗，或是某個 plugin 失敗；resolver 可能會改試下一個伺服器，之後 glibc 便讓這次名稱解析失敗。REFUSED（rcode 5）表示伺服器不願回應這個 client 或這個 zone：可能是 ACL、一個不具權威（authoritative）且不做遞迴查詢的伺服器，或是查詢了它不負責的 zone。
dns-error-answers-confirm-logs = 從 CoreDNS 的 log 中查看這些錯誤及其 upstream
dns-error-answers-confirm-upstream = 查看 CoreDNS 轉發到哪裡，並從 Pod 直接向該 upstream 查詢
dns-error-answers-fix-upstream = 修復或更換 CoreDNS 所轉發的 upstream（forward . /etc/resolv.conf，或明確指定會回應的伺服器）
dns-error-answers-fix-refused = 若為 REFUSED，讓回應查詢的伺服器正是負責該 zone 的伺服器，或放行 client 的位址
dns-error-answers-summary = { $client }：{ $server } 對 { $name } 回應 { $rcode }（{ $count ->
    [one] 1 個回應
   *[other] { $count } 個回應
}）
dns-error-answers-ev-asked = { $client } 向 { $server } 查詢 { $name }
dns-error-answers-ev-errors = { $count ->
    [one] 回應為
   *[other] { $count } 個回應為
} { $rcode }
dns-error-answers-ev-recovered = 同一次名稱解析的另一個回應是正常的：這個錯誤是偶發性的
dns-error-answers-ev-failed = 這次名稱解析沒有任何正常的回應：解析失敗
dns-error-answers-where = { $server }：它有回應，但回應的是錯誤

## dns-truncated

dns-truncated-title = 被截斷的 DNS 回應，始終沒有改經由 TCP 取得
dns-truncated-symptom = 解析擁有許多位址的名稱（有許多 Pod 的 headless Service、龐大的外部 record set）時會失敗，或只傳回部分位址；而位址少的名稱則能正常解析。
dns-truncated-cause = 經由 UDP 傳送的 DNS 回應上限為 512 位元組，或 client 以 EDNS 宣告的緩衝區大小。當 record 放不下時，伺服器會送出放得下的部分並設定 TC（truncated）旗標，client 必須改以 TCP 向 port 53 重新查詢（RFC 7766）。glibc 會這麼做；musl 在 1.2.4 之前不會。當送往 DNS 伺服器的 TCP 53 未被放行（只放行 UDP 53 的 NetworkPolicy 或防火牆、只公開 UDP 的 Service），TCP 連線就永遠無法建立，名稱解析隨之失敗；不會重試的 client 則會使用不完整的回應，或完全沒有回應可用。
dns-truncated-confirm-tcp = 從 Pod 以 TCP 查詢（nslookup 的 -vc 選項會使用 TCP）
dns-truncated-confirm-policy = 找出放行 UDP 53 卻沒有放行 TCP 53 的 policy 與 Service
dns-truncated-fix-policy = 凡是放行 UDP 53 的地方，都一併放行送往 DNS Pod 的 TCP 53（NetworkPolicy、security group、kube-dns Service 的 port）
dns-truncated-fix-musl = 對於 musl 版本早於 1.2.4 的 musl image（Alpine），改用較新的 image 或改用 glibc，或讓回應保持精簡
dns-truncated-fix-musl-tradeoff = 新的 base image 改變的不只是 resolver：請在新 image 上測試應用程式。
dns-truncated-summary-tcp-failed = { $client }：{ $server } 對 { $name } 的回應被截斷，而改以 TCP 的重試始終沒有通過
dns-truncated-summary-no-tcp = { $client }：{ $server } 對 { $name } 的回應被截斷，而 client 沒有改以 TCP 重新查詢
dns-truncated-ev-tc = { $server } 對 { $name } 的回應帶有 TC 旗標：UDP 裝不下它
dns-truncated-ev-tcp-failed = client 向 { $server } 開啟 TCP 連線：{ $count ->
    [one] 1 個 SYN
   *[other] { $count } 個 SYN
}，{ $outcome }
dns-truncated-ev-no-tcp = 之後沒有任何連往 port 53 的 TCP 連線：client 保留了被截斷的回應（沒有 TCP fallback 的 resolver）
dns-truncated-where-tcp = 介於 { $client } 與 { $server } 之間的 TCP port 53：連線沒有被放行
dns-truncated-where-client = { $client }：它的 resolver 沒有改以 TCP 重試

## syn-unanswered (more)

syn-unanswered-summary-many = { $client } → { $server }：{ $count } 條連線的 SYN 遺失；{ $connected ->
    [0] 沒有任何一條連上
   *[other] 其中 { $connected } 條要重試後才連上（最久在 { $seconds } 秒後）
}
syn-unanswered-ev-many = 另有 { $count } 條連往 { $server } 的連線以同樣的方式遺失了 SYN

## idle-timeout-reset

idle-timeout-reset-title = 閒置連線被路徑上的裝置遺忘
idle-timeout-reset-symptom = 閒置了數分鐘的長連線（資料庫與 HTTP 連線池、gRPC channel、WebSocket）在下一次使用時以 "connection reset by peer" 失敗，或是卡住許多分鐘後才失敗；新的連線則一切正常。
idle-timeout-reset-cause = 連線路徑上每個有狀態（stateful）的裝置都會為它保留一筆 entry，並在一段時間沒有封包後將它遺忘，而且不會通知任何一端。AWS Network Load Balancer 預設在 350 秒後這麼做（TCP listener 可設為 60 到 6000 秒；TLS listener 固定為 350 秒）。Azure 負載平衡器規則預設為 4 分鐘；AKS 將其 outbound 規則設為 30 分鐘。NAT gateway 或防火牆則依各自的 timeout。node 的 conntrack 依 net.netfilter.nf_conntrack_tcp_timeout_established：kernel 預設為 5 天，但 kube-proxy 啟動時會將它設為 24 小時（--conntrack-tcp-timeout-established、conntrack.tcpEstablishedTimeout）。當某一端再次送出資料時，該裝置已經不認得這個 flow。AWS NLB 會以 RST 回應該 segment。Azure 負載平衡器則會無聲丟棄它，除非規則上啟用了 TCP reset，此時它會在 timeout 到期時對兩端都送出 RST。防火牆會丟棄它。RST 會讓下一次讀取或寫入立即失敗；毫無回應則會讓發送端以退避方式不斷重傳，直到 net.ipv4.tcp_retries2 放棄為止，預設約在 15 分鐘後。TCP keepalive 可以讓 entry 保持存活，但除非應用程式啟用它（SO_KEEPALIVE），否則它是關閉的，而且第一個 probe 要等 net.ipv4.tcp_keepalive_time，預設 7200 秒，遠比這些 timeout 長。
idle-timeout-reset-confirm-timeouts = 將這段閒置時間與路徑上各處的 idle timeout 比較：node 的 conntrack timeout（kube-proxy 預設設為 86400 秒），以及負載平衡器的 timeout（Service 的 annotation，或負載平衡器本身的設定）
idle-timeout-reset-confirm-keepalive = 確認連線是否使用 TCP keepalive（ss 會顯示 keepalive timer），以及套用的 keepalive time 是多少：這個 sysctl 是依 network namespace 設定的，因此無論 node 的設定為何，Pod 都保有自己的值（預設 7200 秒）
idle-timeout-reset-fix-keepalive = 讓 keepalive 的間隔短於路徑上最短的 idle timeout：在應用程式或其 client library 中啟用 keepalive，並在 Pod 中調低 net.ipv4.tcp_keepalive_time（自 Kubernetes 1.29 起為 safe sysctl，需要 kernel 4.5 以上）；它只影響有啟用 keepalive 的 socket
idle-timeout-reset-fix-keepalive-tradeoff = 之後每條閒置連線每隔幾分鐘都會送出一個小的 probe。從不啟用 keepalive 的應用程式無法從這個 sysctl 得到任何好處：請改用它們自己的 keepalive 或 ping 選項。
idle-timeout-reset-fix-lb-timeout = 或是調高負載平衡器的 idle timeout。AWS NLB 的 TCP listener：listener 屬性 tcp.idle_timeout.seconds（60 到 6000 秒），由 AWS Load Balancer Controller v2.9.0 以上版本依 annotation service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-port 設定（名稱中的 port 為 listener 的 port 號碼）。Azure：service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout，單位為分鐘（cloud-provider-azure 文件中為 4 到 30）。
idle-timeout-reset-fix-lb-timeout-tradeoff = flow 會在負載平衡器中停留更久。無論怎麼設定，NLB 的 TLS listener 都維持 350 秒，而你無法控制的裝置（NAT gateway、防火牆）也各有自己的 timeout：keepalive 能一併涵蓋它們。
idle-timeout-reset-fix-pool = 讓連線池在路徑上最短的 idle timeout 到期之前關閉閒置連線（在 AWS NLB 後方要短於 350 秒，在 Azure 負載平衡器後方要短於 4 分鐘），並在收到 RST 後將冪等（idempotent）請求重試一次
idle-timeout-reset-summary-reset = { $client } → { $server }：閒置 { $seconds } 秒後，連線的下一個 segment 收到的是 RST
idle-timeout-reset-summary-vanished = { $client } → { $server }：閒置 { $seconds } 秒後，連線的下一個 segment 消失了
idle-timeout-reset-ev-idle = 有 { $seconds } 秒沒有任何封包經過（frame { $last } 到 frame { $resumed } 之間）；之後 { $sender } 再次送出資料
idle-timeout-reset-ev-reset = { $seconds } 秒後，一個以 { $peer } 名義送出的 RST 回來了（frame { $frame }）
idle-timeout-reset-ev-ttl-other = 這個 RST 的 TTL 為 { $ttl }，但 { $peer } 自己的封包抵達此處時為 { $usual }：是中間的某個裝置以 { $peer } 的名義產生了它
idle-timeout-reset-ev-ttl-same = 這個 RST 的 TTL（{ $ttl }）與 { $peer } 自己的封包在此處的 TTL 相同：是 { $peer } 的主機送出了它，因為它已經遺忘了這條連線
idle-timeout-reset-ev-ttl-unknown = 同一個 interface 上沒有該端較早的封包，無法比對這個 RST 的 TTL
idle-timeout-reset-ev-resent = { $sender } 在 { $seconds } 秒內將該 segment 送出了 { $count } 次
idle-timeout-reset-ev-nothing = { $peer } 沒有任何回應：沒有 ACK、沒有 RST，也沒有 ICMP
idle-timeout-reset-where-path = 介於 { $sender } 與 { $peer } 之間：路徑上的某個裝置（負載平衡器、NAT gateway、防火牆）已經捨棄了這條閒置連線，並對它送出 RST（TTL { $ttl }）
idle-timeout-reset-where-peer = { $peer }：閒置結束、資料再次送達時，它已經不認得這條連線
idle-timeout-reset-where-left = { $interface } 之後：segment 已離開 node，而通往 { $peer } 的路上沒有任何裝置將它繼續轉送
idle-timeout-reset-where-lost = 介於 { $sender } 與 { $peer } 之間：路徑上的某個裝置不再轉送這條閒置連線的封包
idle-timeout-reset-next = 是哪個裝置遺忘了連線，可以從它的 idle timeout 設定（負載平衡器的、NAT gateway 的）以及另一端看出：在 server 的 node（或負載平衡器的 target）上擷取封包，看閒置之後的 segment 是否抵達那裡。

## connection-stalled

connection-stalled-title = 連線停滯：重傳的資料石沉大海
connection-stalled-symptom = 已建立的連線不再有任何進展：其上的請求卡住，許多分鐘後（預設約 15 分鐘）以 "connection timed out"（ETIMEDOUT）失敗；連往同一處的新連線可能正常，也可能立即失敗。
connection-stalled-cause = 發送端的資料始終沒有被確認，也沒有任何東西回來：沒有 RST，也沒有 ICMP 錯誤。此時 Linux 會在每次重傳計時器到期時，重送最舊的那個未確認 segment，每次將計時器加倍（最多 120 秒），並在重傳 net.ipv4.tcp_retries2 次後放棄：預設為 15 次，也就是至少 924.6 秒的 timeout，約 15 分鐘。小的 segment 和大的一樣會遺失，因此這不是 path MTU 問題：路徑已經完全不再承載這條連線。叢集中常見的原因：另一端已無聲無息地消失（它的 node 關機或斷線、它的 Pod 被刪除）；NetworkPolicy、security group 或防火牆有所變更，現在會丟棄這個 flow；路徑上某個 node 負責轉換這條連線（Service DNAT、SNAT）的 conntrack entry 被移除（conntrack flush、node 重新開機）或已過期，因此之後的封包不再被轉換，也就無處可去。
connection-stalled-confirm-ss = 在發送端查看這條連線：重傳計時器（timer:(on,…)）、backoff 計數、不斷變大的 rto、未確認的 segment（unacked）以及很大的 lastack，代表有資料一直沒有任何一方確認
connection-stalled-confirm-peer = 對端是否仍然存在、是否仍是 endpoint？node 上是否仍有這條連線的 conntrack entry？
connection-stalled-confirm-policy = 找出連線停滯前後是否有 policy 或防火牆變更，並在發送端重傳時觀察丟棄計數器
connection-stalled-fix-path = 修正丟棄這個 flow 的原因（policy、security group、消失的對端）；停滯的連線不會自行恢復，必須換成新的連線
connection-stalled-fix-user-timeout = 讓應用程式更早察覺：在它的 socket 上設定 TCP_USER_TIMEOUT（許多 client library 都有提供），值為它能容忍資料未被確認的最長時間；超過這段時間後連線會以 ETIMEDOUT 失敗，應用程式便能重新連線
connection-stalled-fix-user-timeout-tradeoff = 值太短的話，原本撐得過短暫中斷或慢速對端的連線也會被中止。
connection-stalled-fix-retries2 = 或是在 Pod 的 network namespace 中調低 net.ipv4.tcp_retries2（RFC 1122 要求至少 100 秒，也就是值至少為 8）。它不屬於 Kubernetes 的 safe sysctl：必須由 kubelet 允許（--allowed-unsafe-sysctls）。
connection-stalled-fix-retries2-tradeoff = 它會套用到 Pod 的每一條連線：較短的值也會讓原本撐得過中斷的連線在中斷期間被結束。
connection-stalled-summary = { $client } ↔ { $server }：{ $sender } 的資料在 { $seconds } 秒內送出了 { $count } 次，始終沒有被確認；連線卡住了
connection-stalled-ev-passed = 在此之前，{ $receiver } 確認過資料，segment 最大達 { $largest } 位元組：路徑原本是通的
connection-stalled-ev-handshake = 與 { $receiver } 的交握已完成：路徑原本是通的
connection-stalled-ev-resent = { $sender } 將同一個 { $length } 位元組的 segment（序號 { $sequence }）送出 { $count } 次，每次等待得更久（間隔：{ $gaps } 秒）
connection-stalled-ev-silent = { $receiver } 沒有任何回應：沒有 ACK、沒有重複 ACK、沒有 RST，也沒有 ICMP 錯誤；不比先前通過的 segment 大的 segment 也遺失了，因此不是 path MTU 的問題
connection-stalled-where-left = { $interface } 之後：segment 已離開 node，卻始終沒有抵達 { $receiver }，或是它的回應始終沒有回來
connection-stalled-where = 介於 { $sender } 與 { $receiver } 之間：路徑不再轉送這條連線的封包
connection-stalled-next = 在 { $receiver } 那一端（它的 node，或它的 Pod 內）擷取封包，看重送的 segment 是否抵達那裡：有抵達卻沒有回應，問題在接收端或其 node 的過濾規則；沒有抵達，問題在兩者之間的路徑。

## port-reuse-rejected

port-reuse-rejected-title = 重複使用 port 的 SYN 收到的是 ACK，而不是 SYN-ACK
port-reuse-rejected-symptom = 當大量短連線連往同一台 server 時（通常經過 NAT），部分新連線會成批地晚一點才建立，或是 timeout；擷取的封包顯示 SYN 收到的回應是單純的 ACK，接著 client 送出 RST，然後再次送出 SYN。
port-reuse-rejected-cause = 一條 TCP 連線由四個值識別：來源位址與 port、目的位址與 port。先關閉的一端會將這組四元組保留在 TIME_WAIT（Linux 上為 60 秒），以免舊連線遲到的 segment 被誤認為屬於新連線。當 SYN 抵達時，若它的四元組仍被 server 保留在 TIME_WAIT，Linux 只會在它明顯較新時才接受：序號大於舊連線的序號，或帶有較新的 TCP timestamp。否則 server 會以舊連線的 ACK 回應，而不是 SYN-ACK（即 RFC 5961 所稱的 challenge ACK）。正在等待 SYN-ACK 的 client 會以 RST 回應這個 ACK。RST 會刪除 TIME_WAIT entry（除非 server 設定了 net.ipv4.tcp_rfc1337=1），而 Linux client 會立即（幾毫秒後）再次送出 SYN 並成功連線。若 RST 沒有清除它（tcp_rfc1337=1，或 RST 在途中被丟棄），每次重試都會得到相同的 ACK，SYN 的間隔逐次退避（1、2、4、8 秒…），直到 TIME_WAIT 結束。位於同一個 SNAT 位址後方的不同 client 就會產生這樣的四元組：它們的序號與 timestamp 彼此無關，因此 server 無法判斷新連線比較新（RFC 6191 處理的正是這個問題）。NAT 一旦清除了舊 flow 的狀態，就會再次使用該來源 port。node 的 conntrack 會將已關閉的 TCP flow 保留 net.netfilter.nf_conntrack_tcp_timeout_time_wait（預設 120 秒），比 Linux 的 TIME_WAIT 長；但若 entry 被提早刪除（conntrack flush、Cilium 移除已刪除 Pod 的 entry，cilium#45863），或 NAT 裝置的 timeout 較短，port 就會在 server 仍保有舊四元組時被釋出。
port-reuse-rejected-confirm-timewait = 在 server 上找出連往 client 位址（以及失敗的 SYN 所用的 port）的 TIME_WAIT socket，並確認 RST 是否能清除它們（tcp_rfc1337 = 0）
port-reuse-rejected-confirm-capture = 在 server 端擷取封包：SYN、以舊連線的確認號回應它的單純 ACK、client 的 RST，以及再次送出的 SYN
port-reuse-rejected-confirm-conntrack = 在執行 SNAT 的 node 上，查看 conntrack 會將已關閉的 flow 保留多久、它仍保有哪些連往該 server 的 flow，以及是哪條規則對它們做 masquerade
port-reuse-rejected-fix-reuse = 減少連往同一台 server 的新連線：重複使用連線（HTTP keep-alive、連線池），而不是每個請求開一條；在協定允許的情況下讓 client 先關閉，使 TIME_WAIT 留在 client 端，而 client 不會重複使用自己仍處於 TIME_WAIT 的 port。net.ipv4.tcp_tw_reuse 只會改變主機如何為對外連線重複使用自己處於 TIME_WAIT 的 port，並不會改變 server 的回應方式。
port-reuse-rejected-fix-nat = 讓 NAT 保留狀態的時間至少與 server 的 TIME_WAIT 一樣長：不要將 nf_conntrack_tcp_timeout_time_wait 調低到 60 秒以下，避免在繁忙的 node 上 flush conntrack，並讓 NAT 裝置與 egress gateway 的 idle timeout 長於這個值
port-reuse-rejected-fix-nat-tradeoff = 已關閉 flow 的 entry 存活得更久，會佔用 conntrack 表的空間與 NAT 範圍內的 port；短連線很多時，可能需要更大的表或更多的 egress 位址。
port-reuse-rejected-summary-late = { $client } → { $server }：在剛結束之連線所用的 port 上送出的 SYN 被以 challenge ACK 拒絕；client 靠著重試，在 { $seconds } 秒後才連上
port-reuse-rejected-summary-failed = { $client } → { $server }：在剛結束之連線所用的 port 上送出的 SYN 被以 challenge ACK 拒絕，連線始終沒有建立
port-reuse-rejected-ev-previous-closed = 同一組 port 之前承載過一條連線（frame { $first }），於 frame { $fin } 關閉
port-reuse-rejected-ev-previous = 同一組 port 之前承載過一條連線，從 frame { $first } 到 frame { $last }
port-reuse-rejected-ev-syn = { $client } 在同一組 port 上開啟新連線（frame { $frame }）
port-reuse-rejected-ev-challenge = { $server } 以帶有舊連線序號的單純 ACK 回應，而不是 SYN-ACK（frame { $frame }）：它仍保有舊連線
port-reuse-rejected-ev-reset = { $client } 對這個 ACK 送出 RST：它不屬於 client 所知的任何連線
port-reuse-rejected-ev-retry = client 在 { $seconds } 秒後再次送出 SYN
port-reuse-rejected-ev-accepted = 這次收到了 SYN-ACK：舊的狀態已經清除
port-reuse-rejected-where-time-wait = { $server }：它先關閉了前一條連線，新的 SYN 抵達時仍將其保留在 TIME_WAIT
port-reuse-rejected-where-state = { $server }，或通往它途中的 conntrack 或 NAT：這組 port 上較舊連線所遺留的狀態

## no-endpoints

no-endpoints-title = 沒有 endpoint 的 Service：立即被拒絕，或在沒有本機 endpoint 的 node 上被丟棄
no-endpoints-symptom = 連往 Service 的連線立即以 "connection refused" 失敗（來自 node 的 ICMP port unreachable）；或是經由 NodePort 或 externalTrafficPolicy: Local 的負載平衡器連線時，只在某些 node 上卡住直到 timeout。
no-endpoints-cause = kube-proxy 會將 Service 的流量送往其 EndpointSlice 中列出的就緒 endpoint。當一個都沒有時（沒有 Pod 符合 selector、沒有任何 Pod 為 Ready、targetPort 不符），iptables 模式的 kube-proxy 會在 filter 表中安裝一條 REJECT 規則，註解為 "namespace/service:port has no endpoints"：cluster IP 的規則位於 KUBE-SERVICES，external IP、負載平衡器 IP 與 node port 的規則位於 KUBE-EXTERNAL-SERVICES。client 會立即收到 ICMP port unreachable，其 connect 以 "connection refused" 失敗。在 nftables 模式下，該 Service 會列在 kube-proxy table 的 no-endpoint-services map 中，並以相同方式被拒絕。當 Service 有 endpoint、但這個 node 上沒有，且流量的 policy 為 Local 時（node port、external IP 與負載平衡器 IP 看 externalTrafficPolicy；cluster IP 看 internalTrafficPolicy），規則會改為丟棄，註解為 "… has no local endpoints"：SYN 無聲消失，client 不斷重試直到 timeout。位於 Local Service 前方的負載平衡器不應把流量送往這類 node：kube-proxy 會在每個 node 的 healthCheckNodePort 上回應，有本機 endpoint 的 node 回 200，沒有的回 503，而負載平衡器必須檢查這個 port。
no-endpoints-confirm-endpoints = Service 是否有就緒的 endpoint，位於哪些 node 上？
no-endpoints-confirm-rules = 在 node 上找出 kube-proxy 針對該 Service 的拒絕與丟棄規則（先看 iptables 模式，再看 nftables 模式）
no-endpoints-confirm-policy = 檢查 Service 的 traffic policy，以及 node 在其 health check port 上的回應（有本機 endpoint 時為 200，沒有時為 503）
no-endpoints-fix-selector = 讓 Service 選到 Ready 的 Pod：selector 要符合 Pod 的 label、targetPort 要是它們實際監聽的 port，readiness probe 也要通過
no-endpoints-fix-local-policy = 使用 Local policy 時，在每個會收到流量的 node 上都執行一個 endpoint（DaemonSet），或讓負載平衡器對 healthCheckNodePort 做 health check，或改用 Cluster policy
no-endpoints-fix-local-policy-tradeoff = Cluster policy 會轉發到其他 node 上的 endpoint（多一個 hop），並對流量做 masquerade：backend 將看不到 client 的位址。
no-endpoints-summary-reject = { $client } → { $server }：該 Service 沒有就緒的 endpoint；{ $from } 以 ICMP port unreachable 拒絕了 SYN
no-endpoints-summary-local = { $client } → { $server }：送往 NodePort 的 { $count } 個 SYN 在 node 內消失了：externalTrafficPolicy 為 Local 的 Service 沒有本機 endpoint
no-endpoints-ev-syn = { $client } 送出 SYN 至 { $server }
no-endpoints-ev-icmp = { $from } 以 ICMP port unreachable 回應（frame { $frame }，在 SYN 之後 { $seconds } 秒）
no-endpoints-ev-in-place = 回應來自 { $from }，而不是 { $server }：是某個 node 在把 Service 位址轉換成任何 Pod 之前，就代替它回應了
no-endpoints-ev-node-port = port { $port } 位於 NodePort 範圍（30000–32767）內，由擁有它的 node 回應
no-endpoints-ev-not-a-reset = 沒有程式監聽的 port 會以 RST 回應 TCP；針對 TCP 的 ICMP port unreachable 來自 REJECT 規則，而這正是 kube-proxy 為沒有 endpoint 的 Service 安裝的規則
no-endpoints-ev-silent-syns = { $client } 在 { $seconds } 秒內送出 { $count } 個 SYN 至 { $server }；沒有任何回應
no-endpoints-ev-silent-nowhere = 每個 SYN 都抵達 { $interface }，然後就不知去向：沒有被轉換成任何 Pod、沒有被轉發、沒有 RST，也沒有 ICMP
no-endpoints-where-reject = { $from }：kube-proxy 為 { $server } 設的 REJECT 規則，這是一個沒有就緒 endpoint 的 Service
no-endpoints-where-local = 在此 node 上、{ $interface } 之後：這個 Local policy 的 Service 沒有任何 endpoint 在此 node 上執行，因此 kube-proxy 在這裡丟棄了送往 { $server } 的流量

## hairpin-mode-off

hairpin-mode-off-title = Pod 無法透過自己的 Service 連到自己：hairpin mode 未開啟
hairpin-mode-off-symptom = 當 Pod 呼叫一個以它自己為 backend 的 Service 時，部分呼叫會 timeout（有 N 個 endpoint 時約每 N 次一次），只有一個 endpoint 時則每次都會；其他 Pod 能連到該 Service，該 Pod 直接連自己的 IP 也正常。
hairpin-mode-off-cause = kube-proxy 將 Service 的位址 DNAT 至其中一個 endpoint，有時選中的正是發出呼叫的 Pod 本身。當 Pod 掛在 Linux bridge 上時（CNI bridge plugin 的 cni0，flannel 即使用它；或 kubenet 的 cbr0），轉換後的封包必須從它進來的同一個 port，也就是呼叫端 Pod 的 veth，離開 bridge。Linux bridge 不會把 frame 從它進來的 port 送回去，除非該 port 開啟了 hairpin mode（/sys/class/net/<veth>/brport/hairpin_mode 為 1；bridge -d link show 會顯示 "hairpin on"），因此封包被丟棄，client 不斷重送 SYN 卻石沉大海。kube-proxy 也會對這種 hairpin 流量做 masquerade（它的 KUBE-SEP chain 會標記來源為 endpoint 本身的封包），因此回應封包也以同樣的方式穿過 bridge。kubelet 的 hairpinMode 設定（hairpin-veth、promiscuous-bridge、none）只會在 kubenet 與已移除的 dockershim 下設定這個旗標；使用 CNI plugin 時必須由 plugin 設定：bridge plugin 會在其設定中有 "hairpinMode": true 時設定它（預設為 false）。
hairpin-mode-off-confirm-bridge = 在 Pod 所在的 node 上，讀取每個 bridge port 的 hairpin 旗標（必須為 1，即 "hairpin on"）；請將 cni0 換成你的 CNI 所用的 bridge
hairpin-mode-off-confirm-cni = 檢查 CNI 設定是否要求 hairpin mode
hairpin-mode-off-confirm-endpoints = 確認發出呼叫的 Pod 是該 Service 的 endpoint 之一：只有被 kube-proxy 送回呼叫端自己的呼叫才會失敗
hairpin-mode-off-fix-cni = 在 CNI 設定中啟用 hairpin mode：bridge plugin 使用 "hairpinMode": true（flannel#849 已在 flannel 的 kube-flannel-cfg 中開啟它）
hairpin-mode-off-fix-cni-tradeoff = plugin 是在掛上 Pod 時設定這個旗標：已在執行的 Pod 在重建之前，其 port 都維持原狀。
hairpin-mode-off-fix-ports = 在那之前，先手動為執行中 Pod 的 port 開啟 hairpin mode
hairpin-mode-off-fix-ports-tradeoff = Pod 重建後就會失效（它的 veth 是新的）；只有 CNI 的設定才能持久。
hairpin-mode-off-summary = { $client } → { $server }：Service 將 Pod 的 SYN 送回 Pod 自己，而 bridge 始終沒有把它送達
hairpin-mode-off-ev-syn = { $client } 送出 SYN 至 { $server }
hairpin-mode-off-ev-itself = 在 node 上，{ $server } 被轉換成 { $backend }：被選中的 backend 正是發出呼叫的 Pod
hairpin-mode-off-ev-never-back = 轉換後的 SYN 始終沒有從 bridge 回到 { $client } 的 veth，也沒有任何回應
hairpin-mode-off-ev-retries = client 又重送了 SYN { $count } 次，結果相同
hairpin-mode-off-where = { $client } 的 veth 所在的 bridge port：沒有 hairpin mode 時，bridge 不會把 frame 從它進來的 port 送回去

## conntrack-invalid-reset

conntrack-invalid-reset-title = conntrack 將封包標記為 INVALID、其 NAT 未被還原，隨後連線被 RST
conntrack-invalid-reset-symptom = 連往 Service 的長時間或繁忙連線（大型下載、高負載下的串流）不時中斷，兩端都出現 "connection reset by peer"，而應用程式本身沒有任何錯誤。
conntrack-invalid-reset-cause = kube-proxy 將連往 Service 的連線 DNAT 至其中一個 backend Pod，conntrack 則在 backend 的封包上還原這個轉換。對於 TCP，conntrack 還會依連線的序號視窗檢查每個封包。落在視窗之外的封包（在高負載下，通常是重傳或遲到的 segment）會被標記為 INVALID，而 INVALID 封包不會被對應到該連線，因此其 NAT 不會被還原：它抵達 client 時的來源是 backend Pod 的位址，而不是 Service 的位址。client 的 kernel 不知道有與該位址的連線，於是回以 RST；這個送往 Pod 的 RST 對 backend 而言是有效的，backend 便關閉連線。兩端都看到 "connection reset by peer"（kubernetes#74839）。自 Kubernetes 1.15 起，kube-proxy 會在 filter 表中丟棄 INVALID 封包（-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP，kubernetes#74840），但這只涵蓋轉發的流量：送往 node 本身的封包（hostNetwork client、終點在 node 上的 NodePort 流量）會經過 INPUT（kubernetes#117924）。自 Kubernetes 1.29 起，kube-proxy 只在 net.netfilter.nf_conntrack_tcp_be_liberal 為 0 時才安裝這條 DROP 規則，並可自行將此 sysctl 設為 1（conntrack.tcpBeLiberal、--conntrack-tcp-be-liberal）。啟用 be_liberal 後，conntrack 只會將視窗外的 RST 標記為 INVALID，因此遲到的資料仍保有其 NAT。
conntrack-invalid-reset-confirm-rule = 檢查 kube-proxy 是否在此 node 上丟棄 INVALID 封包，或 conntrack 是否為 liberal 模式（kube-proxy 的 log 會記錄它選擇了哪一種）
conntrack-invalid-reset-confirm-invalid = 在 RST 發生時觀察 conntrack 的 INVALID 計數器
conntrack-invalid-reset-confirm-capture = 在 client 的 node 上，擷取來源是 backend Pod 位址（而不是 Service 位址）的封包，以及隨後 client 送出的 RST
conntrack-invalid-reset-fix-liberal = 讓每個 node 上的 conntrack 都採 liberal 模式：在 kube-proxy 的設定中設定 conntrack.tcpBeLiberal: true（Kubernetes 1.29 以上），或設定此 sysctl 並使其永久生效
conntrack-invalid-reset-fix-liberal-tradeoff = conntrack 不再判斷 TCP 視窗：只有視窗外的 RST 才是 INVALID，因此依賴 INVALID 來丟棄零散或偽造 segment 的規則會失去這項檢查；kube-proxy 也就不再安裝它的 INVALID DROP 規則。
conntrack-invalid-reset-fix-drop = 對於終點在 node 本身的連線（KUBE-FORWARD 不會涵蓋），在 INPUT 中丟棄 INVALID 的 TCP 封包，如同 kubernetes#117924 的做法；較舊的 kube-proxy（1.15 之前）：請升級
conntrack-invalid-reset-fix-drop-tradeoff = conntrack 無法追蹤的正常封包（非對稱路由、multi-homed node）也會被丟棄（kubernetes#94861）；這條規則不由 kube-proxy 管理，必須手動使其永久生效。
conntrack-invalid-reset-summary = { $client } → { $server }：傳輸途中，一個來自 backend { $backend } 的封包抵達 client 時沒有換回 Service 的位址；client 對它送出 RST，連線隨之中斷
conntrack-invalid-reset-ev-open = 從 { $client } 到 { $server } 的連線已建立並正在傳輸資料，其回應封包被轉換回 { $server }
conntrack-invalid-reset-ev-stray = 接著 backend 的一個封包以 { $backend } 而不是 { $server } 的身分抵達 client（frame { $frame }）：反向 NAT 漏掉了它
conntrack-invalid-reset-ev-reset = { $client } 以送往 { $backend } 的 RST 回應它：client 沒有與該位址的連線
conntrack-invalid-reset-ev-dead = 這個 RST 在 backend 上結束了連線；client 的下一個封包收到來自 { $server } 的 RST
conntrack-invalid-reset-where = client 與 { $backend } 之間的 node 上的 conntrack：它判定該封包為 INVALID（落在它所追蹤的視窗之外），因此 NAT 沒有把它轉換回 { $server }

## snat-port-collision

snat-port-collision-title = SNAT port 衝突：SYN 在插入其 conntrack entry 時被丟棄
snat-port-collision-symptom = 當 Pod 同時對 Pod 網路外的同一個目的地（資料庫、外部 API）開啟許多連線時，少數連線會多花約一秒才建立，connect timeout 較短的 client 則會失敗；負載越高越嚴重。
snat-port-collision-cause = 從 Pod 送往 Pod 網路以外位址的流量，會由 kube-proxy（KUBE-POSTROUTING）或 CNI plugin masquerade 成 node 的位址。netfilter 在連線的第一個封包通過 NAT 時選定轉換後的來源 port，若 Pod 自己的來源 port 看起來沒被佔用就沿用它；但連線的 conntrack entry 要等封包離開 node 時才會插入表中。兩條來自不同 Pod、連往相同目的位址與 port、在同一瞬間建立的連線，可能都被分配到同一個 node port：第二次插入失敗，conntrack -S 會計入 insert_failed，該 SYN 隨之被丟棄。client 一秒後再次送出 SYN，取得空閒的 port 並成功連線。XING 在 2018 年將 Kubernetes 上間歇性的一秒連線延遲追查到這個 race condition。使用 --random-fully 的 MASQUERADE 改為隨機選取 port，能讓衝突變得罕見，但並非不可能。同樣的 race condition 發生在 UDP 的 DNS 上時，即為 dns-conntrack-race 這項診斷結果。
snat-port-collision-confirm-insert-failed = 在延遲發生時，觀察 node 上 conntrack 插入失敗的次數
snat-port-collision-confirm-masquerade = 檢查 node 上的每條 masquerade 規則是否都將 port 隨機化：iptables 為 --random-fully，nftables 為 fully-random
snat-port-collision-fix-random-fully = 以 --random-fully 做 masquerade：當 node 的 iptables 支援時（kernel 3.13 以上；自 kernel 5.0 起 --random 的效果相同），kube-proxy 與 flannel 會自動加上它；找出沒有它的 MASQUERADE 規則（來自 CNI plugin、ip-masq-agent 或較舊的元件），並加以更新
snat-port-collision-fix-random-fully-tradeoff = 隨機 port 能讓衝突變得罕見，但並非不可能。依賴來源 port 在 NAT 後保持不變的軟體（某些 NAT traversal，flannel#2273）會失去這項特性。
snat-port-collision-fix-no-snat = 不需要 masquerade 的流量就不要做：留在叢集網路內的流量可以保留 Pod 的位址（CNI plugin 或 ip-masq-agent 的 non-masquerade CIDR）
snat-port-collision-fix-fewer-connections = 減少同時連往同一目的地的新連線：重複使用連線（keep-alive、連線池），或將它們分散到多個 egress 位址
snat-port-collision-summary = 連往 { $server } 的 { $count } 條連線在此 node 上遺失了第一個 SYN，因為另一個 Pod 的連線在 { $source } 上佔用了同一個 SNAT port；每條都是在 { $seconds } 秒後重試時才連上
snat-port-collision-ev-lost = 送往 { $server } 的 { $count } 個 SYN 從 Pod 進入 node 後就沒有再離開：沒有任何轉換後的副本送出
snat-port-collision-ev-same-port = { $loser } 的 SYN 與 { $rival } 的 SYN 在同一瞬間送往同一個目的地；{ $rival } 的 SYN 以 { $source } 送出，而這正是 { $loser } 原本要拿到的位址與 port，因此 conntrack 無法同時確認兩者
snat-port-collision-ev-same-moment = { $loser } 的 SYN 與 { $rival } 的 SYN 在同一瞬間送往同一個目的地；只有 { $rival } 的 SYN 以 { $source } 送出
snat-port-collision-ev-retry = 每個 client 都在約 { $seconds } 秒後再次送出 SYN，並立即以另一個 port 送出（{ $loser } 為 { $source }）
snat-port-collision-where = 此 node 上確認 SNAT 為 { $source } 的 conntrack：另一條連往 { $server } 的連線剛佔用了同一組位址與 port（在 conntrack -S 中計為 insert_failed）

## conntrack-table-full

conntrack-table-full-title = conntrack 表已滿：新連線被丟棄
conntrack-table-full-symptom = 經過某個 node 的新連線失敗，或要重試後才能建立（SYN 與 DNS 查詢遺失），而已建立的連線持續正常；node 的 kernel log 反覆出現 "nf_conntrack: table full, dropping packet"。
conntrack-table-full-cause = netfilter 在 node 上追蹤的每個 flow（kube-proxy 處理的所有 Service 流量、被 masquerade 的流量、以 conntrack 為基礎的 policy 所看到的一切）都需要在 conntrack 表中佔一筆 entry。當 net.netfilter.nf_conntrack_count 達到 net.netfilter.nf_conntrack_max 時，kernel 會嘗試淘汰一筆 entry 以騰出空間（計為 early_drop）；若無法淘汰，就會丟棄原本要建立新 entry 的封包，並記錄 "nf_conntrack: table full, dropping packet"（若 network namespace 不是主機的，較新的 kernel 會註明它的名稱）。既有 entry 的封包仍能對應，因此已建立的連線會繼續運作。kube-proxy 啟動時會設定 nf_conntrack_max：conntrack.maxPerCore（--conntrack-max-per-core，預設 32768）乘以 CPU 數，但至少為 conntrack.min（--conntrack-min，131072）；maxPerCore 為 0 時則不更動此 sysctl。大量的短連線、很長的 timeout（kube-proxy 將已建立連線設為 24 小時、CLOSE_WAIT 設為 1 小時），或永遠不會完成的 flow（掃描、對已失效 endpoint 的重試、送往沒有回應之 port 的 UDP），都會把表塞滿。
conntrack-table-full-confirm-count = 比較 entry 數與上限，尋找 kernel 的訊息，並查看丟棄計數器
conntrack-table-full-confirm-source = 找出是什麼塞滿了表：依狀態分類的 TCP entry，以及依目的地分類的所有 entry
conntrack-table-full-confirm-kube-proxy = 查看 kube-proxy 啟動時設定了什麼，以及它的設定要求的是什麼
conntrack-table-full-fix-max = 在 kube-proxy 的設定中調高上限（conntrack.maxPerCore 或 conntrack.min）並重新啟動 kube-proxy：它每次啟動都會重新設定 nf_conntrack_max，因此用 sysctl 手動設定的值只在那之前有效，重新開機後也會消失
conntrack-table-full-fix-max-tradeoff = entry 越多，佔用的 kernel 記憶體越多；更大的上限只會掩蓋洩漏或流量暴增，而不會阻止它。
conntrack-table-full-fix-timeouts = 縮短已結束與閒置 flow 的保留時間：kube-proxy 的 conntrack.tcpEstablishedTimeout 與 conntrack.tcpCloseWaitTimeout，或 node 的 nf_conntrack_tcp_timeout 系列 sysctl
conntrack-table-full-fix-timeouts-tradeoff = 閒置時間比其 entry 還長的連線會失去 NAT：它的下一個封包會被丟棄或收到 RST（參見 idle-timeout-reset 這項診斷結果）。
conntrack-table-full-fix-source = 減少產生 flow 的來源：重複使用連線，而不是每個請求開一條；在 node 上快取 DNS（NodeLocal DNSCache）；並從源頭阻止掃描或重試風暴
conntrack-table-full-summary = 在 { $seconds } 秒內，有 { $count } 條新連線在此 node 上遺失了 SYN，而其他連線正常通過：conntrack 表已滿
conntrack-table-full-summary-pod = 在 { $seconds } 秒內，有 { $count } 條新連線遺失了第一個 SYN，而其他連線正常通過：這正是 node 上 conntrack 表已滿時的現象
conntrack-table-full-ev-dropped = 新連線的 { $count } 個 SYN（{ $destinations ->
    [one] 送往同一個位址
   *[other] 送往 { $destinations } 個不同位址
}）在 { $seconds } 秒內從 Pod 進入 node，之後就沒有再離開
conntrack-table-full-ev-unanswered = { $count } 條新連線（{ $destinations ->
    [one] 送往同一個位址
   *[other] 送往 { $destinations } 個不同位址
}）在 { $seconds } 秒內都沒有等到第一個 SYN 的回應
conntrack-table-full-ev-passed = 在同樣的這幾秒內，另有 { $count } 條新連線立即通過：並沒有任何東西封鎖這些目的地本身
conntrack-table-full-ev-carried-on = 先前已建立的連線 { $client } → { $server } 在這波突發流量中持續運作：只有新連線被丟棄
conntrack-table-full-ev-recovered = 被丟棄的連線中有 { $count } 條在之後的嘗試中成功連上（最久在 { $seconds } 秒後）：丟棄自行停止了，就像 entry 過期時那樣，而規則不會這樣
conntrack-table-full-where = 此 node 上的 conntrack：每條新連線都需要一筆 entry，當表達到 nf_conntrack_max 時，新連線的第一個封包會在 NAT 與路由之前就被丟棄
conntrack-table-full-where-pod = 此 Pod 所在的 node，最可能是它的 conntrack 表（從 Pod 內部無法將它與其他原因的遺失區分開來）
conntrack-table-full-next = 在 node 上，kernel log 會直接說明（dmesg | grep 'table full'），conntrack -S 也會計算丟棄次數；在 node 上執行 tcpdump -ni any 會看到 SYN 進入卻始終沒有離開。
