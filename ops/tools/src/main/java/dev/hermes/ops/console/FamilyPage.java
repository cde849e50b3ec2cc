package dev.hermes.ops.console;

import dev.hermes.ops.audit.Timeline;
import dev.hermes.ops.audit.TimelineEntry;
import dev.hermes.ops.status.StatusPrinter;

/** One family's timeline from the audit, oldest first. */
final class FamilyPage {
    private FamilyPage() {}

    static String render(Timeline timeline) {
        Html html = new Html().page("Family " + timeline.user(), null);
        html.raw("<p>")
                .text(timeline.entries().size() + " event(s) in the audit")
                .raw("</p>\n");
        html.raw("<table id=\"timeline\"><tr><th>time</th><th>type</th><th>reason</th><th>settings</th>"
                + "<th>total ms</th><th>worker</th><th>message</th></tr>\n");
        for (TimelineEntry e : timeline.entries()) {
            html.row(
                    StatusPrinter.time(e.occurredAt()),
                    e.type(),
                    e.reason(),
                    e.settingsVersion() == null ? null : e.settingsVersion() + (e.settingsVersionInferred() ? "?" : ""),
                    e.totalMs() != null ? e.totalMs() : e.durationMs(),
                    e.workerId(),
                    e.message());
        }
        return html.raw("</table>\n").end();
    }
}
