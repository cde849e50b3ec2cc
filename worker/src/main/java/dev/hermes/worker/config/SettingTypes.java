package dev.hermes.worker.config;

import dev.hermes.admin.DockerHost;
import dev.hermes.schemas.Topics;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The kinds of worker setting. */
public final class SettingTypes {
    private static final Pattern TOPIC_PREFIX = Pattern.compile("[A-Za-z0-9._-]*");

    private SettingTypes() {}

    public static SettingType<String> text() {
        return new SettingType<>() {
            @Override
            public String describe() {
                return "non-blank text";
            }

            @Override
            public String parse(String raw) {
                return raw;
            }

            @Override
            public void validate(String value) {
                if (value == null || value.isBlank()) {
                    throw new IllegalArgumentException();
                }
            }
        };
    }

    public static SettingType<Admission> admission() {
        return new SpelledEnumType<>(Admission.class, Admission::spelling);
    }

    public static SettingType<ImagePull> imagePull() {
        return new SpelledEnumType<>(ImagePull.class, ImagePull::spelling);
    }

    /** {@code auto} (read as 0: derive it from the engine's memory) or a positive integer. */
    public static SettingType<Integer> autoOrPositive() {
        return new AutoOrPositiveType();
    }

    public static SettingType<Topics> topicPrefix() {
        return new SettingType<>() {
            @Override
            public String describe() {
                return "letters, digits, '.', '_' and '-' only";
            }

            @Override
            public Topics parse(String raw) {
                if (!TOPIC_PREFIX.matcher(raw).matches()) {
                    throw new IllegalArgumentException();
                }
                return new Topics(raw);
            }

            @Override
            public String format(Topics value) {
                return value.prefix();
            }
        };
    }

    public static SettingType<Integer> integer(int min, int max) {
        return new IntegerRangeType(min, max);
    }

    /** Seconds, with decimals allowed so that tests can use sub-second timeouts; rounded to milliseconds. */
    public static SettingType<Duration> positiveSeconds() {
        return new PositiveSecondsType();
    }

    public static SettingType<Boolean> bool() {
        return new SettingType<>() {
            @Override
            public String describe() {
                return "true or false";
            }

            @Override
            public Boolean parse(String raw) {
                if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(raw);
                }
                throw new IllegalArgumentException();
            }
        };
    }

    public static SettingType<Path> path() {
        return new SettingType<>() {
            @Override
            public String describe() {
                return "a file system path";
            }

            @Override
            public Path parse(String raw) {
                try {
                    return Path.of(raw);
                } catch (InvalidPathException e) {
                    throw new IllegalArgumentException(e.getReason());
                }
            }
        };
    }

    /** Taken as given (not trimmed), or from NAME_FILE; never shown. */
    public static SettingType<String> secret(int minLength) {
        return new SecretType(minLength);
    }

    /** "k=v,k2=v2": labels put on every container and volume; hermes.* keys are managed by the worker. */
    public static SettingType<Map<String, String>> extraLabels() {
        return new ExtraLabelsType();
    }

    /** A Java properties file; only its keys are ever shown, since values may hold credentials. */
    public static SettingType<Map<String, String>> propertiesFile() {
        return new PropertiesFileType();
    }

    /** The Docker engines runtimes are placed on. */
    public static SettingType<List<DockerHost>> dockerHosts() {
        return new DockerHostsType();
    }

    /** Linux capabilities added back after dropping all. */
    public static SettingType<List<String>> capabilities() {
        return new CapabilitiesType();
    }

    /** A decimal number greater than zero and at most {@code max}. */
    public static SettingType<Double> positiveDecimal(double max) {
        return new SettingType<>() {
            @Override
            public String describe() {
                return "a number greater than 0 and at most " + max;
            }

            @Override
            public Double parse(String raw) {
                try {
                    return Double.parseDouble(raw);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException();
                }
            }

            @Override
            public void validate(Double value) {
                if (value == null || !(value > 0) || value > max) {
                    throw new IllegalArgumentException();
                }
            }
        };
    }
}
