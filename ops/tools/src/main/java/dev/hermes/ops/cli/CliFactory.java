package dev.hermes.ops.cli;

import picocli.CommandLine;

/** Makes commands, mixins and converters, handing the {@link CliContext} to those whose constructor takes it. */
final class CliFactory implements CommandLine.IFactory {
    private final CliContext context;

    CliFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            return type.getDeclaredConstructor(CliContext.class).newInstance(context);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
