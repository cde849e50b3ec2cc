package dev.hermes.worker.fuzz.kit;

import java.util.List;

/** One assertion of the fuzz: what it says, whether it holds, and (if not) the first offenders. */
public record FuzzVerdict(String claim, boolean holds, List<String> offenders, int offenderCount) {
    private static final int SHOWN = 10;

    public static FuzzVerdict of(String claim, List<String> offenders) {
        return new FuzzVerdict(
                claim,
                offenders.isEmpty(),
                List.copyOf(offenders.subList(0, Math.min(SHOWN, offenders.size()))),
                offenders.size());
    }

    public String describe() {
        StringBuilder out = new StringBuilder((holds ? "PASS  " : "FAIL  ") + claim);
        if (!holds) {
            out.append(" (").append(offenderCount).append(" offender(s))");
            offenders.forEach(o -> out.append("\n        ").append(o));
        }
        return out.toString();
    }
}
