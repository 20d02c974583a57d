package dev.refunds.bootstrap.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.OpenApiContract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP/1.1 request written byte for byte on a socket. {@code java.net.http} writes header values as US-ASCII
 * and turns every other character into {@code ?}, so a key that is not ASCII never reaches the server through it;
 * this does, with exactly the bytes a client sent.
 */
final class RawHttp {
    private RawHttp() {
    }

    /** POSTs {@code json} with the given ASCII headers and one more header whose value is {@code rawValue}. */
    static ApiResponse post(URI base, String path, String json, String[] headers, String rawName, byte[] rawValue) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ascii(request, "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            ascii(request, headers[i] + ": " + headers[i + 1] + "\r\n");
        }
        ascii(request, rawName + ": ");
        request.writeBytes(rawValue);
        ascii(request, "\r\n\r\n");
        request.writeBytes(body);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            ApiResponse answer = parse(socket.getInputStream().readAllBytes());
            OpenApiContract.check(base, "POST", path, answer.status(), answer.headers().map(), answer.raw());
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException("raw POST " + path, e);
        }
    }

    private static ApiResponse parse(byte[] bytes) {
        String all = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        String head = end < 0 ? all : all.substring(0, end);
        byte[] rest = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        boolean chunked = headers.entrySet().stream().anyMatch(header -> header.getKey()
                .equalsIgnoreCase("Transfer-Encoding") && header.getValue().contains("chunked"));
        String body = new String(chunked ? unchunk(rest) : rest, StandardCharsets.UTF_8);
        JsonNode json;
        try {
            json = body.isEmpty() ? null : Api.JSON.readTree(body);
        } catch (IOException notJson) {
            json = null;
        }
        return new ApiResponse(status, HttpHeaders.of(headers, (name, value) -> true), body, json);
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(chunked);
        try {
            while (true) {
                StringBuilder size = new StringBuilder();
                for (int c = in.read(); c != '\n' && c >= 0; c = in.read()) {
                    if (c != '\r') {
                        size.append((char) c);
                    }
                }
                int length = size.length() == 0 ? 0 : Integer.parseInt(size.toString().split(";")[0].trim(), 16);
                if (length == 0) {
                    return body.toByteArray();
                }
                body.write(in.readNBytes(length));
                in.readNBytes(2);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
