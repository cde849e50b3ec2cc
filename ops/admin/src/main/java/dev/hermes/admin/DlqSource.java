package dev.hermes.admin;

/**
 * Where a record was read from, as the worker writes it in the {@code hermes.dlq.source} header:
 * {@code topic-partition@offset}. Topic names may contain '-', so the partition is after the last one.
 */
public record DlqSource(String topic, int partition, long offset) {

    public static DlqSource parse(String text) {
        int at = text == null ? -1 : text.lastIndexOf('@');
        int dash = at < 0 ? -1 : text.lastIndexOf('-', at);
        if (dash <= 0) {
            throw new IllegalArgumentException("expected TOPIC-PARTITION@OFFSET, got '" + text + "'");
        }
        try {
            int partition = Integer.parseInt(text.substring(dash + 1, at));
            long offset = Long.parseLong(text.substring(at + 1));
            if (partition < 0 || offset < 0) {
                throw new NumberFormatException("negative");
            }
            return new DlqSource(text.substring(0, dash), partition, offset);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected TOPIC-PARTITION@OFFSET, got '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
