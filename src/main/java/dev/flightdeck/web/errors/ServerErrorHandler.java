package dev.flightdeck.web.errors;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The last word on an exception nobody handled (pages, webhooks, health): a 500 that says nothing about the cause
 * (the message may hold ids, SQL or a secret's name) but carries a short reference, logged with the stack, so whoever
 * reports it can be matched to the log line. Pages get an HTML page; everything else a small JSON body. Micronaut's
 * own handlers for narrower exceptions (bad request, not found, security) still win: they are more specific.
 */
@Singleton
public class ServerErrorHandler implements ExceptionHandler<Exception, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(ServerErrorHandler.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String VIEW = "error";

    private final ViewsRendererLocator views;

    public ServerErrorHandler(ViewsRendererLocator views) {
        this.views = views;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        String reference = newReference();
        // The path only: a query string may hold a token (the access link) or user text.
        LOG.error("Unhandled error, reference {}, on {} {}", reference, request.getMethodName(), request.getPath(),
                exception);
        if (wantsPage(request)) {
            Optional<String> page = page(request, reference);
            if (page.isPresent()) {
                return HttpResponse.serverError(page.get()).contentType(MediaType.TEXT_HTML_TYPE);
            }
        }
        return HttpResponse.serverError(Map.of("message", "Internal server error", "reference", reference))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /**
     * Rendered here, not left to the views filter: Micronaut replaces a 500's unrendered body with its own page.
     * A page that fails to render falls back to the JSON answer rather than a second unhandled error.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Optional<String> page(HttpRequest<?> request, String reference) {
        Map<String, Object> model = Map.of("reference", reference);
        try {
            Optional<ViewsRenderer> renderer = views.resolveViewsRenderer(VIEW, MediaType.TEXT_HTML, model);
            if (renderer.isEmpty()) {
                return Optional.empty();
            }
            StringWriter out = new StringWriter();
            renderer.get().render(VIEW, model, request).writeTo(out);
            return Optional.of(out.toString());
        } catch (IOException | RuntimeException e) {
            LOG.warn("The error page could not be rendered for reference {}", reference, e);
            return Optional.empty();
        }
    }

    static String newReference() {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A route that renders HTML, or (no route matched) a browser asking for HTML outside the machine paths. */
    private static boolean wantsPage(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.startsWith("/hooks/") || path.startsWith("/slack/") || path.startsWith("/health")) {
            return false;
        }
        return RouteAttributes.getRouteInfo(request)
                .map(route -> route.getProduces().contains(MediaType.TEXT_HTML_TYPE))
                .orElseGet(() -> request.getHeaders().accept().contains(MediaType.TEXT_HTML_TYPE));
    }
}
