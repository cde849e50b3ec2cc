#!/bin/sh
# /app/bin/hermes — the operator CLI (dev.hermes.ops.cli.HermesCli) in the ops image
# (ops/deploy/ops.Dockerfile). Same commands and environment as ops/hermes, e.g. the compose
# `topics` service runs
#   hermes topics create --partitions 24
# Extra JVM options: HERMES_CLI_JAVA_OPTS.
JAVA="${JAVA_HOME:-/opt/java/openjdk}/bin/java"
[ -x "$JAVA" ] || JAVA=java
if ! ls /app/lib/hermes-ops-tools*.jar >/dev/null 2>&1; then
    echo "hermes: this image has no hermes-ops-tools jar (the CLI is in the ops image, ops/deploy/ops.Dockerfile)" >&2
    exit 2
fi
# shellcheck disable=SC2086
exec "$JAVA" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 ${HERMES_CLI_JAVA_OPTS:-} \
    -cp '/app/lib/*' dev.hermes.ops.cli.HermesCli "$@"
