package dev.hermes.schemas;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs for event and correlation ids, from a per-thread generator. Ids need to be
 * unique, not unguessable, and {@link UUID#randomUUID()} serialises every caller on one SecureRandom,
 * which shows at a hundred thousand events a second.
 */
public final class EventIds {
    private EventIds() {}

    public static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
