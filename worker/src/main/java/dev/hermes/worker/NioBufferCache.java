package dev.hermes.worker;

/**
 * The JDK copies every heap buffer written to or read from a socket through a temporary direct buffer,
 * and keeps one per thread at the largest size it ever needed, forever. Kafka's fetches and batches make
 * those tens of megabytes of native memory that no heap setting bounds (seen: 50 MB in a worker). Capping
 * the cached size frees the big ones after use; it must happen before the first socket is opened.
 */
public final class NioBufferCache {
    static final String PROPERTY = "jdk.nio.maxCachedBufferSize";
    static final String DEFAULT_LIMIT = Integer.toString(256 * 1024);

    private NioBufferCache() {}

    /** Caps the cache unless the JVM was started with its own {@code -Djdk.nio.maxCachedBufferSize}. */
    public static void cap() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, DEFAULT_LIMIT);
        }
    }
}
