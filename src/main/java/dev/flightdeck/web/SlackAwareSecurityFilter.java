package dev.flightdeck.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.security.config.SecurityConfiguration;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.rules.SecurityRule;
import org.reactivestreams.Publisher;

import java.util.Collection;

/**
 * Micronaut Security's filter, minus one request: {@code POST /slack/events}, which is open to anonymous callers in
 * the rules anyway and is authenticated by its Slack signature in the controller. Running the rules, the cookie
 * lookup and their reactive chain for it was about 6% of the CPU of an acked Slack request in the benchmark's
 * profile. Every other path, including other {@code /slack/} ones, goes through the stock checks (deny by default).
 */
@Replaces(SecurityFilter.class)
@Filter("${micronaut.security.filter.pattern:/**}")
@Requires(property = "micronaut.security.filter.enabled", notEquals = StringUtils.FALSE, defaultValue = StringUtils.TRUE)
public class SlackAwareSecurityFilter extends SecurityFilter {

    /**
     * Where Slack sends every request, spelled here rather than read from the Slack edge's controller: the web
     * adapter does not depend on the Slack adapter (each meets the other only through the domain), and a path is
     * the one thing the two must agree on. SlackEventsPathTest holds them equal.
     */
    static final String SLACK_EVENTS_PATH = "/slack/events";

    public SlackAwareSecurityFilter(Collection<SecurityRule<HttpRequest<?>>> securityRules,
                                    Collection<AuthenticationFetcher<HttpRequest<?>>> authenticationFetchers,
                                    SecurityConfiguration securityConfiguration) {
        super(securityRules, authenticationFetchers, securityConfiguration);
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return isSlackEvents(request) || isStatusPage(request) ? chain.proceed(request) : super.doFilter(request, chain);
    }

    /**
     * The public status page ({@code GET /status}, {@code .json}, {@code .atom}) is for anyone: no rule to run, and no
     * session cookie is read for it (nor set), so its answers are the same for a signed-in manager and a stranger.
     */
    static boolean isStatusPage(HttpRequest<?> request) {
        return (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD)
                && dev.flightdeck.web.status.StatusDocuments.isStatusPath(request.getPath());
    }

    static boolean isSlackEvents(HttpRequest<?> request) {
        return request.getMethod() == HttpMethod.POST && SLACK_EVENTS_PATH.equals(request.getPath());
    }
}
