#!/usr/bin/env bash
# ops/lib/broker.sh — a single-node KRaft broker (broker + controller) as a host JVM, from the
# jars of ops/tools/target/lib (kafka_2.13 and friends). ops/local runs the local stack's broker
# with it, ops/deploy/test-worker-image.sh a throwaway one. Source it after ops/lib/proc.sh.
#
#   broker_configure DIR HOST PORT CONTROLLER_PORT
#       renders ops/kafka/server.properties.template into DIR/server.properties, data in DIR/data
#   broker_format CP DIR LOG
#       formats DIR/data once (KRaft, --standalone), with the cluster id kept in DIR/cluster-id;
#       nothing to do when DIR/data is formatted already. Returns 1 (log tail on stderr) on failure.
#   broker_launch CP DIR PIDFILE LOG JAVA_OPTION...
#       starts kafka.Kafka DIR/server.properties detached (stack_launch) with the broker's logging
#       (ops/kafka/logback.xml) and the given JVM options (heap, a marker for stack_pid_alive, ...)
# CP is a folder of jars (used as CP/*).

_BROKER_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"   # ops/

broker_configure() {
    local dir="$1" host="$2" port="$3" controller_port="$4"
    mkdir -p "$dir/data"
    sed -e "s|@HOST@|$host|g" -e "s|@PORT@|$port|g" -e "s|@CONTROLLER_PORT@|$controller_port|g" \
        -e "s|@DATA_DIR@|$dir/data|g" "$_BROKER_HOME/kafka/server.properties.template" >"$dir/server.properties.tmp"
    mv "$dir/server.properties.tmp" "$dir/server.properties"
}

_broker_java() { # CP HEAP ARGS...
    local cp="$1" heap="$2"
    shift 2
    java "-Xmx$heap" -Dlogback.configurationFile="$_BROKER_HOME/kafka/logback.xml" -cp "$cp/*" "$@"
}

broker_format() {
    local cp="$1" dir="$2" log="$3" cluster_id
    [ -f "$dir/data/meta.properties" ] && return 0
    if [ ! -s "$dir/cluster-id" ]; then
        _broker_java "$cp" 128m kafka.tools.StorageTool random-uuid 2>>"$log" | tail -n1 >"$dir/cluster-id"
    fi
    cluster_id="$(cat "$dir/cluster-id")"
    if [ -z "$cluster_id" ]; then
        stack_say "could not make a cluster id (see $log)"
        return 1
    fi
    stack_say "formatting the broker's storage (KRaft, cluster id $cluster_id) in ${dir#"${HERMES_ROOT:-}"/}/data"
    if ! _broker_java "$cp" 256m kafka.tools.StorageTool format --standalone -t "$cluster_id" \
        -c "$dir/server.properties" >>"$log" 2>&1; then
        tail -n 20 "$log" >&2
        stack_say "formatting the broker's storage failed"
        return 1
    fi
}

broker_launch() {
    local cp="$1" dir="$2" pidfile="$3" log="$4"
    shift 4
    stack_launch "$pidfile" "$log" java -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true "$@" \
        -Dlogback.configurationFile="$_BROKER_HOME/kafka/logback.xml" \
        -cp "$cp/*" kafka.Kafka "$dir/server.properties"
}
