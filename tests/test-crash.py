#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Crash consistency: --import-json, --backup and --restore are killed (SIGKILL) at random
# moments, 20 times each; every time the journal passes PRAGMA integrity_check and holds all
# of the import or none of it, every finished backup passes the check, and a restore leaves
# either the journal it replaced or the backup, whole. Prints TAP.

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

BUILD_ROOT = os.environ['BK_BUILD_ROOT']
APP = os.path.join(BUILD_ROOT, 'src', 'bridgekeeper')
ROUNDS = int(os.environ.get('BK_CRASH_ROUNDS', '20'))
CLIENTS = 300

results = []


def report(ok, name, detail=''):
    results.append(bool(ok))
    print('%s %d - %s' % ('ok' if ok else 'not ok', len(results), name))
    for line in str(detail).splitlines():
        print('# ' + line)
    sys.stdout.flush()


def check(path):
    """The journal's integrity_check answer, and its clients"""
    connection = sqlite3.connect(path)
    try:
        integrity = connection.execute('PRAGMA integrity_check').fetchone()[0]
        clients = connection.execute('SELECT count(*) FROM counterparts').fetchone()[0]
        return integrity, clients
    finally:
        connection.close()


def run_killed(argv, env, delay):
    """Runs argv, killed after delay seconds unless it is done; whether it was killed"""
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        process.wait(delay)
        return False
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return True


def run(argv, env):
    done = subprocess.run(argv, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError('%s: %s' % (' '.join(argv[1:]), done.stderr.strip()))


def timed(argv, env):
    start = time.monotonic()
    run(argv, env)
    return time.monotonic() - start


def main():
    folder = tempfile.mkdtemp(prefix='bk-test-crash-')
    rng = random.Random(int(os.environ.get('BK_CRASH_SEED', '11')))
    try:
        env = dict(os.environ)
        for variable in ('XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME'):
            env[variable] = os.path.join(folder, variable.lower())

        # an import of new clients (no ids: each import adds them all again)
        words = 'invoice meeting schedule budget review payment handover оплата счёт встреча'.split()
        document = {'format': 'bridgekeeper', 'version': 1, 'counterparts': [
            {'name': 'Client %d' % i, 'organization': 'Org %d' % (i % 17),
             'notes': [{'created': '2026-%02d-10T10:00:00Z' % (1 + j % 12), 'kind': 'note',
                        'text': ' '.join(rng.choice(words) for _ in range(40))} for j in range(10)]}
            for i in range(CLIENTS)]}
        import_file = os.path.join(folder, 'import.json')
        with open(import_file, 'w') as out:
            json.dump(document, out)

        duration = timed([APP, '--import-json=' + import_file], env)
        journal = os.path.join(env['XDG_DATA_HOME'], os.listdir(env['XDG_DATA_HOME'])[0], 'journal.db')
        backups = os.path.join(os.path.dirname(journal), 'backups')

        # imports killed
        bad = []
        killed = 0
        for round in range(ROUNDS):
            _, before = check(journal)
            killed += run_killed([APP, '--import-json=' + import_file], env, rng.uniform(0, duration * 1.2))
            integrity, after = check(journal)
            if integrity != 'ok' or after not in (before, before + CLIENTS):
                bad.append((round, integrity, before, after))
        report(not bad and killed > 0,
               'an import killed at any moment leaves the journal sound, with all of it or none',
               'killed %d of %d; %s' % (killed, ROUNDS, bad))

        # backups killed
        backup_duration = timed([APP, '--backup'], env)
        bad = []
        killed = 0
        for round in range(ROUNDS):
            killed += run_killed([APP, '--backup'], env, rng.uniform(0, backup_duration * 1.2))
            integrity, _ = check(journal)
            if integrity != 'ok':
                bad.append((round, 'journal', integrity))
            for name in os.listdir(backups):
                if name.startswith('journal-'):
                    backup_integrity, _ = check(os.path.join(backups, name))
                    if backup_integrity != 'ok':
                        bad.append((round, name, backup_integrity))
        report(not bad and killed > 0,
               'a backup killed at any moment leaves the journal and every finished backup sound',
               'killed %d of %d; %s' % (killed, ROUNDS, bad))

        # restores killed: the journal is the one replaced or the backup, whole
        oldest = sorted(n for n in os.listdir(backups) if n.startswith('journal-'))[0]
        _, in_backup = check(os.path.join(backups, oldest))
        restore_duration = timed([APP, '--restore', oldest], env)
        run([APP, '--import-json=' + import_file], env)
        bad = []
        killed = 0
        for round in range(ROUNDS):
            _, before = check(journal)
            killed += run_killed([APP, '--restore', oldest], env, rng.uniform(0, restore_duration * 1.2))
            integrity, after = check(journal)
            if integrity != 'ok' or after not in (before, in_backup):
                bad.append((round, integrity, before, after))
            if after == in_backup:
                # back to more clients for the next round
                run([APP, '--import-json=' + import_file], env)
        report(not bad and killed > 0,
               'a restore killed at any moment leaves the journal it replaced or the backup, sound',
               'killed %d of %d; %s' % (killed, ROUNDS, bad))
    except Exception as error:
        report(False, 'crash consistency', repr(error))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        print('1..%d' % len(results))
    return 0 if all(results) else 1


if __name__ == '__main__':
    sys.exit(main())
