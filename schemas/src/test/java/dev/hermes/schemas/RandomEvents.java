package dev.hermes.schemas;

import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/** Test fixtures: valid events of every type with random ids, times, numbers, optional fields and texts. */
final class RandomEvents {
    private static final long YEAR_2000 = 946_684_800L;
    private final Random random;
    private final Function<Random, String> texts;

    /** {@code texts} makes each required string (never empty). */
    RandomEvents(long seed, Function<Random, String> texts) {
        this.random = new Random(seed);
        this.texts = texts;
    }

    /** Printable ASCII without quotes or backslashes: what the fast path reads. */
    static String plainText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 1 + random.nextInt(40); i > 0; i--) {
            char c = (char) (0x20 + random.nextInt(0x5f));
            text.append(c == '"' || c == '\\' ? '_' : c);
        }
        return text.toString();
    }

    Event next() {
        return switch (random.nextInt(14)) {
            case 0 ->
                new RuntimeRequested(
                        id(), time(), user(), id(), text(), random.nextInt(Integer.MAX_VALUE), time(), text());
            case 1 -> new Heartbeat(id(), time(), user(), text(), text());
            case 2 -> new SettingsChanged(id(), time(), count(), text());
            case 3 ->
                new RuntimeReady(
                        id(),
                        time(),
                        user(),
                        maybe(id()),
                        text(),
                        text(),
                        count(),
                        random.nextBoolean(),
                        count(),
                        count(),
                        count(),
                        count(),
                        maybe(text()),
                        maybe(id()));
            case 4 ->
                new RuntimeFailed(
                        id(),
                        time(),
                        user(),
                        maybe(id()),
                        pick(FailureReason.values()),
                        text(),
                        maybe(text()),
                        maybe(id()),
                        maybe(count()));
            case 5 -> new LastActive(id(), time(), user(), time(), text(), maybe(text()));
            case 6 ->
                new RuntimeSpawned(
                        id(),
                        time(),
                        user(),
                        maybe(id()),
                        maybe(id()),
                        text(),
                        text(),
                        text(),
                        count(),
                        text(),
                        count());
            case 7 ->
                new RuntimeStarted(
                        id(),
                        time(),
                        user(),
                        maybe(id()),
                        maybe(id()),
                        text(),
                        text(),
                        text(),
                        random.nextBoolean(),
                        count());
            case 8 -> stopped(pick(StopReason.values()));
            case 9 ->
                new AccountUpdated(
                        id(),
                        time(),
                        user(),
                        line(),
                        maybe(line()),
                        maybe(line()),
                        maybe(line()),
                        maybe(text().replaceAll("[\\x00-\\x09\\x0b-\\x1f\\x7f]", "_")),
                        line());
            case 10 -> new RuntimePaused(id(), time(), user(), maybe(id()), text(), text(), text(), count());
            case 11 ->
                new RuntimeResumed(
                        id(), time(), user(), maybe(id()), maybe(id()), text(), text(), text(), count(), count());
            case 12 ->
                new RuntimeMoved(id(), time(), user(), text(), text(), text(), text(), count(), count(), maybe(text()));
            default ->
                new RuntimeRecreated(id(), time(), user(), maybe(id()), text(), text(), count(), count(), count());
        };
    }

    private RuntimeStopped stopped(StopReason reason) {
        UserId user = reason == StopReason.ORPHAN ? maybe(user()) : user();
        return new RuntimeStopped(
                id(),
                time(),
                user,
                maybe(id()),
                text(),
                text(),
                reason,
                random.nextBoolean(),
                random.nextBoolean(),
                maybe(count()));
    }

    private UUID id() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private UserId user() {
        return UserId.of(id().toString());
    }

    /** Whole seconds, millis, micros or nanos, as producers write them; mostly this century, sometimes any year. */
    private Instant time() {
        long seconds = random.nextInt(4) == 0
                ? -62_167_219_200L + (long) (random.nextDouble() * 315_569_520_000L)
                : YEAR_2000 + random.nextInt(1_000_000_000);
        int nanos = random.nextInt(1_000_000_000);
        return Instant.ofEpochSecond(
                seconds,
                switch (random.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> nanos / 1_000_000 * 1_000_000;
                    case 2 -> nanos / 1_000 * 1_000;
                    default -> nanos;
                });
    }

    private long count() {
        return switch (random.nextInt(3)) {
            case 0 -> random.nextInt(1000);
            case 1 -> random.nextLong() & Long.MAX_VALUE;
            default -> random.nextInt(Integer.MAX_VALUE);
        };
    }

    private String text() {
        return texts.apply(random);
    }

    /** A text within AccountUpdated's bounds for one-line fields (no control characters, at most 35). */
    private String line() {
        String text = text().replaceAll("[\\x00-\\x1f\\x7f]", "_");
        return text.codePointCount(0, text.length()) <= 35 ? text : text.substring(0, text.offsetByCodePoints(0, 35));
    }

    private <T> T maybe(T value) {
        return random.nextBoolean() ? value : null;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
