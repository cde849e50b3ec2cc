package dev.hermes.worker.lifecycle;

import java.util.concurrent.CompletableFuture;

/** One look at a ready runtime's health, never blocking the caller: {@link HttpLivenessProbe} over HTTP. */
@FunctionalInterface
public interface LivenessProbe {
    /** Completes with true if {@code GET <baseUrl>/health} answered 200 in time, false otherwise; never fails. */
    CompletableFuture<Boolean> healthy(String baseUrl);
}
