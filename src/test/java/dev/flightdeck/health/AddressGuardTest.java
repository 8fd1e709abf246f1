package dev.flightdeck.health;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health checks' SSRF guard with a resolver the test controls: every name resolves to the
 * address under test, and nothing is ever connected to (a refused URL is answered before any connection; an allowed
 * one is only asked of the guard, never checked).
 */
class AddressGuardTest {

    final List<String> asked = new ArrayList<>();

    AddressGuard.Resolver resolvingTo(String literal) {
        return host -> {
            asked.add(host);
            try {
                return new InetAddress[]{InetAddress.getByName(literal)}; // a literal: parsed, never looked up
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void otherCloudsMetadataAndEveryFormOf169_254_169_254AreRefusedBeforeAnyConnection() {
        for (String address : List.of("169.254.169.254", "100.100.100.200", "192.0.0.192", "fd00:ec2::254",
                "fd00:ec2:0:0:0:0:0:254", "::ffff:169.254.169.254", "::ffff:a9fe:a9fe", "::169.254.169.254",
                "64:ff9b::a9fe:a9fe", "64:ff9b::169.254.169.254", "64:ff9b:1::a9fe:a9fe", "2002:a9fe:a9fe::1",
                "2001:0:4136:e378:8000:63bf:5601:5601", "64:ff9b::6464:64c8", "::ffff:100.100.100.200", "0.0.0.0", "::",
                "fe80::1", "169.254.170.2")) {
            HealthChecker checker = new HealthChecker(Duration.ofMillis(200), new AddressGuard(resolvingTo(address), false));

            HealthReport report = checker.check(URI.create("http://service.test:8080/health"));

            assertThat(report).as(address).isInstanceOf(HealthReport.Refused.class);
            assertThat(((HealthReport.Refused) report).why()).as(address).startsWith("service.test is ")
                    .containsAnyOf("metadata", "link-local", "unspecified");
        }
        assertThat(asked).containsOnly("service.test");
    }

    @Test
    void theNat64FormSaysWhichIpv4AddressItCarries() {
        var guard = new AddressGuard(resolvingTo("64:ff9b::a9fe:a9fe"), false);
        assertThat(guard.refusal(URI.create("http://nat64.test/"))).contains("nat64.test is 64:ff9b:0:0:0:0:a9fe:a9fe, "
                + "which carries the IPv4 address 169.254.169.254, a link-local or metadata address; "
                + "Flightdeck does not call those");
    }

    @Test
    void theSharedAddressSpaceIsRefusedUnlessTheTeamFileAllowsIt() {
        URI url = URI.create("https://tailnet.test/health");
        for (String address : List.of("100.64.0.1", "100.127.255.254", "::ffff:100.64.3.4", "64:ff9b::6440:0101")) {
            assertThat(new AddressGuard(resolvingTo(address), false).refusal(url)).as(address).get().asString()
                    .contains("shared address space 100.64.0.0/10", "flightdeck.health.allow-shared-address-space: true");
            assertThat(new AddressGuard(resolvingTo(address), true).refusal(url)).as(address).isEmpty();
        }
        // Allowing the range never allows Alibaba's metadata service inside it.
        assertThat(new AddressGuard(resolvingTo("100.100.100.200"), true).refusal(url)).get().asString()
                .contains("metadata");
    }

    @Test
    void ordinaryAddressesStayAllowed() {
        for (String address : List.of("127.0.0.1", "::1", "10.0.0.5", "192.168.1.10", "100.63.255.255", "100.128.0.1",
                "203.0.113.7", "2001:db8::1", "fd12:3456::1")) {
            assertThat(new AddressGuard(resolvingTo(address), false).refusal(URI.create("http://ok.test/")))
                    .as(address).isEmpty();
        }
    }
}
