package dev.hermes.worker.config;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** "name,prefix-*": Kafka topic names, each may hold {@code *} for any run of characters. */
final class TopicPatternsType implements SettingType<List<String>> {
    private static final Pattern TOPIC_PATTERN = Pattern.compile("[A-Za-z0-9._*-]+");

    @Override
    public String describe() {
        return "comma-separated topic names; `*` matches any run of characters";
    }

    @Override
    public List<String> parse(String raw) {
        return Arrays.stream(raw.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    @Override
    public void validate(List<String> patterns) {
        SettingType.super.validate(patterns);
        for (String pattern : patterns) {
            if (!TOPIC_PATTERN.matcher(pattern).matches()) {
                throw new IllegalArgumentException("'" + pattern + "' is not a topic name or pattern");
            }
        }
    }

    @Override
    public String format(List<String> patterns) {
        return String.join(",", patterns);
    }
}
