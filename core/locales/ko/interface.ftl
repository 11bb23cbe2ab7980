# dropscope — 한국어(ko): CLI, Markdown Export, Page의 문구. 여기 있는 모든 Message는 zh-TW, zh-CN, ko에 같은 id와
# 같은 $argument로 존재한다(테스트가 이를 검사한다). 명령어, sysctl 이름, Chain 이름, 주소는
# argument이거나 literal text이므로 그대로 유지한다.

## CLI, Markdown Export, Page의 Label

severity-error = 오류
severity-warning = 경고
severity-info = 정보
seen-from = 관측 위치:
no-findings = 이 Capture에서 알려진 장애를 찾지 못했다.
md-counts = Packet { $packets }개, TCP Connection { $connections }개, DNS Query { $queries }개.
md-damaged = Capture가 손상되었다({ $error }). 그 앞의 내용은 모두 분석되었다.
label-where = 실패 지점:
label-next-capture = 이 Capture로 볼 수 없는 것:
label-evidence = 근거:
label-frames = Frame 번호
label-cause = 발생 원인:
label-confirm = Node에서 확인하는 방법:
label-fix = 해결 방안:
label-tradeoff = 고려 사항:
label-references = 참조:
heading-symptom = 현상
heading-cause = 원인
heading-confirm = 운영 중인 Node에서 확인
heading-fix = 해결 방안
heading-references = 참조

## Capture 위치

vantage-node-all = Node, 모든 Interface(tcpdump -i any)
vantage-node-per-interface = Node, Interface { $interfaces }개를 각각 따로 Capture
vantage-endpoint = { $address } 내부(자신의 Traffic만)
vantage-node-uplink-of = Node { $address }의 Uplink만
vantage-node-uplink = 어느 Node의 Uplink만
vantage-in-path = 경로상의 장비(Load Balancer나 Router), 또는 그 장비로 가는 Link
vantage-unknown = 알 수 없음
vantage-why-sll2 = Interface Index와 방향이 기록된 Linux cooked Header(SLL2): Node에서 실행한 tcpdump -i any
vantage-why-sll1 = 방향은 기록되지만 Interface Index는 없는 Linux cooked Header(SLL v1): Node에서 실행한 tcpdump -i any
vantage-why-per-interface = Interface { $interfaces }개를 방향 정보 없이 각각 따로 Capture: 여러 Interface에서 실행한 Wireshark 또는 dumpcap
vantage-why-relayed = Packet { $count }개가 단일 Interface로 들어왔다가 변환되어 같은 Interface로 다시 나갔다: 경로상의 장비(Load Balancer, Router)
vantage-why-between-two = Packet { $count }개가 이 Link 위의 장비로 갔다가 변환되어 돌아왔다: 경로상의 장비(Load Balancer, Router)와 Node 사이의 Link다. 양 끝에서 같은 Packet이 보이므로 이는 그 장비의 Interface이거나 Node의 Uplink다
vantage-why-returned = Packet { $count }개가 단일 Interface로 나갔다가 외부의 무언가에 의해 변환되어 같은 Interface로 돌아왔다: Node의 Uplink
vantage-why-tunnelled = 단일 Interface. 모든 Packet에 { $address } 주소가 있고, { $packets }개 중 { $tunnelled }개가 Tunnel로 Encapsulation되어 있다: Node의 Uplink
vantage-why-endpoint = 단일 Interface, 방향 정보 없음. 모든 Packet에 { $address } 주소가 있으며 바로 여기서 송신되었다(TTL이 송신 측 초기값 그대로다): 그 Host 자신의 Traffic(Pod 내부, 또는 그 Host의 유일한 Interface)
vantage-why-routed = 단일 Interface. { $count ->
   *[other] 모든 Packet에 { $peers } 주소가 있지만, 그 Packet은 모두 Routing을 거쳐 도착한다
} (TTL이 송신 측 초기값보다 낮다): Host 사이에서, 즉 Node의 Uplink나 경로상의 장비에서 얻은 Capture
vantage-why-tunnel-link = { $ends } 사이의 Tunnel Traffic을 나르는 단일 Interface이며, 이들 모두 바로 여기서 송신한다(초기 TTL 그대로): 이웃한 Node 사이의 Link다. 각 Node의 Uplink에 같은 Packet이 보이므로 이 Capture만으로는 어느 Node의 것인지 알 수 없다
vantage-why-unknown = 단일 Interface, 방향 정보 없음, Packet들에 공통된 주소 없음
order-reordered = Frame { $reordered }개가 시간 순서와 다르게 기록되어 있어(Interface별로 차례로) 순서를 바로잡았다
order-late = Frame { $reordered }개를 시간 순서대로 바로잡았다. 그중 { $late }개는 2 s 재정렬 Window가 허용하는 것보다 늦게 나타나 제자리가 아닌 위치에서 분석되었다 (Frame { $frames })

## Interface와 그 역할

role-pod-side-of = Pod 쪽({ $pod })
role-pod-side = Pod 쪽
role-bridge = Bridge 장치
role-tunnel = Tunnel 장치
role-uplink = Uplink 장치
role-loopback = Loopback 장치
role-host = Host 자신의 Interface
role-unknown = 알 수 없음
caption-pod-veth-of = Pod { $pod }의 veth
caption-pod-veth = Pod의 veth
caption-uplink = Node의 Uplink
caption-host = 자신의 Interface
caption-interface = 기타 Interface
role-why-named = 이름: { $name }
role-why-tunnel-carrier = Node와 { $peers } 사이를 오가는 { $kind } Packet { $count }개가 지나간다: Node의 Uplink
role-why-inner = 이곳의 Packet { $count }개는 Uplink에서 보인 Tunnel Traffic의 Inner Packet이다: Tunnel 장치
role-why-forwarded = Packet { $count }개가 이곳으로 들어와 곧바로 이곳으로 다시 나갔다: Bridge
role-why-pod-veth = 이곳으로 Node에 들어오는 Packet의 주소는 { $pod } 하나뿐이고, Routing을 거치지 않고 도착한다(TTL 변화 없음): 그 Pod veth의 Node 쪽 끝
role-why-stacked = Packet { $count }개가 다른 Interface와 Node의 나머지 부분 사이에서 이곳을 거쳐 갔다: Bridge
role-why-out-and-back = Packet { $count }개가 이곳으로 나갔다가 변환되어 돌아왔다(Node 외부의 Load Balancer나 NAT): Uplink
role-why-many-sources = 여러 주소({ $sources })에서 온 Packet이 이곳으로 들어온다: Uplink
role-why-passes = Node와 { $peers } 사이의 Traffic이 이곳에서 시작되지 않고 지나가기만 한다: Network 쪽
role-why-to-local-pods = 보내기만 하고, 보내는 곳도 { $pods }뿐이다: veth가 이 Node에 있는 Pod들이므로, Node가 그 Pod들에 닿는 Bridge다
role-why-too-little = 판단하기에는 Traffic이 너무 적다
role-why-loopback = Host가 자기 자신에게 보내는 Traffic을 나른다(127.0.0.0/8, ::1): Loopback
role-why-host = 유일한 Interface이고 모든 Packet에 { $address } 주소가 있다: 그 Host 자신의 Interface

## Connection, DNS, Packet

outcome-established = 맺어짐
outcome-reset-by-client = Client가 Reset함
outcome-refused = 거부됨
outcome-gave-up = 응답 없음, Client가 포기함
outcome-unanswered = 응답 없음, 재시도 중
outcome-mid-stream = Capture 시작 시 이미 열려 있음
connection-established-in = { $seconds } s 만에 맺어짐
connection-reset-by-client = 맺어지지 않음: Client가 받은 모든 SYN-ACK을 Reset했다
connection-refused = 거부됨: Server가 Reset으로 응답했다
connection-gave-up = 맺어지지 않음: 어떤 SYN-ACK도 Client에 도달하지 않았고, Client는 포기했다
connection-unanswered = 어떤 SYN-ACK도 Client에 도달하지 않았다(Capture가 끝날 때까지 재시도 중이었다)
dns-outcome-answered = 응답됨
dns-outcome-after-retry = 재시도 후에야 응답됨
dns-outcome-lost-on-node = 응답이 Node에는 도달했지만 Client에는 도달하지 않음
dns-outcome-unanswered = 응답 없음
dns-answered-in = { $seconds } s 만에 응답됨
dns-answered-after-retry-in = 재시도 후에야 응답됨, { $seconds } s
udp-outcome-answered = 응답됨
udp-outcome-lost-on-node = 응답이 Node에는 도달했지만 Client에는 도달하지 않음
udp-outcome-one-way = 단방향만
side-client = Client 측
side-server = Server 측
direction-in = 수신
direction-out = 송신
direction-unknown = 관측
reset-by-client = Client 측 { $from }
reset-by-server-side = Server 측 { $from }
change-dnat = DNAT { $before } → { $after }
change-snat = SNAT { $before } → { $after }
change-un-dnat = un-DNAT { $before } → { $after }
change-un-snat = un-SNAT { $before } → { $after }
change-destination = 목적지 { $before } → { $after }
change-source = 출발지 { $before } → { $after }
change-encapsulation = { $kind } Encapsulation됨: { $outer }
change-decapsulation = { $source } → { $destination }에서 Decapsulation됨
leg-outside-node = Node 외부: { $interface }에서 나간 뒤(Frame { $left }) 돌아오기까지(Frame { $back })
leg-on-node = Node 위: Frame { $before }({ $before_interface })에서 Frame { $after }({ $after_interface }) 사이
fate-delivered = { $interface }에서 나가 목적지로 전달됨
fate-left-node = { $interface }에서 Node 밖으로 나감
fate-ended-early = { $interface }에 도착했지만 목적지 { $destination } 쪽인 { $expected }에서는 끝내 보이지 않음: 그 사이 Node 위에서 Drop됨
fate-resegmented = Wire 상의 어떤 Packet보다 큰 Super-Packet으로 { $interface }에 도착함. 여러 조각으로 나뉘어 나가며, 각 조각은 별도의 경로로 추적됨
fate-local = 이 Host 자신(자신의 주소 중 하나)을 목적지로 하여 { $interface }에 도착함
fate-arrived = { $interface }에 도착함(그 이후로는 보이지 않음)
fate-observed = { $interface }에서 관측됨

## CLI 보고서

cli-counts = Frame { $frames }개, Packet { $packets }개
cli-damaged = 오류({ $error }): 그 앞의 내용은 모두 분석되었다
cli-warning = 경고
cli-bad-checksums = Checksum이 잘못된 Packet { $count }개(Offload Placeholder는 세지 않는다)
cli-findings = 진단 결과
cli-frame = Frame 번호 { $frame }
cli-explain-hint = 원인, 확인 방법, 다른 해결 방안: { $command }
cli-interfaces = Interface 목록
cli-tcp-connections = TCP Connection 목록({ $count }개)
cli-syns-retried = SYN { $count }개, { $gaps } s 간격으로 재시도
cli-leg = 구간 { $from } → { $to } (Frame { $frames })
cli-syn-ack-lost = { $from }의 SYN-ACK이 끝내 { $to }에 도달하지 못했다: 마지막 관측은 Frame { $last } (Frame { $frames })
cli-syn-ack-reached = { $from }의 SYN-ACK이 { $to }에 도달했다 (Frame { $frames })
cli-syn-acks-in-all = SYN-ACK 총 { $count }개
cli-reset = { $by }에서 보낸 RST, { $from } → { $to } (Frame { $frames })
cli-dns-queries = DNS Query 목록({ $count }개)
cli-sent-in-frames = Frame { $frames }에서 전송
cli-udp-exchanges = 기타 UDP 교환({ $count }개)
cli-udp-counts = { $sent }개 송신, { $back }개 돌아옴
cli-ended-early = Node에서 도중에 끊긴 Packet({ $count }개)
cli-journeys = Packet 경로 총 { $total }개 중 { $listed }개가 --json에 나열된다

## Page

ui-language = 언어
ui-tagline-before = 이 Connection은 왜 멈추거나, Reset되거나, 63초나 걸리는가? Kubernetes Node에서 얻은
ui-tagline-after = Capture를 끌어다 놓는다. 분석은 여기, 사용자의 Browser 안에서 이루어지며 Capture는 이 Page 밖으로 나가지 않는다.
ui-export-json = JSON 내보내기
ui-export-markdown = 진단 결과 내보내기(Markdown)
ui-theme = ◐ 테마
ui-theme-title = 밝게 또는 어둡게
ui-open-in-dropscope = dropscope에서 열기 ↗
ui-open-capture = Capture 열기
ui-drop-or = pcap 또는 pcapng를 Page 아무 곳에나 끌어다 놓거나,
ui-examples = 예시: Kubernetes Node와 Lab에서 Capture한 실제 장애
ui-no-findings = 이 Capture에서 알려진 장애를 찾지 못했다. 아래에서 Connection을 고르면 그 Packet을 볼 수 있다.
ui-findings = 진단 결과
ui-findings-count = 진단 결과({ $count }개)
ui-show-packet = 이 Packet 보기
ui-watch-packets = ▶ Packet 흐름 보기
ui-evidence = 근거
ui-why = 발생 원인
ui-typical-symptom = 전형적인 현상: { $symptom }
ui-confirm = Node에서 확인하는 방법
ui-fix = 해결 방안
ui-references = 참조
ui-copy = 복사
ui-copied = 복사됨
ui-idle = 아직 Capture를 불러오지 않았다: 예시를 고르거나 File을 끌어다 놓는다.
ui-analysing = { $name } 분석 중: { $total } MB 중 { $read } MB, Packet { $packets }개 · { $rate } MB/s, 초당 Packet { $packet_rate }개
ui-cancel = 취소
ui-crashed = 내부 오류로 분석이 중단되었다({ $message }). 이는 dropscope의 Bug다. Page는 다른 Capture를 받을 준비가 되어 있다.
ui-cancelled = { $name }의 분석을 취소했다.
ui-capture-error = { $name }: { $error }. 그 앞의 내용은 모두 분석되었다.
ui-decode-stop = Frame { $frame }: Byte { $offset } 위치의 { $layer }: { $reason }
ui-figures = Packet { $packets }개 · TCP Connection { $connections }개 · DNS Query { $queries }개 · 분석에 { $milliseconds } ms 소요(Worker Memory { $megabytes } MB)
ui-checksums = Checksum Offload가 적용된 Packet { $offloaded }개(veth와 VXLAN에서는 정상), Checksum이 잘못된 Packet { $wrong }개
ui-decode-stops = 끝까지 Decode되지 않은 Packet { $count }개
ui-connections = Connection 목록
ui-connections-count = Connection 목록({ $count }개)
ui-col-client = Client 주소
ui-col-server = Server 주소
ui-col-outcome = 결과
ui-col-connect-time = Connect 시간
ui-connections-first = 처음 { $count }개만 표시한다: 진단 결과에 나온 것을 먼저, 그다음 실패한 것을 표시한다.
ui-scope-finding = 선택한 진단 결과의 Packet만
ui-scope-connection = 선택한 Connection의 Packet만
ui-scope-selection = 선택 항목의 Packet만
ui-packets = Packet 목록
ui-packets-count = Packet 목록({ $count }개)
ui-filter-placeholder = 필터: 10.244.0.20 · port 53 · :8080 · tcp · udp · icmp · cni0 · frame 12
ui-filter = Packet 필터
ui-packet-list = Packet 목록
ui-col-number = 번호
ui-col-time = 시간
ui-col-interface = Interface·방향
ui-col-source = 출발지
ui-col-destination = 목적지
ui-col-protocol = 프로토콜
ui-col-length = 길이
ui-col-info = 정보
ui-select-packet = Packet을 선택하면 그 Layer와 Byte가 표시된다.
ui-decoding-stopped = Decode 중단: { $stop }
ui-frame-heading = Frame { $frame } · { $interface } · { $original } Byte 중 { $captured } Byte Capture됨
ui-at-byte = File의 Byte { $offset } 위치
scene-connection = Connection { $client } → { $server }의 결과: { $outcome }
station-client = Client 측
station-server = Server 측
path-step-in = Frame { $frame } · { $packet }, { $interface }에서 수신 · { $from } → { $to }
path-step-out = Frame { $frame } · { $packet }, { $interface }에서 송신 · { $from } → { $to }
path-step-seen = Frame { $frame } · { $packet }, { $interface }에서 관측 · { $from } → { $to }
path-step-inside = { $kind } { $source } → { $destination }에 담김
path-step-copies = { $frames }에도 같은 모습으로 기록됨
path-after = { $gap } 후
path-reset-by = { $sender }에서 보낸 Reset
path-dropped = 여기서 마지막으로 관측됨, { $expected }에서는 관측되지 않음
ui-path-animation = Packet 경로 Animation
ui-path = Packet의 경로
ui-scene-omitted = 처음 Packet { $played }개만 재생한다. 이 선택 항목의 나머지 { $more }개는 Packet 목록에 있다.
ui-scene-empty = 이 선택 항목의 Packet 중 Node를 가로질러 추적된 것이 없다.
ui-scene-loading = 장면을 불러오는 중…
ui-topology = Packet이 거쳐 간 지점과, 그 사이를 이동하는 Packet
ui-playback = 재생 제어
ui-restart-title = 재시작(Home)
ui-restart = 재시작
ui-step-back = 이전 관측(←)
ui-play-title = 재생 또는 일시 정지(Space)
ui-pause = 일시 정지
ui-play = ▶ 재생
ui-step-forward = 다음 관측(→)
ui-speed = 속도
ui-animation-time = Animation 시간
ui-path-legend = 위쪽 줄: Server 방향. 아래쪽 줄: Client로 돌아오는 방향. ✕: Packet이 마지막으로 관측된 곳. 단축키: Space 재생/일시 정지 · ← → 한 단계 이동 · + − 속도 · Home 재시작. 시간 축은 비례 조정된다: Hop 사이의 Microsecond 단위 간격과 재시도 사이의 초 단위 간격을 모두 볼 수 있도록 하며, 실제 Capture 시각은 Caption에 표시된다.
ui-timeline = 재시도 Timeline
ui-timeline-count = 시간에 따른 요청({ $count }개)
ui-timeline-image = 시간 축 위의 각 요청과 응답
ui-timeline-legend = 축 위: Client의 요청(SYN, DNS Query)과 각 재시도 전의 대기 시간. 축 아래: 응답.
ui-ladder = Ladder 도표
ui-ladder-heading = Ladder 도표: NAT 구간 양 끝점 사이의 Packet
ui-ladder-image = 각 Packet을 그 Packet에 적힌 출발지와 목적지 사이의 화살표로 표시
ui-ladder-legend = 점은 NAT가 Packet을 변환한 열을 표시한다(Mouse를 올리면 변환 내용이 보인다). 송신자가 통신한 적 없는 주소에서 돌아온 Packet은 예상 밖의 열에서 나오는 화살표로 표시된다.
ui-url-other-site = 이 Page와 같은 Site에 있는 Capture만 URL로 열 수 있다
ui-url-failed = 불러올 수 없다: { $message }

## 읽을 수 없는 Capture File

capture-error-at = Byte { $offset } 위치: { $what }
capture-error-too-short = File이 { $bytes } Byte뿐이라 Capture File Header를 담기에 너무 작다
capture-error-not-a-capture = pcap이나 pcapng File이 아니다(시작 Byte: { $magic })
capture-error-version = 지원되지 않는 { $format } Version이다: { $version }
capture-error-link-type-bits = link-type Field { $field }에 예약된 Bit가 설정되어 있다: Header가 손상되었다
capture-error-record-too-large = Record에 기록된 크기가 { $claimed } Byte로, 실제 어떤 Packet보다도 크다(최대 { $limit }): 길이 Field가 손상되었다
capture-error-block-length = pcapng Block(Type { $block_type })의 길이가 불가능한 값이다: { $length }
capture-error-truncated = File이 중간에 잘렸다: 마지막 Record에는 { $needed } Byte가 필요하지만 { $available } Byte만 남아 있다
capture-error-interfaces = File에 선언된 Interface가 { $limit }개를 넘는다
capture-error-malformed = 형식이 잘못된 { $what }: { $reason }

## 내장 예시(Gallery의 Card)

example-bridge-nf-off = Pod → ClusterIP → 같은 Node의 Pod: Client가 응답을 Reset하고 curl은 Timeout된다
example-nlb-hairpin = Pod이 자신의 Load Balancer를 호출하면 Timeout된다. 그 LB의 다른 Client는 정상이다
example-vxlan-syn-backoff = Node 간 Connection이 열리는 데 63초가 걸린다
example-asym-rpfilter = 비대칭 Routing을 거치는 Pod의 Connection: 응답이 다른 Interface로 도착하고 Strict Mode의 rp_filter가 이를 Drop한다
example-dns-aaaa-drop = DNS 조회에 정확히 5초가 걸린다
example-lab-bridge-nf-off = Lab: 같은 Node 안의 Service 호출이 Reset된다(bridge-nf-call-iptables=0)
example-lab-bridge-nf-off-sll1 = Lab: 같은 상황을 SLL v1 형식으로 Capture(Interface Index 없음)
example-lab-bridge-nf-off-pcapng = Lab: 같은 상황을 Interface마다 dumpcap 하나씩으로 Capture(Interface 이름이 담긴 pcapng)
example-lab-bridge-nf-on = Lab, 정상: bridge-nf-call-iptables=1이면 응답의 DNAT가 되돌려진다(un-DNAT)
example-lab-lb-hairpin-preserve = Lab: Load Balancer가 Client IP를 유지한 채 Client의 Node로 Hairpin한다
example-lab-lb-hairpin-snat = Lab, 정상: Load Balancer가 Client를 Masquerade한다
example-lab-vxlan-lossy-node1 = Lab: VXLAN에서 유실되는 SYN, 송신 Node에서 관측(1-2-4-8-16 s)
example-lab-vxlan-lossy-node2 = Lab: VXLAN에서 유실되는 SYN, 수신 Node에서 관측
example-lab-vxlan-ok-node1 = Lab, 정상: flannel 방식 VXLAN, 송신 Node
example-lab-vxlan-ok-node2 = Lab, 정상: flannel 방식 VXLAN, 수신 Node
example-lab-nat-vxlan-ok = Lab, 정상: DNAT와 MASQUERADE를 거쳐 VXLAN 4789로 갔다가 돌아온다
example-lab-rp-filter-strict = Lab: 응답이 Uplink로 도착하고 Strict Mode의 rp_filter가 이를 Drop한다
example-lab-rp-filter-loose = Lab, 정상: 같은 Routing에 Loose Mode의 rp_filter
example-lab-dns-lossy = Lab: A/AAAA 병렬 조회에서 응답 하나가 Drop되어 조회에 5 s가 걸린다
example-lab-dns-ok = Lab, 정상: A/AAAA 병렬 조회에 응답이 온다
example-lab-syn-dropped = Lab: Policy가 SYN을 Drop하고, Client는 재시도하다 포기한다
example-lab-refused-reject = Lab: REJECT Rule이 Server 대신 Reset으로 응답한다
example-lab-refused-wrong-port = Lab: 아무것도 Listen하지 않는 Service targetPort: Connection 거부(connection refused)
example-lab-pmtu-blackhole = Lab: 작은 요청은 동작하지만 큰 전송은 멈춘다(PMTU Black Hole)
example-lab-pmtu-ok = Lab, 정상: Path MTU Discovery가 동작한다
example-lab-busy-node = 정상 Node: 찾을 문제가 없다(바쁜 k3s 방식 Node의 30 s: localhost의 Control Plane, kubelet Probe, hostNetwork, DNS, VXLAN)
example-lab-kubelet-probe-drop-node-any = Trunk 뒤의 Pod(Security Groups for Pods)에 대한 kubelet Probe가 실패한다: Pod이 Node에 보내는 응답이 Node에서 Drop된다
example-lab-vxlan-checksum-bug-node2-any = Lab, 재시도마다 새 Outer Port를 받는 경우의 이중 SNAT Checksum Bug: Connection이 1 s 후에 열린다(수신 Node에서 관측)
example-lab-vxlan-checksum-bug63-node1-any = Lab, 실제 이중 SNAT Checksum Bug: hostNetwork Client의 VXLAN 경유 Connection이 63 s 후에야 열린다(해당 Node에서 tcpdump -i any)
example-lab-dns-search-pod = api.example.com을 조회할 때 모든 Search Domain을 먼저 붙여 본다(ndots:5): 실제 Query 전에 NXDOMAIN Query 6개(Client Pod 내부)
example-lab-dns-unreachable-node1-any = DNS Query가 도중에 Drop된다: 두 Nameserver를 모두 시도했지만 응답이 없고, 조회는 20 s 후 실패한다(Client의 Node에서 tcpdump -i any)
example-lab-dns-servfail-node1-any = DNS Server가 SERVFAIL로 응답한다(Client의 Node에서 tcpdump -i any)
example-lab-dns-truncated-node1-any = 잘린(Truncated) DNS 응답(Record 40개)과, 차단된 Port 53으로의 TCP 재시도(Client의 Node에서 tcpdump -i any)
example-lab-hairpin-off-node-any = Pod이 자기 자신만 Endpoint인 ClusterIP를 호출하는데 Bridge Port의 Hairpin Mode가 꺼져 있다: SYN이 끝내 돌아오지 않는다(Node에서 tcpdump -i any)
example-lab-idle-reset-pod = Load Balancer 뒤에서 Idle 상태로 남은 Pool의 Connection(Idle Timeout 20 s, NLB의 350 s 대신): 다음 요청이 Reset된다(Client Pod 내부)
example-lab-invalid-reset-node-any = ClusterIP를 통한 Download: Backend에서 온 Window 밖 Segment 하나가 Reverse NAT를 건너뛰고, Client가 Reset하여 Download가 끊긴다(Node에서 tcpdump -i any)
example-lab-no-endpoints-pod = Endpoint 없는 Service의 ClusterIP와 NodePort: kube-proxy가 ICMP port unreachable로 거부한다(Client Pod 내부)
example-lab-port-reuse-pod = TCP Timestamp를 쓰지 않는 Client가 Port를 재사용하는데 Server는 이전 Connection을 아직 TIME_WAIT로 유지한다: Challenge ACK, Reset, SYN 재전송(Client Pod 내부)
example-lab-snat-collision-node-any = Pod들이 둘씩 짝지어 --random-fully 없는 Node의 MASQUERADE를 거쳐 하나의 외부 Server에 연결한다: 일부 SYN이 conntrack 삽입 시 Drop되고 1 s 후에야 연결된다(Node에서 tcpdump -i any)
example-lab-stalled-pod = Load Balancer를 거치는 Stream이 전송 도중 멈춘다: 작은 Segment와 큰 Segment가 Back-off하며 재전송되지만 끝내 ACK되지 않는다(Client Pod 내부)
example-lab-table-full-node-any = nf_conntrack_max가 512인 상태에서 Connection 800개를 한꺼번에 연다: 약 290개의 SYN이 5 s 동안 Node에서 Drop되고 나머지는 통과한다(Node에서 tcpdump -i any)
ui-read-failed = Browser가 { $name }에서 { $start }–{ $end } 구간의 Byte를 읽지 못했다: { $error }

## 여러 Capture

capture-file = #{ $index } { $name }: Frame { $frames }개, 관측 위치는 { $seen }; { $clock }
clock-reference = 다른 Capture가 이 Clock에 맞춰 정렬된다
clock-matched = Clock 보정 { $offset } s, Capture { $with }에도 나타난 Packet { $packets }개 기준(편차 { $spread } ms)
clock-matched-drift = Clock 보정 { $offset } s, Drift { $drift } ppm, Capture { $with }에도 나타난 Packet { $packets }개 기준(편차 { $spread } ms)
clock-given = Clock 보정 { $offset } s(사용자 지정)
clock-unmatched = 다른 Capture와 공통 Packet이 없다: Clock을 기록된 그대로 둔다
ui-add-capture = 같은 시각에 얻은 다른 Capture 추가(다른 Node, Pod, Load Balancer):
ui-files = Capture 파일
ui-export-evidence = ⤓ 관련 Packet 내려받기(pcapng)
ui-export-filtered = ⤓ 이 Packet들 내려받기(pcapng)
ui-export-filtered-title = 지금 목록에 보이는 Packet(현재 필터와 범위)을 모든 Capture에서 시간 순서대로 모아 Wireshark용 pcapng 파일로 내려받는다
export-filtered-comment = dropscope: 필터 “{ $filter }”에 맞는 Packet { $count }개

## Names

named-pod = Pod { $name }({ $address })
named-service = { $name }({ $address })
named-service-port = Service { $name }({ $address })
named-node = 이름이 { $name }인 Node({ $address })
named-some-node = 어떤 Node({ $address })
named-endpoint = { $name }의 Endpoint({ $address })
names-problem-line = { $source } { $line }번째 줄: { $why } — { $text }
names-problem-text = { $source }: { $why }
names-empty = 내용이 비어 있다
names-unknown-format = dropscope가 읽는 형식이 아니다(ip -o link, ip -o addr, kubectl get pods -o wide, get services, get endpointslices, get endpoints, get nodes -o wide)
names-unrecognized-line = 위 형식 어디에도 속하지 않는 줄이다
names-unsupported-table = dropscope가 쓰지 않는 kubectl 표이다
names-missing-column = 표에 { $column } 열이 없다(Pod는 -o wide 사용)
names-too-few-columns = Header는 { $expected }열인데 { $found }열뿐이다
names-misaligned = 열이 Header와 맞지 않는다
names-bad-address = IP 주소가 아니다
names-bad-ports = 읽을 수 없는 Port
names-bad-index = Interface Index가 아니다
names-too-many = { $limit }개를 넘는다: 나머지는 뺀다
ui-names = Cluster의 이름
ui-names-help = Cluster가 출력한 내용을 붙여 넣으면 Pod, Service, Node, Interface를 이름으로 볼 수 있다: Node의 ip -o link와 ip -o addr, kubectl get pods -A -o wide, kubectl get svc -A, kubectl get endpointslices -A. 내용은 이 페이지 안에만 남는다.
ui-names-apply = 이 이름 사용
ui-names-files = 또는 텍스트 파일 열기:
ui-names-pasted = 붙여 넣은 텍스트 { $n }
picture-this-node = 이 Node(Capture 위치)
picture-this-host = { $host }(Capture 위치)
picture-lb = Load Balancer 장치
picture-conntrack = conntrack(NAT) 처리
ui-nodes-picture = Node 그림: Packet이 지난 Host, 그 Interface, NAT가 일어나는 conntrack, 그 사이를 움직이는 Packet
picture-not-captured = Capture 안 됨
picture-other-node = 다른 Node
ui-clock-set = Clock 보정 직접 설정:
