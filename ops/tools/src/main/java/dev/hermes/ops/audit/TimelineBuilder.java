package dev.hermes.ops.audit;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.RuntimeReady;
import dev.hermes.schemas.RuntimeRecreated;
import dev.hermes.schemas.RuntimeSpawned;
import dev.hermes.schemas.RuntimeStarted;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns ordered events into timeline entries. Events of one request (or one settings change) share a
 * causationId, which links the ones that lack a correlationId to one that has it. Settings versions are
 * inferred where the event has none: RuntimeStarted and RuntimeStopped ran the version last seen for the
 * user (a settings recreate stops the recreate's fromSettingsVersion, if nothing earlier is in view); a
 * RuntimeFailed ran the version of the latest earlier event of its own request, if any.
 */
final class TimelineBuilder {
    private final List<Event> ordered;
    private final Map<UUID, UUID> correlationByCause = new HashMap<>();
    private final Map<UUID, Long> versionByCause = new HashMap<>();
    private final Map<UUID, Long> recreatedFromByCause = new HashMap<>();
    private Long lastVersion;

    TimelineBuilder(List<Event> ordered) {
        this.ordered = ordered;
        for (Event e : ordered) {
            if (e instanceof RuntimeReady r) {
                link(r.causationId(), r.correlationId());
            } else if (e instanceof RuntimeFailed f) {
                link(f.causationId(), f.correlationId());
            } else if (e instanceof RuntimeStarted s) {
                link(s.causationId(), s.correlationId());
            } else if (e instanceof RuntimeSpawned s) {
                link(s.causationId(), s.correlationId());
            } else if (e instanceof RuntimeRecreated r && r.causationId() != null) {
                recreatedFromByCause.putIfAbsent(r.causationId(), r.fromSettingsVersion());
            }
        }
    }

    List<TimelineEntry> entries() {
        List<TimelineEntry> entries = new ArrayList<>();
        for (Event event : ordered) {
            TimelineEntry entry = entry(event);
            if (entry.causationId() != null && entry.settingsVersion() != null) {
                versionByCause.put(entry.causationId(), entry.settingsVersion());
            }
            entries.add(entry);
        }
        return entries;
    }

    private TimelineEntry entry(Event e) {
        TimelineEntryDraft d = new TimelineEntryDraft(e);
        if (e instanceof RuntimeSpawned s) {
            lastVersion = s.settingsVersion();
            d.version(s.settingsVersion(), false)
                    .createMs(s.createMs())
                    .ids(s.correlationId(), s.causationId(), s.workerId(), s.containerName());
        } else if (e instanceof RuntimeStarted s) {
            d.adopted(s.adopted())
                    .version(lastVersion, true)
                    .startMs(s.startMs())
                    .ids(s.correlationId(), s.causationId(), s.workerId(), s.containerName());
        } else if (e instanceof RuntimeReady r) {
            lastVersion = r.settingsVersion();
            d.coldStart(r.coldStart())
                    .version(r.settingsVersion(), false)
                    .phases(r.createMs(), r.startMs(), r.healthMs(), r.totalMs())
                    .ids(r.correlationId(), r.causationId(), r.workerId(), r.containerName());
        } else if (e instanceof RuntimeFailed f) {
            Long version = f.causationId() == null ? null : versionByCause.get(f.causationId());
            d.reason(f.reason().name())
                    .version(version, true)
                    .message(f.message())
                    .ids(f.correlationId(), f.causationId(), f.workerId(), null);
        } else if (e instanceof RuntimeStopped s) {
            Long version = lastVersion;
            if (version == null && s.reason() == StopReason.SETTINGS_RECREATE && s.causationId() != null) {
                version = recreatedFromByCause.get(s.causationId());
            }
            d.reason(s.reason().name())
                    .version(version, true)
                    .ids(null, s.causationId(), s.workerId(), s.containerName());
        } else if (e instanceof RuntimeRecreated r) {
            lastVersion = r.settingsVersion();
            d.version(r.settingsVersion(), false)
                    .fromVersion(r.fromSettingsVersion())
                    .durationMs(r.durationMs())
                    .ids(null, r.causationId(), r.workerId(), r.containerName());
        }
        return d.build(correlationByCause);
    }

    private void link(UUID causationId, UUID correlationId) {
        if (causationId != null && correlationId != null) {
            correlationByCause.putIfAbsent(causationId, correlationId);
        }
    }
}
