#!/usr/bin/env bash
# bench/run.sh: time errcodelint against no-op analyzers on the same driver
# and the same packages, and print the median ratios.
#
#   bash bench/run.sh                 # every corpus, 5 rounds each
#   ROUNDS=3 bash bench/run.sh        # fewer rounds
#   CORPORA="gen10 gen100" bash bench/run.sh
#   VET=0 bash bench/run.sh           # skip the go vet measurements
#
# Corpora: std; deps (the module's dependencies: `go list -deps ./...`
# without our own packages); genN (bench/gen's synthetic service, N
# packages). Each tool runs once untimed on each corpus (to warm the build
# cache, which the driver reads export data from), then the tools take
# turns, ROUNDS times. /usr/bin/time gives wall time, CPU (user+sys) and
# peak RSS; the table shows errcodelint's medians and their ratios to the
# medians of:
#   no-op        one analyzer that requires inspect and reports nothing;
#   no-op+facts  the same with a fact type, so that the driver loads every
#                dependency from source and analyzes it, as it must for
#                errcodelint, whose passes follow helpers across packages.
# Then go vet -vettool on the generated corpus, cold (the tool has never
# run: every package, std included, is analyzed for facts; compiled
# packages are in the build cache) and warm (nothing changed: vet's cache
# answers).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

ROUNDS=${ROUNDS:-5}
CORPORA=${CORPORA:-"std deps gen10 gen100 gen1000"}
VET=${VET:-1}
VET_N=${VET_N:-100}
VET_ROUNDS=${VET_ROUNDS:-3}

if [[ ! -x /usr/bin/time ]]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq time >/dev/null
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/errcodelint-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
bin=$work/bin
mkdir -p "$bin"
go build -o "$bin/errcodelint" ./cmd/errcodelint
go build -o "$bin/noop" ./bench/noop
go build -o "$bin/noopfacts" ./bench/noopfacts
tools=(errcodelint noop noopfacts)

echo "# $(go version); $(nproc) cores; $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $ROUNDS rounds" >&2

# measure TOOL DIR ARGS...: one timed run; appends "wall cpu rss_kb" to
# $work/TOOL.times. Exit 0 (clean) and 3 (findings) are both runs that
# completed; anything else is reported.
measure() {
  local tool=$1 dir=$2
  shift 2
  local out=$work/time.out rc=0
  (cd "$dir" && /usr/bin/time -f "%e %U %S %M" -o "$out" "$bin/$tool" "$@" >/dev/null 2>"$work/$tool.stderr") || rc=$?
  if [[ $rc != 0 && $rc != 3 ]]; then
    echo "warning: $tool exited $rc on $dir $*: $(grep -v '^Command exited' "$work/$tool.stderr" | head -3)" >&2
  fi
  awk '!/^Command/ {print $1, $2 + $3, $4}' "$out" >>"$work/$tool.times"
}

# median COLUMN FILE
median() {
  sort -g -k"$1,$1" "$2" | awk -v c="$1" '{v[NR] = $c} END {if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

# bench NAME PACKAGES DIR ARGS...
bench() {
  local name=$1 npkg=$2 dir=$3
  shift 3
  echo "# $name: $npkg packages" >&2
  for t in "${tools[@]}"; do
    rm -f "$work/$t.times"
    measure "$t" "$dir" "$@" # warm-up, not counted
    rm -f "$work/$t.times"
  done
  for ((r = 1; r <= ROUNDS; r++)); do
    for t in "${tools[@]}"; do
      measure "$t" "$dir" "$@"
    done
  done
  local -A wall cpu rss
  for t in "${tools[@]}"; do
    wall[$t]=$(median 1 "$work/$t.times")
    cpu[$t]=$(median 2 "$work/$t.times")
    rss[$t]=$(median 3 "$work/$t.times")
  done
  local e=errcodelint
  printf '| %s | %s | %.1f | %.1f | %.0f | %s | %s | %s | %s | %s | %s | %.0f | %.0f |\n' \
    "$name" "$npkg" "${wall[$e]}" "${cpu[$e]}" "$(awk -v k="${rss[$e]}" 'BEGIN {print k / 1024}')" \
    "$(ratio "${wall[$e]}" "${wall[noop]}")" "$(ratio "${cpu[$e]}" "${cpu[noop]}")" "$(ratio "${rss[$e]}" "${rss[noop]}")" \
    "$(ratio "${wall[$e]}" "${wall[noopfacts]}")" "$(ratio "${cpu[$e]}" "${cpu[noopfacts]}")" "$(ratio "${rss[$e]}" "${rss[noopfacts]}")" \
    "$(awk -v w="${wall[$e]}" -v n="$npkg" 'BEGIN {print 1000 * w / n}')" \
    "$(awk -v w="${wall[noopfacts]}" -v n="$npkg" 'BEGIN {print 1000 * w / n}')"
}

gen() {
  local n=$1 dir=$work/gen$1
  if [[ ! -d $dir ]]; then
    go run ./bench/gen -n "$n" -o "$dir" -catalogs testdata/catalogs
  fi
  echo "$dir"
}

echo
echo "errcodelint's medians, and its ratios to the no-op analyzers' (lower is better; 1.00 is free):"
echo
echo "| corpus | packages | wall (s) | CPU (s) | peak RSS (MB) | ÷ no-op wall | CPU | RSS | ÷ no-op+facts wall | CPU | RSS | wall per package (ms) | no-op+facts per package (ms) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for c in $CORPORA; do
  case $c in
  std)
    bench std "$(go list std | wc -l)" "$work" std
    ;;
  deps)
    mapfile -t deps < <(go list -deps ./... | grep -v '^github.com/errcodelint/errcodelint')
    bench deps "${#deps[@]}" "$root" "${deps[@]}"
    ;;
  gen*)
    n=${c#gen}
    dir=$(gen "$n")
    bench "$c" "$(cd "$dir" && go list ./... | wc -l)" "$dir" ./...
    ;;
  *)
    echo "unknown corpus $c" >&2
    exit 2
    ;;
  esac
done

[[ $VET == 1 ]] || exit 0

# go vet -vettool on the generated corpus. Cold: a copy of the tool with a
# few bytes appended, so that its ID (a hash of the executable) is new and
# vet has no cached result for any package; compiled packages stay cached.
dir=$(gen "$VET_N")
(cd "$dir" && go build ./...)
vet() {
  local tool=$1 mode=$2 out=$work/time.out
  (cd "$dir" && /usr/bin/time -f "%e %U %S %M" -o "$out" go vet -vettool="$tool" ./... >/dev/null 2>&1) || true
  awk '!/^Command/ {print $1, $2 + $3, $4}' "$out" >>"$work/vet.$mode.$(basename "$tool" | sed 's/\.cold.*//')"
}
for ((r = 1; r <= VET_ROUNDS; r++)); do
  for t in "${tools[@]}"; do
    cold=$bin/$t.cold$r
    cp "$bin/$t" "$cold"
    printf 'round %d %s' "$r" "$RANDOM" >>"$cold"
    vet "$cold" cold
    vet "$cold" warm
    rm -f "$cold"
  done
done
echo
echo "go vet -vettool on gen$VET_N ($(cd "$dir" && go list ./... | wc -l) packages, $(cd "$dir" && go list -deps ./... | wc -l) with dependencies), medians of $VET_ROUNDS rounds:"
echo
echo "| run | errcodelint wall (s) | CPU (s) | peak RSS (MB) | ÷ no-op wall | CPU | ÷ no-op+facts wall | CPU |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for mode in cold warm; do
  e=$work/vet.$mode.errcodelint n=$work/vet.$mode.noop f=$work/vet.$mode.noopfacts
  printf '| %s | %.2f | %.2f | %.0f | %s | %s | %s | %s |\n' "$mode" \
    "$(median 1 "$e")" "$(median 2 "$e")" "$(awk -v k="$(median 3 "$e")" 'BEGIN {print k / 1024}')" \
    "$(ratio "$(median 1 "$e")" "$(median 1 "$n")")" "$(ratio "$(median 2 "$e")" "$(median 2 "$n")")" \
    "$(ratio "$(median 1 "$e")" "$(median 1 "$f")")" "$(ratio "$(median 2 "$e")" "$(median 2 "$f")")"
done
