package dev.hermes.worker.spawn;

import java.util.List;

/**
 * The boot script that replaces the image's entrypoint at run time, in two phases. It is a constant: user data
 * reaches it only as base64 in env vars, decoded to files, so no family's text is ever parsed by the shell.
 *
 * <p>{@link #ROOT_PHASE} runs as root and does only what needs root, never following a link: it gives the mount
 * point and every root-owned entry of the volume (healing {@code .env} files an older root seed left) to uid 10000
 * with {@code chown -h} from a {@code find -P -xdev} walk, then drops to uid 10000 with {@code gosu} (or {@code
 * setpriv}). {@link #USER_PHASE}, its {@code $1}, runs as uid 10000 with the agent's own rights: a managed path that
 * is a symlink or of the wrong type is renamed aside, files are written to {@code mktemp} files and renamed over
 * their target, and the image's entrypoint is exec'd as uid 10000, so upstream's root branch never runs. An empty
 * {@link #IDENTITY_ENV} (the worker knew no identity: PostgreSQL was down and the family's account never read) leaves
 * MEMORY.md as it is, identity block included.
 */
public final class SeedScript {
    public static final String IDENTITY_BEGIN = "<!-- hermes:identity:begin (managed; rewritten on every boot) -->";
    public static final String IDENTITY_END = "<!-- hermes:identity:end -->";
    public static final String CONFIG_ENV = "HERMES_SEED_CONFIG_B64";
    public static final String IDENTITY_ENV = "HERMES_SEED_IDENTITY_B64";
    public static final int AGENT_UID = 10000;

    /**
     * Rewrites MEMORY.md (given twice: two passes) without its identity blocks: the first pass finds every
     * terminated block (the latest begin before an end), the second drops those blocks, the marker line of a begin
     * without an end and stray end markers, and prints every other line as it was. Markers compare with a trailing
     * CR stripped, so a CRLF file loses its blocks too.
     */
    public static final String MEMORY_AWK = """
            { l = $0; sub(/\\r$/, "", l) }
            NR == FNR { if (l == b) start = FNR; else if (l == e && start) { endof[start] = FNR; start = 0 }; next }
            skipto { if (FNR == skipto) skipto = 0; next }
            (FNR in endof) { skipto = endof[FNR]; next }
            l == b || l == e { next }
            { print }
            """;

    /** Root: only what needs root, with no-follow semantics; then uid 10000 runs {@code $1}. */
    public static final String ROOT_PHASE = """
            set -u
            data=/opt/data
            chown -h %1$d:%1$d "$data" || echo "hermes-seed: could not chown $data" >&2
            find -P "$data" -xdev -path "$data/plugins" -prune -o -user 0 -exec chown -h %1$d:%1$d {} + \\
              || echo "hermes-seed: could not give every root-owned entry of $data to uid %1$d" >&2
            if command -v gosu >/dev/null 2>&1; then
              exec gosu %1$d:%1$d /bin/sh -c "$1" hermes-seed
            fi
            echo "hermes-seed: no gosu in the image; dropping to uid %1$d with setpriv" >&2
            exec setpriv --reuid=%1$d --regid=%1$d --clear-groups /bin/sh -c "$1" hermes-seed
            """.formatted(AGENT_UID);

    /** Uid 10000: quarantine what is not what it should be, write via temp files, exec the image's entrypoint. */
    public static final String USER_PHASE =
            """
            set -eu
            umask 022
            data=/opt/data
            mem="$data/memories/MEMORY.md"
            stamp="$(date +%%s)"
            aside() {
              to="$1.quarantined-$stamp"; n=0
              while [ -e "$to" ] || [ -L "$to" ]; do n=$((n + 1)); to="$1.quarantined-$stamp-$n"; done
              mv -f "$1" "$to"
              echo "hermes-seed: $1 was $2; moved aside to $to" >&2
            }
            want_file() {
              if [ -L "$1" ]; then aside "$1" 'a symlink'
              elif [ -e "$1" ] && [ ! -f "$1" ]; then aside "$1" 'not a regular file'; fi
            }
            want_dir() {
              if [ -L "$1" ]; then aside "$1" 'a symlink'
              elif [ -e "$1" ] && [ ! -d "$1" ]; then aside "$1" 'not a directory'; fi
            }
            chmod u+rwx "$data"
            want_dir "$data/memories"
            mkdir -p "$data/memories"
            chmod u+rwx "$data/memories"
            want_file "$data/config.yaml"
            want_file "$mem"
            cfg="$(mktemp "$data/.config.yaml.XXXXXX")"
            trap 'rm -f "$cfg"' EXIT
            printf '%%s' "$%2$s" | base64 -d > "$cfg"
            chmod 640 "$cfg"
            mv -f "$cfg" "$data/config.yaml"
            if [ -n "$%4$s" ]; then
              new="$(mktemp "$data/memories/.MEMORY.md.XXXXXX")"
              trap 'rm -f "$new"' EXIT
              {
                printf '%%s\\n' '%3$s'
                printf '%%s' "$%4$s" | base64 -d
                printf '\\n%%s\\n' '%5$s'
                if [ -f "$mem" ]; then awk -v b='%3$s' -v e='%5$s' '%6$s' "$mem" "$mem"; fi
              } > "$new"
              chmod 644 "$new"
              mv -f "$new" "$mem"
            else
              echo "hermes-seed: no identity given (PostgreSQL was down at spawn); MEMORY.md left as it is" >&2
            fi
            rm -rf "$data/whatsapp"
            trap - EXIT
            unset %2$s %4$s
            exec /usr/bin/tini -g -- /opt/hermes/docker/entrypoint.sh gateway run
            """.formatted(AGENT_UID, CONFIG_ENV, IDENTITY_BEGIN, IDENTITY_ENV, IDENTITY_END, MEMORY_AWK);

    /** The container's entrypoint: the root phase, {@code $0} {@code hermes-seed}, the user phase as {@code $1}. */
    public static final List<String> ENTRYPOINT = List.of("/bin/sh", "-c", ROOT_PHASE, "hermes-seed", USER_PHASE);

    /** Both phases, as they go into the config hash: a change to either recreates the runtimes. */
    public static final String SCRIPT = String.join("\n", ENTRYPOINT);

    private SeedScript() {}
}
