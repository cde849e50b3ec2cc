package dev.hermes.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.StatsConfig;
import org.junit.jupiter.api.Test;

class PausedMemoryTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void residentIsUsageMinusThePageCacheOfCgroupV1() throws Exception {
        StatsConfig v1 = json.readValue("{\"total_cache\": 1000, \"cache\": 900, \"rss\": 4000}", StatsConfig.class);
        assertThat(PausedMemory.residentBytes(5000, v1)).isEqualTo(4000);
    }

    @Test
    void residentIsUsageMinusInactiveFileOnCgroupV2() throws Exception {
        StatsConfig v2 = json.readValue("{\"inactive_file\": 300, \"active_anon\": 4000}", StatsConfig.class);
        assertThat(PausedMemory.residentBytes(5000, v2)).isEqualTo(4700);
    }

    @Test
    void withoutCacheFiguresItIsTheUsageAndNeverNegative() throws Exception {
        assertThat(PausedMemory.residentBytes(5000, null)).isEqualTo(5000);
        StatsConfig odd = json.readValue("{\"total_cache\": 9000}", StatsConfig.class);
        assertThat(PausedMemory.residentBytes(5000, odd)).isZero();
    }
}
