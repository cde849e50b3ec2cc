package dev.hermes.worker.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.worker.metrics.Meters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/** The partition count lookup runs on the loop thread: it must never hold the loop for the broker. */
class PartitionRoutingTest {
    private static final String TOPIC = "t.runtime.requests";

    /** A consumer whose metadata lookup fails (broker down) when told to, and records each wait it was given. */
    private static final class Metadata extends MockConsumer<byte[], byte[]> {
        final List<Duration> waits = new ArrayList<>();
        boolean brokerDown;
        int partitions = 4;

        Metadata() {
            super("earliest");
        }

        @Override
        public synchronized List<PartitionInfo> partitionsFor(String topic, Duration timeout) {
            waits.add(timeout);
            if (brokerDown) {
                throw new TimeoutException("Timeout expired while fetching topic metadata");
            }
            List<PartitionInfo> infos = new ArrayList<>();
            for (int i = 0; i < partitions; i++) {
                infos.add(new PartitionInfo(topic, i, null, null, null));
            }
            return infos;
        }
    }

    private static PartitionRouting routing(Metadata consumer) {
        return new PartitionRouting(consumer, TOPIC, null, null, null, Meters.none());
    }

    @Test
    void aBrokerThatIsDownHoldsTheLoopNoLongerThanTheShortWaitAndTheLastCountStays() {
        Metadata consumer = new Metadata();
        PartitionRouting routing = routing(consumer);
        routing.refreshPartitionCount();
        assertThat(routing.partitionCount()).isEqualTo(4);

        consumer.brokerDown = true;
        for (int i = 0; i < 100; i++) {
            routing.refreshPartitionCount();
        }

        assertThat(routing.partitionCount()).isEqualTo(4);
        assertThat(consumer.waits).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMillis(100)));
    }

    @Test
    void aKnownCountIsNotAskedForOnEveryTurnOfTheLoop() {
        Metadata consumer = new Metadata();
        PartitionRouting routing = routing(consumer);

        for (int i = 0; i < 1000; i++) {
            routing.refreshPartitionCount();
        }

        assertThat(consumer.waits).hasSize(1);
    }

    @Test
    void anUnknownCountIsAskedForAgainAfterASecondNotOnEveryTurn() {
        Metadata consumer = new Metadata();
        consumer.brokerDown = true;
        PartitionRouting routing = routing(consumer);

        for (int i = 0; i < 1000; i++) {
            routing.refreshPartitionCount();
        }

        assertThat(routing.partitionCount()).isZero();
        assertThat(consumer.waits).hasSize(1);
    }
}
