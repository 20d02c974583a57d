package dev.refunds.webhook;

import org.apache.hc.client5.http.DnsResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The HTTP client's only way to turn a host into addresses: it looks the host up once for the connection and
 * refuses the lot when any answer is internal (unless private targets are allowed), so the addresses the client
 * connects to are exactly the ones checked. A name that answered a public address to the target guard and
 * loopback now (DNS rebinding) gets no connection at all.
 */
final class CheckedDnsResolver implements DnsResolver {
    private final boolean allowPrivate;
    private final ResolvingTargetGuard.Resolver resolver;

    CheckedDnsResolver(boolean allowPrivate, ResolvingTargetGuard.Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Thrown for a host that now resolves inside the network; the delivery log says "target refused". */
    static final class InternalAddressException extends UnknownHostException {
        InternalAddressException(String host) {
            super(host + " resolves to an internal address");
        }
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (InternalAddresses.isInternal(address)) {
                    throw new InternalAddressException(host);
                }
            }
        }
        return addresses.clone();
    }

    /** No reverse lookups: the name stays the one in the URL, which TLS verifies the certificate against. */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
