#!/usr/bin/python3
"""Round-trip latency of a pigpio or remoteio endpoint as a Python client sees it (standard library only).

    latency.py pigpio --host HOST --port 8888 [--count 20000] [--gpio 17]
    latency.py remoteio --host HOST --port 8510 [--count 20000] [--pin 7]

pigpio: alternating WRITE 1 / WRITE 0 requests on one connection, each waiting for its reply, packed
as pigpio.py packs them. remoteio: alternating `on`/`off` requests for a created pin. Prints the
median, 99th percentile and maximum round trip in microseconds, after a warm-up of 1000 requests.
This is a measurement tool, not a test: it always exits 0 once the run completes.
"""

import argparse
import socket
import struct
import time

WARMUP = 1000


def pigpio_round_trips(args):
    sock = socket.create_connection((args.host, args.port))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    requests = [struct.pack("IIII", 4, args.gpio, level, 0) for level in (1, 0)]
    samples = []
    for i in range(WARMUP + args.count):
        start = time.perf_counter_ns()
        sock.sendall(requests[i & 1])
        reply = b""
        while len(reply) < 16:
            reply += sock.recv(16 - len(reply))
        elapsed = time.perf_counter_ns() - start
        if struct.unpack("12si", reply)[1] != 0:
            raise SystemExit("WRITE failed: {}".format(struct.unpack("12si", reply)[1]))
        if i >= WARMUP:
            samples.append(elapsed)
    sock.close()
    return samples


def remoteio_round_trips(args):
    sock = socket.create_connection((args.host, args.port))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.sendall("b {} create 0 0 0 ".format(args.pin).encode())
    if sock.recv(1024) != b"!":
        raise SystemExit("create refused")
    requests = ["b {} {} 0 0 0 ".format(args.pin, command).encode() for command in ("on", "off")]
    expected = b"! command on execution-queue"
    samples = []
    for i in range(WARMUP + args.count):
        start = time.perf_counter_ns()
        sock.sendall(requests[i & 1])
        reply = b""
        while len(reply) < len(expected):
            reply += sock.recv(len(expected) - len(reply))
        elapsed = time.perf_counter_ns() - start
        if reply != expected:
            raise SystemExit("unexpected reply: {!r}".format(reply))
        if i >= WARMUP:
            samples.append(elapsed)
    sock.close()
    return samples


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("protocol", choices=("pigpio", "remoteio"))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--gpio", type=int, default=17)
    parser.add_argument("--pin", type=int, default=7)
    args = parser.parse_args()
    measured = pigpio_round_trips(args) if args.protocol == "pigpio" else remoteio_round_trips(args)
    samples = sorted(measured)
    pick = lambda q: samples[min(len(samples) - 1, int(q * len(samples)))] / 1000.0
    print("{} round trips: {}  median {:.1f} µs  p99 {:.1f} µs  p99.9 {:.1f} µs  max {:.1f} µs".format(
        args.protocol, len(samples), pick(0.5), pick(0.99), pick(0.999), samples[-1] / 1000.0))
    slowest = sorted(range(len(measured)), key=lambda i: measured[i])[-3:]
    print("slowest: " + ", ".join("#{} {:.1f} µs".format(i, measured[i] / 1000.0) for i in reversed(slowest)))


if __name__ == "__main__":
    main()
