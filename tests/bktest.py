# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the Python tests share: TAP lines, waiting for a condition, and finding an element in
# an AT-SPI tree.

import sys
import time

results = []


def report(ok, name, detail=''):
    """One TAP line, with its detail as comments"""
    results.append(bool(ok))
    print('%s %d - %s' % ('ok' if ok else 'not ok', len(results), name))
    for line in str(detail).splitlines():
        print('# ' + line)
    sys.stdout.flush()


def finish():
    """The plan line, and the exit status"""
    print('1..%d' % len(results))
    return 0 if all(results) else 1


def wait_for(condition, timeout=20, what='condition'):
    end = time.time() + timeout
    while time.time() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise TimeoutError('timed out waiting for ' + what)


def find(node, predicate):
    """The first element under node (itself included) that predicate accepts, or None"""
    try:
        if predicate(node):
            return node
        for child in node:
            if child is not None:
                match = find(child, predicate)
                if match is not None:
                    return match
    except Exception:
        pass
    return None
