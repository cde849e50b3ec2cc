package dev.hermes.worker.config;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** "CHOWN,SETUID": Linux capability names without the {@code CAP_} prefix; "NONE" adds none back. */
final class CapabilitiesType implements SettingType<List<String>> {
    private static final Pattern CAPABILITY = Pattern.compile("[A-Z][A-Z_]*");

    @Override
    public String describe() {
        return "comma-separated capability names without `CAP_`, or `NONE`; `ALL` is refused";
    }

    @Override
    public List<String> parse(String raw) {
        if (raw.trim().equals("NONE")) {
            return List.of();
        }
        return Arrays.stream(raw.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    @Override
    public void validate(List<String> capabilities) {
        SettingType.super.validate(capabilities);
        for (String capability : capabilities) {
            if (!CAPABILITY.matcher(capability).matches() || capability.equals("ALL")) {
                throw new IllegalArgumentException("'" + capability + "' is not a capability name");
            }
        }
    }

    @Override
    public String format(List<String> capabilities) {
        return capabilities.isEmpty() ? "NONE" : String.join(",", capabilities);
    }
}
