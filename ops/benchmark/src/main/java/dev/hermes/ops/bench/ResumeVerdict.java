package dev.hermes.ops.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether each ensure of a paused runtime really resumed it: the answer must be the container that was paused (not
 * a replacement) and its URL must answer /health. Until the worker resumes paused runtimes it answers their URL as
 * if they were warm; the resume figures then fail with the reason instead of timing those answers.
 */
final class ResumeVerdict {
    private int notAnswering;
    private int replaced;
    private int judged;
    private final List<String> examples = new ArrayList<>();

    /**
     * @param pausedId the id of the container the bench paused
     * @param idNow the id of the family's container after the ensure (null: none)
     * @param url the URL the worker answered
     * @param answered whether that URL answered /health 200 at once
     */
    void judge(String pausedId, String idNow, String url, boolean answered) {
        judged++;
        if (idNow == null || !idNow.equals(pausedId)) {
            replaced++;
            note("replaced " + abbreviate(pausedId) + " by " + (idNow == null ? "nothing" : abbreviate(idNow)));
        } else if (!answered) {
            notAnswering++;
            note(url + " did not answer /health");
        }
    }

    boolean allResumed() {
        return notAnswering == 0 && replaced == 0;
    }

    /** The figure, or a failed one (with the raw side's value kept as an extra) when an answer was not a resume. */
    Figure figure(String name, double system, double raw, int n) {
        FigureSpec spec = FigureGroup.spec(name);
        if (allResumed()) {
            return spec.of(system, raw).with("n", n);
        }
        return spec.failed(reason()).with("raw_measured", raw).with("n", n);
    }

    String reason() {
        return String.format(
                "%d of %d ensures of a paused runtime were not resumes (%d answered a URL that does not answer "
                        + "/health, i.e. still paused; %d replaced the container), e.g. %s: the worker does not "
                        + "resume paused runtimes",
                notAnswering + replaced, judged, notAnswering, replaced, String.join("; ", examples));
    }

    private void note(String example) {
        if (examples.size() < 2) {
            examples.add(example);
        }
    }

    private static String abbreviate(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
