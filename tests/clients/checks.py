"""Shared plumbing of the client check scripts: one line per check, one verdict, an exit code."""

import sys
import time


def check(condition, message):
    """Fails the scenario unless condition holds; prints "OK <message>" when it does."""
    if not condition:
        raise AssertionError(message)
    print("OK", message, flush=True)


def run(scenarios, args, failures):
    """Runs scenario args.scenario; prints PASS or FAIL and returns the process exit code (0 or 1)."""
    try:
        scenarios[args.scenario](args)
    except failures as failure:
        print("FAIL", args.scenario + ":", type(failure).__name__, failure, flush=True)
        return 1
    print("PASS", args.scenario, flush=True)
    return 0


def hold(seconds):
    """Holds what the script just set for `seconds` (a float), or, given "step", prints HOLD and waits
    for a line on stdin: a test that runs the host on a virtual clock moves the clock meanwhile, so the
    hold lasts exactly as long on the host however the machine is loaded."""
    if seconds == "step":
        print("HOLD", flush=True)
        sys.stdin.readline()
    else:
        time.sleep(float(seconds))
