#!/bin/sh
# Runs the distribution's bin/osv for real, once per JDK: the one running the build and every JDK 25 or
# later installed under /usr/lib/jvm (Temurin 25 comes with this project's build machines; CDS flags
# and messages differ between releases). The first run of a command group writes its class-data-sharing
# archive, later runs load the tool's classes from it, the output and exit codes are those of
# `java -jar lib/osv-cli.jar`, the JVM's CDS messages never reach stdout or stderr, the compiler choice
# follows the launcher's rules, and a symlinked launcher finds its distribution.
# Usage: launcher-test.sh DIST_DIR WORK_DIR
set -eu
dist=$(cd "$1" && pwd -P)
root=$2
rm -rf "$root"
osv=$dist/bin/osv
failures=0
fail() {
  echo "launcher-test: FAILED ($java_name): $*" >&2
  failures=$((failures + 1))
}

run_checks() {
  work=$root/$java_name
  rm -rf "$work"
  mkdir -p "$work"
  export OSV_CACHE_DIR="$work/cache"

  "$JAVA_HOME/bin/java" -jar "$dist/lib/osv-cli.jar" profile list > "$work/expected.txt"

  "$osv" profile list > "$work/first.txt" 2> "$work/first.err" || fail "first run exited $?"
  cmp -s "$work/expected.txt" "$work/first.txt" || fail "first run printed something else than java -jar"
  [ -s "$work/first.err" ] && fail "first run wrote to stderr: $(cat "$work/first.err")"
  ls "$OSV_CACHE_DIR"/profile-*.jsa > /dev/null 2>&1 || fail "no archive for the profile group in $OSV_CACHE_DIR"
  ls -A "$OSV_CACHE_DIR" | grep -q '^\.' && fail "a temporary archive was left behind"

  OSV_JAVA_OPTS="-Xlog:class+load:file=$work/classes.txt" "$osv" profile list > "$work/second.txt" 2> "$work/second.err" \
    || fail "second run exited $?"
  cmp -s "$work/expected.txt" "$work/second.txt" || fail "second run printed something else than java -jar"
  [ -s "$work/second.err" ] && fail "second run wrote to stderr: $(cat "$work/second.err")"
  grep -q 'io.osvmaven.cli.Main source: shared objects file' "$work/classes.txt" \
    || fail "the second run did not load the tool's classes from the archive"

  # exit codes and messages pass through, on the archive-writing run (a new group) and on a cached one
  expected_status=0
  "$JAVA_HOME/bin/java" -jar "$dist/lib/osv-cli.jar" xen select --preset no-such-preset > /dev/null \
    2> "$work/usage.expected" || expected_status=$?
  [ "$expected_status" -ne 0 ] || fail "java -jar exited 0 for a bad preset"
  for attempt in first cached; do
    status=0
    "$osv" xen select --preset no-such-preset > /dev/null 2> "$work/usage.err" || status=$?
    [ "$status" -eq "$expected_status" ] || fail "$attempt run exited $status, java -jar $expected_status"
    cmp -s "$work/usage.expected" "$work/usage.err" || fail "$attempt run's stderr differs from java -jar's"
  done
  grep -q 'warning\]\[cds' "$work/usage.err" && fail "CDS messages reached stderr"

  # an image through the launcher: C1 only, except with --digest, whose SHA-256 needs C2's intrinsic
  mkdir -p "$work/tree/etc"
  echo "127.0.0.1 localhost" > "$work/tree/etc/hosts"
  echo "/etc/**: tree/etc/**" > "$work/usr.manifest"
  # the first run of the group writes its archive
  (cd "$work" && "$osv" image build --manifest usr.manifest --output out/first.img > /dev/null 2>&1) \
    || fail "first image build exited $?"
  (cd "$work" && OSV_JAVA_OPTS=-XX:+PrintFlagsFinal "$osv" image build --manifest usr.manifest --output out/a.img \
    > flags-plain.txt 2> /dev/null) || fail "image build exited $?"
  grep -Eq 'TieredStopAtLevel += 1 .*command line' "$work/flags-plain.txt" || fail "image build did not run with C1 only"
  (cd "$work" && OSV_JAVA_OPTS=-XX:+PrintFlagsFinal "$osv" image build --manifest usr.manifest --digest \
    --output out/b.img > flags-digest.txt 2> /dev/null) || fail "image build --digest exited $?"
  grep -Eq 'TieredStopAtLevel += 4 ' "$work/flags-digest.txt" || fail "image build --digest did not keep C2"
  sha=$(sha256sum "$work/out/b.img" | cut -d' ' -f1)
  grep -q "\"sha256\": \"$sha\"" "$work/out/b.json" || fail "the descriptor's sha256 is not sha256sum's $sha"
  cmp -s "$work/out/a.img" "$work/out/b.img" || fail "--digest changed the image"

  # arguments with spaces, an exported CDPATH, no HOME, a cache that cannot be written
  mkdir -p "$work/with space"
  cp "$work/usr.manifest" "$work/with space/my manifest"
  (cd "$work" && CDPATH=.:/tmp "$osv" image build --manifest "with space/my manifest" --output "with space/o u t.img" \
    > /dev/null 2>&1) || fail "arguments with spaces (and CDPATH) failed"
  cmp -s "$work/out/a.img" "$work/with space/o u t.img" || fail "arguments with spaces built something else"
  env -i PATH="$PATH" JAVA_HOME="$JAVA_HOME" "$osv" profile list > "$work/nohome.txt" 2>&1 \
    || fail "without HOME the launcher exited $?"
  cmp -s "$work/expected.txt" "$work/nohome.txt" || fail "without HOME the output differs"
  mkdir -p "$work/readonly"
  chmod 555 "$work/readonly"
  for unwritable in /proc/1 "$work/readonly/cache"; do
    OSV_CACHE_DIR=$unwritable "$osv" profile list > "$work/unwritable.txt" 2>&1 \
      || fail "with the cache $unwritable unwritable the launcher exited $?"
    cmp -s "$work/expected.txt" "$work/unwritable.txt" || fail "with the cache $unwritable unwritable the output differs"
  done

  mkdir -p "$work/bin"
  ln -sf "$osv" "$work/bin/osv"
  "$work/bin/osv" profile list > "$work/linked.txt" || fail "symlinked launcher exited $?"
  cmp -s "$work/expected.txt" "$work/linked.txt" || fail "symlinked launcher printed something else"

  rm -rf "$OSV_CACHE_DIR"
  OSV_CDS=off "$osv" profile list > "$work/off.txt" || fail "OSV_CDS=off exited $?"
  cmp -s "$work/expected.txt" "$work/off.txt" || fail "OSV_CDS=off printed something else"
  [ -e "$OSV_CACHE_DIR" ] && fail "OSV_CDS=off wrote an archive"
  return 0
}

# the JDK the build runs with, then the others of 25 or later, each once
if [ -n "${JAVA_HOME:-}" ]; then
  java_homes=$(readlink -f "$JAVA_HOME")
else
  java_homes=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
fi
for jdk in /usr/lib/jvm/*; do
  feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release" 2>/dev/null || true)
  jdk=$(readlink -f "$jdk")
  case " $java_homes " in
    *" $jdk "*) continue ;;
  esac
  if [ -n "$feature" ] && [ "$feature" -ge 25 ]; then
    java_homes="$java_homes $jdk"
  fi
done
for JAVA_HOME in $java_homes; do
  export JAVA_HOME
  java_name=$(basename "$JAVA_HOME")
  run_checks
  echo "launcher-test: checked with $java_name"
done

if [ "$failures" -ne 0 ]; then
  exit 1
fi
echo "launcher-test: bin/osv OK"
