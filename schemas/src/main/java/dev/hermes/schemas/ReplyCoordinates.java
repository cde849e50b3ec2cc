package dev.hermes.schemas;

import java.util.UUID;

/**
 * Where the producer of a request-topic record asked to be answered, read leniently from a record that is not a
 * valid event ({@link EventCodec#replyCoordinates}), so that its caller can be told why instead of waiting out its
 * deadline. Every id is in canonical form, whatever spelling the record used.
 *
 * @param userId the family to name in the answer: the record's {@code userId} field, or else its key, if either spells
 *     a UUID in some common way; null if neither does
 */
public record ReplyCoordinates(UUID correlationId, String replyTopic, int replyPartition, UserId userId) {}
