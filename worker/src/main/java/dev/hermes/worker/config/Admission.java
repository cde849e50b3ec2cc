package dev.hermes.worker.config;

/** Which families a worker starts runtimes for (HERMES_ADMISSION). */
public enum Admission {
    /** Every family a request or heartbeat names. */
    ANY("any"),
    /** Only families with an account; any other gets RuntimeFailed UNKNOWN_FAMILY and no container or volume. */
    KNOWN_ACCOUNTS("known-accounts");

    private final String spelling;

    Admission(String spelling) {
        this.spelling = spelling;
    }

    /** As the environment spells it. */
    public String spelling() {
        return spelling;
    }
}
