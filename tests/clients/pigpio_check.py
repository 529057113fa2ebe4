#!/usr/bin/python3
"""Checks a pigpio endpoint with the real pigpio Python module (Debian: python3-pigpio).

Each scenario drives the endpoint exactly as a pigpio program would and exits 0 when every check
passed (printing "OK ..." per check and "PASS <scenario>"), 1 otherwise ("FAIL ..."). The same
script runs against the in-memory test board and against a real RemoteIo host.

    pigpio_check.py --host 127.0.0.1 --port 8888 basics
    pigpio_check.py callback --input 4            # prints READY, then the edges must be driven
    pigpio_check.py callback --input 4 --drive 20 # drives them itself via GPIO 20 wired to 4
    pigpio_check.py in-use --output 17

Host and port come from --host/--port, else PIGPIO_ADDR/PIGPIO_PORT, else localhost:8888.
"""

import argparse
import os
import sys
import time

try:
    import pigpio
except ImportError:
    print("FAIL: the pigpio module is missing; install it with: apt-get install -y python3-pigpio", flush=True)
    sys.exit(2)

from checks import check, hold, run

PATIENCE = 10.0


def expect_error(call, code, text):
    """The call must raise pigpio.error with pigpio's text for `code` (exceptions on)."""
    try:
        call()
    except pigpio.error as error:
        check(error.value == text, "error {} raised as pigpio.error('{}')".format(code, text))
        return
    raise AssertionError("expected pigpio.error('{}')".format(text))


def wait_until(condition, what):
    deadline = time.monotonic() + PATIENCE
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for " + what)
        time.sleep(0.01)


def connect(args):
    pi = pigpio.pi(args.host, args.port, show_errors=False)
    if not pi.connected:
        raise AssertionError("cannot connect to {}:{}".format(args.host, args.port))
    return pi


def scenario_basics(args):
    """read, write, set_mode, set_pull_up_down, PWM duty/range/frequency, servo, errors."""
    pi = connect(args)
    out, inp = args.output, args.input
    try:
        check(pi.get_pigpio_version() == 79, "get_pigpio_version() is 79")
        check(pi.get_hardware_revision() > 0, "get_hardware_revision() is {:#x}".format(pi.get_hardware_revision()))
        tick = pi.get_current_tick()
        check(isinstance(tick, int), "get_current_tick() is {}".format(tick))

        pi.set_mode(out, pigpio.OUTPUT)
        check(pi.get_mode(out) == pigpio.OUTPUT, "set_mode(OUTPUT) then get_mode()")
        pi.write(out, 1)
        check(pi.read(out) == 1, "write(1) then read() is 1")
        pi.write(out, 0)
        check(pi.read(out) == 0, "write(0) then read() is 0")

        pi.set_mode(inp, pigpio.INPUT)
        pi.set_pull_up_down(inp, pigpio.PUD_UP)
        check(pi.get_mode(inp) == pigpio.INPUT, "input mode set")
        check(pi.read(inp) == 1, "an undriven input with pull-up reads 1")
        pi.set_pull_up_down(inp, pigpio.PUD_DOWN)
        check(pi.read(inp) == 0, "an undriven input with pull-down reads 0")

        check(pi.set_PWM_frequency(out, 75) == 80, "set_PWM_frequency(75) returns the chosen 80")
        check(pi.set_PWM_frequency(out, 100) == 100, "set_PWM_frequency(100) returns 100")
        check(pi.get_PWM_frequency(out) == 100, "get_PWM_frequency() is 100")
        check(pi.set_PWM_range(out, 1000) == 2000, "set_PWM_range(1000) returns the real range 2000")
        check(pi.get_PWM_range(out) == 1000, "get_PWM_range() is 1000")
        check(pi.get_PWM_real_range(out) == 2000, "get_PWM_real_range() is 2000")
        pi.set_PWM_dutycycle(out, 250)
        check(pi.get_PWM_dutycycle(out) == 250, "set_PWM_dutycycle(250) then get_PWM_dutycycle()")
        hold(args.hold)

        pi.set_servo_pulsewidth(out, 1500)
        check(pi.get_servo_pulsewidth(out) == 1500, "set_servo_pulsewidth(1500) then get_servo_pulsewidth()")
        hold(args.hold)
        pi.set_servo_pulsewidth(out, 0)
        pi.write(out, 0)

        expect_error(lambda: pi.write(60, 1), -3, "GPIO not 0-53")
        expect_error(lambda: pi.set_mode(out, 8), -4, "mode not 0-7")
        expect_error(lambda: pi.get_PWM_dutycycle(out), -92, "GPIO is not in use for PWM")
        expect_error(lambda: pi.set_servo_pulsewidth(out, 3000), -7, "pulsewidth not 0 or 500-2500")
        expect_error(lambda: pi.i2c_open(1, 0x20), -88, "unknown command")

        pigpio.exceptions = False
        try:
            check(pi.write(60, 1) == pigpio.PI_BAD_GPIO, "write(60) returns PI_BAD_GPIO (-3) with exceptions off")
            check(pi.i2c_open(1, 0x20) == pigpio.PI_UNKNOWN_COMMAND, "i2c_open returns PI_UNKNOWN_COMMAND (-88)")
            raw = pigpio._pigpio_command(pi.sl, 200, 1, 2)
            check(pigpio.u2i(raw) == -88, "command number 200 returns -88 and the connection lives on")
            check(pi.get_pigpio_version() == 79, "the connection still works")
        finally:
            pigpio.exceptions = True
    finally:
        pi.stop()


def scenario_callback(args):
    """callback() with rising/falling edges on an input; edges come from outside or from --drive."""
    pi = connect(args)
    inp = args.input
    try:
        # No pull change here: pigpio.py diffs each report against the levels it read (BR1) when it
        # connected, so a level change before the callback exists would hide the first edge (pigpiod
        # behaves the same). Use an input that idles low (GPIO 9-27 are pulled down at power-on).
        pi.set_mode(inp, pigpio.INPUT)
        edges = []
        either = pi.callback(inp, pigpio.EITHER_EDGE, lambda gpio, level, tick: edges.append((gpio, level, tick)))
        rising = pi.callback(inp, pigpio.RISING_EDGE)
        falling = pi.callback(inp, pigpio.FALLING_EDGE)
        if args.drive is None:
            print("READY", flush=True)
        else:
            pi.set_mode(args.drive, pigpio.OUTPUT)
            pi.write(args.drive, 1)
            hold(args.hold)
            pi.write(args.drive, 0)
        try:
            wait_until(lambda: len(edges) >= 2, "a rising and a falling edge")
        except AssertionError as error:
            raise AssertionError("{} (saw {})".format(error, edges))
        check(edges[0][:2] == (inp, 1), "first edge is rising on GPIO {}".format(inp))
        check(edges[1][:2] == (inp, 0), "second edge is falling on GPIO {}".format(inp))
        check(pigpio.tickDiff(edges[0][2], edges[1][2]) > 0, "the falling edge's tick is later")
        wait_until(lambda: rising.tally() == 1 and falling.tally() == 1, "the edge-specific tallies")
        check(True, "RISING_EDGE and FALLING_EDGE callbacks each saw one edge")
        either.cancel()
        rising.cancel()
        falling.cancel()
        print("EDGES", " ".join("{}:{}".format(level, tick) for _, level, tick in edges), flush=True)
    finally:
        pi.stop()


def scenario_in_use(args):
    """Two clients driving one output: the second gets PI_GPIO_IN_USE until the first leaves."""
    first = connect(args)
    second = connect(args)
    try:
        first.write(args.output, 1)
        expect_error(lambda: second.write(args.output, 0), -50, "GPIO already in use")
        check(second.read(args.output) == 1, "the pin kept the first client's level")
        first.stop()
        wait_until(lambda: _write_ok(second, args.output), "the pin to be released")
        check(True, "the second client drives the pin once the first has left")
    finally:
        second.stop()


def _write_ok(pi, gpio):
    try:
        pi.write(gpio, 0)
        return True
    except pigpio.error:
        return False


SCENARIOS = {"basics": scenario_basics, "callback": scenario_callback, "in-use": scenario_in_use}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    parser.add_argument("--host", default=os.environ.get("PIGPIO_ADDR", "localhost"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PIGPIO_PORT", 8888)))
    parser.add_argument("--output", type=int, default=17, help="an output GPIO")
    parser.add_argument("--input", type=int, default=4, help="an input GPIO")
    parser.add_argument("--drive", type=int, default=None, help="an output wired to --input (else edges are driven from outside)")
    parser.add_argument("--hold", default="0.1", help="seconds a PWM or servo signal (basics) or a driven level (callback --drive) is held, or 'step' (print HOLD, wait for a line on stdin)")
    args = parser.parse_args()
    return run(SCENARIOS, args, (AssertionError, pigpio.error, OSError))


if __name__ == "__main__":
    sys.exit(main())
