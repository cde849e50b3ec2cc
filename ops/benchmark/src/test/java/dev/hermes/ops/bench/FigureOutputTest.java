package dev.hermes.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FigureOutputTest {
    private final Figure cold = FigureGroup.spec("cold").of(280.0, 250.0).with("system_p95", 301.23456);
    private final Figure hol = FigureGroup.spec("restore_1m_s").of(4.5, null).with("n", 812);
    private final Figure holRatio = FigureGroup.spec("hol_ratio").of(30.0, 12.0);
    private final Figure rate = FigureGroup.spec("heartbeats_per_s").of(87_654.3, null);
    private final Figure broken = FigureGroup.spec("recreate100").failed("boom");

    @Test
    void ratioAndVerdicts() {
        assertThat(cold.ratio()).isEqualTo(1.12);
        assertThat(cold.ok()).isFalse();
        assertThat(hol.ratio()).isNull();
        assertThat(hol.ok()).isTrue();
        assertThat(rate.ok()).isFalse();
        assertThat(broken.ok()).isFalse();
        assertThat(holRatio.ratio()).isEqualTo(2.5);
        assertThat(holRatio.ok()).isFalse();
        assertThat(FigureGroup.spec("hol_ratio").of(20.0, 12.0).ok()).isTrue();
        assertThat(FigureGroup.spec("resume_p50").of(30.0, 25.0).ok()).isTrue();
        assertThat(FigureGroup.spec("resume_p99").of(40.0, 25.0).ok()).isFalse();
        assertThat(FigureGroup.spec("paused_mem_mb").of(3.2, 3.1).ok()).isNull();
        assertThat(FigureGroup.spec("warm_p999").of(3, 2.0).ok()).isNull();
        assertThat(FigureGroup.spec("heartbeat_docker_calls").of(0, null).ok()).isTrue();
    }

    @Test
    void jsonHasOneObjectPerFigureWithNullRawAndRatioWhereThereIsNoRawSide() throws Exception {
        String json = new FigureJson().render(Map.of("runId", "abc", "quick", true), List.of(cold, hol, broken));
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.get("run").get("runId").asText()).isEqualTo("abc");
        JsonNode figures = root.get("figures");
        assertThat(figures).hasSize(3);
        JsonNode c = figures.get(0);
        assertThat(c.get("name").asText()).isEqualTo("cold");
        assertThat(c.get("system").asDouble()).isEqualTo(280.0);
        assertThat(c.get("raw").asDouble()).isEqualTo(250.0);
        assertThat(c.get("ratio").asDouble()).isEqualTo(1.12);
        assertThat(c.get("unit").asText()).isEqualTo("ms");
        assertThat(c.get("target").asText()).isEqualTo("ratio<=1.10");
        assertThat(c.get("ok").asBoolean()).isFalse();
        assertThat(c.get("system_p95").asDouble()).isEqualTo(301.2346);
        JsonNode h = figures.get(1);
        assertThat(h.get("raw").isNull()).isTrue();
        assertThat(h.get("ratio").isNull()).isTrue();
        assertThat(h.get("n").asInt()).isEqualTo(812);
        assertThat(figures.get(2).get("system").isNull()).isTrue();
        assertThat(figures.get(2).get("error").asText()).isEqualTo("boom");
    }

    @Test
    void aFigureNotMeasuredOnThisStackIsSkippedWithItsReasonNotAnError() throws Exception {
        Figure skipped = FigureGroup.spec("burst200_2hosts").notMeasured("needs exactly two Docker hosts");
        assertThat(skipped.error()).isNull();
        assertThat(skipped.ok()).isNull();
        assertThat(skipped.notMeasured()).isEqualTo("needs exactly two Docker hosts");
        assertThat(cold.notMeasured()).isNull();
        String table = new FigureTable().render(List.of(cold, skipped));
        assertThat(table.lines().toList().get(3)).startsWith("burst200_2hosts").endsWith("skipped");
        assertThat(table).contains("  burst200_2hosts: not measured: needs exactly two Docker hosts");
        JsonNode figure = new ObjectMapper()
                .readTree(new FigureJson().render(Map.of(), List.of(skipped)))
                .get("figures")
                .get(0);
        assertThat(figure.get("not_measured").asText()).isEqualTo("needs exactly two Docker hosts");
        assertThat(figure.get("ok").isNull()).isTrue();
        assertThat(figure.has("error")).isFalse();
    }

    @Test
    void nanBecomesNull() {
        assertThat(FigureJson.round(Double.NaN)).isNull();
        assertThat(FigureJson.round(1.23456789)).isEqualTo(1.2346);
        assertThat(FigureJson.round(42)).isEqualTo(42);
    }

    @Test
    void tableListsEveryFigureWithItsVerdict() {
        String table = new FigureTable().render(List.of(cold, hol, rate, broken));
        List<String> lines = table.lines().toList();
        assertThat(lines.get(0)).startsWith("name").contains("system", "raw", "ratio", "unit", "target", "ok?");
        assertThat(lines.get(1)).matches("[- ]+");
        assertThat(lines.get(2))
                .startsWith("cold")
                .contains("280.0", "250.0", "1.12", "ratio<=1.10")
                .endsWith("NO");
        assertThat(lines.get(3))
                .startsWith("restore_1m_s")
                .contains("4.50", "<=5")
                .endsWith("yes");
        assertThat(lines.get(4)).contains("87,654", ">=100000");
        assertThat(lines.get(5)).startsWith("recreate100").endsWith("ERROR");
        assertThat(table).contains("recreate100: boom");
    }

    @Test
    void numbersUseAdaptivePrecision() {
        assertThat(FigureTable.number(123456.7)).isEqualTo("123,457");
        assertThat(FigureTable.number(42.345)).isEqualTo("42.3");
        assertThat(FigureTable.number(1.2345)).isEqualTo("1.23");
        assertThat(FigureTable.number(null)).isEqualTo("-");
    }
}
