package dev.hermes.ops.status;

import java.time.Instant;

/**
 * What the audit says of one family: whether its latest lifecycle event was a failure or a forget, the latest
 * failure's reason and time, and the last settings version an event named (null when none did).
 */
public record AuditFacts(
        Instant lastEventAt,
        boolean lastWasFailure,
        boolean forgotten,
        String lastFailure,
        Instant lastFailureAt,
        Long settingsVersion) {

    public static final AuditFacts NONE = new AuditFacts(null, false, false, null, null, null);
}
