package dev.refunds.application.fakes;

import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An event body as the JSON text the outbox keeps: maps in their own order, records by their components, nothing
 * escaped that the database's serialiser leaves as it is (non-ASCII letters stay themselves).
 */
final class JsonText {
    private JsonText() {
    }

    static String of(Object value) {
        StringBuilder text = new StringBuilder();
        write(value, text);
        return text.toString();
    }

    private static void write(Object value, StringBuilder text) {
        if (value == null) {
            text.append("null");
        } else if (value instanceof String string) {
            quoted(string, text);
        } else if (value instanceof Number || value instanceof Boolean) {
            text.append(value);
        } else if (value instanceof Map<?, ?> map) {
            text.append('{');
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                quoted(String.valueOf(entry.getKey()), text);
                text.append(':');
                write(entry.getValue(), text);
                text.append(entries.hasNext() ? "," : "");
            }
            text.append('}');
        } else if (value instanceof List<?> list) {
            text.append('[');
            for (int i = 0; i < list.size(); i++) {
                text.append(i == 0 ? "" : ",");
                write(list.get(i), text);
            }
            text.append(']');
        } else if (value.getClass().isRecord()) {
            Map<String, Object> components = new java.util.LinkedHashMap<>();
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                components.put(component.getName(), read(component, value));
            }
            write(components, text);
        } else {
            quoted(value.toString(), text);
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private static void quoted(String string, StringBuilder text) {
        text.append('"');
        for (char c : string.toCharArray()) {
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        text.append('"');
    }
}
