package dev.hermes.worker.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives an integration test class its own {@link Stack}: the shared real broker, its own topics, its own
 * PostgreSQL schema and a real Docker engine; everything it made is removed after the class.
 */
public final class HermesStack implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(HermesStack.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        new KafkaBroker().beforeAll(context);
        String bootstrap = KafkaBroker.bootstrapServers(context);
        context.getStore(NS)
                .getOrComputeIfAbsent(
                        Stack.class,
                        k -> Stack.create(
                                bootstrap, context.getRequiredTestClass().getSimpleName()),
                        Stack.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Stack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NS).get(Stack.class, Stack.class);
    }

    /** Shorthand for {@code @ExtendWith(HermesStack.class)}. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    @ExtendWith(HermesStack.class)
    public @interface Use {}
}
