#!/usr/bin/env bash
# compare.sh measures gwlint against the naive way of segmenting with gse
# (bench/naive) and against three generic Chinese copy-editing linters, and
# writes the table to bench/RESULTS.md (or to the file given as $1; "-" for
# standard output only).
#
# Everything is measured in one run on one machine and compared as ratios:
# absolute times on a shared machine drift by tens of percent from minute
# to minute, ratios measured side by side much less.
#
# Needs: Go, and on Debian hyperfine and GNU time (installed when missing
# and running as root); Node and npm for the three linters (installed into
# a temporary directory; their rows are left out when npm is missing).
# Knobs: RUNS (hyperfine runs of the quick commands, default 10),
# BATCH_RUNS (runs of the batch and corpus commands, default 3), COPIES
# (how many copies of the corpus make the batch, default 10).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=${1:-bench/RESULTS.md}
runs=${RUNS:-10}
batch_runs=${BATCH_RUNS:-3}
copies=${COPIES:-10}
export LC_ALL=C.UTF-8

# The third-party linters, pinned so that a rerun measures the same code.
npm_packages=(autocorrect-node@2.14.0 @lint-md/cli@2.2.4 zhlint@0.8.2)

say() { printf '%s\n' "$*" >&2; }
die() { say "compare.sh: $*"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/gwlint-bench.XXXXXX")
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT

# --- tools -------------------------------------------------------------
need=()
command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || die "missing ${need[*]}: install them (apt-get install ${need[*]}) or run as root"
  say "installing ${need[*]} from Debian"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; }
fi

have_npm=0
if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then
  say "installing ${npm_packages[*]} into $work/npm"
  if npm install --prefix "$work/npm" --no-audit --no-fund --loglevel=error "${npm_packages[@]}" >"$work/npm.log" 2>&1; then
    have_npm=1
  else
    say "npm install failed (see below); the linters' rows are left out"; tail -5 "$work/npm.log" >&2
  fi
else
  say "no node/npm: the linters' rows are left out"
fi
bin=$work/npm/node_modules/.bin

say "building gwlint and bench/naive"
go build -o "$work/gwlint" ./cmd/gwlint
go build -ldflags='-s -w' -o "$work/gwlint-stripped" ./cmd/gwlint
go build -o "$work/naive" ./bench/naive
gw=$work/gwlint
naive=$work/naive

# --- inputs ------------------------------------------------------------
# The cold-check draft: the first 5,000 characters of 国发〔2019〕4号, the
# draft lint/seg and lint benchmarks use too.
src=$(grep -l '国发〔2019〕4号' testdata/corpus/gov/*.txt | head -1)
[ -n "$src" ] || die "国发〔2019〕4号 is not in testdata/corpus/gov"
text=$(<"$src")
draft=$work/draft5000.txt
printf '%s\n' "${text:0:5000}" >"$draft"
[ "$(wc -m <"$draft")" -eq 5001 ] || die "the draft is not 5,000 characters: is the C.UTF-8 locale missing?"

# The batch: the corpus COPIES times, each copy in its own directory.
mapfile -t corpus < <(find testdata/corpus -name '*.txt' | sort)
for ((i = 0; i < copies; i++)); do
  for f in "${corpus[@]}"; do
    d=$work/batch/c$i/$(basename "$(dirname "$f")")
    mkdir -p "$d" && cp "$f" "$d/"
  done
done
mapfile -t batch < <(find "$work/batch" -name '*.txt' | sort -V)
ndocs=${#batch[@]}
batch_mb=$(du -sm --apparent-size "$work/batch" | cut -f1)
printf '%s\n' "${batch[@]}" >"$work/batch.list"

# The Markdown linters read only .md files; plain text is valid Markdown.
mkdir -p "$work/md/gov" "$work/md/all"
for f in testdata/corpus/gov/*.txt; do cp "$f" "$work/md/gov/$(basename "$f" .txt).md"; done
for f in "${corpus[@]}"; do cp "$f" "$work/md/all/$(basename "$(dirname "$f")")-$(basename "$f" .txt).md"; done
mkdir -p "$work/txt/all"
for f in "${corpus[@]}"; do cp "$f" "$work/txt/all/$(basename "$(dirname "$f")")-$(basename "$f")"; done

# --- functions the steps below share ---------------------------------
# hf NAME CMD... runs hyperfine on the commands and leaves NAME.csv:
# command,mean,stddev,median,user,system,min,max (seconds).
hf() {
  local name=$1 n=$2; shift 2
  hyperfine -N -i --style none --warmup 1 --runs "$n" --export-csv "$work/$name.csv" "$@" >/dev/null 2>"$work/$name.err" ||
    { cat "$work/$name.err" >&2; die "hyperfine failed on $name"; }
}
# col NAME ROW FIELD: a field (2 mean, 3 stddev, 7 min) of a row (1-based).
col() { awk -F, -v r="$2" -v c="$3" 'NR == r + 1 { print $c }' "$work/$1.csv"; }
ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
# faster NAIVE GWLINT: how many times faster gwlint is, or slower.
faster() { awk -v a="$1" -v b="$2" 'BEGIN { r = a / b; if (r >= 1) printf "%.1f× faster", r; else printf "%.1f× slower", 1 / r }'; }
# peak CMD...: "maxrss_kb elapsed_s cpu_s" of one run.
peak() {
  /usr/bin/time -f '%M %e %U %S' -o "$work/time.out" "$@" >/dev/null 2>&1 || true
  # GNU time puts "Command exited with non-zero status" first when it did.
  tail -n 1 "$work/time.out" | awk '{ printf "%d %s %.2f\n", $1, $2, $3 + $4 }'
}
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
size_mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f MB (%.1f MiB)", b / 1e6, b / 1048576 }'; }

# --- measurements ------------------------------------------------------
say "cold check: $runs runs each"
hf cold "$runs" "$gw check --fail-level info $draft" "$naive $draft"
gw_cold=$(col cold 1 2); naive_cold=$(col cold 2 2)

say "peak RSS"
read -r gw_rss _ _ < <(peak "$gw" check --fail-level info "$draft")
read -r naive_rss _ _ < <(peak "$naive" "$draft")

say "batch of $ndocs documents: $batch_runs runs each"
hf batch "$batch_runs" "$gw check --fail-level info $work/batch" "$naive ${batch[*]}"
gw_batch=$(col batch 1 2); naive_batch=$(col batch 2 2)
read -r _ gw_el gw_cpu < <(peak "$gw" check --fail-level info "$work/batch")
read -r _ naive_el naive_cpu < <(peak "$naive" "${batch[@]}")

say "memory as the batch grows"
rss_rows=""
for n in 60 300 600 "$ndocs"; do
  [ "$n" -le "$ndocs" ] || continue
  mapfile -t part < <(head -n "$n" "$work/batch.list")
  read -r g _ _ < <(peak "$gw" check --fail-level info "${part[@]}")
  read -r v _ _ < <(peak "$naive" "${part[@]}")
  rss_rows+="| $n | $(mb "$g") MB | $(mb "$v") MB |"$'\n'
done

# Findings on the 60 State Council documents, each tool counted in its own
# unit: gwlint, lint-md and zhlint report one finding per problem;
# autocorrect one per line it would rewrite.
gw_count=$("$gw" check --fail-level info --format json testdata/corpus/gov | grep -o '"rule": *"' | wc -l || true)
gw_top=$("$gw" check --fail-level info --format json testdata/corpus/gov | grep -o '"rule": *"[^"]*"' |
  sed 's/.*"\([^"]*\)"$/\1/' | sort | uniq -c | sort -rn | head -3 | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $1 }' || true)

linter_rows=""
if [ "$have_npm" -eq 1 ]; then
  say "the three linters on the corpus: $batch_runs runs each"
  # zhlint lints only its first argument, so it gets a glob it expands
  # itself (hyperfine -N runs commands without a shell).
  (cd "$work/md" && hf linters "$batch_runs" \
    "$gw check --fail-level info $work/txt/all" \
    "$bin/autocorrect --lint --format json $work/txt/all" \
    "$bin/lint-md $(printf '%s ' all/*.md)" \
    "$bin/zhlint all/*.md")
  gw_corpus=$(col linters 1 2)

  ac=$("$bin/autocorrect" --lint --format json "$root"/testdata/corpus/gov 2>/dev/null | grep -o '"l":' | wc -l || true)
  ac_top="one per line to rewrite: spaces around digits and Latin letters"
  lm_out=$(cd "$work/md/gov" && "$bin/lint-md" ./*.md 2>&1 || true)
  lm=$(grep -cE '^ +[0-9]+:[0-9]+ +(error|warning)' <<<"$lm_out" || true)
  lm_top=$(grep -E '^ +[0-9]+:[0-9]+ +(error|warning)' <<<"$lm_out" | awk '{ print $NF }' | sort | uniq -c | sort -rn | head -3 |
    awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $1 }')
  zl_out=$(cd "$work/md" && "$bin/zhlint" 'gov/*.md' 2>&1 || true)
  zl=$(grep -cE '^[^ ]+:[0-9]+:[0-9]+ - ' <<<"$zl_out" || true)
  zl_top=$(grep -E '^[^ ]+:[0-9]+:[0-9]+ - ' <<<"$zl_out" | sed 's/^[^ ]* - //' | sort | uniq -c | sort -rn | head -3 |
    awk '{ c = $1; $1 = ""; printf "%s%s %s", (NR > 1 ? "; " : ""), substr($0, 2), c }')

  linter_rows+="| gwlint | $(ms "$gw_corpus") ms | 1.0 | $gw_count | $gw_top |"$'\n'
  i=2
  for row in "autocorrect-node|$ac|$ac_top" "@lint-md/cli|$lm|$lm_top" "zhlint|$zl|$zl_top"; do
    IFS='|' read -r name count top <<<"$row"
    t=$(col linters "$i" 2)
    linter_rows+="| $name | $(ms "$t") ms | $(div "$t" "$gw_corpus") | $count | $top |"$'\n'
    i=$((i + 1))
  done
fi

# --- the table ---------------------------------------------------------
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
memgb=$(awk '/MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
{
  echo "# gwlint's speed, measured"
  echo
  echo "Measured $(date -u +%Y-%m-%d) by \`bench/compare.sh\` on $(nproc) CPUs ($cpu), ${memgb} GiB of memory, $(go env GOVERSION), $(uname -sr)."
  echo "The naive program (\`bench/naive\`) loads gse's embedded zh_s dictionary the usual way and segments each file: what any gse-based checker pays before its first rule. Ratios are taken within one run; absolute times on a shared machine are noise."
  echo
  echo "| measure | gwlint | naive gse | ratio | target |"
  echo "|---|---|---|---|---|"
  echo "| cold check, 5,000-character draft, every rule (hyperfine mean ± σ, $runs runs) | $(ms "$gw_cold") ± $(ms "$(col cold 1 3)") ms | $(ms "$naive_cold") ± $(ms "$(col cold 2 3)") ms | $(faster "$naive_cold" "$gw_cold") | ≥ 50× |"
  echo "| peak RSS, same check (\`/usr/bin/time\` maximum resident set size) | $(mb "$gw_rss") MB | $(mb "$naive_rss") MB | $(div "$naive_rss" "$gw_rss")× less | ≤ 50 MB |"
  echo "| batch, $ndocs documents ($batch_mb MB, the corpus $copies times), $batch_runs runs | $(awk -v n="$ndocs" -v t="$gw_batch" 'BEGIN { printf "%.0f", n / t }') docs/s ($(ms "$gw_batch") ms) | $(awk -v n="$ndocs" -v t="$naive_batch" 'BEGIN { printf "%.0f", n / t }') docs/s ($(ms "$naive_batch") ms) | $(faster "$naive_batch" "$gw_batch") | ≥ 3× |"
  echo "| CPU time ÷ wall time in the batch (cores used) | $(div "$gw_cpu" "$gw_el") | $(div "$naive_cpu" "$naive_el") | | both cores |"
  echo "| binary size | $(size_mb "$gw"); stripped (\`-ldflags='-s -w'\`) $(size_mb "$work/gwlint-stripped") | $(size_mb "$naive") | | ≤ 25 MB |"
  echo
  echo "Peak RSS as the batch grows (the target is memory that stays flat):"
  echo
  echo "| documents | gwlint | naive gse |"
  echo "|---|---|---|"
  printf '%s' "$rss_rows"
  if [ -n "$linter_rows" ]; then
    echo
    echo "Generic Chinese copy-editing linters (npm: ${npm_packages[*]}): time on the corpus (${#corpus[@]} files, hyperfine mean of $batch_runs runs) and findings on the 60 published State Council documents in \`testdata/corpus/gov\`, gwlint at \`--fail-level info\`:"
    echo
    echo "| tool | corpus | × gwlint's time | findings on gov/ | most frequent |"
    echo "|---|---|---|---|---|"
    printf '%s' "$linter_rows"
    echo
    echo "How each tool's findings are counted: gwlint, JSON findings; lint-md and zhlint, one printed problem each; autocorrect, one entry per line it would rewrite (a line with three digit runs is one finding). Most of what the generic linters report on these published, correctly formatted documents is their house style for mixed Chinese and Latin text: a space between Han characters and digits or Latin letters (\`2018 年\`, \`10 个省\`, \`支持 IPv6\`), and half-width brackets. 公文 style (GB/T 9704—2012, GB/T 15834—2011) writes \`2018年10月27日\`, \`国办函〔2018〕71号\` and full-width \`（一）\` with no spaces, so on a 公文 every such finding is a false alarm; gwlint's findings on the same documents are about the 公文's own rules."
  fi
} >"$work/RESULTS.md"

cat "$work/RESULTS.md"
if [ "$out" != "-" ]; then
  cp "$work/RESULTS.md" "$out"
  say "written to $out"
fi
