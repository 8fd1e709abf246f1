package dev.flightdeck.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;

/** The service's root opens the incident list (after sign-in). */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
public class HomeController {

    @Get
    public HttpResponse<?> home() {
        return HttpResponse.seeOther(URI.create("/incidents"));
    }
}
