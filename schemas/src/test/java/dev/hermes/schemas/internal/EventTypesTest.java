package dev.hermes.schemas.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.Heartbeat;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table covers every event type, and a table that does not match its record is refused at once. */
class EventTypesTest {

    @Test
    void everyPermittedEventTypeHasATableWhoseFieldsAreItsRecordComponents() {
        List<EventType<?>> types = new EventTypes().all();

        assertThat(types.stream().map(t -> (Object) t.recordClass()).toList())
                .containsExactlyInAnyOrder((Object[]) Event.class.getPermittedSubclasses());
        for (EventType<?> type : types) {
            assertThat(type.fields())
                    .extracting(Field::name)
                    .containsExactlyElementsOf(Arrays.stream(type.recordClass().getRecordComponents())
                            .map(c -> c.getName())
                            .toList());
        }
    }

    @Test
    void aTableMissingAComponentOrGivingItAnotherTypeIsRefused() {
        Map<String, Integer> slots = Map.of("eventId", 0, "occurredAt", 1, "userId", 2, "deviceId", 3, "source", 4);
        List<Field<Heartbeat>> missingSource = List.of(
                Field.required("eventId", Field.Kind.UUID, Heartbeat::eventId),
                Field.required("occurredAt", Field.Kind.TIMESTAMP, Heartbeat::occurredAt),
                Field.required("userId", Field.Kind.USER_ID, Heartbeat::userId),
                Field.required("deviceId", Field.Kind.TEXT, Heartbeat::deviceId));
        List<Field<Heartbeat>> sourceAsCount = List.of(
                missingSource.get(0),
                missingSource.get(1),
                missingSource.get(2),
                missingSource.get(3),
                Field.required("source", Field.Kind.COUNT, e -> 1L));

        assertThatThrownBy(() -> new EventType<>(Heartbeat.class, missingSource, slots))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("source");
        assertThatThrownBy(() -> new EventType<>(Heartbeat.class, sourceAsCount, slots))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("source");
    }
}
