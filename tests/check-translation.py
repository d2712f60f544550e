#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that a translation is complete against the current sources.

Extracts a fresh template from po/POTFILES.in the way the build does (the playbooks through
the ITS rules in data/its/), merges the language's .po into it, and fails, naming them, when any
message is untranslated or fuzzy, or when a source file with translatable strings is missing
from po/POTFILES.in (its strings would never reach a translator). Usage: check-translation.py
SOURCE_ROOT LANG
"""

import os
import re
import subprocess
import sys
import tempfile

# What marks a string for translation in C sources and GtkBuilder files
MARKERS = re.compile(r'\b(?:N?C?_|ngettext|g_dngettext|g_dpgettext2)\s*\(\s*"|translatable="yes"')

KEYWORDS = ['-k_', '-kN_', '-kC_:1c,2', '-kNC_:1c,2', '-kg_dngettext:2,3', '-kngettext:1,2',
            '-kg_dpgettext2:2c,3']


def main():
    root, lang = sys.argv[1], sys.argv[2]
    po = os.path.join(root, 'po', lang + '.po')
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        files = [line.strip() for line in f if line.strip() and not line.startswith('#')]

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'all.pot')
        merged = os.path.join(tmp, lang + '.po')
        env = dict(os.environ, GETTEXTDATADIRS=os.path.join(root, 'data'))
        subprocess.run(['xgettext', '--from-code=UTF-8', '--add-comments=Translators', *KEYWORDS,
                        '-o', pot, *files], cwd=root, env=env, check=True)
        subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged, po, pot], check=True)

        missing = subprocess.run(['msgattrib', '--untranslated', '--no-obsolete', merged],
                                 capture_output=True, text=True, check=True).stdout
        fuzzy = subprocess.run(['msgattrib', '--only-fuzzy', '--no-obsolete', merged],
                               capture_output=True, text=True, check=True).stdout

    problems = []
    for folder in ('src', 'ui'):
        for dirpath, _dirs, names in os.walk(os.path.join(root, folder)):
            for name in sorted(names):
                if not name.endswith(('.c', '.ui')):
                    continue
                path = os.path.relpath(os.path.join(dirpath, name), root)
                with open(os.path.join(root, path), encoding='utf-8') as f:
                    if MARKERS.search(f.read()) and path not in files:
                        problems.append('not in po/POTFILES.in: %s' % path)

    for kind, text in (('untranslated', missing), ('fuzzy', fuzzy)):
        for block in text.split('\n\n'):
            if 'msgid ""\nmsgstr ""' in block and block.startswith(('#', 'msgid ""')) and 'Project-Id' in block:
                continue  # the header
            ids = [line for line in block.splitlines() if line.startswith(('msgid', '"', 'msgctxt'))]
            if ids:
                problems.append('%s: %s' % (kind, ' '.join(ids)[:200]))

    for problem in problems:
        print(problem)
    print('%s: %d messages untranslated or fuzzy' % (lang, len(problems)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
