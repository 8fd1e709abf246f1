package dev.flightdeck.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.net.URI;

/**
 * Browser protections on every answer but the Slack edge's: the pages run no script and load nothing from elsewhere,
 * so the policy allows only their own inline stylesheet (layout.jte) and images from this host or data: URLs; no
 * framing (clickjacking of the sign-out and filter forms), no referrer to other sites (page URLs carry incident
 * numbers and filters), no content sniffing (summary.md is Markdown, not HTML).
 */
@ServerFilter("/**")
public class SecurityHeadersFilter implements Ordered {

    static final String CSP = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    private final String csp;

    /**
     * With Sign in with Slack, the sign-in form's answer redirects to Slack's authorization page, and browsers apply
     * form-action to that redirect too: the OpenID issuer's origin is allowed there as well.
     */
    public SecurityHeadersFilter(@Value("${flightdeck.web.slack-signin:false}") boolean slackSignIn,
                                 @Value("${micronaut.security.oauth2.clients.slack.openid.issuer:}") String issuer) {
        String origin = slackSignIn ? origin(issuer) : "";
        this.csp = origin.isEmpty() ? CSP : CSP.replace("form-action 'self'", "form-action 'self' " + origin);
    }

    private static String origin(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Outermost, so the security filter's own answers (the redirect to /signin, 401s) get the headers too. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @ResponseFilter
    public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (SlackAwareSecurityFilter.isSlackEvents(request)) {
            return; // Slack reads JSON; the fast path answers most of these before any filter anyway
        }
        if (response.getHeaders().contains("Content-Security-Policy")) {
            return; // an answer with a policy of its own (the status page: stricter, its style allowed by hash)
        }
        response.header("Content-Security-Policy", csp);
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "same-origin");
        response.header("X-Content-Type-Options", "nosniff");
    }
}
