package dev.flightdeck.health;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs Flightdeck will call for a health check. The URL comes from the team config, but a health check runs
 * with Flightdeck's network position and cloud credentials nearby, so it never calls: link-local addresses
 * (169.254.0.0/16 and fe80::/10, where most clouds' metadata services answer), the other clouds' metadata addresses
 * (AWS fd00:ec2::254, Alibaba 100.100.100.200, Oracle 192.0.0.192), the unspecified address, and any of these
 * hidden in an IPv6 address that carries an IPv4 one (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo). The shared
 * address space 100.64.0.0/10 (carrier-grade NAT, Alibaba's metadata, some overlay networks) is refused unless the
 * team file allows it. Every address the name resolves to is checked, before any connection.
 */
public final class AddressGuard {

    /** Name resolution; the system's by default, one a test controls otherwise. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public static final Resolver SYSTEM = InetAddress::getAllByName;
    /** The team file's key that lets health checks reach 100.64.0.0/10. */
    public static final String SHARED_SPACE_KEY = "flightdeck.health.allow-shared-address-space";

    private static final byte[] AWS_IPV6_METADATA = bytes(0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54);
    private static final byte[][] METADATA_V4 = {bytes(100, 100, 100, 200), bytes(192, 0, 0, 192)};

    private final Resolver resolver;
    private final boolean allowSharedAddressSpace;

    public AddressGuard(Resolver resolver, boolean allowSharedAddressSpace) {
        this.resolver = resolver;
        this.allowSharedAddressSpace = allowSharedAddressSpace;
    }

    /** Why the URL is refused, or empty when it may be called. */
    public Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https URLs are checked");
        }
        if (url.getHost() == null) {
            return Optional.of("the URL has no host");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(url.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("the host " + url.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> why = why(address.getAddress());
            if (why.isPresent()) {
                return Optional.of(url.getHost() + " is " + address.getHostAddress() + ", " + why.get());
            }
        }
        return Optional.empty();
    }

    private Optional<String> why(byte[] a) {
        if (a.length == 16) {
            if (Arrays.equals(a, AWS_IPV6_METADATA)) {
                return Optional.of("a cloud metadata address; Flightdeck does not call those");
            }
            if ((a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0x80) {
                return Optional.of("a link-local address; Flightdeck does not call those");
            }
            byte[] embedded = embeddedIpv4(a);
            if (embedded == null) {
                return Arrays.equals(a, new byte[16]) ? Optional.of("the unspecified address; Flightdeck does not call it")
                        : Optional.empty();
            }
            return why(embedded).map(w -> "which carries the IPv4 address " + ipv4(embedded) + ", " + w);
        }
        for (byte[] metadata : METADATA_V4) {
            if (Arrays.equals(a, metadata)) {
                return Optional.of("a cloud metadata address; Flightdeck does not call those");
            }
        }
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        if (first == 169 && second == 254) {
            return Optional.of("a link-local or metadata address; Flightdeck does not call those");
        }
        if (first == 0) {
            return Optional.of("the unspecified address; Flightdeck does not call it");
        }
        if (first == 100 && (second & 0xc0) == 64 && !allowSharedAddressSpace) {
            return Optional.of("in the shared address space 100.64.0.0/10; Flightdeck calls it only when the team file "
                    + "sets " + SHARED_SPACE_KEY + ": true");
        }
        return Optional.empty();
    }

    /**
     * The IPv4 address an IPv6 address carries, or null: IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d),
     * NAT64 (64:ff9b::/96, and 64:ff9b:1::/48 with the address at the end), 6to4 (2002:AABB:CCDD::), Teredo (the client
     * address, inverted, in the last 32 bits of 2001:0::/32).
     */
    static byte[] embeddedIpv4(byte[] a) {
        boolean zeroTo10 = allZero(a, 0, 10);
        if (zeroTo10 && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return Arrays.copyOfRange(a, 12, 16);
        }
        if (zeroTo10 && a[10] == 0 && a[11] == 0) {
            // :: and ::1 are not IPv4-compatible addresses but the unspecified and loopback ones
            return allZero(a, 12, 15) && (a[15] == 0 || a[15] == 1) ? null : Arrays.copyOfRange(a, 12, 16);
        }
        if (a[0] == 0 && a[1] == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b
                && (allZero(a, 4, 12) || (a[4] == 0 && a[5] == 1))) {
            return Arrays.copyOfRange(a, 12, 16);
        }
        if (a[0] == 0x20 && a[1] == 0x02) {
            return Arrays.copyOfRange(a, 2, 6);
        }
        if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0 && a[3] == 0) {
            byte[] client = Arrays.copyOfRange(a, 12, 16);
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~client[i];
            }
            return client;
        }
        return null;
    }

    private static boolean allZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String ipv4(byte[] a) {
        try {
            return ((Inet4Address) InetAddress.getByAddress(a)).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
