#!/usr/bin/env python3
"""Throughput and latency of `rulebook serve` on the shipped example: POST /v1/check of
examples/march-2026.yaml and POST /v1/what-if of the same month with one leave request, with 1 and
with 8 concurrent clients. Not a test: it prints a table.

usage: bench/serve_bench.py RULEBOOK [--seconds S] [--threads N] [--clients 1,8]
       (RULEBOOK: the command, built in Release; run from the source tree or give --source DIR)

Each client is a process of its own (no GIL between them) with one kept-alive connection, asking
as fast as answers come. Latency is measured by the client, from sending to the last byte of the
answer. The service and the clients share the machine: on a small one, the clients' CPU is taken
from the service.
"""
import argparse
import http.client
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile
import time


def client(port, path, body, seconds, out):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Content-Type": "application/yaml"}

    def ask():
        for attempt in range(3):
            try:
                conn.request("POST", path, body=body, headers=headers)
                r = conn.getresponse()
                data = r.read()
                if r.status != 200:
                    raise RuntimeError(f"{path}: HTTP {r.status}: {data[:200]!r}")
                return
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                conn.close()  # the service closes a kept-alive connection after a few requests
                if attempt == 2:
                    raise

    for _ in range(20):  # warm-up
        ask()
    latencies = []
    end = time.perf_counter() + seconds
    while True:
        start = time.perf_counter()
        if start >= end:
            break
        ask()
        latencies.append(time.perf_counter() - start)
    conn.close()
    out.put(latencies)


def run(port, path, body, clients, seconds):
    out = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=client, args=(port, path, body, seconds, out)) for _ in range(clients)]
    for p in procs:
        p.start()
    latencies = []
    for _ in procs:
        latencies += out.get(timeout=seconds + 120)
    for p in procs:
        p.join()
    latencies.sort()

    def pct(q):
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000

    return len(latencies) / seconds, pct(0.50), pct(0.99)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rulebook")
    ap.add_argument("--source", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    ap.add_argument("--seconds", type=float, default=5.0, help="how long each row runs")
    ap.add_argument("--threads", type=int, default=0, help="the service's --threads (default: its own default)")
    ap.add_argument("--clients", default="1,8", help="numbers of concurrent clients, comma-separated")
    args = ap.parse_args()

    policy = os.path.join(args.source, "policies", "customer-service.yaml")
    month = open(os.path.join(args.source, "examples", "march-2026.yaml"), "rb").read()
    indented = b"".join(b"  " + l if l.strip() else l for l in month.splitlines(True))
    what_if = (b"case:\n" + indented + b"request:\n  id: Q1\n  type: leave\n  kind: personal\n  employee: E001\n"
               b"  submitted_by: E001\n  submitted_at: 2026-03-01T09:00\n  shifts: [S104]\n")

    log = tempfile.NamedTemporaryFile(prefix="rulebook-serve-bench-", suffix=".log", delete=False)
    cmd = [args.rulebook, "serve", "--policy", policy, "--port", "0"]
    if args.threads:
        cmd += ["--threads", str(args.threads)]
    server = subprocess.Popen(cmd, stderr=log, stdout=subprocess.DEVNULL)
    try:
        port = None
        deadline = time.time() + 30
        while port is None and time.time() < deadline and server.poll() is None:
            with open(log.name, encoding="utf-8", errors="replace") as f:
                m = re.search(r"listening on http://127\.0\.0\.1:(\d+)", f.read())
            port = int(m.group(1)) if m else None
            time.sleep(0.05)
        if port is None:
            sys.exit("the service did not start: " + open(log.name).read())
        with open(log.name) as f:
            threads = re.search(r"(\d+) threads", f.read())
        print(f"rulebook serve, {threads.group(1) if threads else '?'} threads, {os.cpu_count()} cores; "
              f"{args.seconds:g} s a row; latency as the client sees it")
        print(f"{'endpoint':<14} {'body':>8} {'clients':>7} {'requests/s':>11} {'p50 ms':>8} {'p99 ms':>8}")
        for path, body in (("/v1/check", month), ("/v1/what-if", what_if)):
            for clients in (int(c) for c in args.clients.split(",")):
                rate, p50, p99 = run(port, path, body, clients, args.seconds)
                print(f"{path:<14} {len(body) // 1024:>6} K {clients:>7} {rate:>11.0f} {p50:>8.2f} {p99:>8.2f}",
                      flush=True)
    finally:
        server.terminate()
        server.wait(60)
        os.unlink(log.name)


if __name__ == "__main__":
    main()
