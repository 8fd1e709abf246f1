package dev.flightdeck.build;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * HTTP to build backends. URLs come only from the team config; redirects are never followed (a redirect to another
 * host could carry the credential there), and every call has a deadline so a hung backend can't hold a deploy.
 */
@Singleton
public class BuildHttp {

    private final HttpClient client;
    private final Duration timeout;
    private final Duration pollInterval;

    public BuildHttp(@Value("${flightdeck.build.http-timeout:15s}") Duration timeout,
                     @Value("${flightdeck.build.poll-interval:2s}") Duration pollInterval) {
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws BuildCallFailed {
        HttpRequest built = request.timeout(timeout).build();
        try {
            return client.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BuildCallFailed(host(built.uri()) + " did not answer (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildCallFailed("interrupted while calling " + host(built.uri()), e);
        }
    }

    /** Waits between polls of a queue or run list; interruptible. */
    public void pause() throws BuildCallFailed {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildCallFailed("interrupted while waiting for the build to be scheduled", e);
        }
    }

    static String host(URI uri) {
        return uri.getHost() == null ? String.valueOf(uri) : uri.getHost();
    }

    /** A backend call failed; the message names the host and the kind of failure, never a credential. */
    public static class BuildCallFailed extends Exception {
        public BuildCallFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The backend answered, and it has no such build: unlike a backend that is down, this will not get better. */
    public static class BuildNotFound extends BuildCallFailed {
        public BuildNotFound(String message) {
            super(message, null);
        }
    }
}
