#!/usr/bin/env bash
# Fails when a C++ file of src/ or bench/ is not formatted as .clang-format says
# (clang-format 14, Google style, 120 columns). Fix with:
#   git ls-files 'src/*.cpp' 'src/*.hpp' 'bench/*.cpp' | xargs clang-format -i
# Prints "format: N passed, N failed" (files).
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files 'src/*.cpp' 'src/*.hpp' 'bench/*.cpp' 2>/dev/null)
[ ${#files[@]} -gt 0 ] || mapfile -t files < <(find src bench -name '*.cpp' -o -name '*.hpp')
mapfile -t bad < <(clang-format --dry-run "${files[@]}" 2>&1 | grep -oE '^[^: ]+\.(cpp|hpp):[0-9]+:[0-9]+: (warning|error)' |
  cut -d: -f1 | sort -u)
for f in "${bad[@]}"; do echo "not formatted: $f"; done
echo "format: $((${#files[@]} - ${#bad[@]})) passed, ${#bad[@]} failed"
[ ${#bad[@]} -eq 0 ]
