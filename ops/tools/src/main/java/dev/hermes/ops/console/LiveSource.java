package dev.hermes.ops.console;

import dev.hermes.admin.KafkaAccess;
import dev.hermes.ops.audit.AuditReader;
import dev.hermes.ops.audit.AuditReplay;
import dev.hermes.ops.audit.ReplayConsumers;
import dev.hermes.ops.audit.ReplayProgress;
import dev.hermes.ops.audit.ReplayScope;
import dev.hermes.ops.audit.Timeline;
import dev.hermes.ops.status.FleetStatus;
import dev.hermes.ops.status.RuntimeStatus;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.SettingsChanged;
import dev.hermes.schemas.Topics;
import dev.hermes.schemas.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The console's data from the deployment itself: {@link FleetStatus}, the settings topic (the newest announced
 * version) and the audit replay of one family's partition. A fleet read is kept for {@code maxAge}, so many
 * page loads cost one read. Nothing is written: no group is joined, no offset committed.
 */
final class LiveSource implements ConsoleSource {
    private final FleetStatus status;
    private final KafkaAccess kafka;
    private final Topics topics;
    private final Clock clock;
    private final Duration maxAge;
    private FleetView cached;

    LiveSource(FleetStatus status, KafkaAccess kafka, Topics topics, Clock clock, Duration maxAge) {
        this.status = status;
        this.kafka = kafka;
        this.topics = topics;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public synchronized FleetView fleet() {
        if (cached == null || cached.readAt().plus(maxAge).isBefore(clock.instant())) {
            List<RuntimeStatus> lines = status.read();
            long newest = lines.stream()
                    .filter(s -> s.settingsVersion() != null)
                    .mapToLong(RuntimeStatus::settingsVersion)
                    .max()
                    .orElse(0);
            cached = new FleetView(lines, Math.max(newest, announcedVersion()), clock.instant());
        }
        return cached;
    }

    @Override
    public Timeline timeline(UserId user) {
        return new AuditReplay(clock)
                .user(kafka, topics, ReplayScope.user(user, null, null), ReplayProgress.silent())
                .timeline();
    }

    private long announcedVersion() {
        AtomicLong newest = new AtomicLong();
        EventCodec codec = new EventCodec();
        new AuditReader(new ReplayConsumers(kafka), () -> codec::decode, clock)
                .replay(
                        topics.settings(),
                        ReplayScope.fleet(null, null),
                        e -> {
                            if (e instanceof SettingsChanged s) {
                                newest.accumulateAndGet(s.settingsVersion(), Math::max);
                            }
                        },
                        ReplayProgress.silent());
        return newest.get();
    }
}
