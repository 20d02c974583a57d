package dev.refunds.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Addresses a webhook must never reach: loopback, private, carrier-grade NAT, link-local (the cloud metadata
 * service at 169.254.169.254 among them), unspecified, multicast, reserved and documentation ranges, and IPv6
 * addresses that embed one of those IPv4 addresses (mapped, compatible, NAT64, 6to4).
 */
final class InternalAddresses {
    private static final List<Cidr> IPV4 = cidrs("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
            "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");
    private static final List<Cidr> IPV6 = cidrs("::/128", "::1/128", "100::/64", "2001:db8::/32", "fc00::/7",
            "fe80::/10", "fec0::/10", "ff00::/8");
    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

    private InternalAddresses() {
    }

    static boolean isInternal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return matches(IPV4, bytes);
        }
        if (matches(IPV6, bytes)) {
            return true;
        }
        byte[] embedded = embeddedIpv4(bytes);
        return embedded != null && matches(IPV4, embedded);
    }

    /** The IPv4 address inside an IPv4-mapped, -compatible, NAT64 or 6to4 IPv6 address; else null. */
    private static byte[] embeddedIpv4(byte[] v6) {
        boolean firstTenZero = Arrays.equals(v6, 0, 10, new byte[10], 0, 10);
        boolean mapped = firstTenZero && v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
        boolean compatible = firstTenZero && v6[10] == 0 && v6[11] == 0;
        if (mapped || compatible || Arrays.equals(v6, 0, 12, NAT64_PREFIX, 0, 12)) {
            return Arrays.copyOfRange(v6, 12, 16);
        }
        if (v6[0] == 0x20 && v6[1] == 0x02) {   // 6to4: 2002:AABB:CCDD::/48 carries AA.BB.CC.DD
            return Arrays.copyOfRange(v6, 2, 6);
        }
        return null;
    }

    private static boolean matches(List<Cidr> ranges, byte[] address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    private static List<Cidr> cidrs(String... texts) {
        return Arrays.stream(texts).map(Cidr::parse).toList();
    }

    private record Cidr(byte[] network, int prefixBits) {
        static Cidr parse(String text) {
            String[] parts = text.split("/");
            try {
                return new Cidr(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an address literal: " + text, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefixBits / 8;
            if (!Arrays.equals(address, 0, whole, network, 0, whole)) {
                return false;
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
