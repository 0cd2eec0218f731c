#!/usr/bin/env python3
"""The house's rules, read from the includes (README "The source").

Layers, lowest first; a file includes only from its own layer or those
below it, includes are written by path ("store/db.h"), no two modules
include each other however long the way round, the core never includes
curses, and no screen prepares SQL (the screens ask view models in
src/view), and every header declares only functions its own .c file
defines (or defines them itself, static inline).  Ends with "N passed, N
failed" for tests/run.sh.
"""
import os
import re
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAYERS = ['src/base', 'src/store', 'src/domain', 'src/exchange', 'src/view', 'src/cli',
          'ui/kit', 'ui/forms', 'ui/screens', 'ui']
# Generated at build time into build/gen: the lowest layer's.
GENERATED = {'config.h': 'src/base'}
CURSES = re.compile(r'#\s*include\s*<(n?curses|form|menu|panel)\.h>')
INCLUDE = re.compile(r'#\s*include\s*"([^"]+)"')
SQL = re.compile(r'\bsqlite3_[a-z_0-9]+\s*\(|\bdb_(prep|exec|cached|int_query|run|step)\s*\(')

# For reading declarations: comments, strings and characters blanked in
# one pass (so that none hides inside another), after preprocessor lines.
TOKEN = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])+\'', re.S)
DIRECTIVE = re.compile(r'^[ \t]*#(?:[^\n]*\\\n)*[^\n]*', re.M)
# A function type (typedef int cmd_fn(...)), which may declare functions.
FNTYPE = re.compile(r'typedef\s+[\w\s*]*?\b(\w+)\((?!\s*\*)')
CALLED = re.compile(r'\b(\w+)\s*\((?:[^()]|\([^()]*\))*\)\s*(?:TZ_\w+\s*\([^()]*\)\s*)*$')

npass = nfail = 0


def result(ok, what):
    global npass, nfail
    if ok:
        npass += 1
    else:
        nfail += 1
        print('FAIL layers: ' + what)


def layer_of(path):
    d = os.path.dirname(path)
    return d if d in LAYERS else None


def sources():
    for root in ('src', 'ui'):
        for dirpath, _, names in os.walk(os.path.join(TOP, root)):
            for n in sorted(names):
                if n.endswith(('.c', '.h')):
                    yield os.path.relpath(os.path.join(dirpath, n), TOP)


def resolve(inc):
    for root in ('src', 'ui'):
        p = os.path.join(root, inc)
        if os.path.exists(os.path.join(TOP, p)):
            return p
    return None


files = sorted(sources())
graph = {}
for f in files:
    text = open(os.path.join(TOP, f), encoding='utf-8').read()
    layer = layer_of(f)
    result(layer is not None, f'{f} is in no layer (one of {", ".join(LAYERS)})')
    if layer is None:
        continue
    mod = f[:-2]
    graph.setdefault(mod, set())
    if f.startswith('src/'):
        result(not CURSES.search(text), f'{f} includes curses: screen code belongs in ui/')
    for inc in INCLUDE.findall(text):
        if inc in GENERATED:
            continue
        target = resolve(inc)
        if target is None:
            if '/' not in inc and os.path.exists(os.path.join(TOP, os.path.dirname(f), inc)) \
                    and f.startswith('ui/') and layer == 'ui':
                target = os.path.join(os.path.dirname(f), inc)
            else:
                result(False, f'{f}: #include "{inc}" is not written by path from src/ or ui/')
                continue
        tl = layer_of(target)
        result(LAYERS.index(tl) <= LAYERS.index(layer),
               f'{f} ({layer}) includes {target} from the layer above, {tl}')
        tmod = target[:-2]
        if tmod != mod:
            graph[mod].add(tmod)
    if f.startswith('ui/') and f.endswith('.c'):
        result(not SQL.search(text), f'{f} prepares SQL: a screen asks a view model in src/view')



def code_of(path):
    text = DIRECTIVE.sub(' ', open(os.path.join(TOP, path), encoding='utf-8').read())
    return TOKEN.sub(lambda m: ' ' if m.group(0)[0] == '/' else '0', text)


def top_level(text):
    """Statements outside braces: (text, whether a {...} body follows)."""
    out, depth, cur = [], 0, []
    for ch in text:
        if ch == '{':
            if depth == 0:
                out.append((' '.join(''.join(cur).split()), True))
                cur = []
            depth += 1
        elif ch == '}':
            depth -= 1
        elif depth == 0:
            if ch == ';':
                out.append((' '.join(''.join(cur).split()), False))
                cur = []
            else:
                cur.append(ch)
    return out


def declared(path):
    text = code_of(path)
    fntypes = set(FNTYPE.findall(text))
    names = set()
    for stmt, body in top_level(text):
        if body or not stmt or stmt.startswith(('typedef', 'static')) or '=' in stmt:
            continue
        m = re.match(r'(?:extern\s+)?(\w+)\s+(\w+(?:\s*,\s*\w+)*)$', stmt)
        if m and m.group(1) in fntypes:
            names.update(n.strip() for n in m.group(2).split(','))
            continue
        m = CALLED.search(stmt)
        if m:
            names.add(m.group(1))
    return names


def defined(path):
    names = set()
    for stmt, body in top_level(code_of(path)):
        m = CALLED.search(stmt) if body else None
        if m:
            names.add(m.group(1))
    return names


# One header per module: what X.h declares, X.c defines.
for f in files:
    if not f.endswith('.h') or layer_of(f) is None:
        continue
    c = f[:-2] + '.c'
    have = defined(f) | (defined(c) if os.path.exists(os.path.join(TOP, c)) else set())
    other = sorted(declared(f) - have)
    result(not other, f'{f} declares {", ".join(other)}, which {c} does not define: '
           'declare them in the header of the file that does')

# Circles: strongly connected components of the module graph (Tarjan).
index, low, stack, on, comps = {}, {}, [], set(), []


def strong(v):
    index[v] = low[v] = len(index)
    stack.append(v)
    on.add(v)
    for w in sorted(graph.get(v, ())):
        if w not in index:
            strong(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop()
            on.discard(w)
            comp.append(w)
            if w == v:
                break
        comps.append(sorted(comp))


sys.setrecursionlimit(10000)
for v in sorted(graph):
    if v not in index:
        strong(v)
for c in comps:
    result(len(c) == 1, 'a circle of includes: ' + ' <-> '.join(c))
result(len(graph) > 50, f'only {len(graph)} modules read: is the tree there?')

print(f'{npass} passed, {nfail} failed')
sys.exit(1 if nfail else 0)
