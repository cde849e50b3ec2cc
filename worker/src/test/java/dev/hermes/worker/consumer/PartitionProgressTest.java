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
        assertThat(progress.committable())
                .as("10 is still running, so 12 and 13 finishing moves nothing")
                .isEqualTo(10);

        progress.finished(10);
        assertThat(progress.committable()).as("11 is the lowest unfinished").isEqualTo(11);

        progress.finished(14);
        assertThat(progress.committable()).isEqualTo(11);
        assertThat(progress.inFlight()).isEqualTo(1);

        progress.finished(11);
        assertThat(progress.committable())
                .as("all done: the next offset to read")
                .isEqualTo(15);
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
        assertThat(progress.advanced())
                .as("0 is committable for the first time")
                .isTrue();
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

    @Test
    void manyRecordsInFlightFinishingInAnyOrderCommitTheLowestUnfinished() {
        java.util.List<Long> order = new java.util.ArrayList<>();
        for (long o = 1000; o < 1500; o += 2) { // gaps, and more than the ring's first capacity
            progress.received(o);
            order.add(o);
        }
        java.util.Collections.shuffle(order, new java.util.Random(7));
        java.util.TreeSet<Long> open = new java.util.TreeSet<>(order);
        for (long o : order) {
            progress.finished(o);
            open.remove(o);
            assertThat(progress.committable()).isEqualTo(open.isEmpty() ? 1499 : open.first());
            assertThat(progress.inFlight()).isEqualTo(open.size());
        }
        progress.received(1600);
        assertThat(progress.committable()).isEqualTo(1600);
    }

    @Test
    void finishingAnOffsetTwiceOrOneNeverReceivedChangesNothing() {
        progress.received(4);
        progress.received(5);
        progress.finished(5);
        progress.finished(5);
        progress.finished(99);
        assertThat(progress.inFlight()).isEqualTo(1);
        assertThat(progress.committable()).isEqualTo(4);
    }

    @Test
    void recordsDeliveredAgainAfterAnOffsetResetAreTrackedUntilEveryHandlingFinishes() {
        for (long o = 10; o <= 12; o++) {
            progress.received(o);
        }
        progress.finished(10);
        progress.finished(11);
        assertThat(progress.committable()).isEqualTo(12);

        // the consumer went back to 8 (an offset reset): 8 and 9 are new here, 10 and 11 were finished
        // and left the ring, 12 is still running and now runs twice
        for (long o = 8; o <= 12; o++) {
            progress.received(o);
        }
        assertThat(progress.committable()).isEqualTo(8);
        assertThat(progress.inFlight()).isEqualTo(6);

        for (long o = 8; o <= 11; o++) {
            progress.finished(o);
        }
        assertThat(progress.committable()).isEqualTo(12);
        progress.finished(12);
        assertThat(progress.committable())
                .as("12 was handled twice; one is still running")
                .isEqualTo(12);
        progress.finished(12);
        assertThat(progress.committable()).isEqualTo(13);
        assertThat(progress.inFlight()).isZero();
    }

    @Test
    void aHandledRecordStillWaitingForItsWritesCountsAsInFlightButNotAsUnhandled() {
        progress.received(1);
        progress.received(2);
        assertThat(progress.unhandled()).isEqualTo(2);

        progress.handled();
        assertThat(progress.unhandled())
                .as("backpressure counts only work not yet handled")
                .isEqualTo(1);
        assertThat(progress.inFlight()).as("its write is not acknowledged yet").isEqualTo(2);
        assertThat(progress.committable()).isEqualTo(1);

        progress.finished(1);
        assertThat(progress.inFlight()).isEqualTo(1);
        assertThat(progress.committable()).isEqualTo(2);
    }
}
