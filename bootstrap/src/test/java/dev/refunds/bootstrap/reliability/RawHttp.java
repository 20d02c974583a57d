package dev.refunds.bootstrap.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One request written byte for byte on its own connection ({@code Connection: close}), and whatever comes back.
 * {@code java.net.http} refuses or rewrites most of what a hostile client sends (methods, header bytes, framing), so
 * the fuzzer talks to the server with this.
 */
final class RawHttp {
    /** What came back: nothing ({@code status} -1, with why), or a status line, headers and a body. */
    record Answer(int status, Map<String, String> headers, String body, String failure, long millis) {
        boolean answered() {
            return status > 0;
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final String host;
    private final int port;
    private final int timeoutMillis;

    RawHttp(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    String hostHeader() {
        return host + ":" + port;
    }

    /**
     * Sends and reads until the server closes. {@code halfClose} also shuts the output down after the request (so a
     * server waiting for a body that never comes sees the end at once) — only for badly framed requests: Netty
     * closes a half-closed connection without answering.
     */
    Answer send(byte[] request, boolean halfClose) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (IOException earlyClose) {
                // the server may answer (413, 400) and close before reading everything; read what it said
            }
            byte[] raw = readAll(socket.getInputStream());
            return parse(raw, elapsed(start));
        } catch (SocketTimeoutException e) {
            return new Answer(-1, Map.of(), "", "no answer within " + timeoutMillis + " ms (hang)", elapsed(start));
        } catch (IOException e) {
            return new Answer(-1, Map.of(), "", "connection failed: " + e, elapsed(start));
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException timeout) {
            if (all.size() == 0) {
                throw timeout;
            }
        } catch (IOException reset) {
            if (all.size() == 0) {
                throw reset;
            }
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] raw, long millis) {
        int headerEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (raw.length == 0) {
            return new Answer(-1, Map.of(), "", "the server closed the connection without an answer", millis);
        }
        if (headerEnd < 0) {
            return new Answer(-1, Map.of(), "", "not an HTTP answer: "
                    + new String(raw, StandardCharsets.ISO_8859_1), millis);
        }
        String head = new String(raw, 0, headerEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (RuntimeException e) {
            return new Answer(-1, Map.of(), "", "bad status line: " + lines[0], millis);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, headerEnd + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        } else if (headers.containsKey("content-length")) {
            try {
                int length = Integer.parseInt(headers.get("content-length"));
                if (length < body.length) {
                    body = java.util.Arrays.copyOf(body, length);
                }
            } catch (NumberFormatException ignored) {
                // keep what came
            }
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), null, millis);
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
