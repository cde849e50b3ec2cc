package dev.hermes.schemas.internal.scan;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Finds a value by the bytes of its JSON name without making a String: a small open-addressing hash table
 * (field names, type names, codes). Immutable once built.
 */
final class NameTable<T> {
    private final Object[] slots;
    private final byte[][] slotNames;
    private final int mask;

    private NameTable(T[] values, Function<T, String> name) {
        int size = Integer.highestOneBit(values.length * 4 - 1) << 1; // at most a quarter full: short probes
        this.slots = new Object[size];
        this.slotNames = new byte[size][];
        this.mask = size - 1;
        for (T value : values) {
            byte[] bytes = name.apply(value).getBytes(StandardCharsets.US_ASCII);
            int slot = hash(bytes, 0, bytes.length);
            while (slots[slot] != null) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = value;
            slotNames[slot] = bytes;
        }
    }

    static <T> NameTable<T> of(T[] values, Function<T, String> name) {
        return new NameTable<>(values, name);
    }

    static <E extends Enum<E>> NameTable<E> ofEnum(Class<E> type) {
        return new NameTable<>(type.getEnumConstants(), Enum::name);
    }

    /** The value named by {@code b[from, from + length)}, or null for any other name. */
    @SuppressWarnings("unchecked")
    T find(byte[] b, int from, int length) {
        for (int slot = hash(b, from, length); slots[slot] != null; slot = (slot + 1) & mask) {
            if (same(slotNames[slot], b, from, length)) {
                return (T) slots[slot];
            }
        }
        return null;
    }

    /** From the length and three characters: enough to spread the names; the probe compares whole names. */
    private int hash(byte[] b, int from, int length) {
        if (length == 0) {
            return 0;
        }
        int h = length * 961 + b[from] * 31 + b[from + length / 2] * 7 + b[from + length - 1];
        return (h ^ (h >>> 7)) & mask;
    }

    private static boolean same(byte[] name, byte[] b, int from, int length) {
        return name.length == length && Arrays.equals(name, 0, length, b, from, from + length);
    }
}
