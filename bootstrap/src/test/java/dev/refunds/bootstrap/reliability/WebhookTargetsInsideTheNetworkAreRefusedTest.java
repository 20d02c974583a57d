package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook target guard (SSRF), from the outside: with private targets not allowed (the default), creating an
 * endpoint whose URL points inside the network is refused with {@code 400 VALIDATION_ERROR} on {@code url} and
 * creates nothing — loopback, private, carrier-grade NAT, link-local and the metadata address, unspecified,
 * multicast and reserved addresses, unique-local and link-local IPv6, IPv4-mapped/-compatible/NAT64/6to4 IPv6, the
 * decimal, octal, hex and shortened forms of IPv4, trailing dots, user-info and fragment tricks, and DNS names that
 * resolve inside (localhost, this machine's own name). Public literal addresses are accepted (the guard is not
 * simply refusing everything), and with {@code REFUNDS_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true} a loopback http target
 * is accepted (it is the flag that refuses). Re-checking at delivery time (DNS rebinding) needs a resolver the test
 * controls and is not covered here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WebhookTargetsInsideTheNetworkAreRefusedTest {
    private static final List<String> INSIDE = List.of(
            // loopback
            "https://127.0.0.1/hook", "https://127.0.0.1:8443/hook", "https://127.1.2.3/", "https://[::1]/",
            "https://[0:0:0:0:0:0:0:1]/", "HTTPS://127.0.0.1/",
            // private and carrier-grade NAT
            "https://10.0.0.1/", "https://10.255.255.254/", "https://172.16.0.1/", "https://172.31.255.254/",
            "https://192.168.0.1/", "https://192.168.255.254/", "https://100.64.0.1/", "https://100.127.255.254/",
            // link-local and the cloud metadata service
            "https://169.254.169.254/latest/meta-data/", "https://169.254.0.1/", "https://[fe80::1]/",
            "https://[fe80::1%25eth0]/",
            // unspecified, broadcast, multicast, reserved, documentation
            "https://0.0.0.0/", "https://[::]/", "https://255.255.255.255/", "https://224.0.0.1/",
            "https://240.0.0.1/", "https://192.0.2.1/", "https://198.18.0.1/", "https://[ff02::1]/",
            // IPv6 unique local, and IPv6 forms that carry an IPv4 address inside
            "https://[fc00::1]/", "https://[fd12:3456:789a::1]/", "https://[::ffff:127.0.0.1]/",
            "https://[::ffff:7f00:1]/", "https://[::ffff:10.0.0.1]/", "https://[::ffff:169.254.169.254]/",
            "https://[0:0:0:0:0:ffff:7f00:0001]/", "https://[::127.0.0.1]/", "https://[64:ff9b::7f00:1]/",
            "https://[64:ff9b::a9fe:a9fe]/", "https://[2002:7f00:1::]/", "https://[2002:a9fe:a9fe::1]/",
            // decimal, octal, hex and short IPv4 forms
            "https://2130706433/", "https://3232235521/", "https://167772161/", "https://2852039166/",
            "https://0177.0.0.1/", "https://0177.0000.0000.0001/", "https://012.0.0.1/", "https://0300.0250.0.1/",
            "https://0x7f000001/", "https://0x7f.0x0.0x0.0x1/", "https://0xA9FEA9FE/", "https://0x0a000001/",
            "https://0X7F.1/", "https://127.1/", "https://10.1/", "https://127.0.1/", "https://127.000.000.001/",
            "https://0/", "https://127.0.0.1./", "https://017700000001/",
            // names that resolve inside
            "https://localhost/", "https://LOCALHOST/", "https://localhost./", "https://localhost:443/x",
            "https://localhost.localdomain/",
            // user-info, fragment and encoding tricks
            "https://8.8.8.8@127.0.0.1/", "https://127.0.0.1#@8.8.8.8/", "https://8.8.8.8\\@127.0.0.1/",
            "https://%31%32%37.0.0.1/", "https://127.0.0.1%2F@8.8.8.8/",
            // not https at all
            "http://8.8.8.8/hook", "ftp://8.8.8.8/", "file:///etc/passwd", "gopher://127.0.0.1:25/",
            "//127.0.0.1/x", "127.0.0.1");
    private static final List<String> PUBLIC = List.of("https://8.8.8.8/reliability", "https://1.1.1.1:8443/x",
            "https://[2001:4860:4860::8888]/reliability");

    private RunningService guarded;
    private RunningService open;
    private JdbcSettings database;

    @BeforeAll
    void start() {
        database = Backend.MARIADB.newDatabase();
        guarded = RunningService.start(database, Map.of("refunds.webhooks.enabled", false));
        open = RunningService.start(database, Map.of("refunds.webhooks.enabled", false,
                "refunds.webhooks.allow-private-targets", true));
    }

    @AfterAll
    void stop() {
        if (guarded != null) {
            guarded.close();
        }
        if (open != null) {
            open.close();
        }
    }

    @Test
    void endpoints_aimed_inside_the_network_are_refused_at_creation_when_private_targets_are_not_allowed() {
        Api api = guarded.api();
        boolean feature = Routes.of(guarded).stream().anyMatch(r -> r.toString().equals(
                "POST /api/v1/webhook-endpoints"));
        assertThat(feature).as("POST /api/v1/webhook-endpoints exists (the webhook feature is in this build)")
                .isTrue();
        Merchant merchant = api.createBusiness("AUTO", "MULTIPLE", null);
        List<String> urls = new ArrayList<>(INSIDE);
        String ownName = ownHostName();
        if (ownName != null) {
            urls.add("https://" + ownName + "/hook");
        }

        List<String> accepted = new ArrayList<>();
        List<String> wrongAnswer = new ArrayList<>();
        Map<String, Integer> reasons = new TreeMap<>();
        Map<String, String> answers = new LinkedHashMap<>();
        for (String url : urls) {
            long before = endpoints(merchant);
            ApiResponse answer = api.post("/api/v1/webhook-endpoints", Api.json(Map.of("url", url)),
                    merchant.headers());
            long after = endpoints(merchant);
            answers.put(url, answer.status() + " " + answer.errorMessage());
            if (answer.status() == 201 || after != before) {
                accepted.add(url + " → " + answer + " (endpoints " + before + " → " + after + ")");
            } else if (answer.status() != 400 || !"VALIDATION_ERROR".equals(answer.errorCode())
                    || !"url".equals(answer.errorField())) {
                wrongAnswer.add(url + " → " + answer);
            } else {
                reasons.merge(answer.errorMessage(), 1, Integer::sum);
            }
        }
        List<String> publicRefused = new ArrayList<>();
        for (String url : PUBLIC) {
            ApiResponse answer = api.post("/api/v1/webhook-endpoints", Api.json(Map.of("url", url)),
                    merchant.headers());
            if (answer.status() != 201) {
                publicRefused.add(url + " → " + answer);
            }
        }
        Merchant developer = open.api().createBusiness("AUTO", "MULTIPLE", null);
        ApiResponse allowed = open.api().post("/api/v1/webhook-endpoints", Api.json(Map.of("url",
                "http://127.0.0.1:9/hook")), developer.headers());

        Reliability.figures(getClass().getSimpleName(), urls.size() + " internal or non-https targets tried ("
                + (ownName == null ? "no own host name resolving inside" : "own host name " + ownName) + "), "
                + accepted.size() + " accepted, " + wrongAnswer.size() + " refused the wrong way; refusal messages "
                + reasons + "; " + (PUBLIC.size() - publicRefused.size()) + "/" + PUBLIC.size()
                + " public targets accepted; loopback with private targets allowed: " + allowed.status());
        answers.forEach((url, answer) -> System.out.println("  TARGET " + url + " → " + answer));
        accepted.forEach(a -> System.out.println("  ACCEPTED " + a));
        wrongAnswer.forEach(w -> System.out.println("  WRONG-ANSWER " + w));
        publicRefused.forEach(p -> System.out.println("  PUBLIC-REFUSED " + p));

        assertThat(accepted).as("internal or non-https webhook targets accepted").isEmpty();
        assertThat(wrongAnswer).as("refusals not answered 400 VALIDATION_ERROR on url").isEmpty();
        assertThat(publicRefused).as("public literal targets refused (the guard must not refuse everything)")
                .isEmpty();
        assertThat(allowed.status()).as("loopback http with REFUNDS_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true: %s",
                allowed).isEqualTo(201);
        BooksChecker.of(database, List.of(merchant.businessId(), developer.businessId()), 0)
                .assertClean("after the webhook target checks");
    }

    /** This machine's own name when every address it resolves to is internal (so it must be refused). */
    private static String ownHostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            for (InetAddress address : InetAddress.getAllByName(name)) {
                if (!(address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress())) {
                    return null;
                }
            }
            return name.contains(".") || name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')
                    ? name : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private long endpoints(Merchant merchant) {
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT COUNT(*) FROM webhook_endpoints WHERE business_id = ?")) {
            select.setString(1, merchant.businessId());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
