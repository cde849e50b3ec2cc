package dev.hermes.worker.fuzz.kit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The fuzz batch: {@link FuzzPlan#bad()} records of every bad {@link FuzzKind} (by weight, at least one of
 * each, one 900 kB value per {@value FuzzKind#HUGE_VALUE_EVERY}) shuffled together with one good request per
 * good family. Deterministic for a plan (seed, counts, now).
 */
public final class FuzzGenerator {
    private FuzzGenerator() {}

    public static List<FuzzRecord> generate(FuzzPlan plan) {
        Random random = new Random(plan.seed());
        RecordFactory factory = new RecordFactory(plan, random);
        List<Built> built = new ArrayList<>();
        for (int i = 0; i < plan.good(); i++) {
            built.add(factory.good(i));
        }
        for (FuzzKind kind : kindsOfBadRecords(plan.bad(), random)) {
            built.add(factory.bad(kind));
        }
        Collections.shuffle(built, random);
        List<FuzzRecord> records = new ArrayList<>(built.size());
        for (int i = 0; i < built.size(); i++) {
            records.add(built.get(i).at(i));
        }
        return records;
    }

    /** {@code count} kinds: one of each first (when there is room), the rest drawn by weight. */
    static List<FuzzKind> kindsOfBadRecords(int count, Random random) {
        List<FuzzKind> weighted = new ArrayList<>();
        for (FuzzKind kind : FuzzKind.values()) {
            for (int w = 0; w < kind.weight(); w++) {
                weighted.add(kind);
            }
        }
        List<FuzzKind> kinds = new ArrayList<>(count);
        int huge = count == 0 ? 0 : Math.max(1, count / FuzzKind.HUGE_VALUE_EVERY);
        for (int i = 0; i < huge; i++) {
            kinds.add(FuzzKind.HUGE_VALUE);
        }
        for (FuzzKind kind : FuzzKind.values()) {
            if (kind.weight() > 0 && kinds.size() < count) {
                kinds.add(kind);
            }
        }
        while (kinds.size() < count) {
            kinds.add(weighted.get(random.nextInt(weighted.size())));
        }
        return kinds;
    }

    /** A record before it has its place in the batch. */
    record Built(FuzzRecord withoutIndex) {
        FuzzRecord at(int index) {
            FuzzRecord r = withoutIndex;
            return new FuzzRecord(index, r.kind(), r.key(), r.value(), r.partition(), r.correlationId(), r.family());
        }
    }
}
