package dev.hermes.client;

import dev.hermes.schemas.RuntimeReady;
import dev.hermes.schemas.UserId;
import java.time.Duration;

/** A ready runtime: where to reach it, and how the answer came about. */
public record RuntimeHandle(
        UserId userId,
        String url,
        String containerName,
        boolean coldStart,
        long settingsVersion,
        Duration elapsed,
        RuntimeReady ready) {

    static RuntimeHandle of(RuntimeReady ready, Duration elapsed) {
        return new RuntimeHandle(
                ready.userId(),
                ready.url(),
                ready.containerName(),
                ready.coldStart(),
                ready.settingsVersion(),
                elapsed,
                ready);
    }
}
