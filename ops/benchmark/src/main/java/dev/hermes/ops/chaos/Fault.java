package dev.hermes.ops.chaos;

/** One scenario's fault: made real against the stack while the load flows. */
public interface Fault {
    /** The scenario's name in the table and the JSON (e.g. broker_kill). */
    String name();

    /** One line for the progress log and the JSON. */
    String describe();

    /** Before the load starts (e.g. seeding broken agents' volumes). */
    default void prepare(ScenarioContext context) throws Exception {}

    /** Injects the fault and returns when it is over (the stack is back, or the fault's time is up). */
    Window inject(ScenarioContext context) throws Exception;

    /**
     * When the fault began and ended, in epoch ms, and the fault's own moments by name (epoch ms), such as {@code
     * dockerd_sigterm_ms}.
     */
    record Window(long startMs, long endMs, java.util.Map<String, Long> marks) {
        public Window {
            marks = java.util.Map.copyOf(marks);
        }

        public Window(long startMs, long endMs) {
            this(startMs, endMs, java.util.Map.of());
        }

        /** When dockerd was told to stop, or null for a fault that does not stop it. */
        public Long sigtermMs() {
            return marks.get(DockerdRestart.SIGTERM_MARK);
        }
    }
}
