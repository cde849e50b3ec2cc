package dev.hermes.admin;

import dev.hermes.schemas.HermesException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A secret comes from NAME, or from the file named by NAME_FILE (the way compose and k8s mount secrets). */
public final class EnvSecrets {
    private EnvSecrets() {}

    public static String read(Map<String, String> env, String name, String fallback) {
        String file = env.get(name + "_FILE");
        if (file != null && !file.isBlank()) {
            try {
                return Files.readString(Path.of(file.trim()), StandardCharsets.UTF_8)
                        .strip();
            } catch (IOException e) {
                throw new HermesException("cannot read " + name + "_FILE at " + file + ": " + e.getMessage());
            }
        }
        String value = env.get(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
