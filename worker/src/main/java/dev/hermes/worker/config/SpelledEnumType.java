package dev.hermes.worker.config;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** An enum given by each constant's spelling (e.g. {@code if-not-present}); any other text is refused. */
final class SpelledEnumType<E extends Enum<E>> implements SettingType<E> {
    private final List<E> constants;
    private final Function<E, String> spelling;

    SpelledEnumType(Class<E> type, Function<E, String> spelling) {
        this.constants = Arrays.asList(type.getEnumConstants());
        this.spelling = spelling;
    }

    /** "`a` or `b`", "`a`, `b` or `c`". */
    @Override
    public String describe() {
        List<String> quoted =
                constants.stream().map(c -> "`" + spelling.apply(c) + "`").toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }

    @Override
    public E parse(String raw) {
        for (E constant : constants) {
            if (spelling.apply(constant).equals(raw)) {
                return constant;
            }
        }
        throw new IllegalArgumentException();
    }

    @Override
    public String format(E value) {
        return spelling.apply(value);
    }
}
