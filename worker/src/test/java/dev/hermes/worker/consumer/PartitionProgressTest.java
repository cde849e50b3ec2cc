package dev.hermes.worker.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PartitionProgressTest {
    private final PartitionProgress progress = new PartitionProgress();

    @Test
    void nothingReceivedMeansNothingToCommit() {
        assertThat(progress.committable()).isEqualTo(-1);
        assertThat(progress.advanced()).isFalse();
        assertThat(progress.inFlight()).isZero();
    }

    @Test
    void theCommittableOffsetIsTheLowestUnfinishedOne() {
        for (long o = 10; o <= 14; o++) {
            progress.received(o);
        }
        assertThat(progress.committable()).isEqualTo(10);

        progress.finished(12);
        progress.finished(13);
        assertThat(progress.committable()).as("10 is still running, so 12 and 13 finishing moves nothing")
                .isEqualTo(10);

        progress.finished(10);
        assertThat(progress.committable()).as("11 is the lowest unfinished").isEqualTo(11);

        progress.finished(14);
        assertThat(progress.committable()).isEqualTo(11);
        assertThat(progress.inFlight()).isEqualTo(1);

        progress.finished(11);
        assertThat(progress.committable()).as("all done: the next offset to read").isEqualTo(15);
        assertThat(progress.inFlight()).isZero();
    }

    @Test
    void gapsInOffsetsAreFine() {
        // compacted or transactional topics skip offsets; the next offset follows the last received one
        progress.received(3);
        progress.received(7);
        progress.received(20);
        progress.finished(7);
        assertThat(progress.committable()).isEqualTo(3);
        progress.finished(3);
        assertThat(progress.committable()).isEqualTo(20);
        progress.finished(20);
        assertThat(progress.committable()).isEqualTo(21);
    }

    @Test
    void advancedReportsEachMoveOnce() {
        progress.received(0);
        progress.received(1);
        assertThat(progress.advanced()).as("0 is committable for the first time").isTrue();
        assertThat(progress.advanced()).isFalse();

        progress.finished(1);
        assertThat(progress.advanced()).as("still 0").isFalse();

        progress.finished(0);
        assertThat(progress.advanced()).isTrue();
        assertThat(progress.committable()).isEqualTo(2);
        assertThat(progress.advanced()).isFalse();
    }

    @Test
    void awaitDrainedWaitsForTheLastUnfinishedRecord() throws Exception {
        progress.received(5);
        progress.received(6);
        progress.finished(6);
        assertThat(progress.awaitDrained(50)).as("5 is still running").isFalse();

        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return progress.awaitDrained(5_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().during(Duration.ofMillis(150)).atMost(Duration.ofSeconds(2)).until(() -> !drained.isDone());
        progress.finished(5);
        assertThat(drained.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(progress.committable()).isEqualTo(7);
    }
}
