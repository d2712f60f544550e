#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Counts individual test cases in meson's testlog.json and prints one line,
# "N passed, N failed[, N skipped]". Exits non-zero when anything failed. Stdlib only.
#
# A test that speaks TAP (GTest with --tap) counts once per top-level "ok"/"not ok" line; one
# that failed without any "not ok" line (a crash, an abort, a timeout) counts one failure more.
# Any other test counts once, by its result.

import json
import re
import sys

TAP_PLAN = re.compile(r'^1\.\.\d+')
TAP_RESULT = re.compile(r'^(not ok|ok)(\s.*)?$')
TAP_DIRECTIVE = re.compile(r'#\s*(SKIP|TODO)\b', re.IGNORECASE)

PASSED_RESULTS = {'OK', 'EXPECTEDFAIL'}
SKIPPED_RESULTS = {'SKIP'}


def count_tap(stdout):
    """Returns (passed, failed, skipped, is_tap) for the TAP lines of one test's output."""
    passed = failed = skipped = 0
    lines = stdout.splitlines()
    # A TAP producer always prints a plan ("1..N"); other output may happen to start with "ok".
    if not any(TAP_PLAN.match(line) for line in lines):
        return 0, 0, 0, False
    for line in lines:
        # Indented lines are subtests of a subprocess; the parent reports their outcome.
        match = TAP_RESULT.match(line)
        if not match:
            continue
        ok = match.group(1) == 'ok'
        directive = TAP_DIRECTIVE.search(match.group(2) or '')
        directive = directive.group(1).upper() if directive else None
        if directive == 'SKIP':
            skipped += 1
        elif directive == 'TODO':
            # An expected failure (g_test_incomplete) is not run to completion: skipped.
            if ok:
                passed += 1
            else:
                skipped += 1
        elif ok:
            passed += 1
        else:
            failed += 1
    return passed, failed, skipped, True


def main(argv):
    if len(argv) != 2:
        print(f'usage: {argv[0]} BUILD/meson-logs/testlog.json', file=sys.stderr)
        return 2

    passed = failed = skipped = 0
    try:
        with open(argv[1], encoding='utf-8', errors='replace') as log:
            entries = [json.loads(line) for line in log if line.strip()]
    except FileNotFoundError:
        # meson test never got to run a test: the set-up or the build failed above.
        print(f'{argv[1]} is missing: no test ran', file=sys.stderr)
        entries = None
    except json.JSONDecodeError as error:
        print(f'{argv[1]} is not a meson test log: {error}', file=sys.stderr)
        entries = None

    if entries is None:
        failed = 1
    else:
        for entry in entries:
            result = entry.get('result', 'ERROR')
            tap_passed, tap_failed, tap_skipped, is_tap = count_tap(entry.get('stdout') or '')
            if is_tap:
                passed += tap_passed
                failed += tap_failed
                skipped += tap_skipped
                if tap_failed == 0 and result not in PASSED_RESULTS | SKIPPED_RESULTS:
                    failed += 1
            elif result in PASSED_RESULTS:
                passed += 1
            elif result in SKIPPED_RESULTS:
                skipped += 1
            else:
                failed += 1

    summary = f'{passed} passed, {failed} failed'
    if skipped:
        summary += f', {skipped} skipped'
    sys.stdout.flush()
    print(summary)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
