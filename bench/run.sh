#!/usr/bin/env bash
# bench/run.sh: time errcodelint against staticcheck (what users already
# run) and a no-op analyzer, on the same packages, in one run, and print
# the median ratios.
#
#   bash bench/run.sh                          # std gen100 gen1000 gen3000, 3 rounds
#   ROUNDS=1 CORPORA="std gen100" bash bench/run.sh
#   DRIVER=1 bash bench/run.sh                 # also the in-process driver table
#
# Corpora: std; genN (bench/gen's synthetic service, N packages); deps
# (the module's dependencies; DRIVER table only); dir=PATH (a module of
# your own, with its errcodes.yaml in place; its first catalog is edited).
#
# The engine table: each round, on each corpus, each tool runs
#   cold    its results cache empty: errcodelint is a copy of the binary
#           with a few bytes appended and gets a new ERRCODELINT_CACHE;
#           staticcheck gets a new STATICCHECK_CACHE; the no-op is the
#           same copy trick as a go vet -vettool (a new tool ID).
#           Compiled packages stay in the build cache.
#   rerun   the same again, nothing changed;
#   edit    (errcodelint) after a one-line edit of one catalog;
#   before  (errcodelint) the in-process driver, ERRCODELINT_ENGINE=inprocess,
#           which caches nothing (its rerun is its cold run).
# /usr/bin/time gives wall time, CPU (user+sys, the process and the
# children it waited for) and peak RSS (of the largest single process of
# the tree). The machine's other load makes wall times noisy: compare CPU
# too. Goals: errcodelint rerun <= staticcheck rerun; edit <= 0.5 x
# staticcheck cold; peak RSS <= staticcheck cold's, flat in packages.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

ROUNDS=${ROUNDS:-3}
CORPORA=${CORPORA:-"std gen100 gen1000 gen3000"}
DRIVER=${DRIVER:-0}
VET=${VET:-0}
VET_N=${VET_N:-100}
VET_ROUNDS=${VET_ROUNDS:-3}
BEFORE_MAX=${BEFORE_MAX:-1200} # the in-process driver's runs above this many packages are skipped
STATICCHECK=${STATICCHECK:-honnef.co/go/tools/cmd/staticcheck@v0.8.2}

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
# staticcheck: the release that builds with this Go.
GOBIN=$bin go install "$STATICCHECK"

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

# -- The engine table -------------------------------------------------

# run1 LABEL DIR ENV... -- CMD...: one timed run of CMD in DIR with ENV
# added; appends "wall cpu rss_kb" to $work/LABEL.times.
run1() {
  local label=$1 dir=$2
  shift 2
  local env=()
  while [[ $1 != -- ]]; do
    env+=("$1")
    shift
  done
  shift
  local out=$work/time.out rc=0
  (cd "$dir" && env "${env[@]}" /usr/bin/time -f "%e %U %S %M" -o "$out" "$@" >/dev/null 2>"$work/run.stderr") || rc=$?
  # Exit 0 is clean, 3 (errcodelint) and 1 (staticcheck) mean findings.
  if [[ $rc != 0 && $rc != 3 && ! ($rc == 1 && $label == sc.*) ]]; then
    echo "warning: $label exited $rc in $dir: $(grep -v '^Command exited' "$work/run.stderr" | head -3)" >&2
  fi
  awk '!/^Command/ {print $1, $2 + $3, $4}' "$out" >>"$work/$label.times"
}

# catalogs DIR: the catalog files of a corpus, one per line.
catalogs() { find "$1" -name errcodes.yaml | sort; }

# engine NAME DIR PKGS...: the rounds on one corpus, then its table rows.
engine() {
  local name=$1 dir=$2
  shift 2
  local npkg ndeps
  npkg=$(cd "$dir" && go list "$@" | wc -l)
  ndeps=$(cd "$dir" && go list -deps -test "$@" | wc -l)
  echo "# $name: $npkg packages, $ndeps with dependencies and tests" >&2
  # Compiled packages, test variants included, in the build cache: the
  # first tool of a round must not pay for compiling them.
  (cd "$dir" && go list -test -deps -export "$@" >/dev/null 2>&1) || true
  rm -f "$work"/*.times
  local edit
  edit=$(catalogs "$dir" | head -1)
  for ((r = 1; r <= ROUNDS; r++)); do
    local ecl=$bin/errcodelint.r$r noop=$bin/noopfacts.r$r
    cp "$bin/errcodelint" "$ecl"
    cp "$bin/noopfacts" "$noop"
    printf '\nround %d %s %s\n' "$r" "$name" "$RANDOM" | tee -a "$ecl" >>"$noop"
    local ucache=$work/units.r$r scache=$work/staticcheck.r$r
    rm -rf "$ucache" "$scache"
    mkdir -p "$scache"
    run1 ecl.cold "$dir" ERRCODELINT_CACHE="$ucache" -- "$ecl" "$@"
    run1 sc.cold "$dir" STATICCHECK_CACHE="$scache" -- "$bin/staticcheck" "$@"
    run1 noop.cold "$dir" -- go vet -vettool="$noop" "$@"
    run1 ecl.rerun "$dir" ERRCODELINT_CACHE="$ucache" -- "$ecl" "$@"
    run1 sc.rerun "$dir" STATICCHECK_CACHE="$scache" -- "$bin/staticcheck" "$@"
    run1 noop.rerun "$dir" -- go vet -vettool="$noop" "$@"
    if [[ -n $edit ]]; then
      printf '# bench edit %d\n' "$r" >>"$edit"
      run1 ecl.edit "$dir" ERRCODELINT_CACHE="$ucache" -- "$ecl" "$@"
    fi
    if ((npkg <= BEFORE_MAX)); then
      run1 ecl.before "$dir" ERRCODELINT_ENGINE=inprocess -- "$ecl" "$@"
    fi
    rm -rf "$ecl" "$noop" "$ucache" "$scache"
  done
  local -A w c m
  for t in ecl.cold ecl.rerun ecl.edit ecl.before sc.cold sc.rerun noop.cold noop.rerun; do
    if [[ -s $work/$t.times ]]; then
      w[$t]=$(median 1 "$work/$t.times")
      c[$t]=$(median 2 "$work/$t.times")
      m[$t]=$(awk -v k="$(median 3 "$work/$t.times")" 'BEGIN {printf "%.0f", k / 1024}')
    else
      w[$t]=nan c[$t]=nan m[$t]=nan
    fi
  done
  # row RUN ECL SC NOOP: errcodelint's run against staticcheck's and the no-op's.
  row() {
    printf '| %s | %s | %s | %.2f | %.2f | %s | %.2f | %.2f | %s | %s | %s | %s | %s |\n' \
      "$name" "$npkg/$ndeps" "$1" "${w[$2]}" "${c[$2]}" "${m[$2]}" "${w[$3]}" "${c[$3]}" "${m[$3]}" \
      "$(ratio "${w[$2]}" "${w[$3]}")" "$(ratio "${c[$2]}" "${c[$3]}")" "$(ratio "${m[$2]}" "${m[sc.cold]}")" \
      "$([[ -n $4 ]] && ratio "${w[$2]}" "${w[$4]}" || echo -)"
  }
  row cold ecl.cold sc.cold noop.cold
  row rerun ecl.rerun sc.rerun noop.rerun
  [[ -n $edit ]] && row "catalog edit ÷ sc cold" ecl.edit sc.cold noop.cold
  [[ -s $work/ecl.before.times ]] && row "before (in-process) ÷ sc cold" ecl.before sc.cold ""
  return 0
}

echo
echo "errcodelint against staticcheck $("$bin/staticcheck" -version | awk '{print $2, $3}') and the no-op analyzer (go vet -vettool), medians of $ROUNDS rounds:"
echo
echo "| corpus | packages / with deps | run | errcodelint wall (s) | CPU (s) | peak RSS (MB) | staticcheck wall (s) | CPU (s) | peak RSS (MB) | ÷ sc wall | ÷ sc CPU | RSS ÷ sc cold RSS | ÷ no-op wall |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for c in $CORPORA; do
  case $c in
  std)
    engine std "$work" std
    ;;
  dir=*)
    engine "$(basename "${c#dir=}")" "${c#dir=}" ./...
    ;;
  gen*)
    engine "$c" "$(gen "${c#gen}")" ./...
    ;;
  deps) ;;
  *)
    echo "unknown corpus $c" >&2
    exit 2
    ;;
  esac
done

[[ $DRIVER == 1 ]] || exit 0

# -- The in-process driver table ----------------------------------------

export ERRCODELINT_ENGINE=inprocess
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
