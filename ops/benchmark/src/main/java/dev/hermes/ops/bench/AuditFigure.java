package dev.hermes.ops.bench;

import dev.hermes.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** audit_1m_s: the audit benchmark ({@link AuditBench}): N events replayed and summarised, as `ops/hermes audit fleet`. */
public final class AuditFigure {
    private final BenchStack stack;

    public AuditFigure(BenchStack stack) {
        this.stack = stack;
    }

    public List<Figure> measure(int events) {
        Topics topics = new Topics(stack.topics().prefix("audit"));
        // created here, leaders ready, with AuditBench's settings; AuditBench.run uses it as it is
        stack.topics()
                .create(
                        topics.events(),
                        AuditBench.PARTITIONS,
                        Map.of(
                                "cleanup.policy",
                                "delete",
                                "retention.ms",
                                Long.toString(Duration.ofDays(400).toMillis())));
        double seconds = new AuditBench(Clock.systemUTC()).run(stack.env().bootstrapServers(), topics, events);
        return List.of(FigureGroup.spec("audit_1m_s")
                .of(seconds, null)
                .with("events", events)
                .with("events_per_s", events / seconds));
    }
}
