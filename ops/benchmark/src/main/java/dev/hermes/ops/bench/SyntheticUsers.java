package dev.hermes.ops.bench;

import dev.hermes.schemas.UserId;

/**
 * Deterministic family ids for simulated fleets: the same (seed, index) gives the same canonical UUID
 * in the benchmark and in the simulated worker, so neither has to send the other 100k ids.
 */
public final class SyntheticUsers {
    private final int seed;

    public SyntheticUsers(int seed) {
        this.seed = seed;
    }

    public UserId user(long index) {
        return UserId.of(String.format("%08x-0000-4000-8000-%012x", seed, index));
    }

    /** A fake 64-hex Docker container id for the simulated runtime of user {@code index}. */
    public String containerId(long index) {
        return String.format("%08x%056x", seed, index);
    }
}
