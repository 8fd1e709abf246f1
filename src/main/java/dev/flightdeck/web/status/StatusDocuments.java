package dev.flightdeck.web.status;

import dev.flightdeck.incident.status.StatusPage;
import dev.flightdeck.incident.status.StatusView;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The three status routes and what each answers, for both servers that serve them (the main one through
 * {@link StatusController}, the status port through {@link StatusPort}): the same bytes and the same headers.
 */
@Singleton
public class StatusDocuments {

    public static final String PAGE = "/status";
    public static final String JSON = "/status.json";
    public static final String ATOM = "/status.atom";

    /** One route's answer. */
    public record Document(String contentType, String body, Map<String, String> headers) {
    }

    private final StatusPage page;
    private final StatusSettings settings;

    public StatusDocuments(StatusPage page, StatusSettings settings) {
        this.page = page;
        this.settings = settings;
    }

    public static boolean isStatusPath(String path) {
        return PAGE.equals(path) || JSON.equals(path) || ATOM.equals(path);
    }

    /** The answer to {@code path}; empty for any other path. */
    public Optional<Document> answer(String path) {
        if (!isStatusPath(path)) {
            return Optional.empty();
        }
        StatusView view = page.now();
        return Optional.of(switch (path) {
            case PAGE -> new Document("text/html; charset=utf-8", StatusHtml.render(view, settings.name()),
                    headers(StatusHtml.CSP));
            case JSON -> new Document("application/json; charset=utf-8", StatusJson.render(view, settings),
                    headers("default-src 'none'; frame-ancestors 'none'"));
            default -> new Document("application/atom+xml; charset=utf-8", StatusAtom.render(view, settings),
                    headers("default-src 'none'; frame-ancestors 'none'"));
        });
    }

    /**
     * Every answer's headers. A short cache: during an incident many people reload the page. The JSON may be read by
     * other sites' scripts (as Statuspage's is): it holds only what the page shows.
     */
    private static Map<String, String> headers(String csp) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", csp);
        h.put("Cache-Control", "public, max-age=30");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("X-Frame-Options", "DENY");
        return h;
    }
}
