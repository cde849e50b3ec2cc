package dev.hermes.ops.status;

import java.util.List;

/** Which lines to show: a user id substring and a state; either may be null (no filter). */
public record StatusFilter(String user, RuntimeState state) {

    public static StatusFilter all() {
        return new StatusFilter(null, null);
    }

    public boolean test(RuntimeStatus status) {
        return (user == null || user.isBlank() || status.user().value().contains(user.trim()))
                && (state == null || status.state() == state);
    }

    public List<RuntimeStatus> apply(List<RuntimeStatus> lines) {
        return lines.stream().filter(this::test).toList();
    }
}
