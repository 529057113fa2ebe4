#!/usr/bin/python3
"""A client for remoteio's text protocol (the wait/nowait server's), standard library only.

It speaks the protocol as remoteio's own client does: one request per call, six tokens each
followed by a space -- ``<b|g> <pin> <command> <time_ms> <arg1> <arg2> `` -- and one reply per
request: ``!...`` accepted, ``?...`` refused. Like remoteio's client, a refusal raises
RuntimeError except ``? command ignored: <command>`` (a pin that was never created or is closed),
which is returned.

As a library::

    server = RemoteServer("192.168.1.38", 8510)
    pin = server.pin(7, "b")
    pin.on(time_ms=2000)
    pin.blink()
    server.close()

As a program it runs scenarios against a host and exits 0 when every check passes::

    remoteio_client.py --host 127.0.0.1 --port 8510 demo
    remoteio_client.py impulse --hold-ms 200    # on(2000), off() 200 ms later: wait vs nowait
    remoteio_client.py busy | closed | malformed | split

Host and port come from --host/--port, else REMOTEIO_HOST/REMOTEIO_PORT, else 127.0.0.1:8510 (a
RemoteIo host serves remoteio's protocol on 8510: 8509 is its native protocol's port).
"""

import argparse
import os
import socket
import sys
import time

DEFAULT_PORT = 8510
REPLY_SIZE = 1024


class RemoteServer:
    """One connection to a remoteio host: one session whose pins are soft-closed when it ends."""

    def __init__(self, host, port=DEFAULT_PORT, timeout=10.0):
        self._socket = socket.create_connection((host, port), timeout=timeout)
        self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def pin(self, number, numbering="b"):
        """Creates (claims) a pin; RuntimeError if the host refuses (busy, not a GPIO, duplicate)."""
        if numbering not in ("b", "g"):
            raise ValueError("numbering must be 'b' (board) or 'g' (GPIO)")
        return RemotePin(self, int(number), numbering)

    def send(self, numbering, number, command, time_ms=0, arg1=0.0, arg2=0.0):
        """Sends one request and returns the host's reply text."""
        request = "{} {} {} {} {} {} ".format(numbering, number, command, time_ms, arg1, arg2)
        self._socket.sendall(request.encode("utf-8"))
        return self.receive()

    def send_raw(self, text):
        """Sends bytes as they are (for malformed-input checks)."""
        self._socket.sendall(text.encode("utf-8"))

    def receive(self):
        """One reply (the protocol is strictly one reply per request, each sent in one piece)."""
        reply = self._socket.recv(REPLY_SIZE).decode("utf-8")
        if not reply:
            raise RuntimeError("the host closed the connection")
        return reply

    def close(self):
        """Ends the session: the host finishes what is queued, then releases the pins safely."""
        self._socket.close()


class RemotePin:
    """A pin on the host, as remoteio's remote_pin: on/off/blink/pulse/value/close with time_ms."""

    def __init__(self, server, number, numbering):
        self._server = server
        self.number = number
        self.numbering = numbering
        self.last_reply = None
        self._execute("create")

    def on(self, time_ms=0):
        """High; with time_ms, low again when it ends (an impulse)."""
        return self._execute("on", time_ms)

    def off(self, time_ms=0):
        """Low; with time_ms, the pin stays low and busy for that long."""
        return self._execute("off", time_ms)

    def blink(self, time_ms=0, on_time=1.0, off_time=1.0):
        """Toggles with on_time/off_time seconds; low when time_ms ends."""
        return self._execute("blink", time_ms, on_time, off_time)

    def pulse(self, time_ms=0, fade_in=0.0, fade_out=0.0):
        """Fades in and out (seconds; 0 means 1 s); low when time_ms ends."""
        return self._execute("pulse", time_ms, fade_in, fade_out)

    def value(self, time_ms=0, level=1.0):
        """PWM duty level in [0, 1]; low when time_ms ends."""
        return self._execute("value", time_ms, level)

    def close(self):
        """Soft close: after what is queued, safe state and release; later commands are ignored."""
        return self._execute("close")

    def _execute(self, command, time_ms=0, arg1=0.0, arg2=0.0):
        reply = self._server.send(self.numbering, self.number, command, time_ms, arg1, arg2)
        self.last_reply = reply
        if reply.startswith("?") and reply != "? command ignored: " + command:
            raise RuntimeError(reply)
        return reply


# --- scenarios (each returns normally when every check passed) -----------------------------------

from checks import check, hold, run  # noqa: E402  (the library above needs nothing but the standard library)

QUEUED = "! command on execution-queue"


def scenario_demo(args):
    """The seed's example: on 2000 ms, blink, pulse, value, off, close, then the session ends."""
    server = RemoteServer(args.host, args.port)
    pin = server.pin(args.pin, args.numbering)
    check(pin.last_reply == "!", "create answered '!'")
    check(pin.on(time_ms=2000) == QUEUED, "on(2000) queued")
    check(pin.blink() == QUEUED, "blink() queued")
    check(pin.blink(time_ms=1000, on_time=0.1, off_time=0.2) == QUEUED, "blink(1000, 0.1, 0.2) queued")
    check(pin.pulse() == QUEUED, "pulse() queued")
    check(pin.value(time_ms=500, level=0.25) == QUEUED, "value(500, 0.25) queued")
    check(pin.off() == QUEUED, "off() queued")
    check(pin.close() == QUEUED, "close() queued")
    server.close()


def scenario_impulse(args):
    """on(2000), then off() --hold-ms later: wait mode queues the off behind the whole impulse,
    nowait mode cuts the impulse short when the off arrives. The caller checks the pin's timeline."""
    server = RemoteServer(args.host, args.port)
    pin = server.pin(args.pin, args.numbering)
    check(pin.on(time_ms=2000) == QUEUED, "on(2000) queued")
    hold("step" if args.hold_ms < 0 else args.hold_ms / 1000.0)
    check(pin.off() == QUEUED, "off() queued after the hold")
    check(pin.close() == QUEUED, "close() queued")
    server.close()


def scenario_busy(args):
    """A pin created by one client is busy for another until the first leaves."""
    first = RemoteServer(args.host, args.port)
    first.pin(args.pin, args.numbering)
    second = RemoteServer(args.host, args.port)
    try:
        second.pin(args.pin, args.numbering)
        raise AssertionError("the second client created a pin the first one owns")
    except RuntimeError as refused:
        text = str(refused)
        check(text.startswith("? {} Led creation failure".format(args.pin)), "second create refused as remoteio does: " + text)
        check("busy" in text, "the refusal says the pin is busy")
    first.close()
    # The first session soft-closes on disconnect; retry until the host has released the pin.
    deadline = time.monotonic() + 10
    while True:
        try:
            pin = second.pin(args.pin, args.numbering)
            break
        except RuntimeError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    check(pin.last_reply == "!", "create succeeds once the owner has left")
    second.close()


def scenario_closed(args):
    """After close(), commands for the pin are ignored and the client is told so."""
    server = RemoteServer(args.host, args.port)
    pin = server.pin(args.pin, args.numbering)
    pin.close()
    check(pin.on() == "? command ignored: on", "on() after close() answered '? command ignored: on'")
    never_created = {"b": 11 if args.pin != 11 else 13, "g": 17 if args.pin != 17 else 27}[args.numbering]
    other = server.send(args.numbering, never_created, "off")
    check(other == "? command ignored: off", "a command for a pin never created is ignored")
    server.close()


def scenario_malformed(args):
    """A malformed request gets '? <reason>' and the connection lives on; nothing is evaluated."""
    server = RemoteServer(args.host, args.port)
    server.send_raw("q 7 on 0 0 0 ")
    reply = server.receive()
    check(reply.startswith("? malformed request: numbering"), "bad numbering refused: " + reply)
    server.send_raw("b 7 __import__('os').system('true') 0 0 0 ")
    reply = server.receive()
    check(reply.startswith("? unknown command"), "a Python expression is not a command: " + reply)
    pin = server.pin(args.pin, args.numbering)
    check(pin.last_reply == "!", "the connection still works")
    server.close()


def scenario_split(args):
    """A request sent a byte at a time, and two requests in one send, are answered in order."""
    server = RemoteServer(args.host, args.port)
    for ch in "{} {} create 0 0.0 0.0 ".format(args.numbering, args.pin):
        server.send_raw(ch)
    check(server.receive() == "!", "a request split into single bytes is answered once")
    server.send_raw("{0} {1} on 0 0 0 {0} {1} off 0 0 0 ".format(args.numbering, args.pin))
    replies = ""
    while len(replies) < 2 * len(QUEUED):
        replies += server.receive()
    check(replies == QUEUED + QUEUED, "two requests in one send get two replies")
    server.close()


SCENARIOS = {
    "demo": scenario_demo,
    "impulse": scenario_impulse,
    "busy": scenario_busy,
    "closed": scenario_closed,
    "malformed": scenario_malformed,
    "split": scenario_split,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    parser.add_argument("--host", default=os.environ.get("REMOTEIO_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("REMOTEIO_PORT", DEFAULT_PORT)))
    parser.add_argument("--pin", type=int, default=7)
    parser.add_argument("--numbering", choices=("b", "g"), default="b")
    parser.add_argument("--hold-ms", type=int, default=200, help="impulse: how long after on(2000) the off() is sent; -1: print HOLD and wait for a line on stdin")
    args = parser.parse_args()
    return run(SCENARIOS, args, (AssertionError, RuntimeError, OSError))


if __name__ == "__main__":
    sys.exit(main())
