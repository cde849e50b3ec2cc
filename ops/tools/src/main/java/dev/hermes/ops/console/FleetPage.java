package dev.hermes.ops.console;

import dev.hermes.ops.status.RuntimeState;
import dev.hermes.ops.status.RuntimeStatus;
import dev.hermes.ops.status.StatusFilter;
import dev.hermes.ops.status.StatusPrinter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The fleet page: counts, recreate progress, recent failures and the filtered fleet table (at most MAX_ROWS). */
final class FleetPage {
    static final int MAX_ROWS = 1000;
    static final int FAILURES = 20;

    private FleetPage() {}

    static String render(FleetView view, StatusFilter filter) {
        Html html = new Html().page("Fleet", "30");
        html.raw("<p id=\"read-at\">read at ")
                .text(StatusPrinter.time(view.readAt()))
                .raw("; ");
        Map<RuntimeState, Long> counts = StatusPrinter.countByState(view.lines());
        counts.forEach((state, n) -> html.text(state.label() + " " + n + "  "));
        long[] progress = view.recreateProgress();
        html.raw("</p>\n<h2>Recreate progress</h2><p id=\"recreate\">")
                .text(progress[0] + " of " + (progress[0] + progress[1]) + " live runtimes on settings version "
                        + view.currentSettingsVersion() + ", " + progress[1] + " on an older one")
                .raw("</p>\n");
        failures(html, view.recentFailures(FAILURES));
        table(html, filter.apply(view.lines()), filter);
        return html.end();
    }

    private static void failures(Html html, List<RuntimeStatus> failures) {
        html.raw("<h2>Recent failures</h2>\n");
        if (failures.isEmpty()) {
            html.raw("<p>none</p>\n");
            return;
        }
        html.raw("<table id=\"failures\"><tr><th>at</th><th>family</th><th>reason</th><th>state now</th></tr>\n");
        for (RuntimeStatus s : failures) {
            html.raw("<tr><td>").text(StatusPrinter.time(s.lastFailureAt())).raw("</td><td>");
            link(html, s)
                    .raw("</td>")
                    .el("td", s.lastFailure())
                    .el("td", s.state().label())
                    .raw("</tr>\n");
        }
        html.raw("</table>\n");
    }

    private static void table(Html html, List<RuntimeStatus> lines, StatusFilter filter) {
        html.raw("<h2>Runtimes</h2>\n<form method=\"get\" action=\"/\">state <select name=\"state\">"
                + "<option value=\"\">any</option>");
        for (RuntimeState state : RuntimeState.values()) {
            html.raw("<option value=\"")
                    .text(state.label())
                    .raw("\"")
                    .raw(state == filter.state() ? " selected" : "")
                    .raw(">")
                    .text(state.label())
                    .raw("</option>");
        }
        html.raw("</select> user <input name=\"user\" value=\"")
                .text(filter.user() == null ? "" : filter.user())
                .raw("\"> <button type=\"submit\">filter</button></form>\n");
        html.raw("<p>")
                .text(lines.size() + " runtime(s)" + (lines.size() > MAX_ROWS ? ", first " + MAX_ROWS + " shown" : ""))
                .raw("</p>\n<table id=\"fleet\"><tr><th>family</th><th>state</th><th>host</th><th>worker</th>"
                        + "<th>last active</th><th>settings</th><th>uptime</th><th>last failure</th></tr>\n");
        for (RuntimeStatus s : lines.subList(0, Math.min(lines.size(), MAX_ROWS))) {
            html.raw("<tr class=\"").text(s.state().label()).raw("\"><td>");
            link(html, s).raw("</td>");
            html.el("td", s.state().label())
                    .el("td", dash(s.host()))
                    .el("td", dash(s.worker()))
                    .el("td", StatusPrinter.time(s.lastActive()))
                    .el("td", dash(s.settingsVersion()))
                    .el("td", StatusPrinter.uptime(s.uptime()))
                    .el("td", dash(s.lastFailure()))
                    .raw("</tr>\n");
        }
        html.raw("</table>\n");
    }

    private static Html link(Html html, RuntimeStatus s) {
        return html.raw("<a href=\"/family?user=")
                .text(URLEncoder.encode(s.user().value(), StandardCharsets.UTF_8))
                .raw("\">")
                .text(s.user())
                .raw("</a>");
    }

    private static Object dash(Object value) {
        return value == null ? "-" : value;
    }
}
