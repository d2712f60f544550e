#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What a screen reader hears: starts the built app on a journal of its own, walks the AT-SPI tree
# of every window and dialog it opens (first run, the journal, each tab of a client page, the
# dialogs), and fails on any control a person can focus or operate whose name is empty, a GTK
# class name, or a label read with its mnemonic underscore. Runs in English and in Russian (the
# meson test sets LANGUAGE). Needs python3-pyatspi and the AT-SPI bus (at-spi2-core).
#
# Prints TAP; a missing python3-pyatspi is a skip, not a pass.

import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import gi

    gi.require_version('Atspi', '2.0')
    import pyatspi
except (ImportError, ValueError) as error:
    print('1..0 # SKIP python3-pyatspi is missing: %s' % error)
    sys.exit(0)

from bktest import report, wait_for, finish

BUILD_ROOT = os.environ['BK_BUILD_ROOT']
SOURCE_ROOT = os.environ['BK_SOURCE_ROOT']
APP = os.path.join(BUILD_ROOT, 'src', 'bridgekeeper')
JOURNAL = os.path.join(SOURCE_ROOT, 'tests', 'fixtures', 'accessible.json')

# Roles a person operates; anything focusable counts too.
OPERABLE = {
    'push button', 'toggle button', 'check box', 'radio button', 'combo box', 'page tab', 'entry',
    'text', 'password text', 'spin button', 'slider', 'menu item', 'check menu item',
    'radio menu item', 'link', 'list item', 'switch',
}
CLASS_NAME = re.compile(r'^(Gtk|Adw|Bk)[A-Z]\w*$')
MNEMONIC = re.compile(r'(^|\s)_\w')



def role(node):
    try:
        return node.getRoleName()
    except Exception:
        return ''


def children(node):
    try:
        return [child for child in node if child is not None]
    except Exception:
        return []


def nameless(node, path=()):
    """Every operable element under node whose name says nothing."""
    found = []
    node_role = role(node)
    name = node.name or ''
    try:
        focusable = node.getState().contains(pyatspi.STATE_FOCUSABLE)
    except Exception:
        focusable = False
    # Scrolled windows and lists report themselves focusable but pass focus on to what they hold
    # (their rows are checked, and the lists of our own have names); the item a drop-down shows
    # is read as the drop-down's value.
    in_drop_down = any(step.startswith('combo box') for step in path)
    if node_role not in ('scroll pane', 'list') and (focusable or node_role in OPERABLE) and not in_drop_down:
        words = name.split()
        doubled = len(words) % 2 == 0 and words and words[:len(words) // 2] == words[len(words) // 2:]
        if not name.strip() or CLASS_NAME.match(name) or MNEMONIC.search(name) or doubled:
            found.append('%s %r in %s' % (node_role, name, ' › '.join(path[-6:]) or 'the window'))
    step = '%s:%s' % (node_role, name[:24])
    for child in children(node):
        found += nameless(child, path + (step,))
    return found


def find(node, predicate):
    if predicate(node):
        return node
    for child in children(node):
        match = find(child, predicate)
        if match is not None:
            return match
    return None


def find_app():
    def look():
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and (app.name or '').lower().startswith('bridgekeeper'):
                return app
        return None
    return wait_for(look, what='the app on the AT-SPI bus')


def windows(app):
    # Dialogs are "filler" to GTK 4.8
    return children(app)


def check_window(window, what):
    problems = nameless(window)
    report(not problems, '%s: %s has a name for every control' % (what, window.name or role(window)),
           '\n'.join(sorted(set(problems))))


def check_windows(app, what):
    for window in windows(app):
        check_window(window, what)


def has_action(node, name):
    try:
        action = node.queryAction()
        return any(action.getName(index) == name for index in range(action.nActions))
    except Exception:
        return False


def do_action(node, *names):
    """Does the first of names that node has: a window's or widget's action, or a click"""
    action = node.queryAction()
    for index in range(action.nActions):
        if action.getName(index) in names:
            action.doAction(index)
            return
    raise AssertionError('%s %r has no action %s' % (role(node), node.name, ' or '.join(names)))


def click(node):
    do_action(node, 'click', 'press', 'activate')


def start(folder, journal):
    os.makedirs(folder)
    env = dict(os.environ)
    env.pop('NO_AT_BRIDGE', None)
    env.pop('GTK_A11Y', None)
    env['BK_LOCALEDIR'] = os.path.join(BUILD_ROOT, 'po')
    for variable in ('XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME'):
        env[variable] = os.path.join(folder, variable.lower())
    if journal:
        subprocess.run([APP, '--import-json=' + journal], env=env, check=True, stdout=subprocess.DEVNULL)
    log = open(os.path.join(folder, 'app.log'), 'w')
    return subprocess.Popen([APP], env=env, stdout=log, stderr=subprocess.STDOUT)


def stop(process):
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()


def dialog_of(app, before):
    """The window that opened since before, once its buttons are there"""
    dialog = wait_for(lambda: next((w for w in windows(app) if w not in before), None), what='a dialog')
    wait_for(lambda: find(dialog, lambda n: role(n) == 'push button' and n.name), what='the dialog\'s buttons')
    return dialog


def main():
    folder = tempfile.mkdtemp(prefix='bk-test-accessible-')
    try:
        # First run: an empty journal
        process = start(os.path.join(folder, 'empty'), None)
        try:
            app = find_app()
            frame = wait_for(lambda: next(iter(windows(app)), None), what='the window')
            wait_for(lambda: find(frame, lambda n: role(n) == 'push button' and n.name), what='its first-run page')
            check_windows(app, 'first run')
        finally:
            stop(process)

        process = start(os.path.join(folder, 'journal'), JOURNAL)
        try:
            app = find_app()
            frame = wait_for(lambda: next(iter(windows(app)), None), what='the window')
            clients = wait_for(lambda: find(frame, lambda n: role(n) == 'list item' and 'Anna' in (n.name or '')),
                               what='the row of Anna Petrova')
            check_windows(app, 'journal')
            # Open her page as choosing her row does
            clients.parent.querySelection().selectChild(clients.getIndexInParent())
            wait_for(lambda: find(frame, lambda n: role(n) == 'list item' and 'invoice' in (n.name or '').lower()),
                     what='her notes on the page')
            check_windows(app, 'client page')

            # Each dialog the window opens, walked and closed again
            for action, what in (('win.new-client', 'new client'), ('win.edit-client', 'edit details'),
                                 ('win.export-pdf', 'export'), ('win.show-followups', 'check-ins'),
                                 ('win.show-reflection', 'reflection')):
                before = windows(app)
                do_action(frame, action)
                dialog = dialog_of(app, before)
                check_window(dialog, what)
                if os.environ.get('LANGUAGE', '').startswith('ru'):
                    report(re.search('[а-яА-Я]', dialog.name or '') is not None,
                           '%s: the dialog speaks Russian (%s)' % (what, dialog.name))
                do_action(dialog, 'window.close')
                wait_for(lambda: dialog not in windows(app), what='the dialog to close')

            # The other tabs
            for index in (1, 2):
                tab = find(frame, lambda n: role(n) == 'page tab' and n.getIndexInParent() == index)
                click(tab)
                wait_for(lambda: tab.getState().contains(pyatspi.STATE_SELECTED), what='the tab to open')
                check_windows(app, 'tab %d' % (index + 1))

            # Resolve…: the diagnosis, then a playbook started from it, with its steps
            click(find(frame, lambda n: role(n) == 'page tab' and n.getIndexInParent() == 1))
            before = windows(app)
            do_action(find(frame, lambda n: has_action(n, 'resolution.diagnose')), 'resolution.diagnose')
            dialog = dialog_of(app, before)
            check_window(dialog, 'resolve')
            # Start the first playbook: its steps, their check boxes, the open items and the end
            start_button = find(dialog, lambda n: role(n) == 'push button' and role(n.parent.parent.parent) == 'list item')
            click(start_button)
            wait_for(lambda: dialog not in windows(app), what='the diagnosis to close')
            wait_for(lambda: find(frame, lambda n: role(n) == 'check box' and ':' in (n.name or '')),
                     what='the steps of the playbook')
            check_windows(app, 'playbook in progress')
        finally:
            stop(process)
    except Exception as error:
        report(False, 'the walk finished', str(error))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return finish()


if __name__ == '__main__':
    sys.exit(main())
