package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.reliability.HostileRequests.Case;
import dev.refunds.bootstrap.reliability.Routes.Audience;
import dev.refunds.bootstrap.reliability.Routes.Route;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.IntStream;

import static dev.refunds.bootstrap.reliability.JsonText.show;
import static dev.refunds.bootstrap.reliability.RawRequest.concat;

/**
 * Hostile headers: idempotency keys of every shape, missing, wrong, mixed and malformed credentials, and odd Accept,
 * Content-Encoding, Expect, forwarding and oversized headers.
 */
final class HeaderCases {
    private final ValidRequests valid;

    HeaderCases(ValidRequests valid) {
        this.valid = valid;
    }

    static final int KEY_KINDS = 12;

    Case keyCase(Route route, int kind, Random random) {
        String suffix = Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        String key = switch (kind) {
            case 0 -> "";
            case 1 -> "a" + suffix;                                   // valid
            case 2 -> (suffix + "k".repeat(255)).substring(0, 255);   // valid, the longest
            case 3 -> (suffix + "k".repeat(256)).substring(0, 256);   // one too long
            case 4 -> suffix + "k".repeat(5_000);
            case 5 -> "a b " + suffix;                                // valid: a blank inside
            case 6 -> "key\u007f" + suffix;                          // DEL is not printable
            case 7 -> "é" + suffix;
            case 8 -> "😀" + suffix;
            case 9 -> "\u0001" + suffix;
            case 10 -> "  padded " + suffix + "  ";
            default -> "\"quoted\"" + suffix;
        };
        RawRequest request = valid.base(route, random);
        request.header("X-Idempotency-Key", key);
        if (kind == 11) {
            request.header("X-Idempotency-Key", "second-" + suffix);
        }
        return request.build("idempotency-key", "key " + show(key) + (kind == 11 ? " twice" : ""), key);
    }

    static final int CREDENTIAL_KINDS = 16;

    Case credentialCase(Route route, int kind, Random random) {
        RawRequest request = valid.base(route, random);
        request.headers.removeIf(h -> h[0].equals("Client-Id") || h[0].equals("Business-Id") || h[0].equals("X-Api-Key")
                || h[0].equals("Authorization"));
        String[] merchant = valid.targets.merchantHeaders();
        String[] other = valid.targets.otherMerchantHeaders();
        String what;
        switch (kind) {
            case 0 -> what = "no credentials";
            case 1 -> {
                request.header(merchant[2], merchant[3]).header(merchant[4], merchant[5]);
                what = "no Client-Id";
            }
            case 2 -> {
                request.header(merchant[0], merchant[1]).header(merchant[4], merchant[5]);
                what = "no Business-Id";
            }
            case 3 -> {
                request.header(merchant[0], merchant[1]).header(merchant[2], merchant[3]);
                what = "no X-Api-Key";
            }
            case 4 -> {
                request.header(merchant[0], merchant[1]).header(merchant[2], merchant[3]).header(merchant[4], "sk_live_x");
                what = "wrong API key";
            }
            case 5 -> {
                request.header(merchant[0], merchant[1]).header(merchant[2], merchant[3]).header(other[4], other[5]);
                what = "another business's API key";
            }
            case 6 -> {
                request.header(other[0], other[1]).header(merchant[2], merchant[3]).header(merchant[4], merchant[5]);
                what = "another business's Client-Id";
            }
            case 7 -> {
                request.header(merchant[0], merchant[1]).header(merchant[2], merchant[3].toLowerCase(
                        java.util.Locale.ROOT)).header(merchant[4], merchant[5]);
                what = "Business-Id in lower case";
            }
            case 8 -> {
                request.header(merchant[0], merchant[1]).header(merchant[2], merchant[3])
                        .header(merchant[4], "k".repeat(10_000));
                what = "10000-char API key";
            }
            case 9 -> {
                request.header(merchant[0], merchant[1]).header(merchant[2], merchant[3])
                        .rawHeader("X-Api-Key", concat(merchant[5].getBytes(StandardCharsets.US_ASCII),
                                new byte[] {(byte) 0xC3, (byte) 0xA9}));
                what = "API key with non-ASCII bytes";
            }
            case 10 -> {
                request.header(merchant[0], merchant[1]).header(merchant[2], merchant[3]).header(merchant[4], merchant[5])
                        .header(merchant[4], "sk_live_x");
                what = "two X-Api-Key headers";
            }
            case 11 -> {
                request.header("Authorization", "Bearer " + valid.targets.adminToken());
                what = "the admin token";
            }
            case 12 -> {
                request.header("Authorization", "bearer " + valid.targets.adminToken());
                what = "lower-case bearer";
            }
            case 13 -> {
                request.header("Authorization", "Bearer  " + valid.targets.adminToken());
                what = "Bearer with two spaces";
            }
            case 14 -> {
                request.header("Authorization", "Bearer " + valid.targets.adminToken() + "x");
                what = "admin token plus a character";
            }
            default -> {
                request.header(merchant[0], "").header(merchant[2], "").header(merchant[4], "")
                        .header("Authorization", "Basic dGVzdDp0ZXN0");
                what = "empty merchant headers and Basic auth";
            }
        }
        boolean adminRoute = route.audience() == Audience.ADMIN;
        // two X-Api-Key headers (the right one first) and "bearer" in lower case (RFC 7235: the scheme is
        // case-insensitive) are not judged
        return request.build("credentials", what, null).rejectable(kind != 10 && !(adminRoute && (kind == 11
                || kind == 12)));
    }

    static final int HEADER_KINDS = 14;

    Case headerCase(Route route, int kind, Random random) {
        RawRequest request = valid.base(route, random);
        String what;
        switch (kind) {
            case 0 -> {
                request.header("Accept", "application/xml");
                what = "Accept: application/xml";
            }
            case 1 -> {
                request.header("Accept", "text/html;q=0.9, garbage/*");
                what = "odd Accept";
            }
            case 2 -> {
                request.header("X-Request-Id", "r".repeat(1_000));
                what = "1000-char X-Request-Id";
            }
            case 3 -> {
                request.rawHeader("X-Request-Id", new byte[] {'a', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF});
                what = "non-ASCII X-Request-Id";
            }
            case 4 -> {
                IntStream.range(0, 300).forEach(i -> request.header("X-Junk-" + i, "v" + i));
                what = "300 extra headers";
            }
            case 5 -> {
                request.header("X-Junk", "j".repeat(20_000));
                what = "20000-char header";
            }
            case 6 -> {
                request.header("X-Junk", "j".repeat(70_000));
                what = "70000-char header";
            }
            case 7 -> {
                request.header("Content-Type", "text/plain");
                what = "two Content-Type headers";
            }
            case 8 -> {
                request.header("Content-Encoding", "gzip");
                what = "Content-Encoding gzip on a plain body";
            }
            case 9 -> {
                request.header("Expect", "100-continue");
                what = "Expect: 100-continue";
            }
            case 10 -> {
                request.header("X-Request-Id", "../../etc/passwd");
                what = "path in X-Request-Id";
            }
            case 11 -> {
                request.header("Content-Encoding", "br, deflate, identity, x-junk");
                what = "unknown Content-Encoding";
            }
            case 12 -> {
                request.header("Accept-Charset", "utf-16");
                what = "Accept-Charset utf-16";
            }
            default -> {
                request.header("X-Forwarded-For", "127.0.0.1, ::1");
                request.header("X-Forwarded-Host", "evil.example");
                what = "forwarding headers";
            }
        }
        return request.build("headers", what, null);
    }
}
