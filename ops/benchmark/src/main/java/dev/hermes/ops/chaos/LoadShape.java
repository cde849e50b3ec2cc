package dev.hermes.ops.chaos;

import java.time.Duration;

/**
 * The steady load during a scenario: {@code warmFamilies} families kept warm (a heartbeat each per second
 * and {@code warmPerSecond} ensures spread over them), {@code coldPerSecond} ensures of new families, with
 * their deadlines; {@code before} of steady load before the fault, {@code after} once it ended, and
 * {@code grace} for late answers to come in once the load stopped.
 */
public record LoadShape(
        int warmFamilies,
        double warmPerSecond,
        double coldPerSecond,
        Duration warmDeadline,
        Duration coldDeadline,
        Duration before,
        Duration after,
        Duration grace,
        long warmThresholdMs) {

    /** ops/chaos. */
    public static LoadShape full() {
        return new LoadShape(
                6,
                4,
                0.5,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                Duration.ofSeconds(40),
                Duration.ofSeconds(60),
                1000);
    }

    /** The CI subset and ops/chaos --quick: fewer families and requests, shorter phases. */
    public static LoadShape quick() {
        return new LoadShape(
                3,
                2,
                0.25,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                Duration.ofSeconds(25),
                Duration.ofSeconds(45),
                1000);
    }
}
