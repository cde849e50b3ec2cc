package dev.hermes.schemas.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.hermes.schemas.Event;
import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.InvalidEventException;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One event type's table: its fields in record-component order (which is also the order they are
 * written in), each read into the component of the same name through the record's canonical constructor.
 * Checked when built: a row for every component, of the component's type, so a field added to the record
 * but not to the table fails at once.
 */
public final class EventType<E extends Event> {
    private final Class<E> recordClass;
    private final String name;
    private final List<Field<E>> fields;
    private final Constructor<E> constructor;
    /** Per field: the reader's slot of its raw value. */
    private final int[] slots;
    /** Field indexes in reading order: a field another one's presence depends on comes first. */
    private final int[] readOrder;
    /** Per field: the index of the field that can make it optional, or -1. */
    private final int[] optionalWhen;

    EventType(Class<E> recordClass, List<Field<E>> fields, Map<String, Integer> slotOfName) {
        this.recordClass = recordClass;
        this.name = recordClass.getSimpleName();
        this.fields = List.copyOf(fields);
        RecordComponent[] components = recordClass.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            Field<E> field = i < fields.size() ? fields.get(i) : null;
            if (field == null || !field.name().equals(components[i].getName()) || field.javaType() != types[i]) {
                throw new IllegalStateException(recordClass.getSimpleName() + ": the table's field " + i + " (" + field
                        + ") does not match the record component " + components[i]);
            }
        }
        if (fields.size() != components.length) {
            throw new IllegalStateException(recordClass.getSimpleName() + ": more fields than record components");
        }
        try {
            this.constructor = recordClass.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no canonical constructor in " + recordClass, e);
        }
        this.slots = fields.stream().mapToInt(f -> slotOfName.get(f.name())).toArray();
        this.optionalWhen =
                fields.stream().mapToInt(f -> indexOf(f.optionalWhen())).toArray();
        List<Integer> order = new ArrayList<>();
        Arrays.stream(optionalWhen).filter(i -> i >= 0).forEach(order::add);
        for (int i = 0; i < fields.size(); i++) {
            if (!order.contains(i)) {
                order.add(i);
            }
        }
        this.readOrder = order.stream().mapToInt(Integer::intValue).toArray();
    }

    private int indexOf(String name) {
        for (int i = 0; name != null && i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public String name() {
        return name;
    }

    boolean isNamed(char[] chars, int from, int length) {
        if (name.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (chars[from + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    public Class<E> recordClass() {
        return recordClass;
    }

    public List<Field<E>> fields() {
        return fields;
    }

    /** The event from the raw values; throws InvalidEventException naming the first field at fault. */
    E read(RawFields raw) {
        Object[] values = new Object[slots.length];
        for (int i : readOrder) {
            int other = optionalWhen[i];
            boolean optional = other >= 0 && fields.get(i).optionalValue().equals(values[other]);
            values[i] = fields.get(i).read(raw, slots[i], optional);
        }
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            // a record that checks its own bounds (AccountUpdated) names the field at fault
            if (e.getCause() instanceof InvalidEventException invalid) {
                throw invalid;
            }
            throw new HermesException("could not build " + name(), e);
        } catch (InstantiationException | IllegalAccessException e) {
            throw new HermesException("could not build " + name(), e);
        }
    }

    /** Writes every field of {@code event} that is present, in table order. */
    void write(E event, JsonGenerator out, char[] scratch) throws IOException {
        for (Field<E> field : fields) {
            field.write(event, out, scratch);
        }
    }
}
