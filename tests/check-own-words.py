#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Our texts are our own: no run of more than five words of the article behind the playbooks
(../shared/seed/, or BK_SEED_DIR) appears in them. The English texts (every message of
po/ru.po, which the translation-complete test keeps in step with the sources, the playbooks, the
metainfo, the READMEs) are checked against the seed's English README; their Russian (po/ru.po)
against the Russian article. Skips (a TAP plan of 1..0) when the seed is not there.

usage: check-own-words.py SOURCE_ROOT
"""

import glob
import os
import re
import sys

LONGEST_SHARED = 5

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


def words(text):
    text = text.lower().replace('ё', 'е').replace('’', "'")
    return WORD.findall(text)


def runs(text, n):
    w = words(text)
    return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}


def po_strings(path, field):
    """msgid or msgstr texts of a po file, joined across lines"""
    texts, current, inside = [], [], False
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line.startswith(field + ' ') or line.startswith(field + '['):
                if current:
                    texts.append(''.join(current))
                current = [line.split(' ', 1)[1].strip()[1:-1]]
                inside = True
            elif inside and line.startswith('"'):
                current.append(line[1:-1])
            else:
                if inside and current:
                    texts.append(''.join(current))
                current, inside = [], False
    if current:
        texts.append(''.join(current))
    return [t.replace('\\n', ' ').replace('\\"', '"') for t in texts if t]


def main():
    root = sys.argv[1]
    po = os.path.join(root, 'po', 'ru.po')
    seed = os.environ.get('BK_SEED_DIR') or os.path.join(root, '..', 'shared', 'seed')
    readme = os.path.join(seed, 'README.md')
    article = os.path.join(seed, 'how-to-cut-ties-without-burning-bridges.ru.txt')

    if not (os.path.isfile(readme) and os.path.isfile(article)):
        print('1..0 # SKIP the article is not at %s' % seed)
        return 0

    n = LONGEST_SHARED + 1
    with open(readme, encoding='utf-8') as f:
        english_seed = runs(f.read(), n)
    with open(article, encoding='utf-8') as f:
        russian_seed = runs(f.read(), n)

    english = []
    for path in sorted(glob.glob(os.path.join(root, 'data', 'playbooks', '*.playbook'))):
        with open(path, encoding='utf-8') as f:
            english.append((os.path.relpath(path, root), f.read()))
    for pattern in ('data/*.metainfo.xml.in.in', 'README.md', 'data/playbooks/README.md'):
        for path in sorted(glob.glob(os.path.join(root, pattern))):
            with open(path, encoding='utf-8') as f:
                english.append((os.path.relpath(path, root), f.read()))
    english += [('po/ru.po', text) for text in po_strings(po, 'msgid')]
    russian = [('po/ru.po', text) for text in po_strings(po, 'msgstr')]

    checks = [('English texts', english, english_seed), ('Russian texts', russian, russian_seed)]
    print('1..%d' % len(checks))
    failed = 0
    for number, (name, texts, seed_runs) in enumerate(checks, 1):
        found = []
        for where, text in texts:
            for run in sorted(runs(text, n) & seed_runs):
                found.append('%s: “%s…”' % (where, ' '.join(run)))
        if found:
            failed += 1
            print('not ok %d %s: runs of more than %d words from the article' % (number, name, LONGEST_SHARED))
            for line in sorted(set(found)):
                print('# ' + line)
        else:
            print('ok %d %s hold no run of more than %d words from the article' % (number, name, LONGEST_SHARED))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
