#!/bin/sh
# /app/bin/healthcheck [PATH] — the worker image's HEALTHCHECK (default path /readyz).
#
# Asks the worker's own HTTP endpoint inside the container (or, with host networking, on the
# host): HERMES_HTTP_HOST (0.0.0.0/:: mean "all", so 127.0.0.1 is used) and HERMES_HTTP_PORT
# (default 9400). Uses curl when the image has it (eclipse-temurin based production image),
# else busybox wget (the local FROM-scratch image). Exit 0 = healthy, 1 = not.
path="${1:-/readyz}"
host="${HERMES_HTTP_HOST:-127.0.0.1}"
case "$host" in
    ""|0.0.0.0|::|"[::]") host=127.0.0.1 ;;
    *:*) host="[$host]" ;;
esac
url="http://${host}:${HERMES_HTTP_PORT:-9400}${path}"
if command -v curl >/dev/null 2>&1; then
    exec curl -fsS -o /dev/null --max-time 3 "$url"
fi
# no -T: Debian's busybox-static 1.35 wget segfaults with it; Docker's healthcheck timeout bounds it
wget -q -O /dev/null "$url" || exit 1
