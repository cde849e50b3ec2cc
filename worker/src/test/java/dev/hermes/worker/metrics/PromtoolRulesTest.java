package dev.hermes.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The alert rules pass promtool, and its unit tests (hermes-alerts.test.yml) prove some of them fire. */
class PromtoolRulesTest {

    private static String promtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "promtool"))) {
                return Path.of(dir, "promtool").toString();
            }
        }
        throw new AssertionError("promtool is not installed: apt-get install -y prometheus (ops/test installs it),"
                + " then stop the prometheus service it may start");
    }

    private static String run(Path dir, String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(args)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join(" ", args) + " said:\n" + out).isZero();
        return out;
    }

    @Test
    void theRulesFilePassesPromtoolCheck() throws Exception {
        Path rules = AlertRulesFiles.rules();
        assertThat(run(
                        rules.getParent(),
                        promtool(),
                        "check",
                        "rules",
                        rules.getFileName().toString()))
                .contains("SUCCESS: 8 rules found");
    }

    @Test
    void theAlertsFireOnTheSeriesOfTheirPromtoolUnitTests() throws Exception {
        Path tests = AlertRulesFiles.rulesTest();
        assertThat(run(
                        tests.getParent(),
                        promtool(),
                        "test",
                        "rules",
                        tests.getFileName().toString()))
                .contains("SUCCESS");
    }

    @Test
    void thePrometheusRuleSpecPassesPromtoolCheck() throws Exception {
        List<String> lines = Files.readAllLines(AlertRulesFiles.prometheusRule());
        StringBuilder groups = new StringBuilder();
        boolean inSpec = false;
        for (String line : lines) {
            if (inSpec) {
                groups.append(line.length() >= 2 ? line.substring(2) : line).append('\n');
            }
            inSpec |= line.equals("spec:");
        }
        Path extracted = Files.createTempFile("hermes-prometheusrule", ".yml");
        try {
            Files.writeString(extracted, groups);
            assertThat(run(extracted.getParent(), promtool(), "check", "rules", extracted.toString()))
                    .contains("SUCCESS: 8 rules found");
        } finally {
            Files.delete(extracted);
        }
    }
}
