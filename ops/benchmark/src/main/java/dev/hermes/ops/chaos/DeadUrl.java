package dev.hermes.ops.chaos;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A READY answer whose URL did not answer the probe, told apart by when its container died. {@code answeredAtMs} is
 * the worker's answer time (RuntimeReady's occurredAt; the reply's arrival when that is unknown). DEAD_AT_ANSWER: the
 * container was already dead when the worker answered (a real violation of "the next ensure never gets a dead URL");
 * DIED_AFTER_ANSWER: it died between the answer and the probe (unavoidable). Only what is shown counts as after: a death
 * time from Docker later than the answer, or, when Docker cannot tell (the container is gone, or died again since), an
 * answer before the fault's SIGTERM and a probe after it. Anything else, a container that ran throughout included, is
 * DEAD_AT_ANSWER. {@code basis} says which rule decided.
 */
public record DeadUrl(
        Sent.Kind kind,
        String containerName,
        long replyAtMs,
        long answeredAtMs,
        long probedAtMs,
        ContainerLife life,
        Long diedAtMs,
        Verdict verdict,
        String basis) {

    /** Whether the container was dead already at the answer, or died after it. */
    public enum Verdict {
        DEAD_AT_ANSWER,
        DIED_AFTER_ANSWER
    }

    /**
     * What Docker said of the container once it answered again: whether it exists and runs, and its last start and
     * finish (epoch ms, 0 when Docker reports none). Docker keeps the last finish when the container is started again.
     */
    public record ContainerLife(boolean found, boolean running, long startedAtMs, long finishedAtMs) {
        public static final ContainerLife GONE = new ContainerLife(false, false, 0, 0);
    }

    /**
     * @param sigtermMs when the fault told dockerd to stop (SIGTERM), or null for a fault without one
     */
    public static DeadUrl classify(Sent sent, ContainerLife life, Long sigtermMs) {
        long answeredAt = sent.workerAnsweredAtMs() > 0 ? sent.workerAnsweredAtMs() : sent.answeredAtMs();
        Long died = deathOfTheAnsweredRun(life, answeredAt);
        Verdict verdict;
        String basis;
        if (died != null) {
            verdict = died > answeredAt ? Verdict.DIED_AFTER_ANSWER : Verdict.DEAD_AT_ANSWER;
            basis = "docker: finished " + Math.abs(died - answeredAt) + " ms "
                    + (died > answeredAt ? "after" : "before") + " the answer";
        } else if (life.found() && life.running() && life.startedAtMs() <= answeredAt) {
            verdict = Verdict.DEAD_AT_ANSWER;
            basis = "docker: running since before the answer; the URL did not answer";
        } else if (sigtermMs != null && answeredAt < sigtermMs && sigtermMs <= sent.probedAtMs()) {
            verdict = Verdict.DIED_AFTER_ANSWER;
            basis = "fault: answered before dockerd's SIGTERM, probed after (no death time from Docker)";
        } else {
            verdict = Verdict.DEAD_AT_ANSWER;
            basis = "no death time from Docker" + (life.found() ? "" : " (container gone)");
        }
        return new DeadUrl(
                sent.kind(),
                sent.containerName(),
                sent.answeredAtMs(),
                answeredAt,
                sent.probedAtMs(),
                life,
                died,
                verdict,
                basis);
    }

    /**
     * The finish of the run that was current at the answer, or null when Docker's state cannot say: a stopped
     * container started no later than the answer finished at its FinishedAt; one started again after the answer
     * finished its previous run at its FinishedAt (kept by Docker) if that is before the new start.
     */
    private static Long deathOfTheAnsweredRun(ContainerLife life, long answeredAt) {
        if (!life.found() || life.finishedAtMs() <= 0) {
            return null;
        }
        if (!life.running() && life.startedAtMs() <= answeredAt) {
            return life.finishedAtMs();
        }
        if (life.running() && life.startedAtMs() > answeredAt && life.finishedAtMs() <= life.startedAtMs()) {
            return life.finishedAtMs();
        }
        return null;
    }

    /** For the JSON: times in ms relative to {@code zeroMs} (the fault's start). */
    public Map<String, Object> json(long zeroMs) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", kind.name().toLowerCase());
        out.put("container", containerName);
        out.put("verdict", verdict.name().toLowerCase());
        out.put("worker_answered_ms", answeredAtMs - zeroMs);
        out.put("reply_received_ms", replyAtMs - zeroMs);
        out.put("probed_ms", probedAtMs - zeroMs);
        out.put("died_ms", diedAtMs == null ? null : diedAtMs - zeroMs);
        out.put("running_when_inspected", life.running());
        out.put("basis", basis);
        return out;
    }
}
