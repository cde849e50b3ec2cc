package dev.hermes.ops.bench;

/** A Prometheus text exposition (a worker's /metrics), read for the sum of one metric's samples. */
public record MetricsText(String text) {

    /** The sum of every sample named {@code metric} (any labels); NaN if there is none. */
    public double sum(String metric) {
        return sum(metric, null);
    }

    /** The sum of samples named {@code metric} whose label set contains {@code labelPair} (e.g. type="Heartbeat"). */
    public double sum(String metric, String labelPair) {
        double total = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.charAt(0) == '#' || !line.startsWith(metric)) {
                continue;
            }
            int nameEnd = metric.length();
            if (line.length() <= nameEnd || (line.charAt(nameEnd) != '{' && line.charAt(nameEnd) != ' ')) {
                continue;
            }
            int labelsEnd = line.charAt(nameEnd) == '{' ? line.indexOf('}', nameEnd) : nameEnd;
            if (labelsEnd < 0) {
                continue;
            }
            String labels = line.substring(nameEnd, labelsEnd);
            if (labelPair != null && !labels.contains(labelPair)) {
                continue;
            }
            String[] rest = line.substring(labelsEnd + (labelsEnd == nameEnd ? 0 : 1))
                    .trim()
                    .split("\\s+");
            try {
                total += Double.parseDouble(rest[0]);
                found = true;
            } catch (NumberFormatException e) {
                // not a sample line
            }
        }
        return found ? total : Double.NaN;
    }
}
