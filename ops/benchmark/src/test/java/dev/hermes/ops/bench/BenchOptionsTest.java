package dev.hermes.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsRunEverythingAtFullSize() {
        BenchOptions options = BenchOptions.parse(List.of());
        assertThat(options.groups()).isEqualTo(EnumSet.allOf(FigureGroup.class));
        assertThat(options.out()).isNull();
        assertThat(options.counts()).isEqualTo(BenchCounts.full());
        assertThat(options.counts().cold()).isGreaterThanOrEqualTo(20);
        assertThat(options.counts().warm()).isGreaterThanOrEqualTo(2000);
    }

    @Test
    void onlyTakesFigureAndGroupNames() {
        BenchOptions options = BenchOptions.parse(
                List.of("--only", "warm_p99,burst,hol_ratio,audit_1m_s", "--quick", "--out", "/tmp/x.json"));
        assertThat(options.groups()).containsExactlyInAnyOrder(FigureGroup.WARM, FigureGroup.BURST, FigureGroup.AUDIT);
        assertThat(options.quick()).isTrue();
        assertThat(options.counts()).isEqualTo(BenchCounts.quick());
        assertThat(options.out()).isEqualTo(Path.of("/tmp/x.json"));
    }

    @Test
    void onlyResumeRunsTheResumeFiguresAlone() {
        BenchOptions options = BenchOptions.parse(List.of("--only", "resume"));
        assertThat(options.groups()).containsExactly(FigureGroup.RESUME);
        assertThat(FigureGroup.RESUME.figures())
                .extracting(FigureSpec::name)
                .containsExactly("resume_p50", "resume_p99", "paused_mem_mb");
        assertThat(BenchOptions.parse(List.of("--only", "paused_mem_mb")).groups())
                .containsExactly(FigureGroup.RESUME);
        assertThat(BenchCounts.full().resume()).isGreaterThanOrEqualTo(100);
        assertThat(BenchCounts.quick().resume()).isEqualTo(5);
    }

    @Test
    void onlyBurst2RunsTheTwoHostBurstAloneWithItsOwnCountsAndTimeBound() {
        assertThat(BenchOptions.parse(List.of("--only", "burst2")).groups()).containsExactly(FigureGroup.BURST2);
        assertThat(BenchOptions.parse(List.of("--only", "burst200_2hosts")).groups())
                .containsExactly(FigureGroup.BURST2);
        assertThat(BenchOptions.parse(List.of()).groups()).contains(FigureGroup.BURST2);
        assertThat(BenchCounts.full().burst2()).isEqualTo(200);
        assertThat(BenchCounts.quick().burst2()).isEqualTo(20);
        assertThat(FigureGroup.spec("burst200_2hosts").unit()).isEqualTo("s");
        assertThat(FigureGroup.BURST2.timeoutSec()).isGreaterThan(FigureGroup.BURST.timeoutSec());
        assertThat(FigureGroup.BURST.timeoutSec()).isEqualTo(420);
        assertThat(BenchOptions.USAGE).contains("burst200_2hosts", "burst2");
    }

    @Test
    void holP99MsIsGoneReplacedByHolRatio() {
        assertThat(FigureGroup.named("hol_p99_ms")).isEmpty();
        assertThat(FigureGroup.named("hol_ratio")).contains(FigureGroup.BURST);
    }

    @Test
    void rejectsUnknownNamesAndMissingValues() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--only", "coldd"))).hasMessageContaining("coldd");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--only", ","))).hasMessageContaining("at least one");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--out"))).hasMessageContaining("--out needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--fast"))).hasMessageContaining("--fast");
    }

    @Test
    void everyFigureNameIsKnownOnce() {
        List<String> names = EnumSet.allOf(FigureGroup.class).stream()
                .flatMap(g -> g.figures().stream())
                .map(FigureSpec::name)
                .toList();
        assertThat(names)
                .doesNotHaveDuplicates()
                .contains(
                        "cold",
                        "warm_p50",
                        "warm_p99",
                        "warm_p999",
                        "burst100",
                        "burst200_2hosts",
                        "hol_ratio",
                        "resume_p50",
                        "resume_p99",
                        "paused_mem_mb",
                        "heartbeats_per_s",
                        "heartbeat_docker_calls",
                        "worker_rss_mb_100k",
                        "restore_1m_s",
                        "recreate100",
                        "audit_1m_s");
    }
}
