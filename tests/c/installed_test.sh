#!/usr/bin/env bash
# An install as a C program and a shell user meet it: `cmake --install` into a scratch prefix, a C
# program built with pkg-config alone, and the command finding the shipped policies by name.
# Usage: installed_test.sh BUILD_DIR SOURCE_DIR SCRATCH_DIR C_COMPILER
set -euo pipefail
build=$1 src=$2 scratch=$3 cc=$4
rm -rf "$scratch" && mkdir -p "$scratch"
prefix="$scratch/prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null

libdir=$(dirname "$(find "$prefix" -name rulebook.pc -print -quit)")/..
[ -f "$prefix/share/rulebook/policies/customer-service.yaml" ] || { echo "no policies in share/rulebook"; exit 1; }
[ -f "$prefix/share/rulebook/policies/calendars/cn-2026.yaml" ] || { echo "no calendars in share/rulebook"; exit 1; }
[ ! -e "$prefix/share/rulebook/policies/tests" ] || { echo "the policies' tests were installed"; exit 1; }

# The SONAME carries major.minor (the API may change with a minor version before 1.0).
soname=$(objdump -p "$libdir/librulebook.so" | awk '/SONAME/ {print $2}')
version=$(PKG_CONFIG_PATH="$libdir/pkgconfig" pkg-config --modversion rulebook)
[ "$soname" = "librulebook.so.${version%.*}" ] || { echo "SONAME $soname for version $version"; exit 1; }
# Only the C and C++ API are exported: none of yaml-cpp's or simdjson's symbols.
if nm -DC --defined-only "$libdir/librulebook.so" | grep -E ' (YAML|simdjson)::' | head -3 | grep .; then
  echo "librulebook.so exports its parsers' symbols"; exit 1
fi

# A C program with nothing but pkg-config.
export PKG_CONFIG_PATH="$libdir/pkgconfig"
# shellcheck disable=SC2046
"$cc" -std=c11 -Wall -Wextra -Werror -o "$scratch/c_api_test" "$src/tests/c/c_api_test.c" $(pkg-config --cflags --libs rulebook)
(cd "$src/policies" && LD_LIBRARY_PATH="$libdir" "$scratch/c_api_test" "$src")

# The installed command and library find the shipped policies by name, with no path set.
unset RULEBOOK_POLICY_PATH
status=0
"$prefix/bin/rulebook" check --policy customer-service "$src/examples/march-2026.yaml" --format json \
  >"$scratch/verdict.json" || status=$?
[ "$status" -eq 1 ] || { echo "check by name: exit $status"; exit 1; }
cmp "$scratch/verdict.json" "$src/tests/cli/expected/example-json.out"
"$prefix/bin/rulebook" lint --policy vip-account-managers --policy calendars/cn-2026 >/dev/null
status=0
"$prefix/bin/rulebook" lint --policy customer-servise 2>"$scratch/err" || status=$?
[ "$status" -eq 2 ] && grep -q "did you mean \`customer-service\`" "$scratch/err" || { cat "$scratch/err"; exit 1; }
echo "installed: ok"
