package dev.hermes.worker.consumer;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.Heartbeat;
import dev.hermes.schemas.InvalidEventException;
import dev.hermes.schemas.ReplyCoordinates;
import dev.hermes.schemas.RuntimeRequested;
import dev.hermes.schemas.UserId;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a requests-topic record into an event, or says why it cannot be one. The key must be the
 * event's user id: partition ownership follows the key, so a mismatch would let two workers own a family. A record
 * it refuses may still say where its caller waits for the answer ({@link #replyCoordinates}).
 */
final class RecordDecoder {
    private final EventCodec codec;

    RecordDecoder(EventCodec codec) {
        this.codec = codec;
    }

    Event decode(ConsumerRecord<byte[], byte[]> record) {
        Event event = codec.decode(record.value());
        if (!(event instanceof RuntimeRequested) && !(event instanceof Heartbeat)) {
            throw new InvalidEventException("type", event.type() + " does not belong on the requests topic");
        }
        if (!event.userId().equals(UserId.parse(record.key()))) {
            String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
            throw new InvalidEventException(
                    "key",
                    "record key must be the userId " + event.userId() + ", got "
                            + (key == null ? "no key" : "'" + key + "'"));
        }
        return event;
    }

    /** Where a refused record's caller waits, if that can be read (lenient; never throws). */
    Optional<ReplyCoordinates> replyCoordinates(ConsumerRecord<byte[], byte[]> record) {
        return codec.replyCoordinates(record.value(), record.key());
    }
}
