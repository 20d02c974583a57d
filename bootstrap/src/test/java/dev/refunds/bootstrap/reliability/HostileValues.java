package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.reliability.HostileRequests.Raw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values that matter to the hostile-request generators: texts at each length limit and in each awkward encoding,
 * amounts and numbers at each boundary and in each wrong notation, currencies, URLs and id shapes, and which of them
 * each body field gets.
 */
final class HostileValues {

    static final List<String> TEXTS = List.of("", " ", "\t", "\n", "a", "x".repeat(99), "x".repeat(100),
            "x".repeat(101), "x".repeat(199), "x".repeat(200), "x".repeat(201), "x".repeat(255), "x".repeat(256),
            "x".repeat(499), "x".repeat(500), "x".repeat(501), "x".repeat(2049), "x".repeat(20_000),
            "é".repeat(500), "😀".repeat(250), "😀".repeat(251), "e" + "\u0301".repeat(499), "\ud800", "a\udc00b",
            "\udbff\udfff", "\u0000", "a\u0000b", "\u202egnp.exe", "\ufeffBOM", "\uffff", "\u0001\u001f\u007f",
            "' OR '1'='1' --", "\"; DROP TABLE refunds; --", "${jndi:ldap://127.0.0.1/a}", "<script>alert(1)</script>",
            "%00", "../../etc/passwd", "\\u0000", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "👨‍👩‍👧‍👦", "\r\nX-Injected: 1");

    static final List<String> AMOUNTS = List.of("0.00", "0.01", "0.1", "1", "1.0", "1.00", "1.000", "1.0000",
            "-1.00", "+1.00", " 1.00", "1.00 ", "1,00", "1.00\u0000", "１.００", "١.٠٠", "१.००", "1e2", "1E2", "0x10",
            "NaN", "Infinity", "-0.00", ".50", "5.", "00.50", "01.00", "999999999999999.99", "1000000000000000.00",
            "999999999999999", "999999999999999.999", "999999999999999.9999", "9223372036854775807",
            "92233720368547758.07", "0.001", "", "  ", "1.00.00", "1..00", "1_000.00", "1 000.00",
            "1.00" + "0".repeat(40), "9".repeat(33));

    static final List<String> CURRENCIES = List.of("BDT", "USD", "JPY", "KWD", "CLF", "BHD", "bdt", "Bdt", "BDT ",
            "XXX", "XTS", "XAU", "EUR", "ABC", "BD", "BDTT", "", "   ", "\u0000\u0000\u0000", "ＢＤＴ", "B\u0000T",
            "123");

    /**
     * The largest amount of each currency with a minor unit, as text: 15 integer digits (README, "Amounts"). Sorted,
     * so a seed replays the same requests in the same order (a {@code Map.of} iterates differently every run).
     */
    static final Map<String, String> LARGEST = new TreeMap<>(Map.of("BDT", "999999999999999.99",
            "USD", "999999999999999.99", "JPY", "999999999999999", "KWD", "999999999999999.999",
            "BHD", "999999999999999.999", "CLF", "999999999999999.9999"));

    static final List<String> NUMBERS = List.of("0", "-0", "0.0", "-1", "1", "0.01", "0.001", "1e2", "1E+2", "1e-2",
            "49.99", "49.990", "1e400", "-1e400", "1e-400", "123456789012345678901234567890.5", "9007199254740991",
            "9007199254740992", "9007199254740993", "9223372036854775807", "9223372036854775808",
            "18446744073709551616", "1.5", "0.1e1", "999999999999999.99", "999999999999999.9999", "NaN", "Infinity",
            "-Infinity", "01", "+1", ".5", "5.", "0x10", "1_000", "\"49.99\"", "true", "false", "null", "[]", "{}",
            "[1]", "{\"$gt\":0}", "1" + "0".repeat(400));

    static final List<String> WRONG_TYPES = List.of("0", "-1", "1.5", "1e999", "true", "false", "null", "[]",
            "[\"x\"]", "{}", "{\"a\":1}", "[[[[[[[[[[]]]]]]]]]]", "\"\"");

    static final List<String> URLS = List.of("", "https://8.8.8.8/hook", "http://8.8.8.8/hook", "https://",
            "https:///x", "ftp://8.8.8.8/", "javascript:alert(1)", "file:///etc/passwd",
            "https://8.8.8.8/" + "a".repeat(2100), "https://[::1]/", "https://localhost/", "https://u:p@8.8.8.8/",
            "https://8.8.8.8:99999/", "https://8.8.8.8/\u0000", "https://exa mple.com/", "//8.8.8.8/x",
            "https://169.254.169.254/latest/meta-data/", "https://0x7f000001/", "https://[::ffff:127.0.0.1]/");

    static final List<String> ID_SHAPES = List.of("PAY_20260101_ABCDEFGHJK", "REF_20260101_ABCDEFGHJK",
            "x".repeat(64), "x".repeat(65), "%2e%2e", "..", ".", "%2F", "%ZZ", "%", "%C3%A9", "%FF", "*", ";",
            "PAY_1;x=1", "1", "-1", "0", "null", "%7BpaymentId%7D", "%00", "%20", "a%0Ab", "é", "\u0000");

    static List<Object> valuesFor(String field) {
        List<Object> values = new ArrayList<>();
        switch (field) {
            case "amount", "reviewAbove" -> values.addAll(AMOUNTS);
            case "currency" -> values.addAll(CURRENCIES);
            case "type" -> values.addAll(List.of("LINK", "INVOICE", "link", " LINK", "LINK ", "", "SUBSCRIPTION",
                    "ＬＩＮＫ", "LINK\u0000"));
            case "reviewMode" -> values.addAll(List.of("AUTO", "MANUAL", "auto", "Auto", " AUTO", "AUTO ", "",
                    "AUTOMATIC", "MANUAL\u0000", "ＡＵＴＯ"));
            case "refundMode" -> values.addAll(List.of("MULTIPLE", "SINGLE", "single", "", "BOTH", "SINGLE "));
            case "outcome" -> values.addAll(List.of("WON", "LOST", "won", "OPEN", "DRAW", "", "LOST "));
            case "pay_id", "refund_amount" -> NUMBERS.forEach(number -> values.add(new Raw(number)));
            case "isFullRefund" -> values.addAll(Arrays.asList(true, false, "true", 1, 0, null, "yes"));
            case "url" -> values.addAll(URLS);
            case "events" -> values.addAll(Arrays.asList(List.of(), List.of("refund.created"),
                    List.of("REFUND.CREATED"), List.of("unknown"), List.of(1), Arrays.asList((Object) null),
                    java.util.Collections.nCopies(51, "refund.created"), List.of(List.of("refund.created")),
                    "refund.created", Map.of()));
            default -> values.addAll(TEXTS);
        }
        return values;
    }

    private HostileValues() {
    }
}
