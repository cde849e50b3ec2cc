package dev.hermes.ops.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermes.schemas.HermesException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The `--json` documents. Field names are a stable interface: every field is always present (null when
 * unknown), maps are sorted, timestamps are ISO-8601 UTC strings and durations are milliseconds.
 */
public final class AuditJson {
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String timeline(UserAudit audit) {
        ObjectNode root = mapper.createObjectNode();
        root.put("userId", audit.timeline().user().value());
        window(root, audit.scope().since(), audit.scope().until());
        replay(root, audit.replay());
        ArrayNode events = root.putArray("events");
        for (TimelineEntry e : audit.timeline().entries()) {
            ObjectNode n = events.addObject();
            n.put("occurredAt", e.occurredAt().toString());
            n.put("type", e.type());
            n.put("eventId", text(e.eventId()));
            n.put("reason", e.reason());
            n.put("coldStart", e.coldStart());
            n.put("adopted", e.adopted());
            n.put("settingsVersion", e.settingsVersion());
            n.put("settingsVersionInferred", e.settingsVersionInferred());
            n.put("fromSettingsVersion", e.fromSettingsVersion());
            n.put("createMs", e.createMs());
            n.put("startMs", e.startMs());
            n.put("healthMs", e.healthMs());
            n.put("totalMs", e.totalMs());
            n.put("durationMs", e.durationMs());
            n.put("correlationId", text(e.correlationId()));
            n.put("correlationIdInferred", e.correlationIdInferred());
            n.put("causationId", text(e.causationId()));
            n.put("workerId", e.workerId());
            n.put("containerName", e.containerName());
            n.put("message", e.message());
        }
        return write(root);
    }

    public String fleet(FleetSummary s) {
        ObjectNode root = mapper.createObjectNode();
        root.put("topic", s.topic());
        window(root, s.since(), s.until());
        replay(root, s.replay());
        counts(root.putObject("eventsByType"), s.eventsByType());
        root.put("spawns", s.spawns());
        root.putObject("answers")
                .put("total", s.answers())
                .put("cold", s.coldAnswers())
                .put("warm", s.warmAnswers());
        root.put("resumes", s.resumes());
        ObjectNode failures = root.putObject("failures").put("total", s.failures());
        counts(failures.putObject("byReason"), s.failuresByReason());
        ObjectNode stops = root.putObject("stops").put("total", s.stops());
        counts(stops.putObject("byReason"), s.stopsByReason());
        ObjectNode recreates = root.putObject("recreates").put("total", s.recreates());
        counts(recreates.putObject("bySettingsVersion"), s.recreatesBySettingsVersion());
        ObjectNode timings = root.putObject("timingsMs");
        percentiles(timings.putObject("ensure"), s.timings().ensure());
        percentiles(timings.putObject("ensureCold"), s.timings().ensureCold());
        percentiles(timings.putObject("ensureWarm"), s.timings().ensureWarm());
        percentiles(timings.putObject("create"), s.timings().create());
        percentiles(timings.putObject("start"), s.timings().start());
        percentiles(timings.putObject("health"), s.timings().health());
        percentiles(timings.putObject("resume"), s.resume());
        ArrayNode top = root.putArray("topFailingUsers");
        s.topFailingUsers()
                .forEach(u -> top.addObject().put("userId", u.userId()).put("failures", u.count()));
        return write(root);
    }

    private static void window(ObjectNode root, Instant since, Instant until) {
        root.put("since", since == null ? null : since.toString());
        root.put("until", until == null ? null : until.toString());
    }

    private static void replay(ObjectNode root, ReplayStats r) {
        root.put("recordsRead", r.recordsRead());
        root.put("eventsInScope", r.eventsInScope());
        root.put("undecodable", r.undecodable());
        ArrayNode samples = root.putArray("undecodableSamples");
        r.samples().forEach(u -> samples.addObject().put("source", u.source()).put("error", u.error()));
    }

    private static void counts(ObjectNode node, Map<?, Long> counts) {
        counts.forEach((k, v) -> node.put(k.toString(), v));
    }

    private static void percentiles(ObjectNode node, Percentiles p) {
        node.put("count", p.count())
                .put("p50", p.p50())
                .put("p95", p.p95())
                .put("p99", p.p99())
                .put("max", p.max());
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private String write(ObjectNode root) {
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new HermesException("cannot write the audit as JSON", e);
        }
    }
}
