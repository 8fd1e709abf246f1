package dev.flightdeck.health;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs Flightdeck will call for a health check. The URL comes from the team config, but a health check runs
 * with Flightdeck's network position and cloud credentials nearby, so link-local addresses (169.254.0.0/16, fe80::/10,
 * where the cloud metadata services answer), the AWS IPv6 metadata address and the wildcard address are refused.
 * Every address the name resolves to is checked.
 */
public final class AddressGuard {

    private AddressGuard() {
    }

    /** Why the URL is refused, or empty when it may be called. */
    public static Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https URLs are checked");
        }
        if (url.getHost() == null) {
            return Optional.of("the URL has no host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("the host " + url.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (address.isLinkLocalAddress() || address.isAnyLocalAddress() || isAwsIpv6Metadata(address)) {
                return Optional.of(url.getHost() + " is " + address.getHostAddress()
                        + ", a link-local or metadata address; Flightdeck does not call those");
            }
        }
        return Optional.empty();
    }

    private static boolean isAwsIpv6Metadata(InetAddress address) {
        return address.getHostAddress().equalsIgnoreCase("fd00:ec2:0:0:0:0:0:254");
    }
}
