package dev.hermes.ops.audit;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.UserId;
import java.util.Comparator;
import java.util.List;

/** One user's lifecycle events in time order (ties keep log order), with the gaps of each event type filled in. */
public record Timeline(UserId user, List<TimelineEntry> entries) {

    public Timeline {
        entries = List.copyOf(entries);
    }

    public static Timeline of(UserId user, List<? extends Event> events) {
        List<Event> ordered = events.stream()
                .map(Event.class::cast)
                .sorted(Comparator.comparing(Event::occurredAt))
                .toList();
        return new Timeline(user, new TimelineBuilder(ordered).entries());
    }
}
