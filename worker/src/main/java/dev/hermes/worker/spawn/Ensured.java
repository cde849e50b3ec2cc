package dev.hermes.worker.spawn;

import dev.hermes.worker.runtime.Runtime;

/** The answer to one ensure: the healthy runtime, whether this call had to start it, and its phase timings. */
public record Ensured(Runtime runtime, boolean cold, long createMs, long startMs, long healthMs) {
}
