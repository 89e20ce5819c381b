#!/usr/bin/env bash
# ratio-guard.sh fails when gwlint's cold check has become slow relative to
# the naive program (bench/naive: gse's full dictionary loaded the usual
# way), both measured here, now, on the same 5,000-character draft.
#
# Absolute times on a shared CI machine vary too much to guard; the ratio
# gwlint time / naive time, each the minimum of several runs, varies much
# less, because whatever slows the machine slows both. The recorded ratio
# is in bench/ratio-guard.baseline; the guard fails when the ratio measured
# now is more than twice it. A real regression that matters (reloading a
# large dictionary, a quadratic rule) moves the ratio by far more than 2×.
#
#   bench/ratio-guard.sh            check, exit 1 on a regression
#   bench/ratio-guard.sh --record   measure and write the baseline
#
# Uses hyperfine when installed, else a bash loop over `date +%s%N`. Needs
# no network. GW_RUNS and NAIVE_RUNS set the runs of each program
# (default 20 and 4): gwlint's runs are short, so many of them are cheap
# and make it likely that one falls in a quiet moment of the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
baseline_file=bench/ratio-guard.baseline
gw_runs=${GW_RUNS:-20}
naive_runs=${NAIVE_RUNS:-4}
record=0
case "${1:-}" in
  --record) record=1 ;;
  "") ;;
  *) echo "usage: bench/ratio-guard.sh [--record]" >&2; exit 2 ;;
esac
export LC_ALL=C.UTF-8

work=$(mktemp -d "${TMPDIR:-/tmp}/gwlint-guard.XXXXXX")
trap 'rm -rf "$work"' EXIT

go build -o "$work/gwlint" ./cmd/gwlint
go build -o "$work/naive" ./bench/naive

# The draft of the cold-check target: the first 5,000 characters of
# 国发〔2019〕4号, as in bench/compare.sh and the lint benchmarks.
src=$(grep -l '国发〔2019〕4号' testdata/corpus/gov/*.txt | head -1)
if [ -z "$src" ]; then
  echo "ratio-guard: 国发〔2019〕4号 is not in testdata/corpus/gov" >&2
  exit 2
fi
text=$(<"$src")
draft=$work/draft.txt
printf '%s\n' "${text:0:5000}" >"$draft"
if [ "$(wc -m <"$draft")" -ne 5001 ]; then
  echo "ratio-guard: the draft is not 5,000 characters (is the C.UTF-8 locale missing?)" >&2
  exit 2
fi

# fastest RUNS CMD...: the shortest wall time of RUNS runs, in seconds, after
# one warm-up run (which loads the binary into the page cache). gwlint
# exits 1 when it has findings, so exit codes are ignored; a crash shows
# in the output check below instead.
fastest() {
  local runs=$1
  shift
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N -i --style none --warmup 1 --runs "$runs" --export-csv "$work/t.csv" "$*" >/dev/null 2>&1
    awk -F, 'NR == 2 { print $7 }' "$work/t.csv"
  else
    "$@" >/dev/null 2>&1 || true
    local best="" start end i
    for ((i = 0; i < runs; i++)); do
      start=$(date +%s%N)
      "$@" >/dev/null 2>&1 || true
      end=$(date +%s%N)
      if [ -z "$best" ] || [ $((end - start)) -lt "$best" ]; then best=$((end - start)); fi
    done
    awk -v ns="$best" 'BEGIN { printf "%.6f\n", ns / 1e9 }'
  fi
}

# Both programs must do their work, or the ratio means nothing.
"$work/gwlint" check --fail-level info --format json "$draft" >"$work/gw.json" 2>&1 || [ $? -eq 1 ] ||
  { echo "ratio-guard: gwlint failed on the draft:" >&2; cat "$work/gw.json" >&2; exit 2; }
grep -q '"chars": *[1-9]' "$work/gw.json" ||
  { echo "ratio-guard: gwlint's report does not count the draft:" >&2; head -c 2000 "$work/gw.json" >&2; exit 2; }
"$work/naive" "$draft" >"$work/naive.out" ||
  { echo "ratio-guard: the naive program failed" >&2; exit 2; }

gw=$(fastest "$gw_runs" "$work/gwlint" check --fail-level info "$draft")
naive=$(fastest "$naive_runs" "$work/naive" "$draft")
ratio=$(awk -v g="$gw" -v n="$naive" 'BEGIN { printf "%.4f", g / n }')
echo "cold check of a 5,000-character draft, fastest of $gw_runs and $naive_runs runs: gwlint ${gw}s, naive gse ${naive}s; ratio $ratio ($(awk -v r="$ratio" 'BEGIN { printf "%.0f", 1 / r }')× faster)"

if [ "$record" -eq 1 ]; then
  {
    echo "# gwlint cold-check time / naive gse time (bench/ratio-guard.sh --record)"
    echo "# measured $(date -u +%Y-%m-%d) on $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'))"
    echo "cold_ratio=$ratio"
  } >"$baseline_file"
  echo "recorded in $baseline_file"
  exit 0
fi

base=$(sed -n 's/^cold_ratio=//p' "$baseline_file" 2>/dev/null | tail -1)
if [ -z "$base" ]; then
  echo "ratio-guard: no cold_ratio in $baseline_file; run bench/ratio-guard.sh --record" >&2
  exit 2
fi
if awk -v r="$ratio" -v b="$base" 'BEGIN { exit !(r > 2 * b) }'; then
  echo "ratio-guard: FAIL: ratio $ratio is more than twice the recorded $base: the cold check has become slower" >&2
  echo "ratio-guard: profile it: go test -run '^\$' -bench CheckDraft -cpuprofile cpu.prof ./lint/" >&2
  exit 1
fi
echo "ratio-guard: ok (recorded $base, limit $(awk -v b="$base" 'BEGIN { printf "%.4f", 2 * b }'))"
