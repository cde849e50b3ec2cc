package dev.hermes.worker.spawn;

/**
 * The boot script that replaces the image's entrypoint at run time ({@code /bin/sh -c SCRIPT}). It is a
 * constant: user data reaches it only as base64 in env vars, decoded to files, so no family's text is
 * ever parsed by the shell.
 */
public final class SeedScript {
    public static final String IDENTITY_BEGIN = "<!-- hermes:identity:begin (managed; rewritten on every boot) -->";
    public static final String IDENTITY_END = "<!-- hermes:identity:end -->";
    public static final String CONFIG_ENV = "HERMES_SEED_CONFIG_B64";
    public static final String IDENTITY_ENV = "HERMES_SEED_IDENTITY_B64";

    public static final String SCRIPT = String.join(
            "\n",
            "set -eu",
            "umask 022",
            "data=/opt/data",
            "mkdir -p \"$data/memories\"",
            "printf '%s' \"$" + CONFIG_ENV + "\" | base64 -d > \"$data/.config.yaml.seed\"",
            "mv -f \"$data/.config.yaml.seed\" \"$data/config.yaml\"",
            "mem=\"$data/memories/MEMORY.md\"",
            "{",
            "  printf '%s\\n' '" + IDENTITY_BEGIN + "'",
            "  printf '%s' \"$" + IDENTITY_ENV + "\" | base64 -d",
            "  printf '\\n%s\\n' '" + IDENTITY_END + "'",
            "  if [ -f \"$mem\" ]; then",
            "    awk -v b='" + IDENTITY_BEGIN + "' -v e='" + IDENTITY_END + "' "
                    + "'$0==b{skip=1;next} $0==e{skip=0;next} !skip' \"$mem\"",
            "  fi",
            "} > \"$mem.seed\"",
            "mv -f \"$mem.seed\" \"$mem\"",
            "find \"$data\" -path \"$data/plugins\" -prune -o -name .env -user 0 -exec chown 10000:10000 {} +",
            "chown 10000:10000 \"$data\" \"$data/config.yaml\" \"$data/memories\" \"$mem\" 2>/dev/null || true",
            "rm -rf \"$data/whatsapp\"",
            "unset " + CONFIG_ENV + " " + IDENTITY_ENV,
            "exec /usr/bin/tini -g -- /opt/hermes/docker/entrypoint.sh gateway run",
            "");

    private SeedScript() {}
}
