package dev.flightdeck.health;

import dev.flightdeck.team.TeamConfig;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Calls a service's deep health URL ({@code /deploy health}) with a short timeout and reads what the body says
 * about each dependency. The URL comes from a team file and the call runs inside our network, so it is guarded:
 * only http/https, never a link-local or metadata address ({@link AddressGuard}), redirects followed only within
 * the same host, at most {@value #MAX_REDIRECTS}.
 */
@Singleton
public class HealthChecker {

    static final int MAX_REDIRECTS = 3;
    private static final int MAX_BODY = 256 * 1024;

    private final Duration timeout;
    private final HttpClient client;
    private final AddressGuard guard;

    @Inject
    public HealthChecker(@Value("${health.timeout:3s}") Duration timeout, TeamConfig team) {
        this(timeout, new AddressGuard(AddressGuard.SYSTEM, team.health().allowSharedAddressSpace()));
    }

    /** With the system's resolver and the shared address space refused. */
    public HealthChecker(Duration timeout) {
        this(timeout, new AddressGuard(AddressGuard.SYSTEM, false));
    }

    public HealthChecker(Duration timeout, AddressGuard guard) {
        this.timeout = timeout;
        this.guard = guard;
        this.client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Duration timeout() {
        return timeout;
    }

    public HealthReport check(URI url) {
        long started = System.nanoTime();
        URI current = url;
        for (int hop = 0; ; hop++) {
            Optional<String> refused = guard.refusal(current);
            if (refused.isPresent()) {
                return new HealthReport.Refused(current, refused.get());
            }
            HttpResponse<InputStream> response;
            try {
                response = client.send(HttpRequest.newBuilder(current).timeout(timeout).GET()
                        .header("Accept", "application/json").header("User-Agent", "Flightdeck health check").build(),
                        HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException e) {
                return new HealthReport.TimedOut(url, elapsed(started), timeout);
            } catch (ConnectException e) {
                return new HealthReport.Unreachable(url, elapsed(started), "connection refused or unreachable");
            } catch (IOException e) {
                return new HealthReport.Unreachable(url, elapsed(started), e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new HealthReport.Unreachable(url, elapsed(started), "interrupted");
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                close(response);
                URI next = current.resolve(response.headers().firstValue("Location").get());
                if (!sameOrigin(current, next)) {
                    return new HealthReport.Refused(url, "redirects to " + next.getScheme() + "://" + next.getAuthority()
                            + ", another host; not followed");
                }
                if (hop + 1 >= MAX_REDIRECTS) {
                    return new HealthReport.Unreachable(url, elapsed(started), "more than " + MAX_REDIRECTS + " redirects");
                }
                current = next;
                continue;
            }
            String body = read(response);
            Duration latency = elapsed(started);
            HealthBodies.Parsed parsed = HealthBodies.parse(body);
            return new HealthReport.Answered(url, status, latency, parsed.overall(), parsed.dependencies());
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
    }

    private static String read(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // nothing to do: the connection is dropped either way
        }
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
