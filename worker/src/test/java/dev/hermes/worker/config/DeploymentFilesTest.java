package dev.hermes.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The deployment files set worker variables by name; a renamed or misspelt one would be silently ignored. Every
 * HERMES_* / RUNTIME_* variable that compose, Kubernetes and the worker image set must be a setting of
 * {@link WorkerSettings} (or a secret's _FILE), and a literal value must be one the setting accepts. env.example also
 * holds compose-only variables (HERMES_WORKER_IMAGE, HERMES_PARTITIONS...), so only its worker settings are checked.
 */
class DeploymentFilesTest {
    private static final Pattern YAML_VARIABLE =
            Pattern.compile("^\\s*(?:- name: )?([A-Z][A-Z0-9_]*)\\s*:\\s*(.*?)\\s*$");
    private static final Pattern DOCKERFILE_VARIABLE = Pattern.compile("(HERMES_[A-Z0-9_]+)=(\\S+)");

    private final Path deploy = ConfigDocsTest.readme().getParent().resolve("ops/deploy");

    @Test
    void deploymentFilesSetOnlyDefinedWorkerVariablesToValidValues() throws IOException {
        List<String[]> found = new ArrayList<>();
        for (String file : List.of("compose.yaml", "k8s/configmap.yaml", "k8s/deployment.yaml")) {
            for (String line : Files.readAllLines(deploy.resolve(file))) {
                Matcher m = YAML_VARIABLE.matcher(line);
                if (m.matches() && !line.strip().startsWith("#")) {
                    found.add(new String[] {file, m.group(1), unquote(m.group(2))});
                }
            }
        }
        for (String line : Files.readAllLines(deploy.resolve("worker.Dockerfile"))) {
            Matcher m = DOCKERFILE_VARIABLE.matcher(line);
            while (m.find() && !line.strip().startsWith("#")) {
                found.add(new String[] {"worker.Dockerfile", m.group(1), m.group(2)});
            }
        }

        for (String line : Files.readAllLines(deploy.resolve("env.example"))) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#")
                    && eq > 0
                    && WorkerSettings.ALL.stream().anyMatch(s -> s.name().equals(line.substring(0, eq)))) {
                found.add(new String[] {"env.example", line.substring(0, eq), line.substring(eq + 1)});
            }
        }

        assertThat(found).as("worker variables found in ops/deploy").hasSizeGreaterThan(30);
        Map<String, Setting<?>> byName = new HashMap<>();
        WorkerSettings.ALL.forEach(s -> byName.put(s.name(), s));
        for (String[] entry : found) {
            String file = entry[0];
            String name = entry[1];
            String value = entry[2];
            boolean workerVariable =
                    name.startsWith("HERMES_") || name.startsWith("RUNTIME_") || file.endsWith("configmap.yaml");
            if (!workerVariable) {
                continue;
            }
            boolean secretFile = name.endsWith("_FILE")
                    && byName.containsKey(name.substring(0, name.length() - 5))
                    && byName.get(name.substring(0, name.length() - 5)).secret();
            assertThat(byName.containsKey(name) || secretFile)
                    .as("%s sets %s, which no worker setting reads", file, name)
                    .isTrue();
            if (byName.containsKey(name) && !value.isEmpty() && !value.contains("${")) {
                assertThatCode(() -> byName.get(name).read(Map.of(name, value)))
                        .as("%s: %s=%s", file, name, value)
                        .doesNotThrowAnyException();
            }
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
