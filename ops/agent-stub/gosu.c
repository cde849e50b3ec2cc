/*
 * gosu.c — a tiny static stand-in for tianon/gosu, which the real hermes-agent image uses to drop root.
 *
 *   gosu USER[:GROUP] COMMAND [ARGS...]
 *
 * USER and GROUP are numeric ids or names from /etc/passwd and /etc/group. Without GROUP the user's
 * primary group is used. The supplementary groups become the primary group plus every group in
 * /etc/group that lists the user's name. Then setgroups, setgid, setuid (in that order, so root's
 * groups never survive), HOME is set to the user's home (or "/"), and COMMAND is execvp'd.
 * Errors name what failed and exit 1 (usage: 2; exec failure: 126 or 127, like a shell).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#define MAX_GROUPS 64

static int is_number(const char *s) {
    if (*s == '\0') return 0;
    for (; *s; s++) if (*s < '0' || *s > '9') return 0;
    return 1;
}

static long parse_id(const char *s) {
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || *end || v > 0x7fffffffUL) return -1;
    return (long)v;
}

/* Splits a colon-separated line in place into at most n fields; returns the count. */
static int split(char *line, char **fields, int n) {
    int count = 0;
    line[strcspn(line, "\n")] = '\0';
    while (count < n) {
        fields[count++] = line;
        char *colon = strchr(line, ':');
        if (!colon) break;
        *colon = '\0';
        line = colon + 1;
    }
    return count;
}

/* Finds a passwd entry by name or uid; fills name, uid, gid and home. Returns 1 when found. */
static int find_user(const char *spec, char *name, size_t name_len, long *uid, long *gid, char *home, size_t home_len) {
    FILE *f = fopen("/etc/passwd", "r");
    if (!f) return 0;
    char line[1024];
    long want = is_number(spec) ? parse_id(spec) : -1;
    int found = 0;
    while (!found && fgets(line, sizeof line, f)) {
        char *fl[7];
        if (split(line, fl, 7) < 7) continue;
        long u = parse_id(fl[2]), g = parse_id(fl[3]);
        if (u < 0 || g < 0) continue;
        if ((want >= 0 && u == want) || (want < 0 && strcmp(fl[0], spec) == 0)) {
            snprintf(name, name_len, "%s", fl[0]);
            snprintf(home, home_len, "%s", fl[5]);
            *uid = u;
            *gid = g;
            found = 1;
        }
    }
    fclose(f);
    return found;
}

/* Resolves a group name or number; -1 if a name is unknown. */
static long find_group(const char *spec) {
    if (is_number(spec)) return parse_id(spec);
    FILE *f = fopen("/etc/group", "r");
    if (!f) return -1;
    char line[4096];
    long gid = -1;
    while (gid < 0 && fgets(line, sizeof line, f)) {
        char *fl[4];
        if (split(line, fl, 4) < 3) continue;
        if (strcmp(fl[0], spec) == 0) gid = parse_id(fl[2]);
    }
    fclose(f);
    return gid;
}

/* Adds every group of /etc/group whose member list names `user` to groups[]. */
static int member_groups(const char *user, gid_t *groups, int count) {
    FILE *f = user[0] ? fopen("/etc/group", "r") : NULL;
    if (!f) return count;
    char line[4096];
    while (count < MAX_GROUPS && fgets(line, sizeof line, f)) {
        char *fl[4];
        if (split(line, fl, 4) < 4) continue;
        long g = parse_id(fl[2]);
        if (g < 0) continue;
        for (char *m = strtok(fl[3], ","); m; m = strtok(NULL, ",")) {
            if (strcmp(m, user) == 0 && (gid_t)g != groups[0]) {
                groups[count++] = (gid_t)g;
                break;
            }
        }
    }
    fclose(f);
    return count;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: gosu USER[:GROUP] COMMAND [ARGS...]\n");
        return 2;
    }
    char spec[256];
    snprintf(spec, sizeof spec, "%s", argv[1]);
    char *group_spec = strchr(spec, ':');
    if (group_spec) *group_spec++ = '\0';

    char name[256] = "", home[1024] = "/";
    long uid = -1, gid = -1;
    if (!find_user(spec, name, sizeof name, &uid, &gid, home, sizeof home)) {
        if (!is_number(spec)) {
            fprintf(stderr, "gosu: unknown user '%s' (not in /etc/passwd)\n", spec);
            return 1;
        }
        uid = parse_id(spec);
        gid = uid;
        snprintf(home, sizeof home, "/");
    }
    if (uid < 0) {
        fprintf(stderr, "gosu: bad user id '%s'\n", spec);
        return 1;
    }
    if (group_spec && *group_spec) {
        gid = find_group(group_spec);
        if (gid < 0) {
            fprintf(stderr, "gosu: unknown group '%s' (not in /etc/group)\n", group_spec);
            return 1;
        }
    }

    gid_t groups[MAX_GROUPS];
    groups[0] = (gid_t)gid;
    int ngroups = member_groups(name, groups, 1);
    if (setgroups((size_t)ngroups, groups) != 0) {
        fprintf(stderr, "gosu: setgroups: %s\n", strerror(errno));
        return 1;
    }
    if (setgid((gid_t)gid) != 0) {
        fprintf(stderr, "gosu: setgid(%ld): %s\n", gid, strerror(errno));
        return 1;
    }
    if (setuid((uid_t)uid) != 0) {
        fprintf(stderr, "gosu: setuid(%ld): %s\n", uid, strerror(errno));
        return 1;
    }
    if (uid != 0 && (setuid(0) == 0 || geteuid() == 0)) {
        fprintf(stderr, "gosu: still able to become root after dropping to uid %ld; refusing to go on\n", uid);
        return 1;
    }
    setenv("HOME", home[0] ? home : "/", 1);
    execvp(argv[2], argv + 2);
    int err = errno;
    fprintf(stderr, "gosu: exec %s: %s\n", argv[2], strerror(err));
    return err == ENOENT ? 127 : 126;
}
