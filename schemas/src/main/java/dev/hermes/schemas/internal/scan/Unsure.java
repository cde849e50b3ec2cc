package dev.hermes.schemas.internal.scan;

/** Thrown when the fast path cannot be sure; the tree codec then decides. Carries no stack trace. */
final class Unsure extends RuntimeException {
    Unsure() {
        super(null, null, false, false);
    }
}
