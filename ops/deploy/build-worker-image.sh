#!/usr/bin/env bash
# ops/deploy/build-worker-image.sh [--build] [--force] [TAG]
#
# Builds the worker image for LOCAL use (default tag hermes-worker:local) with no registry and no
# base image: FROM scratch + a jlink'd JRE made from this machine's JDK + the glibc shared
# libraries that JRE needs + the worker's jars + a static busybox (sh, wget: healthcheck and
# debugging) + a tiny /etc/passwd. The production recipe is ops/deploy/worker.Dockerfile.
#
#   --build   build the worker first (mvn -B -q -pl worker -am clean package -DskipTests); without it
#             the build runs only when worker/target/hermes-worker-*.jar or worker/target/lib is missing
#   --force   rebuild the image even if its input hash has not changed
#
# The jlink module set is computed with `jdeps --print-module-deps` over the jars, plus
# jdk.crypto.ec (TLS), jdk.jfr/jdk.management (diagnostics) and a few modules that are only loaded
# reflectively. Desktop native libraries (AWT, X11, sound) are dropped: java.desktop stays only for
# java.beans, which jackson and jdbi use.
#
# The image carries the label hermes.worker-image-hash=<sha256 of every input>; when an image with
# this tag and hash exists nothing is done. The last line on stdout is the tag; progress on stderr.
# Inside: ENTRYPOINT java ... dev.hermes.worker.WorkerMain, user hermes (10001:10001),
# HERMES_HTTP_HOST=0.0.0.0, /app/bin/healthcheck (HEALTHCHECK on /readyz). /app/lib is the worker's
# runtime classpath only (worker/target: the jar and lib/); the build refuses any other hermes jar
# and any dev.hermes.ops class (the CLI, the benchmark). The operator CLI is a separate image
# (ops/deploy/ops.Dockerfile).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# shellcheck source=../lib/docker.sh
. "$ROOT/ops/lib/docker.sh"
# shellcheck source=../lib/rootfs.sh
. "$ROOT/ops/lib/rootfs.sh"

BUILD=0
FORCE=0
TAG=""
while [ $# -gt 0 ]; do
    case "$1" in
        --build) BUILD=1 ;;
        --force|-f) FORCE=1 ;;
        -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "build-worker-image.sh: unknown option $1" >&2; exit 2 ;;
        *) [ -z "$TAG" ] || { echo "build-worker-image.sh: only one tag" >&2; exit 2; }; TAG="$1" ;;
    esac
    shift
done
TAG="${TAG:-hermes-worker:local}"

log() { printf '[worker-image] %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

HERMES_UID=10001
HERMES_GID=10001
JRE_DIR=/opt/java/openjdk          # same JAVA_HOME as the eclipse-temurin production image
BUSYBOX=/bin/busybox
# Modules that jdeps cannot see (loaded by name or via ServiceLoader) but the worker needs.
EXTRA_MODULES=(jdk.crypto.ec jdk.jfr jdk.management java.management jdk.naming.dns)
# AWT/X11/sound/font natives: never loaded by a headless server; dropping them also drops libX11 & co.
DESKTOP_NATIVES=(libawt.so libawt_xawt.so libawt_headless.so libjawt.so libsplashscreen.so libjsound.so
                 libfontmanager.so liblcms.so libjavajpeg.so libmlib_image.so)
# Loaded at run time by the snappy-java / zstd-jni / lz4 / jna natives that the jars unpack to /tmp.
EXTRA_SHARED_LIBS=(libstdc++.so.6 libgcc_s.so.1 libz.so.1)

# ---------------------------------------------------------------- prerequisites
ensure_docker
is_static() { local out; [ -x "$1" ] || return 1; out="$(LC_ALL=C ldd "$1" 2>&1 || true)"; [[ "$out" == *"not a dynamic executable"* ]]; }
if ! is_static "$BUSYBOX"; then
    _hermes_apt_install busybox-static || die "need a static busybox at $BUSYBOX (apt-get install busybox-static)"
    is_static "$BUSYBOX" || die "$BUSYBOX is not statically linked (apt-get install busybox-static)"
fi
if ! command -v jlink >/dev/null 2>&1 || ! command -v jdeps >/dev/null 2>&1; then
    _hermes_apt_install openjdk-17-jdk-headless || die "need jlink and jdeps (openjdk-17-jdk-headless)"
fi
JAVA_HOME_HOST="$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")"
[ -f "$JAVA_HOME_HOST/jmods/java.base.jmod" ] || die "no jmods under $JAVA_HOME_HOST (jlink needs them)"
JAVA_FEATURE="$("$JAVA_HOME_HOST/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')"
[ "$JAVA_FEATURE" -ge 17 ] 2>/dev/null || die "need a JDK >= 17 for jlink, found $JAVA_FEATURE at $JAVA_HOME_HOST"

# ---------------------------------------------------------------- jars
worker_jar() { find "$ROOT/worker/target" -maxdepth 1 -name 'hermes-worker-*.jar' ! -name '*-tests.jar' ! -name '*-sources.jar' | sort | tail -n 1; }
if [ "$BUILD" = 1 ] || [ -z "$(worker_jar)" ] || [ ! -d "$ROOT/worker/target/lib" ]; then
    log "building the worker (mvn -B -q -pl worker -am clean package -DskipTests)"
    (cd "$ROOT" && mvn -B -q -pl worker -am clean package -DskipTests) >&2 || die "maven build failed"
fi
WORKER_JAR="$(worker_jar)"
[ -n "$WORKER_JAR" ] || die "no worker/target/hermes-worker-*.jar after the build"
mapfile -t LIB_JARS < <(find "$ROOT/worker/target/lib" -maxdepth 1 -name '*.jar' | sort)
[ "${#LIB_JARS[@]}" -gt 0 ] || die "worker/target/lib has no jars"
APP_JARS=("$WORKER_JAR" "${LIB_JARS[@]}")
# The worker's classpath and nothing else: no CLI, no benchmark (they are not production code).
for j in "${APP_JARS[@]}"; do
    case "$(basename "$j")" in
        hermes-worker-*|hermes-schemas-*|hermes-admin-*) ;;
        hermes-*) die "$(basename "$j") is not part of the worker's runtime classpath (left over in worker/target/lib? use --build)" ;;
        *) continue ;;
    esac
    if "$JAVA_HOME_HOST/bin/jar" tf "$j" | grep -q '^dev/hermes/ops/'; then
        die "$(basename "$j") holds dev.hermes.ops classes (the CLI or the benchmark); they do not belong in the worker image"
    fi
done

TARGET="$ROOT/ops/deploy/target"
mkdir -p "$TARGET"
if command -v flock >/dev/null 2>&1; then
    exec 9>"$TARGET/.lock"
    flock 9
fi

# ---------------------------------------------------------------- input hash
JAVA_VERSION_LINE="$("$JAVA_HOME_HOST/bin/java" -version 2>&1 | tr '\n' ' ')"
input_hash() {
    {
        echo "format=2"
        for f in build-worker-image.sh healthcheck.sh ../lib/rootfs.sh; do
            printf '%s ' "$f"; sha256sum < "$HERE/$f"
        done
        for j in "${APP_JARS[@]}"; do
            printf '%s ' "$(basename "$j")"; sha256sum < "$j"
        done
        printf 'busybox '; sha256sum < "$BUSYBOX"
        printf 'java %s\n' "$JAVA_VERSION_LINE"
        printf 'glibc %s\n' "$(ldd --version 2>&1 | head -n 1)"
    } | sha256sum | cut -c1-64
}
HASH="$(input_hash)"
image_hash() { docker image inspect --format '{{ index .Config.Labels "hermes.worker-image-hash" }}' "$1" 2>/dev/null || true; }
if [ "$FORCE" = 0 ] && [ "$(image_hash "$TAG")" = "$HASH" ]; then
    log "$TAG is up to date (hermes.worker-image-hash=${HASH:0:12})"
    echo "$TAG"
    exit 0
fi
log "building $TAG (hash ${HASH:0:12})"

# ---------------------------------------------------------------- jlink (cached by module set + JDK)
log "jdeps: computing the module set"
JDEPS_MODULES="$("$JAVA_HOME_HOST/bin/jdeps" --multi-release "$JAVA_FEATURE" --ignore-missing-deps -q \
    --print-module-deps "${APP_JARS[@]}" 2>/dev/null | tail -n 1)"
[ -n "$JDEPS_MODULES" ] || die "jdeps printed no modules"
MODULES="$({ tr ',' '\n' <<<"$JDEPS_MODULES"; printf '%s\n' "${EXTRA_MODULES[@]}"; } | sort -u | paste -sd, -)"
log "modules: $MODULES"
JRE_KEY="$(printf '%s|%s' "$MODULES" "$JAVA_VERSION_LINE" | sha256sum | cut -c1-16)"
JRE="$TARGET/jre-$JRE_KEY"
if [ ! -x "$JRE/bin/java" ]; then
    rm -rf "$TARGET"/jre-*
    log "jlink -> $(basename "$JRE")"
    "$JAVA_HOME_HOST/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages \
        --compress=2 --output "$JRE.tmp" >&2
    for n in "${DESKTOP_NATIVES[@]}"; do rm -f "$JRE.tmp/lib/$n"; done
    # Debian's libjvm.so keeps its symbol table (~4 MB); the JVM does not need it.
    if command -v strip >/dev/null 2>&1; then
        find "$JRE.tmp/lib" -name '*.so' -exec strip --strip-unneeded {} +
    fi
    # Debian's JDK keeps cacerts as a symlink into /etc; jlink copies the file, but prefer the
    # system trust store (kept current by ca-certificates) when there is one.
    if [ -f /etc/ssl/certs/java/cacerts ]; then
        cp -L /etc/ssl/certs/java/cacerts "$JRE.tmp/lib/security/cacerts"
    fi
    "$JRE.tmp/bin/java" -version >/dev/null 2>&1 || die "the jlink'd JRE does not run"
    mv "$JRE.tmp" "$JRE"
fi

# ---------------------------------------------------------------- rootfs
ROOTFS="$TARGET/rootfs"
CONTEXT="$TARGET/context"
rm -rf "$ROOTFS" "$CONTEXT"
mkdir -p "$ROOTFS"/{bin,etc,tmp,app/lib,app/bin,home/hermes,opt/java} "$CONTEXT"
chmod 1777 "$ROOTFS/tmp"
cp -a "$JRE" "$ROOTFS$JRE_DIR"
# (the jlink output's only symlinks are the legal/ notices, which point inside the JRE)

# Shared libraries: whatever the JRE's ELF files and the extra libs need, at their real paths.
copy_lib() { # copy_lib /abs/path — copy the file (dereferenced) to the same path in the rootfs
    local src="$1" dst="$ROOTFS$1"
    [ -e "$dst" ] && return 0
    mkdir -p "$(dirname "$dst")"
    cp -L "$src" "$dst"
}
mapfile -t ELVES < <(find "$ROOTFS$JRE_DIR" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper -o -name jexec \) \
    -exec sh -c 'head -c 4 "$1" | grep -q "ELF" && echo "$1"' _ {} \;)
for l in "${EXTRA_SHARED_LIBS[@]}"; do
    p="$(ldconfig -p | awk -v n="$l" '$1 == n && /x86-64|x86_64|64bit/ {print $NF; exit}')"
    [ -n "$p" ] || p="$(ldconfig -p | awk -v n="$l" '$1 == n {print $NF; exit}')"
    [ -n "$p" ] || die "shared library $l not found on this machine"
    ELVES+=("$p")
    copy_lib "$p"
done
unresolved=0
for elf in "${ELVES[@]}"; do
    while IFS= read -r line; do
        case "$line" in
            *"not found"*) log "missing shared library for ${elf#"$ROOTFS"}: $line"; unresolved=1 ;;
            *"=> $ROOTFS/"*) ;;                                         # a JRE library: already there
            *"=> /"*) copy_lib "$(echo "$line" | awk '{print $3}')" ;;
            /*) copy_lib "$(echo "$line" | awk '{print $1}')" ;;   # the dynamic loader
        esac
    done < <(LD_LIBRARY_PATH="$ROOTFS$JRE_DIR/lib:$ROOTFS$JRE_DIR/lib/server" ldd "$elf" 2>/dev/null \
             | grep -v 'linux-vdso' | sed 's/^[[:space:]]*//')
done
[ "$unresolved" = 0 ] || die "some shared libraries could not be resolved (see above)"
# /lib64/ld-linux-x86-64.so.2 is what every ELF names as its interpreter.
if [ -e /lib64/ld-linux-x86-64.so.2 ]; then copy_lib /lib64/ld-linux-x86-64.so.2; fi

# LANG=C.UTF-8 needs glibc's C.utf8 locale data (400 KB), or Java falls back to ASCII for
# file.encoding / sun.jnu.encoding.
if [ -d /usr/lib/locale/C.utf8 ]; then
    mkdir -p "$ROOTFS/usr/lib/locale"
    cp -a /usr/lib/locale/C.utf8 "$ROOTFS/usr/lib/locale/C.utf8"
else
    log "no /usr/lib/locale/C.utf8 on this machine: the image's Java will default to ASCII file names"
fi

# Jars: the worker and its runtime dependencies, on one classpath.
for j in "${APP_JARS[@]}"; do install -m 644 "$j" "$ROOTFS/app/lib/$(basename "$j")"; done
install -m 755 "$HERE/healthcheck.sh" "$ROOTFS/app/bin/healthcheck"

# busybox: a shell and wget for the healthcheck, a handful of tools for `docker exec` debugging.
install -m 755 "$BUSYBOX" "$ROOTFS/bin/busybox"
for a in sh ash wget cat ls id env ps sleep echo printf test [ grep head tail tr mkdir rm cp mv chmod \
         stat hostname uname df du find nc top free kill pwd sed awk cut sort uniq wc date nslookup; do
    if "$BUSYBOX" --list | grep -Fqx -- "$a"; then ln -sfn busybox "$ROOTFS/bin/$a"; fi
done
for a in sh wget; do [ -L "$ROOTFS/bin/$a" ] || die "busybox lacks applet '$a'"; done

rootfs_accounts "$ROOTFS" "$HERMES_UID" "$HERMES_GID" "hermes worker" /home/hermes
printf 'hosts: files dns\n' > "$ROOTFS/etc/nsswitch.conf"
chmod 644 "$ROOTFS/etc/nsswitch.conf"

# One tar with fixed owners (root everywhere, hermes for its home), so a non-root build also works.
rootfs_tar "$ROOTFS" "$CONTEXT/rootfs.tar" "$HERMES_UID" "$HERMES_GID" ./home/hermes

VERSION="$(basename "$WORKER_JAR" .jar)"; VERSION="${VERSION#hermes-worker-}"
cat > "$CONTEXT/Dockerfile" <<EOF
# generated by ops/deploy/build-worker-image.sh — do not edit
FROM scratch
ADD rootfs.tar /
ENV JAVA_HOME=${JRE_DIR} \\
    PATH=${JRE_DIR}/bin:/app/bin:/bin \\
    LANG=C.UTF-8 \\
    HERMES_HTTP_HOST=0.0.0.0 \\
    HERMES_HTTP_PORT=9400
USER ${HERMES_UID}:${HERMES_GID}
WORKDIR /home/hermes
EXPOSE 9400
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 CMD ["/app/bin/healthcheck", "/readyz"]
LABEL org.opencontainers.image.title="hermes-worker" \\
      org.opencontainers.image.version="${VERSION}" \\
      org.opencontainers.image.description="hermes-runtime worker (local FROM-scratch build)" \\
      hermes.worker-image-hash="${HASH}"
ENTRYPOINT ["${JRE_DIR}/bin/java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-Djna.tmpdir=/tmp", "-Djava.io.tmpdir=/tmp", "-cp", "/app/lib/*", "dev.hermes.worker.WorkerMain"]
EOF

# ---------------------------------------------------------------- docker build
if ! docker buildx version >/dev/null 2>&1; then
    export DOCKER_BUILDKIT=0   # docker.io 20.10 without buildx: the classic builder
fi
OLD_ID="$(docker image inspect --format '{{.Id}}' "$TAG" 2>/dev/null || true)"
BUILD_LOG="$TARGET/docker-build.log"
if ! docker build --rm --force-rm -t "$TAG" "$CONTEXT" >"$BUILD_LOG" 2>&1; then
    cat "$BUILD_LOG" >&2
    die "docker build failed"
fi
[ "$(image_hash "$TAG")" = "$HASH" ] || die "built image $TAG does not carry the expected hash label"
NEW_ID="$(docker image inspect --format '{{.Id}}' "$TAG")"
if [ -n "$OLD_ID" ] && [ "$OLD_ID" != "$NEW_ID" ]; then
    docker image rm "$OLD_ID" >/dev/null 2>&1 || true
fi
rm -rf "$ROOTFS" "$CONTEXT/rootfs.tar"
SIZE="$(docker image inspect --format '{{.Size}}' "$TAG")"
log "built $TAG ${NEW_ID:7:12}: $(( SIZE / 1024 / 1024 )) MiB (${SIZE} bytes); JRE modules: $MODULES"
echo "$TAG"
