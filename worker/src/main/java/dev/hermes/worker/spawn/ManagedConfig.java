package dev.hermes.worker.spawn;

import dev.hermes.admin.Account;
import dev.hermes.admin.GlobalSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Renders the managed config.yaml and the MEMORY.md identity block. Neither ever holds a secret. */
public final class ManagedConfig {
    private ManagedConfig() {}

    public static String configYaml(GlobalSettings settings, int agentPort) {
        StringBuilder y = new StringBuilder();
        y.append("# Managed by hermes-runtime (settings version ")
                .append(settings.version())
                .append("). Rewritten on every boot: local edits are overwritten.\n");
        y.append("model:\n");
        y.append("  provider: ").append(quote(settings.provider())).append('\n');
        y.append("  default: ").append(quote(settings.model())).append('\n');
        if (settings.baseUrl() != null && !settings.baseUrl().isBlank()) {
            y.append("  base_url: ").append(quote(settings.baseUrl())).append('\n');
        }
        y.append("toolsets:\n  - hermes-cli\n");
        y.append("memory:\n  memory_enabled: true\n  user_profile_enabled: true\n");
        y.append("platforms:\n");
        y.append("  api_server:\n    enabled: true\n    extra:\n      host: \"0.0.0.0\"\n      port: ")
                .append(agentPort)
                .append('\n');
        for (String platform : new String[] {"twilio_whatsapp", "sudo_chat", "sudo_voice"}) {
            y.append("  ").append(platform).append(":\n    enabled: true\n");
        }
        y.append("plugins:\n  enabled: []\n");
        return y.toString();
    }

    /** The identity lines; marker strings are removed so a name can never end the block early. */
    public static String identityBlock(Account account) {
        StringBuilder b = new StringBuilder("## Account identity\n");
        b.append("- user id: ").append(account.userId().value()).append('\n');
        b.append("- family name: ").append(clean(account.displayName())).append('\n');
        line(b, "members", account.members());
        line(b, "timezone", account.timezone());
        line(b, "locale", account.locale());
        line(b, "notes", account.notes());
        return b.toString().stripTrailing();
    }

    public static String hash(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void line(StringBuilder b, String label, String value) {
        if (value != null && !value.isBlank()) {
            b.append("- ").append(label).append(": ").append(clean(value)).append('\n');
        }
    }

    private static String clean(String value) {
        return value.replace(SeedScript.IDENTITY_BEGIN, "").replace(SeedScript.IDENTITY_END, "");
    }

    /** A YAML double-quoted scalar (JSON string rules), so no value can break the document. */
    static String quote(String value) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
