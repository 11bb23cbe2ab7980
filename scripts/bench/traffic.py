#!/usr/bin/env python3
"""Real TCP traffic for the benchmark capture: many short connections plus bulk transfers.

usage: traffic.py server ADDR PORT
       traffic.py client ADDR PORT CONNECTIONS BULK_MB
The server answers each request line "N\\n" with N bytes. The client opens CONNECTIONS short
connections (4 KiB to 64 KiB answers) and BULK_MB of larger transfers, 16 at a time.
"""
import socket
import socketserver
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

CHUNK = b"x" * 65536


class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        line = b""
        while not line.endswith(b"\n"):
            data = self.request.recv(64)
            if not data:
                return
            line += data
        remaining = int(line)
        while remaining > 0:
            n = min(remaining, len(CHUNK))
            self.request.sendall(CHUNK[:n])
            remaining -= n


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True
    request_queue_size = 1024


def fetch(addr, port, size):
    with socket.create_connection((addr, port), timeout=30) as s:
        s.sendall(b"%d\n" % size)
        got = 0
        while got < size:
            data = s.recv(262144)
            if not data:
                break
            got += len(data)
    return got


def main():
    role, addr, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if role == "server":
        Server((addr, port), Handler).serve_forever()
        return
    connections, bulk_mb = int(sys.argv[4]), int(sys.argv[5])
    sizes = [4096 * (1 + i % 16) for i in range(connections)]
    sizes += [8 * 1024 * 1024] * max(0, bulk_mb // 8)
    total = 0
    with ThreadPoolExecutor(max_workers=16) as pool:
        for got in pool.map(lambda s: fetch(addr, port, s), sizes):
            total += got
    print(f"traffic.py: {len(sizes)} connections, {total / 1e6:.1f} MB received")


if __name__ == "__main__":
    main()
