package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.reliability.HostileRequests.Case;
import dev.refunds.bootstrap.reliability.Routes.Route;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import static dev.refunds.bootstrap.reliability.HostileRequests.pick;
import static dev.refunds.bootstrap.reliability.JsonText.write;
import static dev.refunds.bootstrap.reliability.RawRequest.concat;

/**
 * Hostile encodings of a valid body: invalid UTF-8 sequences inside a field, Latin-1 sent as UTF-8, UTF-16 and UTF-32
 * bodies, a byte-order mark and random bytes.
 */
final class EncodingCases {
    private final ValidRequests valid;

    EncodingCases(ValidRequests valid) {
        this.valid = valid;
    }

    static final int ENCODING_KINDS = 14;
    private static final byte[][] BAD_UTF8 = {
        {(byte) 0xC3, 0x28}, {(byte) 0xA0, (byte) 0xA1}, {(byte) 0xE2, 0x28, (byte) 0xA1},
        {(byte) 0xF0, 0x28, (byte) 0x8C, (byte) 0xBC}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF, (byte) 0xFE}};

    Case encodingCase(Route route, int kind, Random random) {
        Map<String, Object> body = valid.bodyFor(route, random);
        String field = pick(new ArrayList<>(body.keySet()), random);
        byte[] bytes;
        String what;
        String contentType = "application/json";
        if (kind < BAD_UTF8.length) {
            body.put(field, "MARK");
            bytes = replace(write(body).getBytes(StandardCharsets.UTF_8), "MARK".getBytes(StandardCharsets.US_ASCII),
                    concat("ab".getBytes(StandardCharsets.US_ASCII), BAD_UTF8[kind]));
            what = "invalid UTF-8 " + hex(BAD_UTF8[kind]) + " in " + field;
        } else {
            body.put(field, "café ünïcødé");
            String json = write(body);
            switch (kind - BAD_UTF8.length) {
                case 0 -> {
                    bytes = json.getBytes(StandardCharsets.ISO_8859_1);
                    what = "Latin-1 body sent as UTF-8";
                }
                case 1 -> {
                    bytes = json.getBytes(StandardCharsets.UTF_16LE);
                    what = "UTF-16LE body";
                }
                case 2 -> {
                    bytes = json.getBytes(StandardCharsets.UTF_16);
                    what = "UTF-16 body with BOM";
                    contentType = "application/json; charset=utf-16";
                }
                case 3 -> {
                    bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, json.getBytes(StandardCharsets.UTF_8));
                    what = "UTF-8 BOM";
                }
                case 4 -> {
                    bytes = new byte[1 + random.nextInt(300)];
                    random.nextBytes(bytes);
                    what = "random bytes";
                }
                default -> {
                    bytes = json.getBytes(Charset.forName("UTF-32BE"));
                    what = "UTF-32 body";
                }
            }
        }
        // invalid UTF-8 (and Latin-1 sent as UTF-8) is not JSON text (RFC 8259, 8.1) and must never be read as
        // some other text; UTF-16/32 (which a parser may detect), the BOM and random bytes are not judged here
        boolean malformed = kind <= BAD_UTF8.length;
        return valid.bytesCase(route, random, "encoding", what, bytes, contentType).rejectable(malformed);
    }

    private static byte[] replace(byte[] data, byte[] marker, byte[] with) {
        for (int i = 0; i <= data.length - marker.length; i++) {
            if (Arrays.equals(data, i, i + marker.length, marker, 0, marker.length)) {
                return concat(concat(Arrays.copyOf(data, i), with), Arrays.copyOfRange(data, i + marker.length,
                        data.length));
            }
        }
        return data;
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02X ", b));
        }
        return text.toString().strip();
    }
}
