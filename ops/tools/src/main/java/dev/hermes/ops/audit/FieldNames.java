package dev.hermes.ops.audit;

import dev.hermes.ops.audit.LifecycleFields.Field;

/** Finds a lifecycle field by the bytes of its JSON name without making a String: a small hash table. */
final class FieldNames {
    private static final int SLOTS = 128;
    private final Field[] slots = new Field[SLOTS];
    private final byte[][] slotNames = new byte[SLOTS][];

    FieldNames() {
        for (Field field : Field.values()) {
            byte[] name = field.jsonName();
            int slot = hash(name, 0, name.length);
            while (slots[slot] != null) {
                slot = (slot + 1) & (SLOTS - 1);
            }
            slots[slot] = field;
            slotNames[slot] = name;
        }
    }

    /** The field, or null for a name the lifecycle types do not use. */
    Field find(byte[] b, int from, int length) {
        for (int slot = hash(b, from, length); slots[slot] != null; slot = (slot + 1) & (SLOTS - 1)) {
            if (same(slotNames[slot], b, from, length)) {
                return slots[slot];
            }
        }
        return null;
    }

    /** From the length and three characters: enough to spread the 25 names; the probe compares whole names. */
    private static int hash(byte[] b, int from, int length) {
        if (length == 0) {
            return 0;
        }
        int h = length * 961 + b[from] * 31 + b[from + length / 2] * 7 + b[from + length - 1];
        return (h ^ (h >>> 7)) & (SLOTS - 1);
    }

    private static boolean same(byte[] name, byte[] b, int from, int length) {
        if (name.length != length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (name[k] != b[from + k]) {
                return false;
            }
        }
        return true;
    }
}
