package dev.hermes.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParsersTest {

    @Test
    void metricsTextSumsSamplesOfOneNameAndOptionalLabel() {
        MetricsText text = new MetricsText("""
                # HELP hermes_docker_calls_total Docker API calls made
                # TYPE hermes_docker_calls_total counter
                hermes_docker_calls_total 3.0
                hermes_docker_calls_total_other 100.0
                hermes_requests_total{type="Heartbeat"} 99000.0
                hermes_requests_total{type="RuntimeRequested"} 5.0
                hermes_consumer_lag{partition="0"} 4.0
                hermes_consumer_lag{partition="1"} 6.0
                """);
        assertThat(text.sum("hermes_docker_calls_total")).isEqualTo(3.0);
        assertThat(text.sum("hermes_requests_total", "type=\"Heartbeat\"")).isEqualTo(99000.0);
        assertThat(text.sum("hermes_requests_total")).isEqualTo(99005.0);
        assertThat(text.sum("hermes_consumer_lag")).isEqualTo(10.0);
        assertThat(text.sum("hermes_missing")).isNaN();
    }

    @Test
    void procStatusReadsRssAndPeakInMegabytes() {
        ProcStatus status = ProcStatus.parse("Name:\tjava\nVmHWM:\t  409600 kB\nVmRSS:\t  307200 kB\nThreads:\t40\n");
        assertThat(status.rssMb()).isEqualTo(300.0);
        assertThat(status.peakRssMb()).isEqualTo(400.0);
    }

    @Test
    void procStatReadsUserPlusSystemTicks() {
        String stat = "4242 (java (weird) name) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 40 0 1 2 3";
        assertThat(ProcStatus.parseCpuSeconds(stat)).isEqualTo(3.25);
    }

    @Test
    void threadCpuGroupsByNameWithoutIndexAndDiffsLargestFirst() {
        assertThat(ThreadCpuReport.group("hermes-lane-17")).isEqualTo("hermes-lane");
        assertThat(ThreadCpuReport.group("kafka-producer-network-thread | hermes-worker-a"))
                .isEqualTo("kafka-producer-network-thread");
        assertThat(ThreadCpuReport.group("hermes-requests-loop")).isEqualTo("hermes-requests-loop");
        var before = ThreadCpuReport.parse("CPU hermes-lane=100 hermes-requests-loop=50 main=10");
        var after = ThreadCpuReport.parse("CPU hermes-lane=1100 hermes-requests-loop=450 main=10 new=1");
        assertThat(ThreadCpuReport.difference(before, after))
                .containsExactly(
                        java.util.Map.entry("hermes-lane", 1000L), java.util.Map.entry("hermes-requests-loop", 400L));
        assertThat(ThreadCpuReport.line()).startsWith("CPU ").contains("main=");
    }

    @Test
    void spawnPhasesAverageAndStartOver() {
        SpawnPhases phases = new SpawnPhases();
        phases.record("create", 100_000_000L);
        phases.record("create", 300_000_000L);
        phases.record("health", 5_000_000L);
        var means = phases.drain("raw_");
        assertThat(means).containsEntry("raw_create_mean_ms", 200.0).containsEntry("raw_health_mean_ms", 5.0);
        assertThat((Double) means.get("raw_start_mean_ms")).isNaN();
        assertThat((Double) phases.drain("raw_").get("raw_create_mean_ms")).isNaN();
        var fleet = SpawnPhases.fleetMeans(
                new double[] {1.0, 10, 2.0, 10, 0.5, 10}, new double[] {3.0, 20, 2.0, 10, 0.6, 12});
        assertThat(fleet).containsEntry("system_create_mean_ms", 200.0);
        assertThat((Double) fleet.get("system_start_mean_ms")).isNaN();
        assertThat((Double) fleet.get("system_health_mean_ms"))
                .isCloseTo(50.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void memoryReportRoundTrips() {
        var values = MemoryReport.parse(MemoryReport.line(false));
        assertThat(values).containsKeys("heapUsedMb", "heapCommittedMb", "nonHeapUsedMb", "threads");
    }

    @Test
    void syntheticUsersAreCanonicalAndStable() {
        SyntheticUsers users = new SyntheticUsers(0xCAFE);
        assertThat(users.user(5).value()).isEqualTo("0000cafe-0000-4000-8000-000000000005");
        assertThat(new SyntheticUsers(-1).user(99_999).value()).isEqualTo("ffffffff-0000-4000-8000-00000001869f");
        assertThat(users.containerId(5)).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void targetsDescribeThemselves() {
        assertThat(Target.ratioAtMost(1.1).describe()).isEqualTo("ratio<=1.10");
        assertThat(Target.atLeast(100_000).describe()).isEqualTo(">=100000");
        assertThat(Target.atMost(0).describe()).isEqualTo("<=0");
        assertThat(Target.none().describe()).isEqualTo("-");
        assertThat(Target.ratioAtMost(1.5).met(3.0, null)).isNull();
    }
}
