package dev.hermes.worker.fuzz.kit;

import dev.hermes.schemas.UserId;
import java.util.UUID;

/**
 * One record of the fuzz batch, as raw bytes.
 *
 * @param index position in the batch (the send order)
 * @param key raw key bytes, or null
 * @param value raw value bytes (may be empty)
 * @param partition where it goes: the key's canonical partition (murmur2) or, for a null key, a random one
 * @param correlationId the correlationId spelled in the value if there is a readable one, else null
 * @param family the valid family id the record is about (for the container checks), or null
 */
public record FuzzRecord(
        int index, FuzzKind kind, byte[] key, byte[] value, int partition, UUID correlationId, UserId family) {}
