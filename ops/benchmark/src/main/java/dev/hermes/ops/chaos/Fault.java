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

    /** When the fault began and ended, in epoch ms. */
    record Window(long startMs, long endMs) {}
}
