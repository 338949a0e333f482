#!/usr/bin/env bash
# The installed bash completion completes commands and each command's own options.
# Usage: completion_test.sh rulebook.bash
set -euo pipefail
bash -n "$1"
# shellcheck disable=SC1090
source "$1"
complete_words() {
  COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
  _rulebook
  echo "${COMPREPLY[*]}"
}
[ "$(complete_words rulebook ch)" = "check" ] || { echo "commands: $(complete_words rulebook ch)"; exit 1; }
[[ " $(complete_words rulebook test --th) " == *" --threshold "* ]] || { echo "test options"; exit 1; }
[[ " $(complete_words rulebook lint --) " != *" --junit "* ]] || { echo "lint offers --junit"; exit 1; }
[ "$(complete_words rulebook check --lang z)" = "zh" ] || { echo "--lang values"; exit 1; }
echo "completion: ok"
