package dev.hermes.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DlqSourceTest {

    @Test
    void readsTopicPartitionAndOffsetWhereTheTopicHasDashes() {
        assertThat(DlqSource.parse("hermes.runtime.last-active-13@4096"))
                .isEqualTo(new DlqSource("hermes.runtime.last-active", 13, 4096));
        assertThat(DlqSource.parse("it-x_1.runtime.requests-0@0"))
                .isEqualTo(new DlqSource("it-x_1.runtime.requests", 0, 0));
        assertThat(DlqSource.parse("odd-name--1@2")).isEqualTo(new DlqSource("odd-name-", 1, 2));
        assertThat(new DlqSource("hermes.runtime.requests", 3, 17)).hasToString("hermes.runtime.requests-3@17");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "topic", "topic@1", "topic-1", "-1@2", "topic-x@1", "topic-1@x", "topic-1@-2", "topic-1@"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> DlqSource.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected TOPIC-PARTITION@OFFSET, got '" + text + "'");
    }
}
