package dev.hermes.client;

import dev.hermes.schemas.HermesException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recipes giving each replica of a caller its own reply partition, so replicas never read each other's replies:
 * the ordinal of a StatefulSet pod ({@code chat-3} reads partition 3), or, for pods without one, a stable hash of
 * the pod name (two pods may then share a partition: they still get only their own answers, matched by
 * correlation id, but each reads the other's too). The Node client has the same recipes with the same results.
 */
public final class ReplyPartitions {
    private static final Pattern ORDINAL = Pattern.compile("-(\\d+)$");

    private ReplyPartitions() {}

    /** The ordinal at the end of a StatefulSet host name: {@code chat-3} gives 3. */
    public static int fromOrdinal(String hostname) {
        Matcher m = ORDINAL.matcher(hostname == null ? "" : hostname);
        if (!m.find()) {
            throw new HermesException("no ordinal at the end of '" + hostname + "' (expected a name like chat-3)");
        }
        try {
            return Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            throw new HermesException("the ordinal of '" + hostname + "' is too large", e);
        }
    }

    /** The ordinal modulo the reply topic's partition count, for more replicas than partitions. */
    public static int fromOrdinal(String hostname, int partitions) {
        return fromOrdinal(hostname) % checkPartitions(partitions);
    }

    /** {@code podName.hashCode()} made non-negative, modulo {@code partitions}: stable across restarts. */
    public static int hash(String podName, int partitions) {
        if (podName == null || podName.isEmpty()) {
            throw new HermesException("podName is required to hash a reply partition");
        }
        return (podName.hashCode() & 0x7fffffff) % checkPartitions(partitions);
    }

    private static int checkPartitions(int partitions) {
        if (partitions < 1) {
            throw new HermesException("partitions must be >= 1, got " + partitions);
        }
        return partitions;
    }
}
