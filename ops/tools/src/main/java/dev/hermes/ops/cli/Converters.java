package dev.hermes.ops.cli;

import dev.hermes.admin.DlqSource;
import dev.hermes.ops.audit.TimeArgument;
import dev.hermes.ops.status.RuntimeState;
import dev.hermes.schemas.InvalidUserIdException;
import dev.hermes.schemas.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Turns arguments into values; a refusal is a usage error that names the argument. */
final class Converters {
    private Converters() {}

    static final class UserIds implements ITypeConverter<UserId> {
        @Override
        public UserId convert(String text) {
            try {
                return UserId.of(text);
            } catch (InvalidUserIdException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class DlqSources implements ITypeConverter<DlqSource> {
        @Override
        public DlqSource convert(String text) {
            try {
                return DlqSource.parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** 30s, 10m, 2h. */
    static final class Durations implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            try {
                return TimeArgument.duration(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** 2026-11-20T00:00:00Z, 2026-11-20, or a time ago: 24h, 7d, 30m (from the context's clock). */
    static final class Times implements ITypeConverter<Instant> {
        private final TimeArgument time;

        Times(CliContext context) {
            this.time = new TimeArgument(context.clock());
        }

        @Override
        public Instant convert(String text) {
            try {
                return time.parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** running, paused, stopped or failed (any case). */
    static final class RuntimeStates implements ITypeConverter<RuntimeState> {
        @Override
        public RuntimeState convert(String text) {
            try {
                return RuntimeState.valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + text + "' is not a state; give one of "
                        + Arrays.stream(RuntimeState.values())
                                .map(RuntimeState::label)
                                .toList());
            }
        }
    }
}
