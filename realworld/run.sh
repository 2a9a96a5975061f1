#!/usr/bin/env bash
# realworld/run.sh: run errcodelint over every package of real Go modules,
# each with the catalog of its API, and give every report the verdict
# recorded in realworld/verdicts.tsv.
#
#   bash realworld/run.sh                  # every module of realworld/modules.txt
#   bash realworld/run.sh pebble minio     # only these modules (names from modules.txt)
#   bash realworld/run.sh -json            # one JSON document on stdout instead of text
#   KEEP=1 bash realworld/run.sh           # keep the work directory (printed on stderr)
#
# For each module: download it with `go mod download` (the module proxy is
# the only network needed), copy it out of the read-only module cache into a
# work directory (dropping replaces by directories its zip does not hold:
# monorepo siblings, nested modules), download its dependencies, and
# run the errcodelint built from this checkout with `-catalog CATALOG -json`
# on its packages. Then
# realworld/report prints every report as
#   module  file:line:col  pass  message  VERDICT  why
# then the defects found by reading (realworld/defects.tsv) that no true
# report found, and a table per module: reports, verdicts, precision,
# defects, found, recall. Packages that do not build are listed, not failed.
# Exit status: 0 when every report has a verdict and every module was
# analyzed, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

json=0
only=()
for a in "$@"; do
  case $a in
    -json) json=1 ;;
    -h | -help | --help)
      sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    -*)
      echo "run.sh: unknown flag $a" >&2
      exit 2
      ;;
    *) only+=("$a") ;;
  esac
done

work=$(mktemp -d "${TMPDIR:-/tmp}/errcodelint-realworld.XXXXXX")
if [[ ${KEEP:-0} == 1 ]]; then
  echo "# work directory: $work" >&2
else
  trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
fi
mkdir -p "$work/bin" "$work/out" "$work/src"
bin=$work/bin/errcodelint
go build -o "$bin" ./cmd/errcodelint

# wanted NAME: whether NAME was asked for (every module when none was).
wanted() {
  local n
  [[ ${#only[@]} == 0 ]] && return 0
  for n in "${only[@]}"; do [[ $n == "$1" ]] && return 0; done
  return 1
}

# analyze NAME MODULE@VERSION CATALOG PACKAGES: writes out/NAME.json and
# out/NAME.meta.
analyze() {
  # Several package patterns are written with commas between them.
  local name=$1 modver=$2 cat=$root/realworld/$3 pkgs=${4//,/ }
  local meta=$work/out/$name.meta dir=$work/src/$name
  echo "# $name: $modver" >&2
  {
    echo "module=$modver"
    echo "root=$dir"
  } >"$meta"
  local cache
  if ! cache=$(go mod download -json "$modver" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p') || [[ -z $cache ]]; then
    echo "error=go mod download $modver failed" >>"$meta"
    return
  fi
  cp -r "$cache" "$dir"
  chmod -R u+w "$dir"
  # A module from before modules (+incompatible, no go.mod) gets the go.mod
  # pinned in realworld/pinned/NAME.go.mod; tidy then only adds what those
  # exact requirements imply, so the build stays reproducible.
  if [[ ! -f $dir/go.mod ]]; then
    if [[ ! -f $root/realworld/pinned/$name.go.mod ]]; then
      echo "error=$modver has no go.mod and realworld/pinned/$name.go.mod does not exist" >>"$meta"
      return
    fi
    cp "$root/realworld/pinned/$name.go.mod" "$dir/go.mod"
    rm -rf "$dir/vendor"
    if ! (cd "$dir" && go mod tidy) >"$work/out/$name.tidy" 2>&1; then
      echo "error=go mod tidy with the pinned go.mod failed: $(head -c 300 "$work/out/$name.tidy" | tr '\n' ' ')" >>"$meta"
      return
    fi
  fi
  # A replace by a directory that the module zip does not hold cannot be
  # honoured: a monorepo's sibling (../../), or a nested module, which the
  # zip leaves out. Drop those replaces so the exact versions the go.mod
  # requires come from the proxy, and let tidy record their sums.
  local drops="" old new
  while read -r old new; do
    [[ -z $old ]] && continue
    if [[ ! -f $dir/$new/go.mod ]]; then
      drops+=" $old"
    fi
  done < <(cd "$dir" && go mod edit -json | awk '
    /"Old": \{/ { side = "old"; o = ""; next }
    /"New": \{/ { side = "new"; next }
    /"Path": / { v = $0; sub(/.*"Path": "/, "", v); sub(/".*/, "", v)
      if (side == "old") o = v; else if (side == "new" && v ~ /^\.\.?\//) print o, v }
    /"Version": / && side == "old" { v = $0; sub(/.*"Version": "/, "", v); sub(/".*/, "", v); o = o "@" v }')
  if [[ -n $drops ]]; then
    for old in $drops; do
      (cd "$dir" && go mod edit -dropreplace="$old")
    done
    if ! (cd "$dir" && go mod tidy) >"$work/out/$name.tidy" 2>&1; then
      echo "error=go mod tidy after dropping replaces by missing directories failed: $(head -c 300 "$work/out/$name.tidy" | tr '\n' ' ')" >>"$meta"
      return
    fi
  fi
  # The module's own go.sum covers its dependencies; download them all so
  # that loading needs nothing more.
  if ! (cd "$dir" && go mod download) >"$work/out/$name.download" 2>&1; then
    echo "error=go mod download in the module failed: $(head -c 300 "$work/out/$name.download" | tr '\n' ' ')" >>"$meta"
    return
  fi
  local n
  n=$(cd "$dir" && go list -e $pkgs 2>/dev/null | wc -l)
  echo "packages=$n" >>"$meta"
  local start end rc=0
  start=$(date +%s.%N)
  (cd "$dir" && "$bin" -catalog "$cat" -json $pkgs) >"$work/out/$name.json" 2>"$work/out/$name.stderr" || rc=$?
  end=$(date +%s.%N)
  echo "seconds=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", b - a}')" >>"$meta"
  echo "rc=$rc" >>"$meta"
  # 3 means findings, 1 that some packages had errors (listed by the
  # report from the JSON tree); anything else is a failure of the tool.
  if [[ $rc != 0 && $rc != 1 && $rc != 3 ]]; then
    echo "error=errcodelint exited $rc: $(tail -c 300 "$work/out/$name.stderr" | tr '\n' ' ')" >>"$meta"
  fi
  if [[ ! -s $work/out/$name.json ]]; then
    echo "error=errcodelint printed no JSON: $(tail -c 300 "$work/out/$name.stderr" | tr '\n' ' ')" >>"$meta"
  fi
}

found=()
while read -r name modver cat pkgs _; do
  [[ -z $name || $name == \#* ]] && continue
  found+=("$name")
  wanted "$name" || continue
  analyze "$name" "$modver" "$cat" "$pkgs"
done <realworld/modules.txt

for n in "${only[@]}"; do
  if [[ " ${found[*]} " != *" $n "* ]]; then
    echo "run.sh: no module named $n in realworld/modules.txt" >&2
    exit 2
  fi
done

args=(-out "$work/out" -verdicts realworld/verdicts.tsv -defects realworld/defects.tsv)
[[ $json == 1 ]] && args+=(-json)
go run ./realworld/report "${args[@]}"
