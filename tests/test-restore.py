#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Restoring a backup in the running app: the app is started on a journal of its own, a backup
# made with --backup, a client added since; Preferences' "Restore…" (the app.restore-backup
# action, activated over D-Bus as the window's button does) puts the journal back, the window
# comes back saying so with Undo, and Undo brings the client back. Read back from the journal
# file and over AT-SPI. Prints TAP.

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import gi

gi.require_version('Gio', '2.0')
from gi.repository import Gio, GLib

try:
    gi.require_version('Atspi', '2.0')
    import pyatspi
except (ImportError, ValueError) as error:
    pyatspi = None

from bktest import report, wait_for, find, finish

BUILD_ROOT = os.environ['BK_BUILD_ROOT']
SOURCE_ROOT = os.environ['BK_SOURCE_ROOT']
APP_ID = os.environ['BK_APP_ID']
APP = os.path.join(BUILD_ROOT, 'src', 'bridgekeeper')
JOURNAL = os.path.join(SOURCE_ROOT, 'tests', 'fixtures', 'accessible.json')
APP_PATH = '/' + APP_ID.replace('.', '/')



def count_clients(path):
    # read-only, and nothing that needs the app's search tokenizer
    connection = sqlite3.connect('file:%s?mode=ro' % path, uri=True)
    try:
        return connection.execute('SELECT count(*) FROM counterparts').fetchone()[0]
    finally:
        connection.close()


def main():
    folder = tempfile.mkdtemp(prefix='bk-test-restore-')
    process = None
    try:
        env = dict(os.environ)
        env.pop('NO_AT_BRIDGE', None)
        env.pop('GTK_A11Y', None)
        env['BK_LOCALEDIR'] = os.path.join(BUILD_ROOT, 'po')
        env['GSK_RENDERER'] = 'cairo'
        for variable in ('XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME'):
            env[variable] = os.path.join(folder, variable.lower())
        subprocess.run([APP, '--import-json=' + JOURNAL], env=env, check=True, stdout=subprocess.DEVNULL)
        backup = subprocess.run([APP, '--backup'], env=env, check=True, capture_output=True,
                                text=True).stdout.strip()
        journal = os.path.join(os.path.dirname(os.path.dirname(backup)), 'journal.db')

        # a client added since the backup
        extra = os.path.join(folder, 'extra.json')
        with open(JOURNAL) as source:
            document = json.load(source)
        document['counterparts'] = [{'id': '6f1c1d52-8b0a-4a55-9d6e-3d7b7c2f1a10', 'name': 'Fabrikam Ltd',
                                     'kind': 'client', 'created': '2026-11-02T10:00:00Z'}]
        with open(extra, 'w') as out:
            json.dump(document, out)
        subprocess.run([APP, '--import-json=' + extra], env=env, check=True, stdout=subprocess.DEVNULL)
        before = count_clients(journal)
        report(before == 3, 'a client was added after the backup', before)

        bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        log = open(os.path.join(folder, 'app.log'), 'w')
        process = subprocess.Popen([APP], env=env, stdout=log, stderr=subprocess.STDOUT)

        def owned():
            reply = bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus',
                                  'NameHasOwner', GLib.Variant('(s)', (APP_ID,)), None,
                                  Gio.DBusCallFlags.NONE, -1, None)
            return reply.unpack()[0]
        wait_for(owned, what='the app on the session bus')

        # --restore refuses while the app runs
        refused = subprocess.run([APP, '--restore', backup], env=env, capture_output=True, text=True)
        report(refused.returncode == 1 and 'running' in refused.stderr and count_clients(journal) == 3,
               '--restore refuses while the app runs', refused.stderr)

        # Restore… in Preferences, as its button asks the app
        bus.call_sync(APP_ID, APP_PATH, 'org.gtk.Actions', 'Activate',
                      GLib.Variant('(sava{sv})', ('restore-backup', [GLib.Variant('s', backup)], {})),
                      None, Gio.DBusCallFlags.NONE, 20000, None)
        wait_for(lambda: count_clients(journal) == 2, what='the journal as it was')
        report(True, 'the journal is put back as it was in the backup')

        backups = sorted(os.listdir(os.path.dirname(backup)))
        report(len(backups) >= 3, 'the journal it replaced is kept as a backup of its own', backups)

        if pyatspi is None:
            report(True, 'the window says so, and Undo # SKIP python3-pyatspi is missing')
            return finish()

        def app_node():
            for app in pyatspi.Registry.getDesktop(0):
                if app is not None and (app.name or '').lower().startswith('bridgekeeper'):
                    return app
            return None
        app = wait_for(app_node, what='the app on the AT-SPI bus')
        # (libadwaita 1.2 names the toast's button "_Undo Undo")
        undo = wait_for(lambda: find(app, lambda n: n.getRoleName() == 'push button'
                                     and (n.name or '').endswith('Undo')), what='Undo')
        said = find(app, lambda n: n.getRoleName() == 'label'
                    and (n.name or '').startswith('The journal is as it was on'))
        report(said is not None, 'the window comes back and says which backup it is now')

        undo.queryAction().doAction(0)
        wait_for(lambda: count_clients(journal) == 3, what='the journal as it was before the restore')
        report(True, 'Undo brings back the journal the restore replaced')
    except Exception as error:
        report(False, 'restoring in the app', repr(error))
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(folder, ignore_errors=True)
    return finish()


if __name__ == '__main__':
    sys.exit(main())
