package dev.hermes.worker.config;

/** How the worker bounds Docker creates and starts at once (HERMES_SPAWN_CONCURRENCY). */
public enum SpawnConcurrency {
    /** A limit between HERMES_MIN_CONCURRENT_SPAWNS and HERMES_MAX_CONCURRENT_SPAWNS that follows the throughput. */
    ADAPTIVE("adaptive"),
    /** Always HERMES_MAX_CONCURRENT_SPAWNS (the behaviour before the adaptive limit). */
    FIXED("fixed");

    private final String spelling;

    SpawnConcurrency(String spelling) {
        this.spelling = spelling;
    }

    /** As the environment spells it. */
    public String spelling() {
        return spelling;
    }

    static SettingType<SpawnConcurrency> settingType() {
        return new SettingType<>() {
            @Override
            public String describe() {
                return "`adaptive` or `fixed`";
            }

            @Override
            public SpawnConcurrency parse(String raw) {
                for (SpawnConcurrency mode : values()) {
                    if (mode.spelling.equals(raw)) {
                        return mode;
                    }
                }
                throw new IllegalArgumentException();
            }

            @Override
            public String format(SpawnConcurrency value) {
                return value.spelling;
            }
        };
    }
}
