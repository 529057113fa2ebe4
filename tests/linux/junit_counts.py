#!/usr/bin/env python3
"""Prints "<passed> <failed> <skipped>" for a JUnit XML file written by the xunit.v3 runner.

tests/linux/run.sh uses it to judge the suite that ran in the VM (and each --self-check mutant).
With --failures it prints every failed test's name and message instead, one block per test.
"""
import sys
import xml.etree.ElementTree as ET


def main():
    args = sys.argv[1:]
    show_failures = "--failures" in args
    path = [a for a in args if a != "--failures"][0]
    passed = failed = skipped = 0
    for case in ET.parse(path).getroot().iter("testcase"):
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        if problem is not None:
            failed += 1
            if show_failures:
                text = (problem.get("message") or "") + "\n" + (problem.text or "")
                print(f"{case.get('classname')}.{case.get('name')}\n{text.strip()}\n")
        elif case.find("skipped") is not None:
            skipped += 1
        else:
            passed += 1
    if not show_failures:
        print(passed, failed, skipped)


if __name__ == "__main__":
    main()
