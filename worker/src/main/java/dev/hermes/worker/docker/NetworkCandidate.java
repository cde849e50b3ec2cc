package dev.hermes.worker.docker;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * One network Docker listed under the fleet network's name. Concurrent creates on one engine can make several (name
 * uniqueness is best effort), so every worker picks the same one: the oldest, then the lowest id.
 *
 * @param created when Docker says it was created; {@link Instant#EPOCH} if it did not say
 */
public record NetworkCandidate(String id, String name, Instant created) {
    private static final Comparator<NetworkCandidate> OLDEST_FIRST =
            Comparator.comparing(NetworkCandidate::created).thenComparing(NetworkCandidate::id);

    /**
     * The one every worker uses among {@code listed}, whose name is exactly {@code name} (Docker's {@code name}
     * filter matches substrings, so {@code hermes-a} also lists {@code hermes-ab}); empty if there is none.
     */
    public static Optional<NetworkCandidate> chosen(Collection<NetworkCandidate> listed, String name) {
        return listed.stream().filter(n -> n.name().equals(name)).min(OLDEST_FIRST);
    }
}
