package dev.hermes.worker.metrics;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the alert rules live: ops/deploy under the repository root, found walking up from the working directory. */
final class AlertRulesFiles {
    private AlertRulesFiles() {}

    static Path deployDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("ops/deploy/prometheus/hermes-alerts.yml");
            if (Files.isRegularFile(candidate)) {
                return dir.resolve("ops/deploy");
            }
        }
        throw new IllegalStateException("no ops/deploy/prometheus/hermes-alerts.yml above "
                + Path.of("").toAbsolutePath());
    }

    static Path rules() {
        return deployDir().resolve("prometheus/hermes-alerts.yml");
    }

    static Path rulesTest() {
        return deployDir().resolve("prometheus/hermes-alerts.test.yml");
    }

    static Path prometheusRule() {
        return deployDir().resolve("k8s/monitoring/prometheusrule.yaml");
    }
}
