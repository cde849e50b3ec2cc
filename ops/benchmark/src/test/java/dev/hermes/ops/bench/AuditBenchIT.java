package dev.hermes.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.Topics;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The audit benchmark; runs only with -Dhermes.bench=true (size: -Dhermes.bench.events, default 1M). */
@HermesStack.Use
@EnabledIfSystemProperty(named = "hermes.bench", matches = "true")
class AuditBenchIT {

    @Test
    void replaysAndSummarisesAMillionEventsWithinTenSeconds(Stack stack) {
        int events = Integer.getInteger("hermes.bench.events", 1_000_000);
        Topics topics = new Topics("bench-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        AuditBench bench = new AuditBench(Clock.systemUTC());

        double first = bench.run(stack.bootstrapServers(), topics, events);
        long cpu0 = processCpuNanos();
        double second = bench.timeReplay(stack.bootstrapServers(), topics, events);
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        double third = bench.timeReplay(stack.bootstrapServers(), topics, events);

        System.out.printf(Locale.ROOT, "AUDIT BENCH: %,d events replayed + summarised in %.2f s (first, cold JIT), "
                + "%.2f s (%.2f s CPU incl. the in-process broker), %.2f s (repeats); load average %.1f%n", events,
                first, second, cpu, third, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertThat(first).isLessThan(10.0);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
