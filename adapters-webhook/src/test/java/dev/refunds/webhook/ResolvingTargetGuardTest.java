package dev.refunds.webhook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResolvingTargetGuardTest {
    private final ResolvingTargetGuard guard = new ResolvingTargetGuard(false);

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hook", "https://127.8.9.10/hook", "https://10.0.0.1/hook", "https://10.255.255.255/",
            "https://172.16.0.1/", "https://172.31.255.254/", "https://192.168.1.1/", "https://169.254.169.254/latest",
            "https://169.254.0.1/", "https://100.64.0.1/", "https://100.127.255.254/", "https://0.0.0.0/",
            "https://224.0.0.1/", "https://239.255.255.250/", "https://255.255.255.255/", "https://localhost/hook",
            "https://LOCALHOST:8443/hook", "https://localhost./hook", "https://[::1]/hook", "https://[::]/",
            "https://[::ffff:127.0.0.1]/", "https://[::ffff:7f00:1]/", "https://[::ffff:169.254.169.254]/",
            "https://[::ffff:10.1.2.3]/", "https://[::127.0.0.1]/", "https://[64:ff9b::a00:1]/",
            "https://[2002:c0a8:101::1]/", "https://[fe80::1]/", "https://[fe80::1%25eth0]/", "https://[fc00::1]/",
            "https://[fd12:3456::1]/", "https://[ff02::1]/"})
    void internal_addresses_are_refused(String url) {
        assertThat(guard.refusal(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://2130706433/", "https://0177.0.0.1/", "https://0x7f000001/", "https://0x7f.0.0.1/",
            "https://127.1/", "https://017700000001/", "https://3232235777/", "https://0251.0376.0251.0376/",
            "https://127.000.000.001/", "https://08.08.08.08/"})
    void numeric_hosts_in_any_form_but_the_dotted_quad_are_refused(String url) {
        assertThat(guard.refusal(url)).isPresent();   // some are not even a valid URI host, which refuses them too
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://2130706433/", "https://0177.0.0.1/", "https://0x7f000001/"})
    void decimal_octal_and_hex_loopback_are_refused_as_ambiguous_numbers(String url) {
        assertThat(guard.refusal(url)).contains(ResolvingTargetGuard.AMBIGUOUS_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.215.14/hook", "ftp://93.184.215.14/", "file:///etc/passwd",
            "not a url", "/relative/path", "https:///no-host", "mailto:someone@example.com",
            "javascript:alert(1)", "https://user:secret@93.184.215.14/"})
    void anything_but_an_https_url_without_credentials_is_refused(String url) {
        assertThat(guard.refusal(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.215.14/hook", "https://8.8.8.8:8443/a?b=c", "https://[2606:4700::1111]/",
            "https://100.128.0.1/", "https://172.32.0.1/", "https://192.169.0.1/", "https://[::ffff:8.8.8.8]/"})
    void public_addresses_are_accepted(String url) {
        assertThat(guard.refusal(url)).isEmpty();
    }

    @Test
    void a_name_is_refused_when_any_of_its_addresses_is_internal() {
        ResolvingTargetGuard withDns = guardResolving(Map.of(
                "hooks.example.com", new String[] {"8.8.8.8", "10.0.0.7"},
                "metadata.example.com", new String[] {"169.254.169.254"},
                "mapped.example.com", new String[] {"::ffff:127.0.0.1"},
                "public.example.com", new String[] {"8.8.8.8", "2606:4700::1111"}));

        assertThat(withDns.refusal("https://hooks.example.com/in")).contains(ResolvingTargetGuard.INTERNAL);
        assertThat(withDns.refusal("https://metadata.example.com/")).contains(ResolvingTargetGuard.INTERNAL);
        assertThat(withDns.refusal("https://mapped.example.com/")).contains(ResolvingTargetGuard.INTERNAL);
        assertThat(withDns.refusal("https://public.example.com/in")).isEmpty();
        assertThat(withDns.refusal("https://unknown.example.com/")).contains(ResolvingTargetGuard.UNRESOLVED);
    }

    @Test
    void a_name_that_resolves_differently_later_is_refused_then() {
        String[] answer = {"8.8.8.8"};
        ResolvingTargetGuard rebinding = new ResolvingTargetGuard(false,
                host -> new InetAddress[] {InetAddress.getByName(answer[0])});
        assertThat(rebinding.refusal("https://rebind.example.com/")).isEmpty();

        answer[0] = "127.0.0.1";

        assertThat(rebinding.refusal("https://rebind.example.com/")).contains(ResolvingTargetGuard.INTERNAL);
    }

    @Test
    void allowing_private_targets_accepts_http_and_loopback_but_still_needs_a_url() {
        ResolvingTargetGuard local = new ResolvingTargetGuard(true);

        assertThat(local.refusal("http://127.0.0.1:8080/hook")).isEmpty();
        assertThat(local.refusal("http://localhost:8080/hook")).isEmpty();
        assertThat(local.refusal("https://10.0.0.1/hook")).isEmpty();
        assertThat(local.refusal("ftp://127.0.0.1/")).contains(ResolvingTargetGuard.NOT_HTTPS);
        assertThat(local.refusal("not a url")).isPresent();
    }

    private static ResolvingTargetGuard guardResolving(Map<String, String[]> dns) {
        return new ResolvingTargetGuard(false, host -> {
            String[] literals = dns.get(host);
            if (literals == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] addresses = new InetAddress[literals.length];
            for (int i = 0; i < literals.length; i++) {
                addresses[i] = InetAddress.getByName(literals[i]);
            }
            return addresses;
        });
    }
}
