/*
 * hermes-stub — a tiny stand-in for the hermes agent's api_server platform.
 *
 * Built by ops/agent-stub/build.sh with `gcc -static -O2`; lives at /opt/hermes/bin/hermes
 * in the hermes-agent-stub image.  See ops/agent-stub/README.md for the contract.
 *
 *   hermes gateway run
 *
 * Environment:
 *   API_SERVER_KEY      required, non-empty; the Bearer token for authenticated routes
 *   API_SERVER_HOST     listen address (default 127.0.0.1)
 *   API_SERVER_PORT     listen port (default 8642)
 *   HERMES_HOME         data dir (default /opt/data); config.yaml is read from here at boot
 *   STUB_BOOT_DELAY_MS  sleep this long before binding (also: $HERMES_HOME/.stub/boot-delay-ms)
 *   STUB_NEVER_HEALTHY  =1: /health answers 503 forever (also: $HERMES_HOME/.stub/never-healthy)
 *   STUB_HANG_AFTER_MS  N: N ms after the first /health 200 the server freezes: it keeps accepting
 *                       connections but never answers one again (an agent frozen after ready)
 *                       (also: $HERMES_HOME/.stub/hang-after-ms; 0 = right after the first 200)
 *   STUB_DIE_AFTER_MS   N: the process exits with status 3 N ms after it started (an agent that dies
 *                       every N ms when restarted) (also: $HERMES_HOME/.stub/die-after-ms)
 *   For the files, the smaller value of file and variable wins when both are set.
 *
 * Files:
 *   /opt/hermes/BUILD   read once at start-up: /health reports it as "build" ("stub" when absent), so a test
 *                       can tell which image a runtime was created from (an image rollout)
 *
 * Routes: GET /health, GET /v1/models, GET /stub/boot, GET /stub/file/<relative path>.
 * Never logs the Authorization header or any environment value.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#define REQ_MAX 16384
#define IO_TIMEOUT_SEC 5

static char cfg_provider[512];
static char cfg_model[512];
static char cfg_base_url[1024];
static char build_id[256] = "stub";

static const char *api_key;
static const char *hermes_home;
static long long booted_at_ms;
static pid_t server_pid;
static int never_healthy;
static long hang_after_ms = -1;        /* -1: never hangs */
static long long *first_health_ok_ms; /* shared with the forked connection handlers; 0 = not yet */
static int env_openrouter, env_openai, env_anthropic;

/* ------------------------------------------------------------------ utilities */

static void logline(const char *fmt, ...) {
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf - 1, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if (n > (int)sizeof buf - 2) n = (int)sizeof buf - 2;
    buf[n++] = '\n';
    /* one write() per line so lines from forked children do not interleave */
    ssize_t w = write(STDOUT_FILENO, buf, (size_t)n);
    (void)w;
}

static void errline(const char *msg) {
    ssize_t w = write(STDERR_FILENO, msg, strlen(msg));
    (void)w;
}

static long long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long)ts.tv_sec * 1000LL + ts.tv_nsec / 1000000LL;
}

static int env_set(const char *name) {
    const char *v = getenv(name);
    return v != NULL && v[0] != '\0';
}

static int env_truthy(const char *name) {
    const char *v = getenv(name);
    if (v == NULL || v[0] == '\0') return 0;
    return !(strcmp(v, "0") == 0 || strcasecmp(v, "false") == 0 || strcasecmp(v, "no") == 0);
}

static void path_join(char *out, size_t outsz, const char *a, const char *b) {
    size_t la = strlen(a);
    if (la > 0 && a[la - 1] == '/')
        snprintf(out, outsz, "%s%s", a, b);
    else
        snprintf(out, outsz, "%s/%s", a, b);
}

static int file_exists(const char *path) {
    struct stat st;
    return stat(path, &st) == 0;
}

/* Reads a small file into buf (NUL-terminated). Returns bytes read or -1. */
static ssize_t read_small_file(const char *path, char *buf, size_t bufsz) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    size_t off = 0;
    while (off + 1 < bufsz) {
        ssize_t r = read(fd, buf + off, bufsz - 1 - off);
        if (r < 0) {
            if (errno == EINTR) continue;
            close(fd);
            return -1;
        }
        if (r == 0) break;
        off += (size_t)r;
    }
    buf[off] = '\0';
    close(fd);
    return (ssize_t)off;
}

static long parse_ms(const char *s) {
    if (s == NULL) return 0;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
    char *end = NULL;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || end == s || v < 0) return 0;
    if (v > 3600L * 1000L) v = 3600L * 1000L; /* cap at one hour */
    return v;
}

static void sleep_ms(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

/* A switch in ms from the variable and/or the file under $HERMES_HOME: -1 when neither is set. */
static long switch_ms(const char *env_name, const char *file_name) {
    long v = -1;
    const char *e = getenv(env_name);
    if (e != NULL && e[0] != '\0') v = parse_ms(e);
    char path[4096], buf[64];
    path_join(path, sizeof path, hermes_home, file_name);
    if (read_small_file(path, buf, sizeof buf) >= 0) {
        long f = parse_ms(buf);
        if (v < 0 || f < v) v = f;
    }
    return v;
}

/* hang-after-ms: has the freeze begun (the first /health 200 was at least hang_after_ms ago)? */
static int hung(void) {
    if (hang_after_ms < 0 || first_health_ok_ms == NULL) return 0;
    long long first = __atomic_load_n(first_health_ok_ms, __ATOMIC_SEQ_CST);
    return first > 0 && now_ms() - first >= hang_after_ms;
}

static void note_health_ok(void) {
    if (first_health_ok_ms == NULL) return;
    long long expected = 0;
    __atomic_compare_exchange_n(first_health_ok_ms, &expected, now_ms(), 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

static void on_die_timer(int sig) {
    (void)sig;
    static const char msg[] = "hermes-stub: die-after-ms reached, exiting with status 3\n";
    ssize_t w = write(STDOUT_FILENO, msg, sizeof msg - 1);
    (void)w;
    _exit(3);
}

/* ------------------------------------------------------------------ config.yaml */

/* Parses a YAML scalar value (bare, "double" or 'single' quoted) into out. */
static void parse_scalar(const char *v, char *out, size_t outsz) {
    size_t o = 0;
    while (*v == ' ' || *v == '\t') v++;
    if (*v == '"') {
        v++;
        while (*v && *v != '"' && o + 1 < outsz) {
            if (*v == '\\' && v[1]) {
                v++;
                char c = *v;
                switch (c) {
                case 'n': c = '\n'; break;
                case 't': c = '\t'; break;
                case 'r': c = '\r'; break;
                case '0': c = '\0'; break;
                default: break; /* \" \\ \/ and anything else: the char itself */
                }
                if (c == '\0') break;
                out[o++] = c;
                v++;
                continue;
            }
            out[o++] = *v++;
        }
    } else if (*v == '\'') {
        v++;
        while (*v && o + 1 < outsz) {
            if (*v == '\'') {
                if (v[1] == '\'') {
                    out[o++] = '\'';
                    v += 2;
                    continue;
                }
                break;
            }
            out[o++] = *v++;
        }
    } else {
        while (*v && o + 1 < outsz) {
            /* " #" starts a comment */
            if (*v == '#' && o > 0 && (out[o - 1] == ' ' || out[o - 1] == '\t')) break;
            out[o++] = *v++;
        }
        while (o > 0 && (out[o - 1] == ' ' || out[o - 1] == '\t')) o--;
        /* "model: ~" / "null" mean nothing */
        out[o] = '\0';
        if (strcmp(out, "~") == 0 || strcmp(out, "null") == 0) o = 0;
    }
    out[o] = '\0';
}

/* The image's build, from BUILD_FILE: its first line, trimmed; "stub" when there is none. */
#define BUILD_FILE "/opt/hermes/BUILD"
static void load_build(void) {
    char buf[sizeof build_id];
    if (read_small_file(BUILD_FILE, buf, sizeof buf) < 0) return;
    size_t n = strcspn(buf, "\r\n");
    while (n > 0 && (buf[n - 1] == ' ' || buf[n - 1] == '\t')) n--;
    size_t start = 0;
    while (start < n && (buf[start] == ' ' || buf[start] == '\t')) start++;
    if (start == n) return;
    memcpy(build_id, buf + start, n - start);
    build_id[n - start] = '\0';
}

static void load_config(void) {
    char path[4096];
    path_join(path, sizeof path, hermes_home, "config.yaml");
    cfg_provider[0] = cfg_model[0] = cfg_base_url[0] = '\0';

    static char buf[256 * 1024];
    if (read_small_file(path, buf, sizeof buf) < 0) return;

    int in_model = 0;
    int block_indent = -1;
    char *save = NULL;
    for (char *line = strtok_r(buf, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
        size_t len = strlen(line);
        if (len > 0 && line[len - 1] == '\r') line[--len] = '\0';

        int indent = 0;
        while (line[indent] == ' ' || line[indent] == '\t') indent++;
        char *content = line + indent;
        if (*content == '\0' || *content == '#') continue; /* blank / comment */

        if (indent == 0) {
            if (in_model) break; /* the model block ended */
            if (strncmp(content, "model:", 6) == 0) {
                char *rest = content + 6;
                while (*rest == ' ' || *rest == '\t') rest++;
                if (*rest == '\0' || *rest == '#') {
                    in_model = 1;
                } else {
                    /* scalar form "model: some/model" — treat as the default model */
                    parse_scalar(rest, cfg_model, sizeof cfg_model);
                }
            }
            continue;
        }
        if (!in_model) continue;
        if (block_indent < 0) block_indent = indent;
        if (indent != block_indent) continue; /* deeper nesting: not ours */

        struct {
            const char *key;
            char *dst;
            size_t sz;
        } keys[] = {
            {"provider:", cfg_provider, sizeof cfg_provider},
            {"default:", cfg_model, sizeof cfg_model},
            {"base_url:", cfg_base_url, sizeof cfg_base_url},
        };
        for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
            size_t kl = strlen(keys[i].key);
            if (strncmp(content, keys[i].key, kl) == 0) {
                parse_scalar(content + kl, keys[i].dst, keys[i].sz);
                break;
            }
        }
    }
}

/* ------------------------------------------------------------------ HTTP */

static int write_all(int fd, const void *data, size_t len) {
    const char *p = data;
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

static const char *status_text(int status) {
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 408: return "Request Timeout";
    case 413: return "Payload Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Unknown";
    }
}

static void send_head(int fd, int status, const char *ctype, long long clen) {
    char hdr[512];
    int n = snprintf(hdr, sizeof hdr,
                     "HTTP/1.1 %d %s\r\n"
                     "Content-Type: %s\r\n"
                     "Content-Length: %lld\r\n"
                     "Connection: close\r\n"
                     "Cache-Control: no-store\r\n"
                     "\r\n",
                     status, status_text(status), ctype, clen);
    write_all(fd, hdr, (size_t)n);
}

static void send_body(int fd, int status, const char *ctype, const char *body, int head_only) {
    size_t len = strlen(body);
    send_head(fd, status, ctype, (long long)len);
    if (!head_only) write_all(fd, body, len);
}

static void send_json(int fd, int status, const char *body, int head_only) {
    send_body(fd, status, "application/json", body, head_only);
}

/* Appends a JSON string literal (with quotes) for s to out. */
static void json_str(char *out, size_t outsz, const char *s) {
    size_t o = strlen(out);
    if (o + 1 >= outsz) return;
    out[o++] = '"';
    for (const unsigned char *p = (const unsigned char *)s; *p && o + 8 < outsz; p++) {
        unsigned char c = *p;
        if (c == '"' || c == '\\') {
            out[o++] = '\\';
            out[o++] = (char)c;
        } else if (c == '\n') {
            out[o++] = '\\';
            out[o++] = 'n';
        } else if (c == '\r') {
            out[o++] = '\\';
            out[o++] = 'r';
        } else if (c == '\t') {
            out[o++] = '\\';
            out[o++] = 't';
        } else if (c < 0x20) {
            o += (size_t)snprintf(out + o, outsz - o, "\\u%04x", c);
        } else {
            out[o++] = (char)c;
        }
    }
    if (o + 1 < outsz) out[o++] = '"';
    out[o] = '\0';
}

static void appendf(char *out, size_t outsz, const char *fmt, ...) {
    size_t o = strlen(out);
    if (o >= outsz) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(out + o, outsz - o, fmt, ap);
    va_end(ap);
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Percent-decodes in place. Returns -1 on a bad escape or an encoded NUL. */
static int url_decode(char *s) {
    char *o = s;
    for (char *p = s; *p; p++) {
        if (*p == '%') {
            int h = hexval((unsigned char)p[1]), l = h >= 0 ? hexval((unsigned char)p[2]) : -1;
            if (h < 0 || l < 0) return -1;
            int c = h * 16 + l;
            if (c == 0) return -1;
            *o++ = (char)c;
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    return 0;
}

/* Case-insensitive lookup of a header value in the raw header block (after the request line).
 * Copies the trimmed value into out. Returns 1 if found. */
static int find_header(const char *headers, const char *name, char *out, size_t outsz) {
    size_t nl = strlen(name);
    const char *p = headers;
    while (p && *p) {
        const char *eol = strstr(p, "\r\n");
        if (eol == NULL) eol = p + strlen(p);
        if (eol == p) break; /* blank line: end of headers */
        if ((size_t)(eol - p) > nl && strncasecmp(p, name, nl) == 0 && p[nl] == ':') {
            const char *v = p + nl + 1;
            while (v < eol && (*v == ' ' || *v == '\t')) v++;
            const char *e = eol;
            while (e > v && (e[-1] == ' ' || e[-1] == '\t')) e--;
            size_t vl = (size_t)(e - v);
            if (vl >= outsz) vl = outsz - 1;
            memcpy(out, v, vl);
            out[vl] = '\0';
            return 1;
        }
        p = *eol ? eol + 2 : eol;
    }
    return 0;
}

/* Constant-time-ish comparison of the Authorization header against "Bearer <key>". */
static int authorized(const char *headers) {
    char val[4096];
    if (!find_header(headers, "Authorization", val, sizeof val)) return 0;
    if (strncmp(val, "Bearer ", 7) != 0) return 0;
    const char *tok = val + 7;
    size_t tl = strlen(tok), kl = strlen(api_key);
    unsigned diff = (unsigned)(tl ^ kl);
    for (size_t i = 0; i < tl; i++) diff |= (unsigned char)tok[i] ^ (unsigned char)api_key[i % (kl ? kl : 1)];
    return diff == 0 && kl > 0;
}

/* Makes a log-safe copy of the path (printable ASCII only, truncated). */
static void log_safe(const char *in, char *out, size_t outsz) {
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)in; *p && o + 1 < outsz; p++)
        out[o++] = (*p >= 0x21 && *p < 0x7f) ? (char)*p : '?';
    out[o] = '\0';
}

static void handle_file(int fd, const char *rel, int head_only, int *status) {
    if (strstr(rel, "..") != NULL) {
        *status = 400;
        send_json(fd, 400, "{\"error\":\"bad path\"}", head_only);
        return;
    }
    while (*rel == '/') rel++;
    if (*rel == '\0') {
        *status = 404;
        send_json(fd, 404, "{\"error\":\"not found\"}", head_only);
        return;
    }
    char path[8192];
    path_join(path, sizeof path, hermes_home, rel);
    int f = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    struct stat st;
    if (f < 0 || fstat(f, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (f >= 0) close(f);
        *status = 404;
        send_json(fd, 404, "{\"error\":\"not found\"}", head_only);
        return;
    }
    *status = 200;
    send_head(fd, 200, "application/octet-stream", (long long)st.st_size);
    if (!head_only) {
        char buf[65536];
        long long left = st.st_size;
        while (left > 0) {
            ssize_t r = read(f, buf, sizeof buf < (size_t)left ? sizeof buf : (size_t)left);
            if (r < 0 && errno == EINTR) continue;
            if (r <= 0) break;
            if (write_all(fd, buf, (size_t)r) != 0) break;
            left -= r;
        }
    }
    close(f);
}

static void handle_conn(int fd) {
    struct timeval tv = {IO_TIMEOUT_SEC, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);

    static char req[REQ_MAX + 1];
    size_t len = 0;
    char *end = NULL;
    while (len < REQ_MAX) {
        ssize_t r = read(fd, req + len, REQ_MAX - len);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break; /* EOF, error or timeout */
        len += (size_t)r;
        req[len] = '\0';
        if ((end = strstr(req, "\r\n\r\n")) != NULL) break;
    }
    req[len] = '\0';
    if (hung()) { /* frozen after ready: hold the connection, never answer */
        for (;;) pause();
    }
    if (end == NULL) {
        if (len == 0) return; /* nothing sent (e.g. a TCP probe) */
        int st = len >= REQ_MAX ? 413 : 400;
        send_json(fd, st, st == 413 ? "{\"error\":\"request too large\"}" : "{\"error\":\"bad request\"}", 0);
        logline("hermes-stub: - - %d", st);
        return;
    }

    /* request line: METHOD SP TARGET SP VERSION CRLF */
    char *eol = strstr(req, "\r\n");
    *eol = '\0';
    char *headers = eol + 2;
    char method[16] = "", target[8192] = "";
    char *sp1 = strchr(req, ' ');
    char *sp2 = sp1 ? strchr(sp1 + 1, ' ') : NULL;
    if (sp1 == NULL || sp2 == NULL || (size_t)(sp1 - req) >= sizeof method ||
        (size_t)(sp2 - sp1 - 1) >= sizeof target || sp2 == sp1 + 1) {
        send_json(fd, 400, "{\"error\":\"bad request\"}", 0);
        logline("hermes-stub: - - 400");
        return;
    }
    memcpy(method, req, (size_t)(sp1 - req));
    memcpy(target, sp1 + 1, (size_t)(sp2 - sp1 - 1));
    char *q = strchr(target, '?');
    if (q) *q = '\0'; /* the query string is ignored (and never logged) */

    char logpath[256];
    log_safe(target, logpath, sizeof logpath);

    int head_only = strcmp(method, "HEAD") == 0;
    int is_get = head_only || strcmp(method, "GET") == 0;
    int status = 404;

    if (url_decode(target) != 0) {
        status = 400;
        send_json(fd, 400, "{\"error\":\"bad path\"}", head_only);
    } else if (!is_get) {
        status = 404;
        send_json(fd, 404, "{\"error\":\"not found\"}", 0);
    } else if (strcmp(target, "/health") == 0) {
        if (never_healthy) {
            status = 503;
            send_json(fd, 503, "{\"status\":\"starting\"}", head_only);
        } else {
            status = 200;
            note_health_ok();
            char body[512] = "{\"status\":\"ok\",\"platform\":\"hermes-agent\",\"version\":\"stub\",\"build\":";
            json_str(body, sizeof body, build_id);
            appendf(body, sizeof body, "}");
            send_json(fd, 200, body, head_only);
        }
    } else if (strcmp(target, "/v1/models") == 0 || strcmp(target, "/stub/boot") == 0 ||
               strncmp(target, "/stub/file/", 11) == 0) {
        if (!authorized(headers)) {
            status = 401;
            send_json(fd, 401, "{\"error\":\"unauthorized\"}", head_only);
        } else if (strcmp(target, "/v1/models") == 0) {
            char body[2048] = "{\"object\":\"list\",\"data\":[{\"id\":";
            json_str(body, sizeof body, cfg_model[0] ? cfg_model : "hermes-agent");
            appendf(body, sizeof body, ",\"object\":\"model\"}]}");
            status = 200;
            send_json(fd, 200, body, head_only);
        } else if (strcmp(target, "/stub/boot") == 0) {
            char body[4096] = "{\"provider\":";
            json_str(body, sizeof body, cfg_provider);
            appendf(body, sizeof body, ",\"model\":");
            json_str(body, sizeof body, cfg_model);
            appendf(body, sizeof body, ",\"base_url\":");
            json_str(body, sizeof body, cfg_base_url);
            appendf(body, sizeof body,
                    ",\"bootedAt\":%lld,\"pid\":%d,\"uid\":%d,\"env\":{\"OPENROUTER_API_KEY\":%s,"
                    "\"OPENAI_API_KEY\":%s,\"ANTHROPIC_API_KEY\":%s}}",
                    booted_at_ms, (int)server_pid, (int)getuid(), env_openrouter ? "true" : "false",
                    env_openai ? "true" : "false", env_anthropic ? "true" : "false");
            status = 200;
            send_json(fd, 200, body, head_only);
        } else {
            handle_file(fd, target + 11, head_only, &status);
        }
    } else {
        status = 404;
        send_json(fd, 404, "{\"error\":\"not found\"}", head_only);
    }

    char logmethod[20];
    log_safe(method, logmethod, sizeof logmethod);
    logline("hermes-stub: %s %s %d", logmethod, logpath, status);
}

/* Lingering close: stop sending, then drain whatever the client still sends (e.g. an unread
 * request body) until it closes, so the kernel does not answer with a RST that could destroy
 * the response before the client has read it. Bounded by a 1 s read timeout / 1 MiB. */
static void close_conn(int fd) {
    shutdown(fd, SHUT_WR);
    struct timeval tv = {1, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    char buf[4096];
    size_t total = 0;
    for (;;) {
        ssize_t r = read(fd, buf, sizeof buf);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        total += (size_t)r;
        if (total > (1u << 20)) break;
    }
    close(fd);
}

/* ------------------------------------------------------------------ main */

static void on_term(int sig) {
    (void)sig;
    _exit(0);
}

static void usage(void) {
    errline("usage: hermes gateway run\n"
            "  (hermes-agent stub: only the api_server gateway is implemented)\n");
}

int main(int argc, char **argv) {
    if (argc < 3 || strcmp(argv[1], "gateway") != 0 || strcmp(argv[2], "run") != 0) {
        usage();
        return 2;
    }

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_term;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    signal(SIGCHLD, SIG_IGN); /* auto-reap connection handlers */
    signal(SIGPIPE, SIG_IGN);

    api_key = getenv("API_SERVER_KEY");
    if (api_key == NULL || api_key[0] == '\0') {
        errline("API_SERVER_KEY is required\n");
        return 1;
    }

    hermes_home = getenv("HERMES_HOME");
    if (hermes_home == NULL || hermes_home[0] == '\0') hermes_home = "/opt/data";

    const char *host = getenv("API_SERVER_HOST");
    if (host == NULL || host[0] == '\0') host = "127.0.0.1";
    const char *port_s = getenv("API_SERVER_PORT");
    long port = 8642;
    if (port_s != NULL && port_s[0] != '\0') {
        char *e = NULL;
        port = strtol(port_s, &e, 10);
        if (e == port_s || *e != '\0' || port < 1 || port > 65535) {
            errline("API_SERVER_PORT must be a port number (1-65535)\n");
            return 1;
        }
    }

    struct sockaddr_storage ss;
    socklen_t sslen;
    memset(&ss, 0, sizeof ss);
    int family;
    const char *h = strcmp(host, "localhost") == 0 ? "127.0.0.1" : host;
    char h6[256];
    if (h[0] == '[') { /* [::1] */
        snprintf(h6, sizeof h6, "%s", h + 1);
        char *rb = strchr(h6, ']');
        if (rb) *rb = '\0';
        h = h6;
    }
    struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
    struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
    if (inet_pton(AF_INET, h, &s4->sin_addr) == 1) {
        family = AF_INET;
        s4->sin_family = AF_INET;
        s4->sin_port = htons((unsigned short)port);
        sslen = sizeof *s4;
    } else if (inet_pton(AF_INET6, h, &s6->sin6_addr) == 1) {
        family = AF_INET6;
        s6->sin6_family = AF_INET6;
        s6->sin6_port = htons((unsigned short)port);
        sslen = sizeof *s6;
    } else {
        errline("API_SERVER_HOST must be an IP address (or localhost)\n");
        return 1;
    }

    env_openrouter = env_set("OPENROUTER_API_KEY");
    env_openai = env_set("OPENAI_API_KEY");
    env_anthropic = env_set("ANTHROPIC_API_KEY");
    server_pid = getpid();

    /* test switches */
    char sw[4096], buf[64];
    long delay = parse_ms(getenv("STUB_BOOT_DELAY_MS"));
    path_join(sw, sizeof sw, hermes_home, ".stub/boot-delay-ms");
    if (read_small_file(sw, buf, sizeof buf) >= 0) {
        long d = parse_ms(buf);
        if (d > delay) delay = d;
    }
    path_join(sw, sizeof sw, hermes_home, ".stub/never-healthy");
    never_healthy = env_truthy("STUB_NEVER_HEALTHY") || file_exists(sw);
    hang_after_ms = switch_ms("STUB_HANG_AFTER_MS", ".stub/hang-after-ms");
    if (hang_after_ms >= 0) {
        void *shared = mmap(NULL, sizeof(long long), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        if (shared == MAP_FAILED) {
            perror("mmap");
            return 1;
        }
        first_health_ok_ms = shared;
        *first_health_ok_ms = 0;
    }
    long die_after_ms = switch_ms("STUB_DIE_AFTER_MS", ".stub/die-after-ms");
    if (die_after_ms >= 0) { /* an interval timer is not inherited by the forked handlers */
        struct sigaction da;
        memset(&da, 0, sizeof da);
        da.sa_handler = on_die_timer;
        sigemptyset(&da.sa_mask);
        sigaction(SIGALRM, &da, NULL);
        long ms = die_after_ms > 0 ? die_after_ms : 1;
        struct itimerval it = {{0, 0}, {ms / 1000, (ms % 1000) * 1000L}};
        setitimer(ITIMER_REAL, &it, NULL);
    }

    load_config();
    load_build();

    logline("hermes-stub: gateway run (pid %d, uid %d, HERMES_HOME=%s, provider=%s, model=%s, build=%s)",
            (int)server_pid, (int)getuid(), hermes_home, cfg_provider[0] ? cfg_provider : "-",
            cfg_model[0] ? cfg_model : "-", build_id);

    if (delay > 0) {
        logline("hermes-stub: boot delay %ld ms", delay);
        sleep_ms(delay);
    }

    int ls = socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (ls < 0) {
        perror("socket");
        return 1;
    }
    int one = 1;
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (family == AF_INET6) {
        int zero = 0; /* "::" also accepts IPv4 */
        setsockopt(ls, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero);
    }
    if (bind(ls, (struct sockaddr *)&ss, sslen) != 0) {
        perror("bind");
        return 1;
    }
    if (listen(ls, 128) != 0) {
        perror("listen");
        return 1;
    }
    booted_at_ms = now_ms();
    logline("hermes-stub: api_server listening on %s:%ld%s", host, port, never_healthy ? " (never healthy)" : "");
    if (hang_after_ms >= 0) logline("hermes-stub: hangs %ld ms after the first /health 200", hang_after_ms);
    if (die_after_ms >= 0) logline("hermes-stub: dies %ld ms after start", die_after_ms);

    int held[256]; /* connections accepted while frozen: held open, never answered (oldest closed when full) */
    size_t held_next = 0;
    for (size_t i = 0; i < sizeof held / sizeof held[0]; i++) held[i] = -1;

    for (;;) {
        int c = accept4(ls, NULL, NULL, SOCK_CLOEXEC);
        if (c < 0) {
            if (errno == EINTR || errno == ECONNABORTED) continue;
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                sleep_ms(50);
                continue;
            }
            perror("accept");
            continue;
        }
        if (hung()) {
            size_t slot = held_next++ % (sizeof held / sizeof held[0]);
            if (held[slot] >= 0) close(held[slot]);
            held[slot] = c;
            continue;
        }
        pid_t pid = fork();
        if (pid == 0) {
            close(ls);
            handle_conn(c);
            close_conn(c);
            _exit(0);
        }
        if (pid < 0) { /* could not fork: serve inline */
            handle_conn(c);
            close_conn(c);
        } else {
            close(c);
        }
    }
}
