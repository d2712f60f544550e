#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the build into a scratch DESTDIR and checks that every part of a working app landed
# where the desktop expects it. Run by `meson test` (test "install"); stdlib only.

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

GETTEXT_PACKAGE = 'bridgekeeper'


def read_linguas(path):
    langs = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            langs.extend(line.split())
    return langs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--meson', required=True)
    parser.add_argument('--build-dir', required=True)
    # io.github.bridgekeeper.Bridgekeeper, or ….Devel in a development build
    parser.add_argument('--app-id', required=True)
    parser.add_argument('--prefix', required=True)
    parser.add_argument('--bindir', required=True)
    parser.add_argument('--datadir', required=True)
    parser.add_argument('--localedir', required=True)
    parser.add_argument('--linguas', required=True)
    args = parser.parse_args()

    langs = read_linguas(args.linguas)
    app_id = args.app_id

    with tempfile.TemporaryDirectory(prefix='bk-install-') as destdir:
        env = dict(os.environ, DESTDIR=destdir)
        result = subprocess.run([args.meson, 'install', '-C', args.build_dir,
                                 '--no-rebuild', '--quiet', '--destdir', destdir],
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True)
        print(result.stdout, end='')
        if result.returncode != 0:
            print(f'meson install failed with exit status {result.returncode}')
            return 1

        def staged(path):
            return os.path.join(destdir, os.path.relpath(path, '/'))

        datadir = args.datadir
        expected = {
            os.path.join(args.bindir, 'bridgekeeper'): 'the program',
            os.path.join(datadir, 'applications', app_id + '.desktop'): 'the desktop file',
            os.path.join(datadir, 'metainfo', app_id + '.metainfo.xml'): 'the AppStream metainfo',
            os.path.join(datadir, 'glib-2.0', 'schemas', app_id + '.gschema.xml'):
                'the GSettings schema',
            os.path.join(datadir, 'icons', 'hicolor', 'scalable', 'apps', app_id + '.svg'):
                'the app icon',
            os.path.join(datadir, 'icons', 'hicolor', 'symbolic', 'apps',
                         app_id + '-symbolic.svg'): 'the symbolic icon',
            os.path.join(datadir, 'gnome-shell', 'search-providers',
                         app_id + '.search-provider.ini'): "the overview's search provider",
            os.path.join(datadir, 'dbus-1', 'services', app_id + '.service'):
                'the D-Bus service that starts the app for it',
        }
        for lang in langs:
            expected[os.path.join(args.localedir, lang, 'LC_MESSAGES',
                                  GETTEXT_PACKAGE + '.mo')] = f'the {lang} translation'

        failures = 0
        for path, what in expected.items():
            if os.path.isfile(staged(path)):
                print(f'installed {what}: {path}')
            else:
                print(f'not installed: {what}: {path}')
                failures += 1

        if not os.access(staged(os.path.join(args.bindir, 'bridgekeeper')), os.X_OK):
            print('the installed program is not executable')
            failures += 1

        # The translated name and comment are merged into the desktop file and the metainfo.
        desktop = staged(os.path.join(datadir, 'applications', app_id + '.desktop'))
        metainfo = staged(os.path.join(datadir, 'metainfo', app_id + '.metainfo.xml'))
        if os.path.isfile(desktop) and os.path.isfile(metainfo):
            with open(desktop, encoding='utf-8') as f:
                desktop_text = f.read()
            with open(metainfo, encoding='utf-8') as f:
                metainfo_text = f.read()
            for lang in langs:
                if f'Comment[{lang}]=' not in desktop_text:
                    print(f'the desktop file has no {lang} comment')
                    failures += 1
                if f'xml:lang="{lang}"' not in metainfo_text:
                    print(f'the metainfo has no {lang} text')
                    failures += 1

        # D-Bus starts the installed program, under the app's own name, for the overview.
        service = staged(os.path.join(datadir, 'dbus-1', 'services', app_id + '.service'))
        if os.path.isfile(service):
            with open(service, encoding='utf-8') as f:
                service_text = f.read()
            for line in ('Name=' + app_id,
                         'Exec=' + os.path.join(args.bindir, 'bridgekeeper') + ' --gapplication-service'):
                if line not in service_text.splitlines():
                    print(f'the D-Bus service file lacks "{line}"')
                    failures += 1

        # The metainfo, the desktop file and the icon agree with each other once installed.
        appstreamcli = shutil.which('appstreamcli')
        if appstreamcli:
            result = subprocess.run([appstreamcli, 'validate-tree', '--no-net', '--strict',
                                     staged(args.prefix)],
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            print(result.stdout, end='')
            if result.returncode != 0:
                print('appstreamcli validate-tree found problems in the installed tree')
                failures += 1

    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
