package dev.refunds.bootstrap.support;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads what a server wrote back to {@link RawHttp}, however broken: an answer, or why it is none. */
final class RawAnswers {
    private RawAnswers() {
    }

    static RawHttp.Answer parse(java.net.URI base, byte[] request, byte[] raw, long millis) {
        int headerEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (raw.length == 0) {
            return new RawHttp.Answer(null, "the server closed the connection without an answer", millis);
        }
        if (headerEnd < 0) {
            return new RawHttp.Answer(null, "not an HTTP answer: "
                    + new String(raw, StandardCharsets.ISO_8859_1), millis);
        }
        String head = new String(raw, 0, headerEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (RuntimeException e) {
            return new RawHttp.Answer(null, "bad status line: " + lines[0], millis);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        name -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, headerEnd + 4, raw.length);
        if ("chunked".equalsIgnoreCase(first(headers, "transfer-encoding"))) {
            body = dechunk(body);
        } else if (headers.containsKey("content-length")) {
            try {
                int length = Integer.parseInt(first(headers, "content-length"));
                if (length < body.length) {
                    body = java.util.Arrays.copyOf(body, length);
                }
            } catch (NumberFormatException ignored) {
                // keep what came
            }
        }
        String[] requestLine = new String(request, 0, Math.max(0, indexOf(request, new byte[] {'\r'})),
                StandardCharsets.ISO_8859_1).split(" ");
        return new RawHttp.Answer(Exchange.received(base, requestLine[0], requestLine.length > 1 ? requestLine[1] : "", status,
                HttpHeaders.of(headers, (name, value) -> true), new String(body, StandardCharsets.UTF_8)), null, millis);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null ? null : values.get(0);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(body, at, "\r\n".getBytes(StandardCharsets.US_ASCII));
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].strip();
            int size;
            try {
                size = Integer.parseInt(sizeText, 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(body, start, Math.min(size, body.length - start));
            at = start + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, 0, pattern);
    }

    private static int indexOf(byte[] data, int from, byte[] pattern) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
