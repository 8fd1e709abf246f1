package dev.flightdeck.web;

import dev.flightdeck.deploy.Links;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** {@link Links} to the pages this adapter serves, on the public base URL of {@link WebSettings}. */
@Singleton
public class WebLinks implements Links {

    private final String base;

    public WebLinks(WebSettings settings) {
        this.base = settings.base();
    }

    @Override
    public String deployPage(long id) {
        return base + "/deploys/" + id;
    }

    @Override
    public String incidentPage(long number) {
        return base + "/incidents/" + number;
    }

    @Override
    public String deliveryPage(Optional<String> service, int days) {
        // An empty service parameter is the page's "all services"; it is kept so the link reads the same either way.
        return base + "/delivery?service=" + service.map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8)).orElse("")
                + "&days=" + days;
    }
}
