# ops/deploy/ops.Dockerfile — the operator CLI image (ops/hermes as /app/bin/hermes), apart from the
# worker image so that production workers carry only the worker's classpath.
#
# Build from the repository root:
#
#   docker build -f ops/deploy/ops.Dockerfile --build-arg VERSION=0.1.0 \
#       -t registry.example.com/hermes/ops:0.1.0 .
#
# The compose `topics` service and the Kubernetes topics Job run it:
#   hermes topics create --partitions 24 --replication 3
# Same environment as ops/hermes (KAFKA_BOOTSTRAP_SERVERS, HERMES_TOPIC_PREFIX, HERMES_PG_URL, ...).
# The benchmark (ops/benchmark) is in neither image.

ARG MAVEN_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

# ---------------------------------------------------------------- build
FROM ${MAVEN_IMAGE} AS build
WORKDIR /src
COPY . .
# -DskipTests still compiles the tests: ops/tools' tests need the worker's test-jar.
RUN set -eux; \
    mvn -B -q -DskipTests -pl ops/tools -am clean package; \
    mkdir -p /out/lib; \
    cp ops/tools/target/lib/*.jar /out/lib/; \
    find ops/tools/target -maxdepth 1 -name 'hermes-ops-tools-*.jar' \
        ! -name '*-tests.jar' ! -name '*-sources.jar' -exec cp {} /out/lib/ \; ; \
    if ls /out/lib | grep -E '^hermes-bench'; then echo 'the benchmark does not belong in the ops image' >&2; exit 1; fi; \
    ls -l /out/lib

# ---------------------------------------------------------------- runtime
FROM ${RUNTIME_IMAGE}
ARG VERSION=0.1.0-SNAPSHOT
ARG REVISION=unknown
RUN set -eux; \
    groupadd --system --gid 10001 hermes; \
    useradd --system --uid 10001 --gid 10001 --home-dir /home/hermes --create-home \
        --shell /usr/sbin/nologin hermes
COPY --from=build /out/lib/ /app/lib/
COPY ops/deploy/hermes-cli.sh /app/bin/hermes
RUN chmod 0755 /app/bin/hermes && chmod -R a+rX /app
ENV PATH=/app/bin:${PATH}
USER 10001:10001
WORKDIR /home/hermes
LABEL org.opencontainers.image.title="hermes-ops" \
      org.opencontainers.image.description="hermes-runtime operator CLI (topics, ensure, settings, forget, audit, dlq)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}"
ENTRYPOINT ["/app/bin/hermes"]
