#!/usr/bin/env python3
"""Sums the test counts of every result file under a directory and prints the CI summary line.

Reads VSTest TRX files (*.trx) and JUnit/xunit XML (*.junit.xml, written by the real-kernel
suite). Prints `tests: N passed, N failed` and `, N skipped` when tests were skipped (each skip
is listed above the line with its reason, so none is silent). Exits 1 when anything failed or
the test runner itself failed without reporting a failed test.
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET

TRX_NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"


def trx_counts(path):
    root = ET.parse(path).getroot()
    counters = root.find(f"{TRX_NS}ResultSummary/{TRX_NS}Counters")
    passed = int(counters.get("passed", 0))
    failed = int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped = []
    for result in root.iter(f"{TRX_NS}UnitTestResult"):
        if result.get("outcome") == "NotExecuted":
            message = result.find(f"{TRX_NS}Output/{TRX_NS}ErrorInfo/{TRX_NS}Message")
            reason = message.text if message is not None else "no reason given"
            skipped.append(f"{result.get('testName')}: {reason}")
    return passed, failed, skipped


def junit_counts(path):
    root = ET.parse(path).getroot()
    passed = failed = 0
    skipped = []
    for case in root.iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
        elif case.find("skipped") is not None:
            reason = case.find("skipped").get("message", "no reason given")
            skipped.append(f"{case.get('name')}: {reason}")
        else:
            passed += 1
    return passed, failed, skipped


def main():
    directory = sys.argv[1]
    runner_rc = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    passed = failed = 0
    skipped = []
    for path in sorted(glob.glob(os.path.join(directory, "**", "*.trx"), recursive=True)):
        p, f, s = trx_counts(path)
        passed, failed, skipped = passed + p, failed + f, skipped + s
    for path in sorted(glob.glob(os.path.join(directory, "**", "*.junit.xml"), recursive=True)):
        p, f, s = junit_counts(path)
        passed, failed, skipped = passed + p, failed + f, skipped + s
    if runner_rc != 0 and failed == 0:
        # The runner failed (crash, hang, build of a test host) without a failed test to show for it.
        print("the test runner failed without reporting a failed test; counted as one failure", file=sys.stderr)
        failed = 1
    for line in skipped:
        print(f"skipped: {line}", file=sys.stderr)
    line = f"tests: {passed} passed, {failed} failed"
    if skipped:
        line += f", {len(skipped)} skipped"
    print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
