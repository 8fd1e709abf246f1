package dev.flightdeck.web.signin;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Of the sensitive management endpoints, a signed-in person may read {@code /metrics} (the same meters /prometheus
 * serves, which is open to scrapers); the others (beans, env, loggers, refresh, routes...) stay refused to everyone:
 * signing in proves workspace membership, not operator rights. Micronaut's own rule answered 500 to a signed-in user.
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
public class SignedInMetricsRule extends SensitiveEndpointRule {

    public SignedInMetricsRule(EndpointSensitivityProcessor endpointSensitivityProcessor) {
        super(endpointSensitivityProcessor);
    }

    @Override
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(HttpRequest<?> request,
                                                                         Authentication authentication,
                                                                         ExecutableMethod<?, ?> method) {
        boolean metrics = request.getPath().equals("/metrics") || request.getPath().startsWith("/metrics/");
        return Publishers.just(metrics ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }
}
