package dev.hermes.worker.spawn;

/**
 * The agent image reference names no image this worker can create runtimes from: it is not in the engine and
 * HERMES_IMAGE_PULL does not allow a pull, or the pull failed (Docker's message is kept). An ensure that meets it
 * fails with SPAWN_ERROR.
 */
public final class ImageUnavailableException extends SpawnFailedException {
    public ImageUnavailableException(String reference, String why) {
        super("agent image " + reference + " is not available: " + why);
    }
}
