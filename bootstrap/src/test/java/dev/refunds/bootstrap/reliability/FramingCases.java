package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.reliability.HostileRequests.Case;
import dev.refunds.bootstrap.reliability.HostileRequests.Targets;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Badly framed HTTP: missing Host, unknown versions, malformed request and header lines, conflicting or lying
 * Content-Length and chunking, a TLS hello and an overlong request line, written byte for byte.
 */
final class FramingCases {
    private final Targets targets;

    FramingCases(Targets targets) {
        this.targets = targets;
    }

    static final int FRAMING_KINDS = 22;

    Case framingCase(int kind, Random random) {
        String host = "Host: " + targets.host() + "\r\n";
        String creds = "Client-Id: " + targets.merchantHeaders()[1] + "\r\nBusiness-Id: " + targets.merchantHeaders()[3]
                + "\r\nX-Api-Key: " + targets.merchantHeaders()[5] + "\r\n";
        String text = switch (kind) {
            case 0 -> "GET /api/v1/payments HTTP/1.1\r\n" + creds + "\r\n";
            case 1 -> "GET /api/v1/payments HTTP/1.0\r\n" + creds + "\r\n";
            case 2 -> "GET /api/v1/payments HTTP/2.0\r\n" + host + creds + "\r\n";
            case 3 -> "GET /api/v1/payments HTTP/9.9\r\n" + host + creds + "\r\n";
            case 4 -> "get /api/v1/payments HTTP/1.1\r\n" + host + creds + "\r\n";
            case 5 -> "G\u0000T /api/v1/payments HTTP/1.1\r\n" + host + creds + "\r\n";
            case 6 -> "GET /api/v1/pay ments HTTP/1.1\r\n" + host + creds + "\r\n";
            case 7 -> "GET http://" + targets.host() + "/api/v1/payments HTTP/1.1\r\n" + host + creds + "\r\n";
            case 8 -> "OPTIONS * HTTP/1.1\r\n" + host + "\r\n";
            case 9 -> "CONNECT " + targets.host() + " HTTP/1.1\r\n" + host + "\r\n";
            case 10 -> "GET /api/v1/payments HTTP/1.1\r\n" + host + "Junk\r\n" + creds + "\r\n";
            case 11 -> "GET /api/v1/payments HTTP/1.1\r\n" + host + "X Junk: 1\r\n" + creds + "\r\n";
            case 12 -> "GET /api/v1/payments HTTP/1.1\r\n" + host + "X-Junk: a\r\n folded\r\n" + creds + "\r\n";
            case 13 -> "GET /api/v1/payments HTTP/1.1\n" + host.replace("\r", "") + creds.replace("\r", "") + "\n";
            case 14 -> "GET /api/v1/payments HTTP/1.1\r\n" + host + "X-Junk: a\u0000b\r\n" + creds + "\r\n";
            case 15 -> "POST /api/v1/payments HTTP/1.1\r\n" + host + creds + "Content-Type: application/json\r\n"
                    + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
            case 16 -> "POST /api/v1/payments HTTP/1.1\r\n" + host + creds + "Content-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
            case 17 -> "POST /api/v1/payments HTTP/1.1\r\n" + host + creds + "Content-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{}";
            case 18 -> "POST /api/v1/payments HTTP/1.1\r\n" + host + creds + "Content-Type: application/json\r\n"
                    + "Content-Length: -1\r\n\r\n{}";
            case 19 -> "POST /api/v1/payments HTTP/1.1\r\n" + host + creds + "Content-Type: application/json\r\n"
                    + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}";
            case 20 -> "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003";
            default -> "GET /" + "a".repeat(100_000) + " HTTP/1.1\r\n" + host + "\r\n";
        };
        return new Case("framing", "framing " + kind + ": " + Envelope.abbreviate(text.replace("\r\n", "⏎")), "RAW",
                "/", text.getBytes(StandardCharsets.ISO_8859_1), true, null, null, false);
    }
}
