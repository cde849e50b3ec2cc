package dev.hermes.schemas;

import java.time.Instant;
import java.util.UUID;

/** A caller wants this family's runtime ready and waits for the answer on its reply partition. */
public record RuntimeRequested(
        UUID eventId,
        Instant occurredAt,
        UserId userId,
        UUID correlationId,
        String replyTopic,
        int replyPartition,
        Instant deadline,
        String source)
        implements Event {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(deadline);
    }
}
