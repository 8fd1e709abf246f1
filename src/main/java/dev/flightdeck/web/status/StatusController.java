package dev.flightdeck.web.status;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * The status page on the main server, for anyone: no sign-in, no cookie read or set (the security filter passes these
 * three paths by, see {@code SlackAwareSecurityFilter}), nothing private in it (the domain's {@code StatusView}).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class StatusController {

    private final StatusDocuments documents;

    public StatusController(StatusDocuments documents) {
        this.documents = documents;
    }

    @Get(StatusDocuments.PAGE)
    public HttpResponse<?> page(HttpRequest<?> request) {
        return answer(StatusDocuments.PAGE);
    }

    @Get(StatusDocuments.JSON)
    public HttpResponse<?> json(HttpRequest<?> request) {
        return answer(StatusDocuments.JSON);
    }

    @Get(StatusDocuments.ATOM)
    public HttpResponse<?> atom(HttpRequest<?> request) {
        return answer(StatusDocuments.ATOM);
    }

    private MutableHttpResponse<?> answer(String path) {
        StatusDocuments.Document d = documents.answer(path).orElseThrow();
        MutableHttpResponse<String> response = HttpResponse.ok(d.body()).contentType(d.contentType());
        d.headers().forEach(response::header);
        return response;
    }
}
