#!/usr/bin/env python3
"""The processes of lab/busy-node.sh: one role per component of a busy, healthy Kubernetes node
(control plane, kubelet, kube-proxy, flannel, monitoring agent, containerd, chronyd), its pods,
the second node and the outside world.

usage: BUSY_CFG=config.json busy.py ROLE
The configuration (addresses, seed, end time, certificate) is written by lab/busy-node.sh.
Every client loop stops at cfg["end"], a few seconds after the capture has ended; servers then
idle until the script kills them. Everything here is meant to be healthy: servers read each
request whole before answering, the side that closes has read everything the other sent, so
no reset is ever sent except by the kernel for a port nothing listens on.
"""
import json
import os
import random
import socket
import ssl
import struct
import sys
import threading
import time

CFG = json.load(open(os.environ["BUSY_CFG"]))
END = CFG["end"]
SEED = CFG["seed"]
P = CFG["pods"]      # pod name -> IPv4
S = CFG["svc"]       # service name -> ClusterIP
O = CFG["outside"]   # outside service -> IPv4
N = CFG["names"]     # outside service -> DNS name
KEEP = []            # sockets kept open until the process is killed (long connections)


def log(*a):
    print(f"{time.time():.3f}", *a, file=sys.stderr, flush=True)


def rnd(name):
    return random.Random(f"{SEED}/{name}")


def alive():
    return time.time() < END


def nap(seconds):
    t = min(seconds, END - time.time())
    if t > 0:
        time.sleep(t)


def at_fraction(f):
    """Wall-clock time at fraction f of the capture."""
    return CFG["t_cap"] + f * CFG["seconds"]


def every(name, lo, hi, fn, first=None):
    """fn(rng) every lo..hi seconds (start to start, like a kubelet probe worker) until END."""
    r = rnd(name)

    def loop():
        nap(r.uniform(0, hi) if first is None else first)
        while alive():
            t0 = time.time()
            try:
                fn(r)
            except Exception as e:  # noqa: BLE001 - a healthy lab logs and carries on
                log(name, "error", repr(e))
            nap(r.uniform(lo, hi) - (time.time() - t0))

    th = threading.Thread(target=loop, daemon=True, name=name)
    th.start()
    return th


def thread(fn, *args):
    th = threading.Thread(target=fn, args=args, daemon=True)
    th.start()
    return th


def idle_until_killed():
    # Bounded: the script kills every role right after the capture; this is only a backstop.
    time.sleep(max(0, END - time.time()) + 120)


# ---- TLS ------------------------------------------------------------------------------------
IGNORE_EOF = getattr(ssl, "OP_IGNORE_UNEXPECTED_EOF", 0)


def server_tls():
    c = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    c.load_cert_chain(CFG["cert"], CFG["key"])
    c.options |= IGNORE_EOF
    c.num_tickets = 1  # like Go's crypto/tls
    return c


def client_tls():
    c = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    c.check_hostname = False
    c.verify_mode = ssl.CERT_NONE
    c.options |= IGNORE_EOF
    return c


# ---- TCP and HTTP ---------------------------------------------------------------------------
def listen(addr, port, family=socket.AF_INET):
    s = socket.socket(family, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((addr, port))
    s.listen(512)
    return s


def serve(addr, port, handler, tls=False):
    """Accepts connections on addr:port; handler(conn, peer) in a thread per connection."""
    s = listen(addr, port)
    ctx = server_tls() if tls else None

    def conn(c, peer):
        try:
            c.settimeout(120)
            if ctx:
                c = ctx.wrap_socket(c, server_side=True)
            handler(c, peer)
        except Exception as e:  # noqa: BLE001
            log("serve", port, peer, repr(e))
        finally:
            try:
                c.close()
            except OSError:
                pass

    def accept_loop():
        while True:
            c, peer = s.accept()
            thread(conn, c, peer)

    thread(accept_loop)
    return s


def read_request(c, buf):
    while b"\r\n\r\n" not in buf:
        d = c.recv(65536)
        if not d:
            return None, buf
        buf += d
    head, buf = buf.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    method, path, version = lines[0].split(" ", 2)
    hdrs = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        hdrs[k.strip().lower()] = v.strip()
    n = int(hdrs.get("content-length", "0"))
    while len(buf) < n:
        d = c.recv(65536)
        if not d:
            return None, buf
        buf += d
    return (method, path, version, hdrs, buf[:n]), buf[n:]


def end_after_response(c):
    """What Go's net/http server does after a Connection: close response: end our side (TLS
    close_notify, or FIN), then wait for the client to close its side."""
    try:
        c.settimeout(5)
        if isinstance(c, ssl.SSLSocket):
            c.unwrap()
        else:
            c.shutdown(socket.SHUT_WR)
            while c.recv(4096):
                pass
    except (OSError, ValueError):
        pass


def http_handler(route):
    """A keep-alive HTTP/1.1 server loop around route(method, path, hdrs, body, peer) ->
    (status, content type, payload[, extra headers])."""

    def handle(c, peer, buf=b""):
        while True:
            req, buf = read_request(c, buf)
            if req is None:
                return  # the client closed its side after its last response
            method, path, version, hdrs, body = req
            out = route(method, path, hdrs, body, peer)
            status, ctype, payload = out[:3]
            extra = out[3] if len(out) > 3 else ""
            close = hdrs.get("connection", "").lower() == "close" or version == "HTTP/1.0"
            head = (f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(payload)}\r\n"
                    f"Date: {time.strftime('%a, %d %b %Y %H:%M:%S GMT', time.gmtime())}\r\n{extra}")
            if close:
                head += "Connection: close\r\n"
            c.sendall(head.encode() + b"\r\n" + (b"" if method == "HEAD" else payload))
            if close:
                end_after_response(c)
                return

    return handle


def metrics_text(r, kb):
    lines, size = [], 0
    while size < kb * 1024:
        name = r.choice(["process_cpu_seconds_total", "go_goroutines", "http_requests_total",
                         "node_network_receive_bytes_total", "container_memory_working_set_bytes"])
        line = f'{name}{{instance="{r.randrange(1, 9)}",code="200"}} {r.random() * 1e6:.3f}\n'
        lines.append(line)
        size += len(line)
    return "".join(lines).encode()


def app_route(pod):
    """A pod's application server: health endpoints, a page, a small API."""
    r = rnd("route/" + pod)

    def route(method, path, hdrs, body, peer):
        if path.startswith(("/healthz", "/readyz", "/livez", "/health", "/ready")):
            return "200 OK", "text/plain; charset=utf-8", b"ok"
        if path.startswith("/metrics"):
            return "200 OK", "text/plain; version=0.0.4", metrics_text(r, r.uniform(0.4, 0.9))
        if path.startswith("/api"):
            return "200 OK", "application/json", json.dumps(
                {"pod": pod, "items": [r.randrange(1000) for _ in range(r.randrange(3, 30))]}).encode()
        return "200 OK", "text/html", b"<html><body>" + pod.encode() + b" " + b"." * r.randrange(60, 400) + b"</body></html>"

    return route


def connect(host, port, timeout=5, linger=False, keepalive=None):
    """A TCP connection. A literal address is dialled as such; a name goes through
    getaddrinfo and is tried address by address, as create_connection (and curl, Go) do."""
    try:
        fam = socket.AF_INET6 if ":" in host else socket.AF_INET
        socket.inet_pton(fam, host)
    except OSError:
        s = socket.create_connection((host, port), timeout=timeout)
    else:
        s = socket.socket(fam, socket.SOCK_STREAM)
        if linger:
            # kubelet's probe dialer: SO_LINGER 1 s (a graceful FIN, a short TIME-WAIT).
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 1))
        if keepalive:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, keepalive)
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, keepalive)
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT, 9)
        s.settimeout(timeout)
        s.connect((host, port))
    s.settimeout(timeout)
    return s


def http_once(host, port, path, method="GET", tls=False, linger=False, body=b"", agent="kube-probe/1.30",
              timeout=5):
    """One request on a new connection with Connection: close; reads to the end, then closes."""
    s = connect(host, port, timeout, linger=linger)
    if tls:
        s = client_tls().wrap_socket(s, server_hostname=None)
    hosthdr = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    req = (f"{method} {path} HTTP/1.1\r\nHost: {hosthdr}\r\nUser-Agent: {agent}\r\nAccept: */*\r\n"
           f"Connection: close\r\n")
    if body:
        req += f"Content-Type: application/x-protobuf\r\nContent-Length: {len(body)}\r\n"
    s.sendall(req.encode() + b"\r\n" + body)
    data = b""
    while True:
        d = s.recv(65536)
        if not d:
            break
        data += d
    s.close()
    status = data.split(b"\r\n", 1)[0].decode("latin-1", "replace")
    if " 200 " not in status and " 204 " not in status:
        log("http_once", host, port, path, status)
    return status, len(data)


class KeepAlive:
    """An HTTP/1.1 keep-alive client connection (the client closes it, after a response)."""

    def __init__(self, host, port, tls=False, agent="Go-http-client/1.1", timeout=10):
        self.host, self.port, self.agent = host, port, agent
        s = connect(host, port, timeout)
        self.s = client_tls().wrap_socket(s) if tls else s
        self.buf = b""

    def request(self, path, method="GET", body=b""):
        req = f"{method} {path} HTTP/1.1\r\nHost: {self.host}\r\nUser-Agent: {self.agent}\r\nAccept: */*\r\n"
        if body:
            req += f"Content-Length: {len(body)}\r\n"
        self.s.sendall(req.encode() + b"\r\n" + body)
        while b"\r\n\r\n" not in self.buf:
            d = self.s.recv(65536)
            if not d:
                raise ConnectionError("closed by server")
            self.buf += d
        head, self.buf = self.buf.split(b"\r\n\r\n", 1)
        n = 0
        for line in head.split(b"\r\n")[1:]:
            k, _, v = line.partition(b":")
            if k.strip().lower() == b"content-length":
                n = int(v)
        if method == "HEAD":
            n = 0
        while len(self.buf) < n:
            d = self.s.recv(262144)
            if not d:
                raise ConnectionError("closed by server")
            self.buf += d
        self.buf = self.buf[n:]
        return head.split(b"\r\n", 1)[0].decode(), n

    def close(self):
        self.s.close()


def keepalive_loop(name, host, port, every_s, lifetime, paths, agent):
    """Requests every every_s seconds on a keep-alive connection, replaced after lifetime s
    (the client closes it after a response; the server then closes its side)."""
    r = rnd(name)
    nap(r.uniform(0, every_s[1]))
    while alive():
        try:
            k = KeepAlive(host, port, agent=agent)
            until = time.time() + r.uniform(*lifetime)
            while alive() and time.time() < until:
                t0 = time.time()
                k.request(r.choice(paths))
                nap(r.uniform(*every_s) - (time.time() - t0))
            if alive():
                k.close()
            else:
                KEEP.append(k.s)
        except Exception as e:  # noqa: BLE001
            log(name, repr(e))
            nap(1)


def tcp_probe(host, port):
    """kubelet's tcpSocket probe: connect, then close (SO_LINGER 1 s: a graceful FIN)."""
    s = connect(host, port, 1, linger=True)
    s.close()


# ---- Long connections: watches and gRPC-like streams inside TLS ------------------------------
# Frames: 4-byte length, 1-byte kind (W subscribe, Q request, R response, E event), payload.
def frame(kind, size):
    return struct.pack(">IB", size + 1, ord(kind)) + b"\x1a" * size


def frames(buf):
    out = []
    while len(buf) >= 5:
        n, kind = struct.unpack(">IB", buf[:5])
        if len(buf) < 4 + n:
            break
        out.append((chr(kind), buf[5:4 + n]))
        buf = buf[4 + n:]
    return out, buf


def stream_server(c, peer, buf, name):
    """Server side of a long connection: answers each request, pushes events when subscribed."""
    r = rnd(f"stream/{name}/{peer}")
    push = None
    resp = (80, 600)
    push_size = (200, 1200)
    next_push = float("inf")
    while True:
        now = time.time()
        c.settimeout(max(0.02, min(1.0, next_push - now)))
        try:
            d = c.recv(65536)
            if not d:
                return
            buf += d
        except TimeoutError:
            pass
        got, buf = frames(buf)
        for kind, payload in got:
            if kind == "W":
                spec = json.loads(payload.rstrip(b"\x1a") or b"{}")
                push = spec.get("push")
                resp = spec.get("resp", resp)
                push_size = spec.get("push_size", push_size)
                if push:
                    next_push = time.time() + r.uniform(*push)
            elif kind == "Q":
                c.sendall(frame("R", r.randint(*resp)))
        if push and time.time() >= next_push:
            c.sendall(frame("E", r.randint(*push_size)))
            next_push = time.time() + r.uniform(*push)


def stream_client(name, host, port, req=None, req_size=(120, 500), resp=(80, 600), push=None,
                  push_size=(200, 1200), keepalive=None, start=None):
    """Client side of a long connection (kubelet, controllers, apiserver->etcd): a request every
    req seconds, reading responses and pushed events as they come. Kept open after END."""
    r = rnd("client/" + name)
    if start:
        nap(start - time.time())
    for _ in range(60):
        try:
            s = connect(host, port, 10, keepalive=keepalive)
            break
        except ConnectionRefusedError:
            time.sleep(1)  # started before its server (during the warm-up, not captured)
    c = client_tls().wrap_socket(s)
    KEEP.append(c)
    spec = json.dumps({"who": name, "push": push, "resp": resp, "push_size": push_size}).encode()
    c.sendall(struct.pack(">IB", len(spec) + 1, ord("W")) + spec)
    next_req = time.time() + r.uniform(*req) if req else float("inf")
    buf = b""
    while alive():
        c.settimeout(max(0.02, min(1.0, next_req - time.time(), END - time.time())))
        try:
            d = c.recv(65536)
            if not d:
                log(name, "closed by server")
                return
            buf += d
        except TimeoutError:
            pass
        _, buf = frames(buf)
        if time.time() >= next_req:
            c.sendall(frame("Q", r.randint(*req_size)))
            next_req = time.time() + r.uniform(*req)


# ---- DNS ------------------------------------------------------------------------------------
def dns_name(name):
    return b"".join(bytes([len(p)]) + p.encode() for p in name.rstrip(".").split(".") if p) + b"\x00"


def dns_parse(q):
    qid, flags, _qd, _an, _ns, ar = struct.unpack(">6H", q[:12])
    i, labels = 12, []
    while q[i]:
        labels.append(q[i + 1:i + 1 + q[i]].decode("ascii", "replace"))
        i += 1 + q[i]
    qtype, _qclass = struct.unpack(">HH", q[i + 1:i + 5])
    return {"id": qid, "flags": flags, "name": ".".join(labels).lower(), "qtype": qtype,
            "question": q[12:i + 5], "edns": ar > 0}


def dns_reply(q, rcode=0, answers=(), authority=(), aa=False):
    p = dns_parse(q)
    flags = 0x8000 | (p["flags"] & 0x7910) | (0x0400 if aa else 0) | 0x0080 | rcode
    opt = b"\x00" + struct.pack(">HHIH", 41, 1232, 0, 0) if p["edns"] else b""
    return (struct.pack(">6H", p["id"], flags, 1, len(answers), len(authority), 1 if opt else 0)
            + p["question"] + b"".join(answers) + b"".join(authority) + opt)


def rr_a(ttl, ip):
    return b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, ttl, 4) + socket.inet_aton(ip)


def rr_soa(zone, ttl, minimum):
    rdata = (dns_name("ns.dns." + zone) + dns_name("hostmaster." + zone)
             + struct.pack(">5I", 1718000000, 7200, 1800, 86400, minimum))
    return dns_name(zone) + struct.pack(">HHIH", 6, 1, ttl, len(rdata)) + rdata


def dns_zone_answer(q, zone, records, ttl, soa_min):
    """Authoritative answer from records {name: ipv4}: A, NODATA, or NXDOMAIN."""
    p = dns_parse(q)
    ip = records.get(p["name"])
    if ip is None:
        return dns_reply(q, 3, authority=[rr_soa(zone, soa_min, soa_min)], aa=True)
    if p["qtype"] == 1:
        return dns_reply(q, 0, answers=[rr_a(ttl, ip)], aa=True)
    return dns_reply(q, 0, authority=[rr_soa(zone, soa_min, soa_min)], aa=True)


def udp_server(addr, port, answer):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((addr, port))

    def loop():
        while True:
            q, peer = s.recvfrom(4096)
            try:
                a = answer(q, peer)
            except Exception as e:  # noqa: BLE001
                log("udp", port, repr(e))
                continue
            if a is not None:
                s.sendto(a, peer)

    thread(loop)
    return s


def resolve(name, port=80, family=socket.AF_UNSPEC):
    """getaddrinfo the way an application does it (glibc: A and AAAA in parallel); the first
    IPv4 address."""
    infos = socket.getaddrinfo(name, port, family, socket.SOCK_STREAM)
    for fam, _, _, _, sa in infos:
        if fam == socket.AF_INET:
            return sa[0]
    raise OSError(f"no IPv4 address for {name}")


# ---- Roles: the node's control plane ----------------------------------------------------------
def role_etcd():
    # Client port (TLS, gRPC-like streams from the apiserver) and the metrics/health port.
    serve("127.0.0.1", 2379, lambda c, peer: stream_server(c, peer, b"", "etcd"), tls=True)
    r = rnd("etcd-metrics")

    def route(method, path, hdrs, body, peer):
        if path.startswith("/health"):
            return "200 OK", "text/plain", b'{"health":"true","reason":""}'
        return "200 OK", "text/plain; version=0.0.4", metrics_text(r, r.uniform(0.5, 1.0))

    serve("127.0.0.1", 2381, http_handler(route))
    idle_until_killed()


def role_apiserver():
    def handle(c, peer):
        buf = b""
        while len(buf) < 4:
            d = c.recv(65536)
            if not d:
                return
            buf += d
        if buf[:4] in (b"GET ", b"HEAD"):
            # The kubelet's static-pod probes: /livez, /readyz over HTTPS.
            http_handler(lambda m, p, h, b, pe: ("200 OK", "text/plain; charset=utf-8", b"ok"))(c, peer, buf)
        else:
            stream_server(c, peer, buf, "apiserver")

    serve("0.0.0.0", 6443, handle, tls=True)
    # Its own etcd client: one stream of small KV requests (leases, ranges, txns), one watch.
    thread(stream_client, "apiserver-etcd-kv", "127.0.0.1", 2379, (0.25, 1.0), (40, 160), (30, 220))
    thread(stream_client, "apiserver-etcd-watch", "127.0.0.1", 2379, None, (60, 200), (40, 400),
           (1.0, 4.0), (100, 500))
    idle_until_killed()


def apiserver_client(name, req, push, resp=(100, 600), push_size=(150, 700)):
    thread(stream_client, name, "127.0.0.1", 6443, req, (120, 400), resp, push, push_size)


def healthz_route(m, p, h, b, pe):
    return "200 OK", "text/plain; charset=utf-8", b"ok"


def role_controller_manager():
    serve("127.0.0.1", 10257, http_handler(healthz_route), tls=True)
    apiserver_client("kube-controller-manager", (3.0, 6.0), (4.0, 9.0))
    idle_until_killed()


def role_scheduler():
    serve("127.0.0.1", 10259, http_handler(healthz_route), tls=True)
    apiserver_client("kube-scheduler", (5.0, 10.0), (5.0, 10.0))
    idle_until_killed()


def role_kube_proxy():
    r = rnd("kube-proxy-metrics")
    serve("127.0.0.1", 10249, http_handler(
        lambda m, p, h, b, pe: ("200 OK", "text/plain; version=0.0.4", metrics_text(r, r.uniform(0.5, 1.0)))))
    serve("0.0.0.0", 10256, http_handler(healthz_route))
    apiserver_client("kube-proxy", (20.0, 40.0), (6.0, 14.0))
    idle_until_killed()


def role_flannel():
    apiserver_client("flanneld", (20.0, 40.0), (6.0, 15.0))
    idle_until_killed()


def role_kubelet():
    serve("127.0.0.1", 10248, http_handler(healthz_route))
    apiserver_client("kubelet", (5.0, 10.0), (5.0, 12.0), resp=(200, 1000))
    node_ip = CFG["node1_ip"]
    # HTTP probes (readiness every 1.5-2 s, a new connection each time; liveness every 10 s).
    # A probe worker ticks at its periodSeconds; a little jitter here.
    http_probes = [
        ("web", P["web"], 8080, "/healthz", 1.9, 2.1),
        ("backend", P["backend"], 8080, "/readyz", 1.4, 1.6),
        ("coredns-ready", P["coredns"], 8181, "/ready", 1.9, 2.1),
        ("coredns-live", P["coredns"], 8080, "/health", 9.5, 10.5),
    ]
    for name, ip, port, path, lo, hi in http_probes:
        every(f"probe/{name}", lo, hi, lambda r, ip=ip, port=port, path=path: http_once(ip, port, path, linger=True))
    # tcpSocket probes: connect, close.
    for name, ip, port, lo, hi in [("backend-redis", P["backend"], 6379, 3.0, 5.0),
                                   ("web-live", P["web"], 8080, 4.0, 6.0),
                                   ("client", P["client"], 8080, 4.0, 6.0)]:
        every(f"tcpprobe/{name}", lo, hi, lambda r, ip=ip, port=port: tcp_probe(ip, port))
    # Static pods of the control plane (kubeadm-style probes on the host network).
    every("probe/kcm", 9.5, 10.5, lambda r: http_once("127.0.0.1", 10257, "/healthz", tls=True, linger=True))
    every("probe/sched", 9.5, 10.5, lambda r: http_once("127.0.0.1", 10259, "/healthz", tls=True, linger=True))
    every("probe/etcd", 9.5, 10.5, lambda r: http_once("127.0.0.1", 2381, "/health?exclude=NOSPACE&serializable=true",
                                                      linger=True))
    every("probe/apiserver-livez", 9.5, 10.5, lambda r: http_once(node_ip, 6443, "/livez", tls=True, linger=True))
    every("probe/apiserver-readyz", 9.5, 10.5, lambda r: http_once(node_ip, 6443, "/readyz", tls=True, linger=True))
    idle_until_killed()


def role_supervisor():
    # k3s/RKE2's supervisor watching the kubelet it runs.
    every("supervisor/kubelet-healthz", 5.0, 8.0, lambda r: http_once("127.0.0.1", 10248, "/healthz",
                                                                        agent="k3s-supervisor"))
    idle_until_killed()


# ---- Roles: other node processes ------------------------------------------------------------
def role_node_agent():
    """A monitoring agent on the host network (vmagent/otel-collector-like)."""
    # Local-only exporters addressed as "localhost": getaddrinfo gives ::1 first, nothing
    # listens there (the exporters bind 127.0.0.1), the kernel resets, the agent connects to
    # 127.0.0.1 at once.
    every("agent/kube-proxy", 4.0, 6.0, lambda r: http_once("localhost", 10249, "/metrics", agent="vmagent"))
    every("agent/etcd", 6.0, 9.0, lambda r: http_once("localhost", 2381, "/metrics", agent="vmagent"))
    # Pods' metrics every 10 s, by pod IP.
    for pod in ("client", "web", "backend", "coredns"):
        every(f"agent/pod-{pod}", 9.8, 10.2, lambda r, ip=P[pod]: http_once(ip, 9100, "/metrics", agent="vmagent"))
    # The peer node's node-exporter, by name (a dnsmasq --address entry).
    # The peer node's node-exporter, by name: a dnsmasq --address entry, asked for IPv4 only
    # (the agent is configured for IPv4; dnsmasq would forward an AAAA question upstream).
    every("agent/node2", 14.0, 16.0, lambda r: http_once(resolve(CFG["node2_name"], 9101, socket.AF_INET), 9101,
                                                         "/metrics", agent="vmagent"))

    # Remote write to the outside, by name (upstream resolver, through the stub).
    def push(r):
        ip = resolve(N["api"])
        http_once(ip, 80, "/api/v1/push", method="POST", body=b"\x0a" * r.randint(800, 2400), agent="vmagent")

    every("agent/push", 15.0, 20.0, push)
    idle_until_killed()


def role_node_exporter():
    """hostNetwork pod: node-exporter on 0.0.0.0:9101."""
    serve("0.0.0.0", 9101, http_handler(app_route("node-exporter")))
    idle_until_killed()


def role_ingress():
    """hostNetwork pod (ingress controller): a keep-alive upstream connection to a pod, and a
    Service called by name from the host network (stub resolver -> CoreDNS)."""
    thread(keepalive_loop, "ingress/upstream", P["web"], 8080, (3.0, 6.0), (40, 80), ["/", "/api/items", "/api/users"],
           "ingress-nginx")

    def svc(r):
        ip = resolve(CFG["svc_fqdn"]["api"])
        http_once(ip, 80, "/api/status", agent="ingress-nginx")

    every("ingress/svc", 8.0, 12.0, svc)
    idle_until_killed()


def role_containerd():
    """Image pulls over HTTPS from the outside registry, by name through the stub resolver."""
    r = rnd("containerd")
    name = N["registry"]
    repo = "/v2/library/app"

    def pull(k, size):
        k.request(f"{repo}/manifests/1.{r.randrange(10)}", "HEAD")
        k.request(f"{repo}/manifests/1.{r.randrange(10)}")
        k.request(f"{repo}/blobs/sha256:{r.getrandbits(256):064x}?size={size}")

    def main():
        # A long connection made before the capture: manifest checks now and then.
        k1 = KeepAlive(resolve(name, 443), 443, tls=True, agent="containerd/1.7")
        KEEP.append(k1.s)
        k1.request("/v2/")
        bulk_at = at_fraction(r.uniform(0.2, 0.3))
        small_at = at_fraction(r.uniform(0.65, 0.75))
        k2 = None
        k2_close = None
        while alive():
            now = time.time()
            if bulk_at and now >= bulk_at:
                # A new connection for a layer of a few hundred KB, closed when done.
                k2 = KeepAlive(resolve(name, 443), 443, tls=True, agent="containerd/1.7")
                k2.request("/v2/")
                pull(k2, r.randint(150, 200) * 1024)
                k2_close = time.time() + r.uniform(8, 15)
                bulk_at = None
            if k2 and time.time() >= k2_close:
                k2.close()
                k2 = None
            if small_at and now >= small_at:
                pull(k1, r.randint(30, 50) * 1024)
                small_at = None
            k1.request(f"{repo}/manifests/1.{r.randrange(10)}", "HEAD")
            nap(r.uniform(12, 25))

    main()
    idle_until_killed()


def ntp_ts(t):
    t += 2208988800
    return struct.pack("!II", int(t), int((t % 1) * 2 ** 32))


def role_chronyd():
    r = rnd("chronyd")
    ip = resolve(N["ntp"], 123)
    n = 0
    while alive():
        if n and n % 4 == 0:
            ip = resolve(N["ntp"], 123)
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.settimeout(2)
        pkt = struct.pack("!BBbb", 0x23, 0, 6, -24) + b"\x00" * 12 + b"\x00" * 24 + ntp_ts(time.time())
        s.sendto(pkt, (ip, 123))
        try:
            s.recvfrom(512)
        except TimeoutError:
            log("chronyd: no answer")
        s.close()
        n += 1
        nap(r.uniform(14, 22))
    idle_until_killed()


def role_refuse():
    """Once: a CLI checks a local debug port before its server has started. The kernel answers
    127.0.0.1:9999 with a reset (healthy: nothing listens there, and it is not retried)."""
    try:
        connect("127.0.0.1", 9999, 2).close()
        log("refuse: connected?")
    except ConnectionRefusedError:
        log("refuse: connection refused, as expected")


# ---- Roles: pods ----------------------------------------------------------------------------
def pod_servers(pod, extra_tcp=()):
    serve("0.0.0.0", 8080, http_handler(app_route(pod)))
    serve("0.0.0.0", 9100, http_handler(app_route(pod)))
    for port in extra_tcp:
        # A plain TCP service (redis-like) that the kubelet only probes: reads until the
        # client closes, then closes.
        serve("0.0.0.0", port, lambda c, peer: [None for _ in iter(lambda: c.recv(4096), b"")])


def svc_get(name, path, agent):
    ip = resolve(name, 80)
    http_once(ip, 80, path, agent=agent)


def role_pod_client():
    pod_servers("client")
    ua = "python-requests/2.31"
    # Pod to pod on the bridge, a request every second on a pooled keep-alive connection that
    # the client replaces every 20-40 s.
    thread(keepalive_loop, "client/web-pod", P["web"], 8080, (0.9, 1.1), (20, 40), ["/", "/api/items"], ua)
    # Pod to Service: on this node, and on the other node across VXLAN. Names via kube-dns.
    every("client/web-svc", 5.0, 8.0, lambda r: svc_get("web", "/", ua))
    every("client/api-svc", 5.0, 8.0, lambda r: svc_get("api", "/api/items", ua))
    # A hostNetwork pod on this node, through the node's address.
    every("client/node-exporter", 8.0, 12.0, lambda r: http_once(CFG["node1_ip"], 9101, "/metrics", agent=ua))
    # The outside, by name: the search list first (NXDOMAINs), then the name itself;
    # masqueraded on the way out.
    every("client/outside", 15.0, 25.0, lambda r: svc_get(N["api"], "/v1/hooks", ua))
    idle_until_killed()


def role_pod_web():
    pod_servers("web")
    idle_until_killed()


def role_pod_backend():
    pod_servers("backend", extra_tcp=(6379,))
    every("backend/api-svc", 6.0, 10.0, lambda r: svc_get("api", "/api/users", "okhttp/4.12"))
    idle_until_killed()


def role_pod_server():
    """A pod on the second node: the api Service's backend; it also calls the web Service
    (on node1, across VXLAN) by name through kube-dns (also on node1)."""
    pod_servers("api")
    every("server/web-svc", 6.0, 10.0, lambda r: svc_get("web", "/", "Go-http-client/1.1"))
    idle_until_killed()


def role_pod_coredns():
    pod_servers("coredns")  # :9100 metrics sidecar-style, :8080 /health
    serve("0.0.0.0", 8181, http_handler(app_route("coredns")))  # /ready
    zone = CFG["cluster_domain"]
    records = {f"{k}.{ns}.svc.{zone}": S[k] for k, ns in
               (("kubernetes", "default"), ("web", "default"), ("api", "default"))}
    records[f"kube-dns.kube-system.svc.{zone}"] = S["dns"]
    cache = {}
    lock = threading.Lock()
    upstream = O["dns"]

    def forward(q, peer, sock):
        p = dns_parse(q)
        key = (p["name"], p["qtype"], p["edns"])
        with lock:
            hit = cache.get(key)
        if hit and hit[0] > time.time():
            sock.sendto(q[:2] + hit[1][2:], peer)
            return
        u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        u.settimeout(2)
        qid = random.randrange(65536)
        u.sendto(struct.pack(">H", qid) + q[2:], (upstream, 53))
        try:
            a, _ = u.recvfrom(4096)
        except TimeoutError:
            log("coredns: upstream timeout", p["name"])
            return
        finally:
            u.close()
        with lock:
            cache[key] = (time.time() + 30, a)
        sock.sendto(q[:2] + a[2:], peer)

    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("0.0.0.0", 53))
    KEEP.append(listen("0.0.0.0", 53))  # DNS over TCP is open too (nobody needs it here)

    def loop():
        while True:
            q, peer = sock.recvfrom(4096)
            try:
                p = dns_parse(q)
                if p["name"] == zone or p["name"].endswith("." + zone):
                    sock.sendto(dns_zone_answer(q, zone, records, 5, 5), peer)
                else:
                    thread(forward, q, peer, sock)
            except Exception as e:  # noqa: BLE001
                log("coredns", repr(e))

    thread(loop)
    # CoreDNS watches Services and EndpointSlices through the kubernetes Service.
    thread(stream_client, "coredns-watch", S["kubernetes"], 443, (25.0, 40.0), (200, 500), (300, 1200),
           (4.0, 12.0), (300, 1200))
    idle_until_killed()


def role_job():
    """A short-lived Job pod: a few calls to Services by name, then it exits."""
    r = rnd("job")
    ua = "curl/8.5.0"
    done_by = at_fraction(0.55)  # well before the script deletes the pod (62-70 %)
    for _ in range(r.randint(4, 7)):
        if time.time() > done_by:
            break
        svc_get("web", "/", ua)
        nap(r.uniform(1.0, 2.5))
    if time.time() < done_by:
        svc_get("api", "/api/items", ua)
        nap(r.uniform(1, 2))
    if time.time() < done_by:
        svc_get(N["api"], "/v1/report", ua)
    log("job done")


# ---- Roles: the second node and the outside ---------------------------------------------------
def role_node2():
    """The k3s agent on node2: a watch connection to the server's apiserver that has been idle
    for a while, kept open with TCP keepalives every 15 s (Go's default); node-exporter."""
    serve("0.0.0.0", 9101, http_handler(app_route("node2-exporter")))
    thread(stream_client, "node2-agent-idle", CFG["node1_ip"], 6443, None, (100, 200), (100, 200), None,
           (100, 200), 15)
    idle_until_killed()


def role_outside():
    # A recursive resolver for the node's stub and CoreDNS.
    zone = CFG["outside_zone"]
    records = {N[k]: O[k] for k in ("registry", "ntp", "api")}
    # Bound to the service addresses: an unbound UDP socket would answer from the address of
    # the outgoing interface, not the one asked.
    udp_server(O["dns"], 53, lambda q, peer: dns_zone_answer(q, zone, records, 30, 60))

    # NTP server, stratum 2.
    def ntp(q, peer):
        if len(q) < 48:
            return None
        now = time.time()
        return (struct.pack("!BBbb", 0x24, 2, q[2], -23) + struct.pack("!II", 0x00000200, 0x00000400)
                + socket.inet_aton(O["dns"]) + ntp_ts(now - 40) + q[40:48] + ntp_ts(now) + ntp_ts(time.time()))

    udp_server(O["ntp"], 123, ntp)

    # The registry (HTTPS).
    def registry(method, path, hdrs, body, peer):
        if "/blobs/" in path:
            size = int(path.rsplit("size=", 1)[1]) if "size=" in path else 4096
            return "200 OK", "application/octet-stream", os.urandom(size)
        if "/manifests/" in path:
            m = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                            "layers": [{"digest": "sha256:" + "ab" * 32, "size": 123456}] * 6}).encode()
            return ("200 OK", "application/vnd.oci.image.manifest.v1+json", m,
                    "Docker-Content-Digest: sha256:" + "cd" * 32 + "\r\n")
        return "200 OK", "application/json", b"{}", "Docker-Distribution-API-Version: registry/2.0\r\n"

    serve("0.0.0.0", 443, http_handler(registry), tls=True)
    # An API on plain HTTP (webhooks, remote write).
    serve("0.0.0.0", 80, http_handler(lambda m, p, h, b, pe: ("200 OK", "application/json", b'{"status":"ok"}')))
    idle_until_killed()


ROLES = {k[5:].replace("_", "-"): v for k, v in globals().items() if k.startswith("role_")}

if __name__ == "__main__":
    role = sys.argv[1]
    log("start", role)
    ROLES[role]()
