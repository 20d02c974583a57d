package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.reliability.HostileRequests.Case;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An HTTP/1.1 request being put together; header values as bytes so that non-ASCII ones can be sent. */
final class RawRequest {
    String method;
    String target;
    String queryPart;
    final String host;
    final List<Object[]> headers = new ArrayList<>();
    byte[] body;

    RawRequest(String method, String target, String host) {
        this.method = method;
        this.target = target;
        this.host = host;
    }

    String query() {
        return queryPart == null ? "" : "?" + queryPart;
    }

    RawRequest header(String name, String value) {
        headers.add(new Object[] {name, value.getBytes(StandardCharsets.UTF_8)});
        return this;
    }

    RawRequest rawHeader(String name, byte[] value) {
        headers.add(new Object[] {name, value});
        return this;
    }

    RawRequest credentials(String[] pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            header(pairs[i], pairs[i + 1]);
        }
        return this;
    }

    RawRequest body(byte[] bytes, String contentType) {
        headers.removeIf(h -> h[0].equals("Content-Type"));
        body = bytes;
        if (contentType != null) {
            header("Content-Type", contentType);
        }
        return this;
    }

    Case build(String family, String what, String key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] line = (method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        out.writeBytes(line);
        for (Object[] header : headers) {
            out.writeBytes(((String) header[0]).getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(": ".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(sanitized((byte[]) header[1]));
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        if (body != null) {
            out.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            out.writeBytes(body);
        }
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        String scope = null;
        for (Object[] header : headers) {
            if (header[0].equals("Business-Id")) {
                scope = new String((byte[]) header[1], StandardCharsets.UTF_8);
            }
        }
        if (path.startsWith("/api/admin/")) {
            scope = "admin";
        }
        return new Case(family, what, method, path, out.toByteArray(), false, key, scope, false);
    }

    /** CR and LF inside a value would start a new header line (a different case, made on purpose elsewhere). */
    private static byte[] sanitized(byte[] value) {
        byte[] copy = value.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == '\r' || copy[i] == '\n') {
                copy[i] = ' ';
            }
        }
        return copy;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
