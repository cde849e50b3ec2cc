package dev.hermes.worker.lanes;

/**
 * The lanes of {@link KeyedExecutor}: key to lane, open addressing with linear probing. Unlike a HashMap
 * it allocates nothing to add or remove a key, which a warm answer does 100k times a second (a lane opened
 * and closed around one inline task). Grows at half full and shrinks when mostly empty again, so a burst
 * of keys does not pin a large table. Not thread-safe: the executor guards it.
 */
final class LaneTable<K, V> {
    private static final int MIN_CAPACITY = 64;
    private Object[] keys = new Object[MIN_CAPACITY];
    private Object[] values = new Object[MIN_CAPACITY];
    private int size;

    @SuppressWarnings("unchecked")
    V get(K key) {
        int slot = find(key);
        return keys[slot] == null ? null : (V) values[slot];
    }

    /** Sets the key's value; returns the previous one or null. */
    @SuppressWarnings("unchecked")
    V put(K key, V value) {
        int slot = find(key);
        if (keys[slot] != null) {
            V previous = (V) values[slot];
            values[slot] = value;
            return previous;
        }
        keys[slot] = key;
        values[slot] = value;
        if (++size * 2 > keys.length) {
            resize(keys.length * 2);
        }
        return null;
    }

    void remove(K key) {
        int slot = find(key);
        if (keys[slot] == null) {
            return;
        }
        int mask = keys.length - 1;
        // backward-shift deletion: move later entries of the probe run into the gap, no tombstones
        int gap = slot;
        for (int i = (gap + 1) & mask; keys[i] != null; i = (i + 1) & mask) {
            int home = home(keys[i], mask);
            if (((i - home) & mask) >= ((i - gap) & mask)) {
                keys[gap] = keys[i];
                values[gap] = values[i];
                gap = i;
            }
        }
        keys[gap] = null;
        values[gap] = null;
        if (--size * 8 < keys.length && keys.length > MIN_CAPACITY) {
            resize(keys.length / 2);
        }
    }

    int size() {
        return size;
    }

    private int find(Object key) {
        int mask = keys.length - 1;
        int slot = home(key, mask);
        while (keys[slot] != null && !keys[slot].equals(key)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int home(Object key, int mask) {
        int h = key.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    private void resize(int capacity) {
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new Object[capacity];
        values = new Object[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = home(oldKeys[i], mask);
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
