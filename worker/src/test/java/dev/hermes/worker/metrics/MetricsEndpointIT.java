package dev.hermes.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hermes.client.RuntimeClient;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.Wiring;
import dev.hermes.worker.Worker;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.docker.DockerJava;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.Volumes;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@HermesStack.Use
class MetricsEndpointIT {

    private static double sample(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$")
                .matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    @Test
    void metricsCountWhatAScriptedRunDid(Stack stack) throws Exception {
        Worker worker = stack.startWorker(Map.of("HERMES_HEALTH_TIMEOUT_SEC", "2"));
        String base = "http://127.0.0.1:" + worker.httpPort();
        await().atMost(Duration.ofSeconds(30)).until(() -> Agent.status(base, "/readyz", null) == 200);
        assertThat(Agent.status(base, "/livez", null)).isEqualTo(200);
        RuntimeClient client = stack.client();
        UserId a = stack.newUser();
        UserId b = stack.newUser();
        UserId broken = stack.newUser();
        Volumes.neverHealthy(stack.docker(), broken);

        client.ensureRuntime(a, Duration.ofSeconds(60));
        client.ensureRuntime(b, Duration.ofSeconds(60));
        for (int i = 0; i < 3; i++) {
            client.ensureRuntime(a, Duration.ofSeconds(10));
        }
        assertThatThrownBy(() -> client.ensureRuntime(broken, Duration.ofSeconds(30)))
                .hasMessageContaining("HEALTH_TIMEOUT");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", stack.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(stack.topics().requests(), "x", "{not json"))
                    .get();
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String scrape = Agent.get(base, "/metrics", null).body();
            assertThat(sample(scrape, "hermes_ensure_seconds_count{path=\"cold\"}"))
                    .isEqualTo(2.0);
            assertThat(sample(scrape, "hermes_ensure_seconds_count{path=\"warm\"}"))
                    .isEqualTo(3.0);
            assertThat(sample(scrape, "hermes_failures_total{reason=\"HEALTH_TIMEOUT\"}"))
                    .isEqualTo(1.0);
            assertThat(sample(scrape, "hermes_dlq_records_total{reason=\"unreadable\"}"))
                    .isEqualTo(1.0);
            assertThat(sample(scrape, "hermes_runtimes_running")).isEqualTo(2.0);
            assertThat(sample(scrape, "hermes_spawn_phase_seconds_count{phase=\"create\"}"))
                    .isEqualTo(3.0);
            assertThat(sample(scrape, "hermes_spawn_phase_seconds_count{phase=\"health\"}"))
                    .isEqualTo(2.0);
            assertThat(sample(scrape, "hermes_requests_total{type=\"RuntimeRequested\"}"))
                    .isEqualTo(6.0);
            assertThat(sample(scrape, "hermes_spawns_pending")).isEqualTo(0.0);
            assertThat(scrape)
                    .contains("hermes_ensure_seconds_bucket{path=\"warm\",le=\"0.005\"}")
                    .contains("hermes_partition_queue_depth{partition=\"0\"}")
                    .contains("hermes_consumer_lag{partition=\"0\"}");
            assertThat(sample(scrape, "hermes_ready")).isEqualTo(1.0);
            assertThat(sample(scrape, "process_cpu_usage")).isGreaterThanOrEqualTo(0.0);
            assertThat(scrape)
                    .containsPattern("(?m)^jvm_memory_used_bytes\\{area=\"heap\"")
                    .containsPattern("(?m)^kafka_producer_[a-z_]+\\{.*client_id=")
                    .containsPattern("(?m)^kafka_consumer_[a-z_]+\\{.*client_id=\"hermes-settings-");
        });
    }

    @Test
    void readyzIsFalseWhileDockerCannotBeReached(Stack stack) {
        Worker blind = new Wiring(stack.workerConfig(Map.of(
                "HERMES_WORKER_ID",
                "blind",
                "HERMES_GROUP_ID",
                stack.topics().prefix() + "blind",
                "HERMES_TOPIC_PREFIX",
                "it-blind-"))) {
            @Override
            protected Docker docker() {
                return DockerJava.connect("unix:///nonexistent/docker.sock", 2);
            }
        }.start();
        String base = "http://127.0.0.1:" + blind.httpPort();

        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).untilAsserted(() -> {
            assertThat(Agent.status(base, "/livez", null)).isEqualTo(200);
            assertThat(Agent.status(base, "/readyz", null)).isEqualTo(503);
        });
        blind.close();
    }
}
