# ops/deploy/worker.Dockerfile — the PRODUCTION hermes worker image.
#
# Build from the repository root (the context must hold the whole Maven reactor):
#
#   docker build -f ops/deploy/worker.Dockerfile \
#       --build-arg VERSION=0.1.0 --build-arg REVISION="$(git rev-parse HEAD)" \
#       -t registry.example.com/hermes/worker:0.1.0 .
#
# Needs the two base images below (Docker Hub) and Maven Central. Works with the classic builder
# and with BuildKit (nothing BuildKit-only is used). With BuildKit, the file
# worker.Dockerfile.dockerignore beside this one keeps target/, .git and .local out of the context.
# For a build with no registry at all see build-worker-image.sh (FROM scratch + jlink).
#
# Run-time contract (see README.md in this folder):
#   - configuration only from the environment (dev.hermes.worker.EnvConfig); secrets as files via
#     HERMES_API_KEY_SECRET_FILE and HERMES_PG_PASSWORD_FILE
#   - the Docker socket must be mounted (/var/run/docker.sock) and the container given the socket's
#     group: the gid differs per host, so it is added at run time (compose `group_add`, k8s
#     `supplementalGroups`), never baked in here. Access to that socket is root on the host.
#   - /metrics, /livez, /readyz on HERMES_HTTP_HOST:HERMES_HTTP_PORT (0.0.0.0:9400 in this image)
#   - SIGTERM drains (finish in-flight, commit, leave the group): give it 45 s
#   - /app/lib holds the worker's runtime classpath and nothing else: no ops CLI, no benchmark
#     (the CLI has its own image, ops/deploy/ops.Dockerfile); /app/bin/healthcheck is the HEALTHCHECK

ARG MAVEN_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

# ---------------------------------------------------------------- build
FROM ${MAVEN_IMAGE} AS build
WORKDIR /src
# Only the production modules: the reactor is cut down to schemas, producer-client, ops/admin (the
# settings store and its migrations) and worker, so the operator tools (ops/tools) and the
# benchmark (ops/benchmark) are neither built nor shipped, and a new ops module never changes this
# build.
# The poms alone first: the dependency download is a cached layer until a pom changes.
# (dependency plugin 3.9.0: its go-offline skips the reactor's own modules, 3.8.x does not)
COPY pom.xml ./
COPY schemas/pom.xml schemas/pom.xml
COPY producer-client/pom.xml producer-client/pom.xml
COPY ops/admin/pom.xml ops/admin/pom.xml
COPY worker/pom.xml worker/pom.xml
RUN set -eux; \
    sed -i '/<modules>/,/<\/modules>/{/<module>/{/<module>\(schemas\|producer-client\|ops\/admin\|worker\)<\/module>/!d}}' pom.xml; \
    test "$(grep -c '<module>' pom.xml)" = 4; \
    mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:go-offline
COPY schemas schemas
COPY producer-client producer-client
COPY ops/admin ops/admin
COPY worker worker
# Tests run in CI (they need Docker, Kafka and PostgreSQL). `clean` drops any target/ that the
# classic builder copied from the host. /out/lib: the worker jar and its runtime classpath only.
RUN set -eux; \
    mvn -B -q -DskipTests clean package; \
    mkdir -p /out/lib; \
    cp worker/target/lib/*.jar /out/lib/; \
    find worker/target -maxdepth 1 -name 'hermes-worker-*.jar' \
        ! -name '*-tests.jar' ! -name '*-sources.jar' -exec cp {} /out/lib/ \; ; \
    if ls /out/lib | grep -E '^hermes-' | grep -Ev '^hermes-(worker|schemas|admin)-'; then \
        echo 'only the worker and the libraries it needs belong in the image' >&2; exit 1; \
    fi; \
    ls -l /out/lib

# ---------------------------------------------------------------- runtime
FROM ${RUNTIME_IMAGE}
ARG VERSION=0.1.0-SNAPSHOT
ARG REVISION=unknown
# curl for the HEALTHCHECK (installed only if the base image lacks it); user hermes 10001:10001.
RUN set -eux; \
    if ! command -v curl >/dev/null 2>&1; then \
        apt-get update; \
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl ca-certificates; \
        rm -rf /var/lib/apt/lists/*; \
    fi; \
    groupadd --system --gid 10001 hermes; \
    useradd --system --uid 10001 --gid 10001 --home-dir /home/hermes --create-home \
        --shell /usr/sbin/nologin hermes
COPY --from=build /out/lib/ /app/lib/
COPY ops/deploy/healthcheck.sh /app/bin/healthcheck
RUN chmod 0755 /app/bin/healthcheck && chmod -R a+rX /app
ENV PATH=/app/bin:${PATH} \
    HERMES_HTTP_HOST=0.0.0.0 \
    HERMES_HTTP_PORT=9400
USER 10001:10001
WORKDIR /home/hermes
EXPOSE 9400
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 CMD ["/app/bin/healthcheck", "/readyz"]
LABEL org.opencontainers.image.title="hermes-worker" \
      org.opencontainers.image.description="hermes-runtime worker: per-user hermes agent containers on Kafka" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}"
# java is PID 1 (exec form): it gets SIGTERM directly and its shutdown hook drains.
# Extra JVM flags: JAVA_TOOL_OPTIONS (e.g. -Xlog:gc or a fixed -Xmx).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-Djna.tmpdir=/tmp", "-Djava.io.tmpdir=/tmp", "-cp", "/app/lib/*", "dev.hermes.worker.WorkerMain"]
