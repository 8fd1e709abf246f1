package dev.flightdeck.web.status;

import dev.flightdeck.incident.status.StatusPageLink;
import dev.flightdeck.web.WebSettings;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.util.OptionalInt;

/**
 * {@code flightdeck.status.*}: the page's name, its public address (FLIGHTDECK_STATUS_URL; default the base URL's
 * {@code /status}, which is wrong when the page is reached on its own port through another host name), and its own
 * port (FLIGHTDECK_STATUS_PORT; unset: the page is only on the main port, with everything else). Also the
 * {@link StatusPageLink} Slack answers point to.
 */
@Singleton
public class StatusSettings implements StatusPageLink {

    private final String name;
    private final String url;
    private final OptionalInt port;
    private final String host;

    public StatusSettings(WebSettings web,
                          @Value("${flightdeck.status.name:}") String name,
                          @Value("${flightdeck.status.url:}") String url,
                          @Value("${flightdeck.status.port:}") String port,
                          @Value("${micronaut.server.host:}") String host) {
        this.name = name.isBlank() ? "Service status" : name.strip();
        String u = url.isBlank() ? web.base() + "/status" : url.strip();
        this.url = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
        this.port = parsePort(port);
        this.host = host.strip();
    }

    static OptionalInt parsePort(String port) {
        if (port == null || port.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            int p = Integer.parseInt(port.strip());
            if (p >= 0 && p <= 65535) {
                return OptionalInt.of(p);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ConfigurationException("FLIGHTDECK_STATUS_PORT (flightdeck.status.port) is a port number from 1 "
                + "to 65535 (0: any free port); \"" + port.strip() + "\" is not.");
    }

    public String name() {
        return name;
    }

    /** The page's address, without a trailing slash; the feed and JSON are at {@code url + ".atom"}, {@code ".json"}. */
    public String url() {
        return url;
    }

    public OptionalInt port() {
        return port;
    }

    /** Where the status port listens: the main server's host, or every interface when that is unset. */
    public String host() {
        return host;
    }

    @Override
    public String statusPage() {
        return url;
    }
}
