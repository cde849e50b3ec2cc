package dev.hermes.admin;

import dev.hermes.admin.internal.EventWriter;
import dev.hermes.schemas.AccountUpdated;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.Topics;
import java.time.Clock;
import java.util.UUID;
import org.apache.kafka.clients.producer.Producer;

/**
 * Publishes a family's identity as AccountUpdated on the accounts topic, keyed by the user id. The workers
 * store it and recreate the family's running runtime: the operator's tool takes the same path as any caller,
 * and nothing here writes PostgreSQL.
 */
public final class AccountAnnouncer {
    private final EventWriter writer;
    private final Topics topics;
    private final Clock clock;

    /** {@code producer} stays the caller's to close. */
    public AccountAnnouncer(Producer<byte[], byte[]> producer, Topics topics, Clock clock) {
        this.writer = new EventWriter(producer, new EventCodec());
        this.topics = topics;
        this.clock = clock;
    }

    /**
     * Sends and waits for the broker's ack; fails with a HermesException (an
     * {@link dev.hermes.schemas.InvalidEventException} naming the field when a text is out of bounds).
     */
    public AccountUpdated announce(Account account, String changedBy) {
        AccountUpdated event = new AccountUpdated(
                UUID.randomUUID(),
                clock.instant(),
                account.userId(),
                account.displayName(),
                account.members(),
                account.timezone(),
                account.locale(),
                account.notes(),
                changedBy);
        writer.event(topics.accounts(), account.userId(), event);
        return event;
    }
}
