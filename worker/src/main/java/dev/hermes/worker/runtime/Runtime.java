package dev.hermes.worker.runtime;

import dev.hermes.schemas.UserId;
import java.time.Instant;

/**
 * A family's running, healthy runtime as this worker knows it: enough to answer a warm ensure from memory.
 * A worker holds one per family it serves (100k and more), so it keeps only what cannot be derived or
 * shared: the container name follows from the user id, and the URL is kept as its port plus a prefix
 * ({@code http://127.0.0.1:}) that every runtime of the worker shares.
 */
public record Runtime(
        UserId userId, String containerId, String urlPrefix, int port, long settingsVersion, Instant startedAt) {

    /** From a URL such as {@code http://127.0.0.1:32768}; one ending in anything but a port is kept whole. */
    public static Runtime of(UserId userId, String containerId, String url, long settingsVersion, Instant startedAt) {
        int colon = url.lastIndexOf(':');
        int port = -1;
        if (colon > 0 && colon < url.length() - 1 && colon + 6 >= url.length()) {
            try {
                port = Integer.parseInt(url, colon + 1, url.length(), 10);
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        String prefix = port < 0 ? url : url.substring(0, colon + 1).intern();
        return new Runtime(userId, containerId, prefix, port, settingsVersion, startedAt);
    }

    public String url() {
        return port < 0 ? urlPrefix : urlPrefix + port;
    }

    public String containerName() {
        return userId.containerName();
    }
}
