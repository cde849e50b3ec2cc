package dev.hermes.worker.config;

import java.util.List;

/**
 * The README's table of worker settings, generated from {@link WorkerSettings#ALL}. It sits between {@link #BEGIN}
 * and {@link #END}; {@code ConfigDocsTest} fails when the README's copy is stale, and rewrites it when run with
 * {@code -Dhermes.config.docs.write=true}.
 */
public final class ConfigDocs {
    public static final String BEGIN = "<!-- worker-settings:begin (generated from WorkerSettings; do not edit) -->";
    public static final String END = "<!-- worker-settings:end -->";

    private ConfigDocs() {}

    public static String markdownTable(List<Setting<?>> settings) {
        StringBuilder table = new StringBuilder("| variable | default | valid values | meaning |\n|---|---|---|---|\n");
        for (Setting<?> setting : settings) {
            table.append("| `")
                    .append(setting.name())
                    .append(setting.secret() ? "(_FILE)`" : "`")
                    .append(" | ")
                    .append(defaultCell(setting))
                    .append(" | ")
                    .append(plain(setting.type().describe()))
                    .append(" | ")
                    .append(setting.doc())
                    .append(" |\n");
        }
        return table.toString();
    }

    /** {@code document} with the text between the markers replaced by {@code table}. */
    public static String withTable(String document, String table) {
        int begin = begin(document);
        // blank lines around the table, so that no markdown renderer reads a marker as part of it
        return document.substring(0, begin) + "\n\n" + table + "\n" + document.substring(end(document));
    }

    /** The text between the markers. */
    public static String section(String document) {
        return document.substring(begin(document), end(document));
    }

    private static int begin(String document) {
        int begin = document.indexOf(BEGIN);
        if (begin < 0 || document.indexOf(END, begin) < 0) {
            throw new IllegalArgumentException("the document has no " + BEGIN + " ... " + END + " section");
        }
        return begin + BEGIN.length();
    }

    private static int end(String document) {
        return document.indexOf(END, begin(document));
    }

    private static String defaultCell(Setting<?> setting) {
        if (setting.defaultDoc() != null) {
            return setting.defaultDoc();
        }
        String value = setting.defaultText();
        return value == null || value.isEmpty() ? "none" : "`" + value + "`";
    }

    /** Described in plain words, which markdown would otherwise read as emphasis or cell borders. */
    private static String plain(String text) {
        return text.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_");
    }
}
