package dev.flightdeck.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.views.ViewsFilter;
import io.micronaut.views.ViewsModelDecorator;
import io.micronaut.views.ViewsRendererLocator;
import io.micronaut.views.ViewsResolver;
import io.micronaut.views.turbo.TurboFrameRenderer;
import org.reactivestreams.Publisher;

/**
 * Micronaut Views' filter (which renders a controller's {@code ModelAndView}), skipped for {@code POST /slack/events}:
 * there it was 4% of the CPU of an acked Slack request in the benchmark's profile, for nothing (only the page
 * controllers return views).
 */
@Replaces(ViewsFilter.class)
@Filter("/**")
public class PageViewsFilter implements HttpServerFilter {

    private final ViewsFilter views;

    public PageViewsFilter(ViewsResolver resolver, ViewsRendererLocator renderers, ViewsModelDecorator decorator,
                           TurboFrameRenderer frames) {
        this.views = new ViewsFilter(resolver, renderers, decorator, frames);
    }

    @Override
    public int getOrder() {
        return views.getOrder();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return SlackAwareSecurityFilter.isSlackEvents(request) ? chain.proceed(request) : views.doFilter(request, chain);
    }
}
