package dev.hermes.ops.console;

/** Builds the console's pages: every value goes through {@link #text} (escaped), markup only through {@link #raw}. */
final class Html {
    private final StringBuilder out = new StringBuilder(16 * 1024);

    static String escape(Object value) {
        String s = value == null ? "" : value.toString();
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html text(Object value) {
        out.append(escape(value));
        return this;
    }

    /** {@code <tag>value</tag>}, the value escaped. */
    Html el(String tag, Object value) {
        return raw("<" + tag + ">").text(value).raw("</" + tag + ">");
    }

    Html row(Object... cells) {
        raw("<tr>");
        for (Object cell : cells) {
            el("td", cell == null ? "-" : cell);
        }
        return raw("</tr>\n");
    }

    Html page(String title, String refreshSec) {
        raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        if (refreshSec != null) {
            raw("<meta http-equiv=\"refresh\" content=\"").text(refreshSec).raw("\">");
        }
        raw("<title>")
                .text(title)
                .raw("</title><style>"
                        + "body{font:14px system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #ccc;padding:2px 8px;text-align:left;font-family:monospace}"
                        + "th{background:#eee}.failed{color:#b00}.paused{color:#888}</style></head><body>\n");
        return raw("<p><a href=\"/\">fleet</a> &middot; hermes console (read-only)</p>\n")
                .el("h1", title);
    }

    String end() {
        return out.append("</body></html>\n").toString();
    }
}
