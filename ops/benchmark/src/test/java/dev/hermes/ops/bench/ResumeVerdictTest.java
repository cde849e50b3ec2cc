package dev.hermes.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResumeVerdictTest {

    @Test
    void resumesOfTheSameAnsweringContainerAreTimed() {
        ResumeVerdict verdict = new ResumeVerdict();
        verdict.judge("abc", "abc", "http://127.0.0.1:32768", true);
        verdict.judge("def", "def", "http://127.0.0.1:32769", true);
        Figure p50 = verdict.figure("resume_p50", 30.0, 24.0, 2);
        assertThat(verdict.allResumed()).isTrue();
        assertThat(p50.error()).isNull();
        assertThat(p50.system()).isEqualTo(30.0);
        assertThat(p50.ratio()).isEqualTo(1.25);
        assertThat(p50.ok()).isTrue();
    }

    @Test
    void anAnswerWhoseUrlDoesNotAnswerHealthFailsTheFigureInsteadOfTimingIt() {
        ResumeVerdict verdict = new ResumeVerdict();
        verdict.judge("abc", "abc", "http://127.0.0.1:32768", true);
        verdict.judge("def", "def", "http://127.0.0.1:32769", false);
        Figure p99 = verdict.figure("resume_p99", 2.0, 24.0, 2);
        assertThat(p99.system()).isNull();
        assertThat(p99.ok()).isFalse();
        assertThat(p99.error())
                .contains("1 of 2 ensures of a paused runtime were not resumes")
                .contains("http://127.0.0.1:32769 did not answer /health");
        assertThat(p99.extras()).containsEntry("raw_measured", 24.0);
    }

    @Test
    void aReplacedContainerIsNotAResume() {
        ResumeVerdict verdict = new ResumeVerdict();
        verdict.judge("0123456789abcdef", "fedcba9876543210", "http://127.0.0.1:32770", true);
        verdict.judge("0123456789abcdef", null, "http://127.0.0.1:32771", true);
        assertThat(verdict.allResumed()).isFalse();
        assertThat(verdict.reason())
                .contains("2 replaced the container")
                .contains("replaced 0123456789ab by fedcba987654");
    }
}
