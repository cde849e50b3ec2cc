package dev.hermes.ops.audit;

import dev.hermes.admin.KafkaAccess;
import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Entry points of the audit: replay the events topic of a deployment into a fleet summary or a user timeline. */
public final class AuditReplay {
    private final Clock clock;
    private final EventCodec codec;

    public AuditReplay(Clock clock, EventCodec codec) {
        this.clock = clock;
        this.codec = codec;
    }

    public AuditReplay(Clock clock) {
        this(clock, new EventCodec());
    }

    /**
     * The whole fleet since {@code since} (null: the whole topic); {@link FleetSummary#recordsRead()} says
     * how many records were read. The benchmark's entry point.
     */
    public FleetSummary summarise(String bootstrapServers, Topics topics, Instant since) {
        return summarise(
                KafkaAccess.of(bootstrapServers), topics, ReplayScope.fleet(since, null), ReplayProgress.silent());
    }

    public FleetSummary summarise(KafkaAccess kafka, Topics topics, ReplayScope scope, ReplayProgress progress) {
        FleetTally tally = new FleetTally();
        ReplayStats stats = reader(kafka).replay(topics.events(), scope, tally, progress);
        return tally.summary(topics.events(), scope, stats);
    }

    /** The timeline of {@code scope.user()}. */
    public UserAudit user(KafkaAccess kafka, Topics topics, ReplayScope scope, ReplayProgress progress) {
        if (scope.user() == null) {
            throw new IllegalArgumentException("a user timeline needs a user");
        }
        List<Event> events = new ArrayList<>();
        ReplayStats stats = reader(kafka).replay(topics.events(), scope, events::add, progress);
        return new UserAudit(Timeline.of(scope.user(), events), scope, stats);
    }

    private AuditReader reader(KafkaAccess kafka) {
        return new AuditReader(new ReplayConsumers(kafka), () -> codec::decode, clock);
    }
}
