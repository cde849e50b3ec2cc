package dev.hermes.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class HermesAlertRulesTest {
    private static final Pattern METRIC = Pattern.compile("\\b((?:hermes|jvm|process|kafka)_[a-z0-9_]+)");
    private static final Pattern SAMPLE_NAME = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

    /** A worker's registry with its meters wired, lazily registered ones included, and the standard binders. */
    private static String scrapeOfAWiredWorker() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Meters meters = new Meters(registry);
        meters.runtimes().running(() -> 0);
        meters.degraded("postgres", () -> false);
        meters.partitions().owned(0, () -> 0, () -> 0);
        meters.requests().failure("SPAWN_ERROR");
        meters.requests().dlq("unreadable");
        meters.spawns().phase("create", 5);
        meters.runtimes().reaped("IDLE");
        try (StandardBinders binders = new StandardBinders()) {
            binders.bindTo(registry, () -> true);
            return registry.scrape();
        }
    }

    @Test
    void everyMetricTheRulesUseIsRegisteredByAWiredWorker() throws Exception {
        String rules = Files.readString(AlertRulesFiles.rules());
        Set<String> used = new TreeSet<>();
        Matcher m = METRIC.matcher(rules);
        while (m.find()) {
            used.add(m.group(1));
        }
        Set<String> registered = SAMPLE_NAME
                .matcher(scrapeOfAWiredWorker())
                .results()
                .map(r -> r.group(1))
                .collect(Collectors.toSet());

        assertThat(used).contains("hermes_consumer_lag", "hermes_ready", "jvm_memory_used_bytes");
        assertThat(registered).as("metrics the alert rules use").containsAll(used);
    }

    @Test
    void kafkaClientsOfTheWorkerShowUpAsKafkaMetricsAndLeaveWithTheirBinders() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Map<String, Object> props = Map.of("bootstrap.servers", "127.0.0.1:1", "client.id", "alerts-test");
        try (KafkaProducer<byte[], byte[]> producer =
                        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                        Map.of("bootstrap.servers", "127.0.0.1:1", "group.id", "alerts-test"),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            StandardBinders binders = new StandardBinders();
            binders.kafka(producer);
            binders.kafka(consumer);
            binders.bindTo(registry, () -> false);

            String scrape = registry.scrape();
            assertThat(scrape)
                    .contains("kafka_producer_")
                    .contains("kafka_consumer_")
                    .contains("jvm_memory_used_bytes")
                    .contains("process_cpu_usage")
                    .contains("hermes_ready 0");

            binders.close();
            assertThat(registry.scrape()).doesNotContain("kafka_producer_").doesNotContain("kafka_consumer_");
        }
    }

    @Test
    void thePrometheusRuleCarriesTheSameGroupsAsThePlainRulesFile() throws Exception {
        String plain = Files.readString(AlertRulesFiles.rules());
        String groups = plain.substring(plain.indexOf("\ngroups:") + 1);
        String indented = groups.lines().map(l -> l.isEmpty() ? l : "  " + l).collect(Collectors.joining("\n"));
        String operator = Files.readString(AlertRulesFiles.prometheusRule());

        assertThat(operator).contains("kind: PrometheusRule").contains("spec:\n" + indented);
    }
}
