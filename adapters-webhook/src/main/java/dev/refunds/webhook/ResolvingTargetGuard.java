package dev.refunds.webhook;

import dev.refunds.application.webhook.WebhookTargetGuard;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Refuses webhook targets that could reach inside the network (SSRF): anything but https, and hosts that resolve
 * to any internal address (every address of the name is checked). Numeric hosts in any form but the plain
 * dotted quad ({@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f000001}, {@code 127.1}) are refused outright:
 * resolvers disagree on what they mean. With {@code refunds.webhooks.allow-private-targets} (local development
 * and tests) http and internal addresses are allowed.
 */
@Singleton
final class ResolvingTargetGuard implements WebhookTargetGuard {
    static final String NOT_A_URL = "url must be an absolute https URL";
    static final String NOT_HTTPS = "url must use https";
    static final String CREDENTIALS = "url must not carry a user name or password";
    static final String AMBIGUOUS_NUMBER = "url host must be a DNS name or a dotted-decimal IP address";
    static final String UNRESOLVED = "url host does not resolve";
    static final String INTERNAL = "url must not point to a loopback, private, link-local or other internal address";
    private static final Pattern NUMERIC_LABEL = Pattern.compile("0x[0-9a-f]*|[0-9]+");
    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");

    /** Looks a host name up; {@link InetAddress#getAllByName} outside tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    @Inject
    ResolvingTargetGuard(@Value("${refunds.webhooks.allow-private-targets:false}") boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    ResolvingTargetGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    @Override
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of(NOT_A_URL);
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of(NOT_A_URL);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            return Optional.of(NOT_HTTPS);
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of(CREDENTIALS);
        }
        return allowPrivate ? Optional.empty() : hostRefusal(uri.getHost());
    }

    private Optional<String> hostRefusal(String rawHost) {
        String host = rawHost.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);   // an IPv6 literal
        } else {
            String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
            if (isNumeric(name) && !DOTTED_QUAD.matcher(name).matches()) {
                return Optional.of(AMBIGUOUS_NUMBER);
            }
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | SecurityException e) {
            return Optional.of(UNRESOLVED);
        }
        if (addresses == null || addresses.length == 0) {
            return Optional.of(UNRESOLVED);
        }
        for (InetAddress address : addresses) {
            if (InternalAddresses.isInternal(address)) {
                return Optional.of(INTERNAL);
            }
        }
        return Optional.empty();
    }

    /** Every label a number (decimal, octal or hex): what inet_aton would read as an IPv4 address. */
    private static boolean isNumeric(String host) {
        if (host.isEmpty()) {
            return false;
        }
        for (String label : host.split("\\.", -1)) {
            if (!NUMERIC_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
