package dev.hermes.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FuzzOptionsTest {

    @Test
    void defaultsAreTheIssuesBatch() {
        assertThat(FuzzOptions.parse(List.of())).isEqualTo(new FuzzOptions(10_000, 200, 11));
    }

    @Test
    void readsEveryOption() {
        assertThat(FuzzOptions.parse(List.of("--records", "300", "--good", "5", "--seed", "42")))
                .isEqualTo(new FuzzOptions(300, 5, 42));
    }

    @Test
    void refusesWhatItCannotRun() {
        assertThatThrownBy(() -> FuzzOptions.parse(List.of("--good", "0"))).hasMessageContaining("--good");
        assertThatThrownBy(() -> FuzzOptions.parse(List.of("--records", "many")))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> FuzzOptions.parse(List.of("--records"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> FuzzOptions.parse(List.of("--fast"))).hasMessageContaining("unknown argument");
    }

    @Test
    void fuzzIsAGroupOfTwoFigures() {
        assertThat(FigureGroup.named("fuzz")).contains(FigureGroup.FUZZ);
        assertThat(FigureGroup.named("fuzz_warm_p99_ms")).contains(FigureGroup.FUZZ);
        assertThat(FigureGroup.FUZZ.figures())
                .extracting(FigureSpec::name)
                .containsExactly("fuzz10k_s", "fuzz_warm_p99_ms");
        assertThat(BenchOptions.parse(List.of("--only", "fuzz")).runs(FigureGroup.FUZZ))
                .isTrue();
        assertThat(BenchCounts.full().fuzz()).isEqualTo(10_000);
    }
}
