package dev.hermes.worker.fuzz.kit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.hermes.schemas.UserId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The families the batch names, and the check that only the good ones have containers. */
public final class FuzzFamilies {
    private static final String USER_LABEL = "hermes.user-id";

    private FuzzFamilies() {}

    public static Set<UserId> good(List<FuzzSent> sent) {
        Set<UserId> good = new HashSet<>();
        sent.stream()
                .filter(s -> s.record().kind() == FuzzKind.GOOD)
                .forEach(s -> good.add(s.record().family()));
        return good;
    }

    /** Families only bad records name (in the value or as a canonical key). */
    public static Set<UserId> badOnly(List<FuzzSent> sent) {
        Set<UserId> bad = new HashSet<>();
        for (FuzzSent s : sent) {
            if (s.record().kind().bad()) {
                if (s.record().family() != null) {
                    bad.add(s.record().family());
                }
                UserId key = UserId.parse(s.record().key());
                if (key != null) {
                    bad.add(key);
                }
            }
        }
        bad.removeAll(good(sent));
        return bad;
    }

    /** Containers (any state) carrying all of {@code labels}, counted by their family label. */
    public static Map<String, Integer> containers(DockerClient docker, Map<String, String> labels) {
        Map<String, Integer> byFamily = new TreeMap<>();
        for (Container c : docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(labels)
                .exec()) {
            String family = c.getLabels() == null ? null : c.getLabels().get(USER_LABEL);
            byFamily.merge(String.valueOf(family), 1, Integer::sum);
        }
        return byFamily;
    }

    /**
     * No container for a bad record: none of {@code containers} belongs to a bad-only family, and, when
     * {@code onlyGood} (a stack of the fuzz's own), every container belongs to a good family.
     */
    public static FuzzVerdict noContainerForBadRecords(
            Map<String, Integer> containers, Set<UserId> good, Set<UserId> badOnly, boolean onlyGood) {
        Set<String> goodIds = new HashSet<>();
        good.forEach(u -> goodIds.add(u.value()));
        Set<String> badIds = new HashSet<>();
        badOnly.forEach(u -> badIds.add(u.value()));
        List<String> offenders = new ArrayList<>();
        containers.forEach((family, count) -> {
            if (badIds.contains(family) || (onlyGood && !goodIds.contains(family))) {
                offenders.add(family + " has " + count + " container(s)");
            }
        });
        return FuzzVerdict.of(
                onlyGood
                        ? "no container for a bad record (only the good families have containers)"
                        : "no container for a family only bad records name",
                offenders);
    }
}
