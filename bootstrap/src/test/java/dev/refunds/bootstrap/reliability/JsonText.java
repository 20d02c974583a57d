package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.reliability.HostileRequests.Raw;

import java.util.List;
import java.util.Map;

/**
 * JSON as the hostile-request generators write it: any value, {@link Raw} literals as they are and lone surrogates
 * kept (a JSON library would refuse or repair both), and a short printable form of a value for case descriptions.
 */
final class JsonText {

    static String show(Object value) {
        String text = value instanceof Raw raw ? raw.json() : value instanceof String s ? "\"" + s + "\""
                : write(value);
        StringBuilder visible = new StringBuilder();
        text.codePoints().limit(80).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || (cp >= 0xd800 && cp <= 0xdfff)) {
                visible.append(String.format("\\u%04x", cp));
            } else {
                visible.appendCodePoint(cp);
            }
        });
        return visible + (text.length() > 80 ? "…(" + text.length() + " chars)" : "");
    }

    /** JSON text of maps, lists, strings, numbers, booleans, null and {@link Raw} literals; lone surrogates kept. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.json());
        } else if (value instanceof String text) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20 || Character.isSurrogate(c) && !validPair(text, i)) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            out.append(value);   // numbers and booleans
        }
    }

    private static boolean validPair(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    private JsonText() {
    }
}
