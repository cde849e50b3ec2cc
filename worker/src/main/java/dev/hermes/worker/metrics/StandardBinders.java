package dev.hermes.worker.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * The meters an operator alerts on besides the hermes_* catalogue: JVM (jvm_memory_*, jvm_gc_*, jvm_threads_*,
 * jvm_classes_*), process (process_cpu_usage, process_uptime_seconds, process_files_open_files, system_cpu_*),
 * kafka_consumer_* and kafka_producer_* of the worker's long-lived Kafka clients, and {@code hermes_ready} (1 while
 * /readyz answers 200). Kafka clients are collected as the wiring creates them ({@link #kafka}) and bound by
 * {@link #bindTo}; {@link #close()} unbinds them, so it runs when the clients close.
 */
public final class StandardBinders implements AutoCloseable {
    private final List<Object> clients = new ArrayList<>();
    private final List<KafkaClientMetrics> kafkaBinders = new ArrayList<>();
    private JvmGcMetrics gc;

    /** Remembers a long-lived producer to bind; returns it (a short-lived client would leave its meters behind). */
    public synchronized <K, V> Producer<K, V> kafka(Producer<K, V> producer) {
        clients.add(producer);
        return producer;
    }

    /** Remembers a long-lived consumer to bind; returns it. */
    public synchronized <K, V> Consumer<K, V> kafka(Consumer<K, V> consumer) {
        clients.add(consumer);
        return consumer;
    }

    /** Binds the JVM, process and Kafka-client meters and {@code hermes_ready} to {@code registry}. */
    public synchronized StandardBinders bindTo(MeterRegistry registry, BooleanSupplier ready) {
        gc = new JvmGcMetrics();
        for (MeterBinder binder : List.of(
                new JvmMemoryMetrics(),
                gc,
                new JvmThreadMetrics(),
                new ClassLoaderMetrics(),
                new ProcessorMetrics(),
                new UptimeMetrics(),
                new FileDescriptorMetrics())) {
            binder.bindTo(registry);
        }
        for (Object client : clients) {
            KafkaClientMetrics binder = client instanceof Producer<?, ?> p
                    ? new KafkaClientMetrics(p)
                    : new KafkaClientMetrics((Consumer<?, ?>) client);
            binder.bindTo(registry);
            kafkaBinders.add(binder);
        }
        Gauge.builder("hermes.ready", () -> ready.getAsBoolean() ? 1 : 0)
                .description("1 while /readyz answers 200 (Kafka and Docker answer, the request loop polls), else 0")
                .register(registry);
        return this;
    }

    @Override
    public synchronized void close() {
        kafkaBinders.forEach(KafkaClientMetrics::close);
        kafkaBinders.clear();
        if (gc != null) {
            gc.close();
        }
    }
}
