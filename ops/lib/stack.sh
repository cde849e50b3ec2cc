#!/usr/bin/env bash
# ops/lib/stack.sh — shared helpers for ops/local, ops/hermes, ops/bench and ops/test. Source it;
# it only defines variables and functions (it does not change shell options).
#
# Variables (absolute paths):
#   HERMES_ROOT        the repository root
#   HERMES_LOCAL       the local stack's state folder (git-ignored): $HERMES_ROOT/.local
#   HERMES_WORKER_JAR  worker/target/hermes-worker-<version>.jar   (+ worker/target/lib/*.jar)
#   HERMES_TOOLS_JAR   ops/tools/target/hermes-ops-tools-<version>.jar (+ ops/tools/target/lib/*.jar)
#   HERMES_BENCH_JAR   ops/benchmark/target/hermes-bench-<version>.jar (+ ops/benchmark/target/lib/*.jar)
#
# Functions:
#   stack_usage [FILE]            prints the header comment of FILE (default: the running script)
#   stack_load_env                sources $HERMES_LOCAL/env (written by ops/local up) if it exists: it
#                                 fills in the stack's settings that the environment does not set
#   stack_build_reason            prints why the jars need a (re)build; returns 1 if they are current
#   stack_jars_present            0 if every runtime jar (worker, tools, bench) and its lib/ exists
#   stack_ensure_built [--if-missing|--keep-going]
#                                 builds with `mvn -B -q install` (tests skipped) when needed (serialized
#                                 by a lock); --if-missing only builds when a jar is absent;
#                                 --keep-going uses the existing jars (with a warning) if the build fails
#   stack_snapshot_classpath worker|broker
#                                 copies the runtime jars to $HERMES_LOCAL/cp/<kind>-<hash>/ (reused when
#                                 unchanged) and prints that folder: long-running JVMs must not run from
#                                 target/, which every `mvn install` or `mvn clean` rewrites under them
#   stack_classpath_dir worker|broker   the folder the current jars map to (not created)
#   stack_classpath_of_pid PID    the -cp folder of a running JVM
#   stack_prune_classpaths        removes the snapshots no process of $HERMES_LOCAL/pids runs from
# and, from ops/lib/proc.sh (sourced here): stack_say, stack_die, stack_now_ms, pid files, ports,
# the lock, launching, waiting for and stopping processes.

HERMES_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERMES_LOCAL="$HERMES_ROOT/.local"
HERMES_VERSION="0.1.0-SNAPSHOT"
HERMES_WORKER_JAR="$HERMES_ROOT/worker/target/hermes-worker-$HERMES_VERSION.jar"
HERMES_WORKER_LIB="$HERMES_ROOT/worker/target/lib"
HERMES_TOOLS_JAR="$HERMES_ROOT/ops/tools/target/hermes-ops-tools-$HERMES_VERSION.jar"
HERMES_TOOLS_LIB="$HERMES_ROOT/ops/tools/target/lib"
HERMES_BENCH_JAR="$HERMES_ROOT/ops/benchmark/target/hermes-bench-$HERMES_VERSION.jar"
HERMES_BENCH_LIB="$HERMES_ROOT/ops/benchmark/target/lib"
: "${STACK_NAME:=$(basename "$0")}"

# shellcheck source=ops/lib/proc.sh
. "$HERMES_ROOT/ops/lib/proc.sh"

stack_usage() { awk 'NR == 1 {next} /^#/ {sub(/^# ?/, ""); print; next} {exit}' "${1:-$0}"; }

stack_load_env() {
    # shellcheck disable=SC1091
    if [ -r "$HERMES_LOCAL/env" ]; then . "$HERMES_LOCAL/env"; fi
}

# ---------------------------------------------------------------------------------------- build

# The inputs of the runtime jars: poms, main sources and resources, the JSON schemas. Test sources
# are left out on purpose: they do not change what ops/local runs.
_stack_build_inputs() {
    local d
    printf '%s\n' "$HERMES_ROOT/pom.xml"
    for d in schemas producer-client ops/admin worker ops/tools ops/benchmark; do
        [ -f "$HERMES_ROOT/$d/pom.xml" ] && printf '%s\n' "$HERMES_ROOT/$d/pom.xml"
        [ -d "$HERMES_ROOT/$d/src/main" ] && printf '%s\n' "$HERMES_ROOT/$d/src/main"
    done
    [ -d "$HERMES_ROOT/schemas/json" ] && printf '%s\n' "$HERMES_ROOT/schemas/json"
    # the fuzz kit lives with the worker's tests and is compiled into the benchmark jar too
    [ -d "$HERMES_ROOT/worker/src/test/java/dev/hermes/worker/fuzz/kit" ] \
        && printf '%s\n' "$HERMES_ROOT/worker/src/test/java/dev/hermes/worker/fuzz/kit"
    return 0
}

# 0 if every runtime jar and its lib/ folder exist (worker, ops tools, benchmark).
stack_jars_present() {
    local jar
    for jar in "$HERMES_WORKER_JAR" "$HERMES_TOOLS_JAR" "$HERMES_BENCH_JAR"; do [ -f "$jar" ] || return 1; done
    for jar in "$HERMES_WORKER_LIB" "$HERMES_TOOLS_LIB" "$HERMES_BENCH_LIB"; do
        compgen -G "$jar/*.jar" >/dev/null || return 1
    done
}

stack_build_reason() {
    local jar oldest="" newer
    for jar in "$HERMES_WORKER_JAR" "$HERMES_TOOLS_JAR" "$HERMES_BENCH_JAR"; do
        if [ ! -f "$jar" ]; then echo "${jar#"$HERMES_ROOT"/} is missing"; return 0; fi
        if [ -z "$oldest" ] || [ "$jar" -ot "$oldest" ]; then oldest="$jar"; fi
    done
    for jar in "$HERMES_WORKER_LIB" "$HERMES_TOOLS_LIB" "$HERMES_BENCH_LIB"; do
        if ! compgen -G "$jar/*.jar" >/dev/null; then echo "${jar#"$HERMES_ROOT"/}/ is missing"; return 0; fi
    done
    local inputs=() since=(-newer "$oldest")
    # the stamp is touched when a build starts: a source that compiles to the same bytes (the jar
    # plugin then keeps the old jar) does not cause a rebuild every time
    [ -f "$HERMES_LOCAL/build.stamp" ] && since+=(-newer "$HERMES_LOCAL/build.stamp")
    mapfile -t inputs < <(_stack_build_inputs)
    newer="$(find "${inputs[@]}" -type f "${since[@]}" -print -quit 2>/dev/null || true)"
    if [ -n "$newer" ]; then echo "${newer#"$HERMES_ROOT"/} is newer than the jars"; return 0; fi
    return 1
}

stack_ensure_built() {
    local mode="${1:-}" reason start rc log
    if [ "$mode" = "--if-missing" ] && stack_jars_present; then return 0; fi
    reason="$(stack_build_reason)" || return 0
    command -v mvn >/dev/null 2>&1 || stack_die "cannot build: mvn is not installed (apt-get install -y maven openjdk-17-jdk-headless)"
    mkdir -p "$HERMES_LOCAL/logs"
    # Serialize builds of concurrent ops/* invocations; re-check once we hold the lock.
    exec {_stack_build_fd}>"$HERMES_LOCAL/build.lock"
    if command -v flock >/dev/null 2>&1; then flock "$_stack_build_fd"; fi
    if ! reason="$(stack_build_reason)"; then
        exec {_stack_build_fd}>&-
        return 0
    fi
    log="$HERMES_LOCAL/logs/build.log"
    stack_say "building the Java modules ($reason)"
    start=$(stack_now_ms)
    touch "$HERMES_LOCAL/build.stamp.new"
    rc=0
    # First without compiling tests (fast, and immune to test code that is half-written); that needs
    # the worker's test-jar from an earlier install, so on a pristine ~/.m2 it fails and the full
    # `install -DskipTests` runs.
    (cd "$HERMES_ROOT" && mvn -B -q install -Dmaven.test.skip=true) >"$log" 2>&1 </dev/null || rc=$?
    if [ "$rc" != 0 ] && grep -q 'Could not resolve dependencies\|DependencyResolutionException' "$log"; then
        stack_say "no worker test-jar installed yet; building with: mvn -B -q install -DskipTests"
        rc=0
        (cd "$HERMES_ROOT" && mvn -B -q install -DskipTests) >>"$log" 2>&1 </dev/null || rc=$?
    fi
    if [ "$rc" = 0 ]; then mv -f "$HERMES_LOCAL/build.stamp.new" "$HERMES_LOCAL/build.stamp"; fi
    exec {_stack_build_fd}>&-
    if [ "$rc" != 0 ]; then
        stack_say "build FAILED (exit $rc); first errors (full log: ${log#"$HERMES_ROOT"/}):"
        grep -m 12 '^\[ERROR\]' "$log" | cut -c1-240 >&2 || tail -n 20 "$log" >&2
        if [ "$mode" = "--keep-going" ] && stack_jars_present; then
            stack_say "WARNING: continuing with the jars of an earlier build ($(date -r "$HERMES_WORKER_JAR" '+%F %T')); they do not include your latest source changes"
            return 0
        fi
        exit 1
    fi
    stack_say "built in $(( $(stack_now_ms) - start )) ms"
}

# ---------------------------------------------------------------------------------- classpaths

# stack_classpath_dir KIND: the snapshot folder the current jars map to (not created).
stack_classpath_dir() {
    _stack_classpath "$1"
    printf '%s\n' "$_stack_cp_dir"
}

stack_snapshot_classpath() {
    local f
    _stack_classpath "$1"
    if [ ! -f "$_stack_cp_dir/.complete" ]; then
        rm -rf "$_stack_cp_dir.tmp" "$_stack_cp_dir"
        mkdir -p "$_stack_cp_dir.tmp"
        cp -p "${_stack_cp_files[@]}" "$_stack_cp_dir.tmp/"
        touch "$_stack_cp_dir.tmp/.complete"
        mv "$_stack_cp_dir.tmp" "$_stack_cp_dir"
    fi
    printf '%s\n' "$_stack_cp_dir"
}

# Sets _stack_cp_files (the jars) and _stack_cp_dir (their snapshot folder) for KIND.
_stack_classpath() {
    local kind="$1" files=() f key hash
    case "$kind" in
        worker)
            files=("$HERMES_WORKER_JAR" "$HERMES_WORKER_LIB"/*.jar)
            # the hermes jars are rebuilt all the time: their size and mtime are part of the key
            key="$(stat -c '%n %s %Y' "${files[@]}")" ;;
        broker)
            # only third-party jars (fixed versions): the key survives rebuilds of the hermes modules
            for f in "$HERMES_TOOLS_LIB"/*.jar; do
                case "$(basename "$f")" in hermes-*) ;; *) files+=("$f") ;; esac
            done
            key="$(for f in "${files[@]}"; do printf '%s %s\n' "$(basename "$f")" "$(stat -c %s "$f")"; done)" ;;
        *) stack_die "stack_snapshot_classpath: unknown kind $kind" ;;
    esac
    if [ "${#files[@]}" -eq 0 ] || [ ! -f "${files[0]}" ]; then stack_die "no jars for the $kind classpath; build first"; fi
    hash="$(printf '%s' "$key" | md5sum | cut -c1-12)"
    _stack_cp_files=("${files[@]}")
    _stack_cp_dir="$HERMES_LOCAL/cp/$kind-$hash"
}

# stack_classpath_of_pid PID: the classpath folder a JVM we started runs from (its -cp argument).
stack_classpath_of_pid() {
    [ -r "/proc/$1/cmdline" ] || return 0
    tr '\0' '\n' <"/proc/$1/cmdline" | awk 'prev == "-cp" {sub(/\/\*$/, ""); print; exit} {prev = $0}'
}

# Removes classpath snapshots that no running process uses.
stack_prune_classpaths() {
    local dir pid used=""
    [ -d "$HERMES_LOCAL/cp" ] || return 0
    for pid in "$HERMES_LOCAL"/pids/*.pid; do
        pid="$(stack_pid_of "$pid" 2>/dev/null)" || continue
        [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && used+="$(tr '\0' ' ' <"/proc/$pid/cmdline") "
    done
    for dir in "$HERMES_LOCAL"/cp/*; do
        [ -d "$dir" ] || continue
        case "$used" in *"$dir/"*) ;; *) rm -rf "$dir" ;; esac
    done
}
