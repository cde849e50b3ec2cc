package dev.hermes.admin;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** The fleet-wide LLM settings of one version. The key is a {@link Secret} and never prints. */
public record GlobalSettings(
        String provider,
        String model,
        String baseUrl,
        Optional<Secret> apiKey,
        long version,
        Instant updatedAt,
        String updatedBy) {

    /** The env var the agent reads the provider key from, the way upstream expects (OPENROUTER_API_KEY, ...). */
    public String providerKeyEnv() {
        String normalized = provider.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        return normalized + "_API_KEY";
    }
}
