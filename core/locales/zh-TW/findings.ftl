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
