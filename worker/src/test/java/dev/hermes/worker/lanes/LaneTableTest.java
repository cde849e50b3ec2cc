package dev.hermes.worker.lanes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LaneTableTest {

    /** A key whose hash collides with others a lot, to exercise long probe runs and deletion shifts. */
    private record Key(int id) {
        @Override
        public int hashCode() {
            return id % 7;
        }
    }

    @Test
    void agreesWithAHashMapThroughRandomPutsAndRemovesIncludingGrowingAndShrinking() {
        LaneTable<Key, String> table = new LaneTable<>();
        Map<Key, String> reference = new HashMap<>();
        Random random = new Random(42);
        for (int step = 0; step < 200_000; step++) {
            // phases: fill up to a few thousand keys, then drain, so the table grows and shrinks
            boolean filling = (step / 20_000) % 2 == 0;
            Key key = new Key(random.nextInt(filling ? 3_000 : 300));
            if (random.nextInt(10) < (filling ? 7 : 2)) {
                String value = "v" + step;
                assertThat(table.put(key, value)).isEqualTo(reference.put(key, value));
            } else {
                table.remove(key);
                reference.remove(key);
            }
            if (step % 997 == 0) {
                assertThat(table.size()).isEqualTo(reference.size());
                for (int id = 0; id < 3_000; id++) {
                    assertThat(table.get(new Key(id))).isEqualTo(reference.get(new Key(id)));
                }
            }
        }
    }

    @Test
    void removingAnAbsentKeyChangesNothing() {
        LaneTable<Key, String> table = new LaneTable<>();
        table.put(new Key(1), "a");
        table.remove(new Key(8)); // same home slot as 1, not present
        assertThat(table.get(new Key(1))).isEqualTo("a");
        assertThat(table.size()).isEqualTo(1);
    }
}
