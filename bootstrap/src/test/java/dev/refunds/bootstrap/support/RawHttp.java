package dev.refunds.bootstrap.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The raw-bytes side of the test HTTP client: one request written byte for byte on its own connection
 * ({@code Connection: close}), and whatever comes back. It cannot be {@link Api}: {@code java.net.http} refuses or
 * rewrites most of what a hostile client sends (methods, header bytes, framing) and writes header values as
 * US-ASCII, turning every other character into {@code ?}. Answers pass through {@link Exchange#received} as
 * {@link Api}'s do.
 */
public final class RawHttp {
    /** What came back: nothing ({@code response} null, with why), or a status line, headers and a body. */
    public record Answer(ApiResponse response, String failure, long millis) {
        public boolean answered() {
            return response != null;
        }

        public int status() {
            return answered() ? response.status() : -1;
        }

        public String body() {
            return answered() ? response.raw() : "";
        }

        public String header(String name) {
            return answered() ? response.headers().firstValue(name).orElse(null) : null;
        }
    }

    private final String host;
    private final int port;
    private final int timeoutMillis;

    public RawHttp(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * POSTs {@code json} with the given ASCII headers and one more header whose value is exactly the bytes
     * {@code rawValue} (a key that is not ASCII, say); the answer, or an unchecked exception if none came.
     */
    public static ApiResponse post(URI base, String path, String json, String[] headers, String rawName,
                                   byte[] rawValue) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                + base.getPort() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        head.append(rawName).append(": ");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(rawValue);
        request.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body);
        Answer answer = new RawHttp(base.getHost(), base.getPort(), 30_000).send(request.toByteArray(), false);
        if (!answer.answered()) {
            throw new java.io.UncheckedIOException(new IOException("raw POST " + path + ": " + answer.failure()));
        }
        return answer.response();
    }

    public String hostHeader() {
        return host + ":" + port;
    }

    /**
     * Sends and reads until the server closes. {@code halfClose} also shuts the output down after the request (so a
     * server waiting for a body that never comes sees the end at once) — only for badly framed requests: Netty
     * closes a half-closed connection without answering.
     */
    public Answer send(byte[] request, boolean halfClose) {
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
            return RawAnswers.parse(URI.create("http://" + host + ":" + port), request, raw, elapsed(start));
        } catch (SocketTimeoutException e) {
            return new Answer(null, "no answer within " + timeoutMillis + " ms (hang)", elapsed(start));
        } catch (IOException e) {
            return new Answer(null, "connection failed: " + e, elapsed(start));
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
}
