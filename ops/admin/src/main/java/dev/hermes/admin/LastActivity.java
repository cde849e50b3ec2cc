package dev.hermes.admin;

import dev.hermes.admin.internal.TopicSnapshot;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.InvalidEventException;
import dev.hermes.schemas.InvalidUserIdException;
import dev.hermes.schemas.LastActive;
import dev.hermes.schemas.Topics;
import dev.hermes.schemas.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The compacted last-active topic read to its end in one pass: each family's newest activity. A tombstone (a
 * forgotten family) removes it; a record that does not decode is skipped.
 */
public final class LastActivity {
    private final KafkaAccess kafka;
    private final Clock clock;
    private final EventCodec codec = new EventCodec();

    public LastActivity(KafkaAccess kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
    }

    public Map<UserId, Instant> read(Topics topics) {
        Map<UserId, Instant> at = new HashMap<>();
        latest(topics).forEach((user, last) -> at.put(user, last.lastActiveAt()));
        return at;
    }

    /** Each family's newest LastActive (its activity and, with several Docker hosts, its host). */
    public Map<UserId, LastActive> latest(Topics topics) {
        Map<UserId, LastActive> latest = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record :
                new TopicSnapshot(kafka, clock).read(topics.lastActive(), "hermes-admin-last-active")) {
            UserId user = user(record.key());
            if (user == null) {
                continue;
            }
            if (record.value() == null) {
                latest.remove(user);
                continue;
            }
            try {
                latest.put(user, codec.decode(record.value(), LastActive.class));
            } catch (InvalidEventException e) {
                // not a LastActive: nothing to say about this family
            }
        }
        return latest;
    }

    private static UserId user(byte[] key) {
        try {
            return key == null ? null : UserId.of(new String(key, StandardCharsets.UTF_8));
        } catch (InvalidUserIdException e) {
            return null;
        }
    }
}
