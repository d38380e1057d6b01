#!/usr/bin/env python3
"""The layer rules of src/ (docs/architecture.md), checked on every #include "…".

A file's layer comes from its path: src/<capability>/<layer>/… for a capability, and
src/core/<part>/… for what they share. Each layer may include the layers listed for it
below and nothing else; a capability may use another capability's headers of an allowed
layer (tickets' use cases call the SLA use cases, for example). Exits 1 and lists every
wrong-way include; prints "N passed, N failed" like every suite.
"""
import os, re, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src')

# layer -> layers its files may include
ALLOWED = {
    'domain': {'domain'},
    'store': {'domain', 'store'},                       # storage interfaces: what use cases see
    'storage': {'domain', 'store', 'storage'},          # SQL, engines, migrations
    'app': {'domain', 'store', 'app'},                  # use cases: never an engine
    'http': {'http'},                                   # the server knows no domain
    'mail': {'domain', 'mail'},
    'api': {'domain', 'store', 'app', 'http', 'mail', 'api'},
    'jobs': {'domain', 'store', 'app', 'mail', 'jobs'},
    'demo': {'domain', 'store', 'app', 'demo'},
    'cli': None,                                        # wiring: everything
}
CORE = {'domain': 'domain', 'text': 'domain', 'http': 'http', 'mail': 'mail', 'app': 'app', 'api': 'api',
        'storage': 'storage'}


def layer_of(rel):
    parts = rel.split('/')
    if parts[0] in ('cli', 'main.cpp', 'modules'):
        return 'cli'
    if parts[0] == 'demo':
        return 'demo'
    if parts[0] == 'core':
        if parts[1] == 'storage':
            # The storage interfaces sit at the top of core/storage; engines in folders below.
            return 'store' if len(parts) == 3 and parts[2].endswith('.hpp') and parts[2] in STORE_HEADERS else 'storage'
        return CORE.get(parts[1])
    if len(parts) < 3:
        return None
    if parts[1] == 'storage':
        return 'store' if len(parts) == 3 and parts[2].endswith('.hpp') else 'storage'
    return parts[1] if parts[1] in ALLOWED else None


# The headers of core/storage that are interfaces (everything else there is an engine).
STORE_HEADERS = {'stores.hpp', 'database.hpp', 'migrations.hpp', 'platform_stores.hpp'}


def main():
    bad, checked = [], 0
    inc = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
    for root, _, files in os.walk(ROOT):
        for f in sorted(files):
            if not f.endswith(('.cpp', '.hpp')):
                continue
            path = os.path.join(root, f)
            rel = os.path.relpath(path, ROOT)
            src_layer = layer_of(rel)
            if src_layer is None:
                bad.append(f'{rel}: not in a known layer folder')
                continue
            allowed = ALLOWED[src_layer]
            tests = f.endswith(('_test.cpp', '_test.hpp', '_fixture.hpp', '_test_support.hpp')) or f.startswith('test_')
            for target in inc.findall(open(path, encoding='utf-8').read()):
                checked += 1
                t_layer = layer_of(target)
                if t_layer is None:
                    bad.append(f'{rel}: includes "{target}", which is in no layer')
                elif allowed is not None and t_layer not in allowed and not (tests and t_layer == 'storage'):
                    bad.append(f'{rel} ({src_layer}) includes "{target}" ({t_layer})')
    for b in bad:
        print('wrong-way include:', b)
    print(f'layers: {checked - len(bad)} passed, {len(bad)} failed')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
