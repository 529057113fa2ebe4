"""Shared plumbing of the client check scripts: one line per check, one verdict, an exit code."""


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
