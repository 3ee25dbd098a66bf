#!/usr/bin/env bash
# The ROFS build benchmark (see osv-bench/README.md). Builds nothing: it needs the jars of
# `mvn -B package -DskipTests` (or install). Generates the big and small trees, then per tree times,
# RUNS times after one warm-up, and reports medians in seconds:
#   baseline    find TREE -type f -print0 | sort -z | xargs -0 cat > OUT   (read every file once,
#               write one file; GNU cat copies in the kernel with copy_file_range where it can)
#   cli         bin/osv image build ... from the osv-cli distribution       (JVM start included;
#               ROFS written into a kernel-less raw disk + descriptor, every run a full rebuild; the
#               warm-up run writes the launcher's class-data-sharing archive)
#   cli-jar     java -jar lib/osv-cli.jar image build ...                  (the same without the launcher)
#   in-process  JMH RofsBuildBenchmark.rofs: manifest -> tree -> ROFS in a warm JVM
#   image       JMH RofsBuildBenchmark.image: what the CLI does, in a warm JVM
#   zfs         JMH RofsBuildBenchmark.zfs: manifest -> tree -> ZFS pool in a warm JVM
# then a heap check: the CLI with a small heap on the big tree and on a tree of one 512 MiB file.
#
# Usage: osv-bench/run-rofs-bench.sh [RUNS]
# Environment: WORK (default osv-bench/target/bench-work), RUNS (default 5), HEAP (default 32m),
#              TREES (default "big small"), JAVA (default java).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
RUNS=${1:-${RUNS:-5}}
WORK=${WORK:-$here/target/bench-work}
HEAP=${HEAP:-32m}
TREES=${TREES:-big small}
JAVA=${JAVA:-java}

bench_jar=$here/target/osv-bench.jar
cli_dist=$(ls -d "$root"/osv-cli/target/osv-cli-*-dist/osv-cli-* 2>/dev/null | head -n 1 || true)
if [[ ! -f $bench_jar || -z $cli_dist ]]; then
  echo "missing $bench_jar or the osv-cli distribution: run 'mvn -B package -DskipTests' first" >&2
  exit 1
fi
cli_jar=$cli_dist/lib/osv-cli.jar
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
export OSV_CACHE_DIR=$WORK/osv-cli-cache JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v "$JAVA")")")")}
rm -rf "$OSV_CACHE_DIR"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); if (NR % 2) print v[m]; else printf "%.3f\n", (v[m] + v[m + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# Times "$@" RUNS times after one warm-up; before each run, $reset (a function name) is called untimed.
# Prints the median; the single runs go to stderr.
time_runs() {
  local label=$1 reset=$2
  shift 2
  local times=() i t0 t1
  for ((i = 0; i <= RUNS; i++)); do
    "$reset"
    t0=$(now)
    "$@"
    t1=$(now)
    if ((i > 0)); then
      times+=("$(elapsed "$t0" "$t1")")
    fi
  done
  echo "  $label: ${times[*]}" >&2
  median "${times[@]}"
}

echo "== machine"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cpus: $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "work dir: $WORK ($(df -T "$WORK" | awk 'NR == 2 { print $2 " on " $1 }'))"
echo "java: $("$JAVA" -version 2>&1 | head -n 1)"
echo "cat: $(cat --version 2>/dev/null | head -n 1 || echo 'not GNU')"

echo "== generating trees (kept when already generated)"
"$JAVA" -cp "$bench_jar" io.osvmaven.bench.TreeGenerator "$WORK" $TREES single

baseline_out= cli_dir=
# untimed: the previous run's dirty pages are written back before the next run starts, for every row
reset_baseline() { rm -f "$baseline_out"; sync; }
reset_cli() { rm -rf "$cli_dir"; mkdir -p "$cli_dir"; sync; }
run_baseline() { (cd "$tree_root" && find tree -type f -print0 | sort -z | xargs -0 cat > "$baseline_out"); }
run_cli() {
  "$cli_dist/bin/osv" image build --manifest "$tree_root/usr.manifest" --base-dir "$tree_root" \
    --output "$cli_dir/$tree.img" > /dev/null 2>&1
}
run_cli_jar() {
  "$JAVA" -jar "$cli_jar" image build --manifest "$tree_root/usr.manifest" --base-dir "$tree_root" \
    --output "$cli_dir/$tree.img" > /dev/null 2>&1
}
# Median of the measured iterations of a JMH single-shot run (ms/op), in seconds; four warm-up
# iterations warm the JIT on the same tree (two are not enough for the 30,000 entries of the small one).
jmh_median() {
  local method=$1 log="$WORK/jmh-$tree-$1.txt"
  "$JAVA" -jar "$bench_jar" "RofsBuildBenchmark.$method\$" -p manifest="$tree_root/usr.manifest" \
    -wi 4 -i "$RUNS" -f 1 > "$log" 2>&1 || { echo "JMH failed, see $log" >&2; exit 1; }
  local times=($(awk '/^Iteration/ { printf "%.3f\n", $3 / 1000 }' "$log"))
  echo "  jmh $method: ${times[*]}" >&2
  median "${times[@]}"
}

declare -A base cli clijar inproc image zfs
for tree in $TREES; do
  tree_root=$WORK/$tree
  baseline_out=$tree_root/baseline.out
  cli_dir=$tree_root/cli
  echo "== $tree ($(du -sh "$tree_root/tree" | cut -f1)), $RUNS runs after one warm-up"
  base[$tree]=$(time_runs baseline reset_baseline run_baseline)
  cli[$tree]=$(time_runs cli reset_cli run_cli)
  clijar[$tree]=$(time_runs cli-jar reset_cli run_cli_jar)
  inproc[$tree]=$(jmh_median rofs)
  image[$tree]=$(jmh_median image)
  zfs[$tree]=$(jmh_median zfs)
  rm -rf "$baseline_out" "$cli_dir" "$tree_root/out"
done

echo "== heap check: the CLI with -Xmx$HEAP (from -Xlog:gc: peak = largest heap occupancy before a GC,"
echo "   live = largest occupancy after a GC)"
for tree in big single; do
  tree_root=$WORK/$tree
  cli_dir=$tree_root/cli
  reset_cli
  gc_log=$WORK/gc-$tree.log
  if "$JAVA" -Xmx"$HEAP" -Xlog:gc:file="$gc_log" -jar "$cli_jar" image build \
      --manifest "$tree_root/usr.manifest" --base-dir "$tree_root" --output "$cli_dir/$tree.img" > /dev/null 2>&1; then
    peak=$(grep -oE '[0-9]+M->[0-9]+M' "$gc_log" | cut -dM -f1 | sort -n | tail -n 1)
    live=$(grep -oE '[0-9]+M->[0-9]+M' "$gc_log" | cut -d'>' -f2 | tr -d M | sort -n | tail -n 1)
    largest=$(find "$tree_root/tree" -type f -printf '%s\n' | sort -n | tail -n 1)
    echo "  $tree (largest file $((largest / 1048576)) MiB): ok, $(grep -c 'Pause' "$gc_log") GC pauses," \
      "peak ${peak:-?} MiB, live ${live:-?} MiB"
  else
    echo "  $tree: FAILED with -Xmx$HEAP (see $gc_log)"
  fi
  rm -rf "$cli_dir"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== results (median seconds; goal: ratios <= 1.3)"
echo "| tree | baseline s | CLI (bin/osv) s | CLI (java -jar) s | in-process s | in-process image s | CLI / baseline | CLI java -jar / baseline | in-process / baseline | in-process image / baseline |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for tree in $TREES; do
  echo "| $tree | ${base[$tree]} | ${cli[$tree]} | ${clijar[$tree]} | ${inproc[$tree]} | ${image[$tree]} |" \
    "$(ratio "${cli[$tree]}" "${base[$tree]}") | $(ratio "${clijar[$tree]}" "${base[$tree]}") |" \
    "$(ratio "${inproc[$tree]}" "${base[$tree]}") | $(ratio "${image[$tree]}" "${base[$tree]}") |"
done

echo "== ZFS (issue 5 goals: ZFS / ROFS <= 2, both in-process)"
echo "| tree | baseline s | ROFS in-process s | ZFS in-process s | ZFS / ROFS | ZFS / baseline |"
echo "|---|---|---|---|---|---|"
for tree in $TREES; do
  echo "| $tree | ${base[$tree]} | ${inproc[$tree]} | ${zfs[$tree]} | $(ratio "${zfs[$tree]}" "${inproc[$tree]}") |" \
    "$(ratio "${zfs[$tree]}" "${base[$tree]}") |"
done
