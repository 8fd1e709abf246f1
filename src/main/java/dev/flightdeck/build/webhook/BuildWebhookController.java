package dev.flightdeck.build.webhook;

import dev.flightdeck.build.BuildEvent;
import dev.flightdeck.build.BuildStatusSink;
import dev.flightdeck.secrets.EnvSecrets;
import dev.flightdeck.team.TeamConfig;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Build status from the backends' webhooks, each verified by its own scheme before the body is read: a shared token
 * for Jenkins, {@code circleci-signature} for CircleCI, {@code X-Hub-Signature-256} for GitHub. An unverified
 * delivery gets 401 and changes nothing.
 */
@Controller("/hooks")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BuildWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(BuildWebhookController.class);

    private final BuildStatusSink sink;
    private final EnvSecrets secrets;
    private final TeamConfig team;
    private final IgnoredWebhooks ignored;
    private final List<GithubEventRoute> githubRoutes;

    public BuildWebhookController(BuildStatusSink sink, EnvSecrets secrets, TeamConfig team, IgnoredWebhooks ignored,
                                  List<GithubEventRoute> githubRoutes) {
        this.ignored = ignored;
        this.githubRoutes = List.copyOf(githubRoutes);
        this.sink = sink;
        this.secrets = secrets;
        this.team = team;
    }

    @Post(uri = "/jenkins", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN}, produces = MediaType.TEXT_PLAIN)
    public HttpResponse<String> jenkins(@Body byte[] body, @Nullable @Header("X-Flightdeck-Token") String header,
                                        @Nullable @QueryValue("token") String query) {
        Optional<String> secret = team.webhooks().jenkinsTokenEnv().flatMap(secrets::get);
        boolean verified = secret.isPresent() && WebhookSignatures.sharedToken(secret.get(), header != null ? header : query);
        return handle("jenkins", secret.isPresent(), verified, body, Payloads::jenkins);
    }

    @Post(uri = "/circleci", consumes = MediaType.APPLICATION_JSON, produces = MediaType.TEXT_PLAIN)
    public HttpResponse<String> circleci(@Body byte[] body, @Nullable @Header("circleci-signature") String signature) {
        Optional<String> secret = team.webhooks().circleciSecretEnv().flatMap(secrets::get);
        boolean verified = secret.isPresent() && WebhookSignatures.circleci(secret.get(), signature, body);
        return handle("circleci", secret.isPresent(), verified, body, Payloads::circleci);
    }

    /**
     * GitHub sends JSON or, by default, {@code application/x-www-form-urlencoded} with the JSON in a {@code payload}
     * field. The signature covers the body exactly as received, so it is checked before the form is decoded.
     */
    @Post(uri = "/github", consumes = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED},
            produces = MediaType.TEXT_PLAIN)
    public HttpResponse<String> github(@Body byte[] body, @Nullable @Header("X-Hub-Signature-256") String signature,
                                       @Nullable @Header("X-GitHub-Event") String event,
                                       @Nullable @Header("Content-Type") String contentType) {
        Optional<String> secret = team.webhooks().githubSecretEnv().flatMap(secrets::get);
        boolean verified = secret.isPresent() && WebhookSignatures.github(secret.get(), signature, body);
        boolean form = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT)
                .startsWith(MediaType.APPLICATION_FORM_URLENCODED);
        Function<String, String> json = text -> form ? GithubForm.payload(text) : text;
        List<GithubEventRoute> routes = githubRoutes.stream().filter(r -> r.event().equals(event)).toList();
        if (verified && !"workflow_run".equals(event)) {
            if (routes.isEmpty()) {
                return ignore("github", IgnoredWebhooks.Reason.EVENT_TYPE,
                        (event == null ? "no event type" : event) + " events are not used by Flightdeck");
            }
            GithubEventRoute.Answer answer = routes.get(0).handle(json.apply(new String(body, StandardCharsets.UTF_8)));
            return answer.ignored() ? ignore("github", IgnoredWebhooks.Reason.NO_MATCH, answer.text())
                    : HttpResponse.ok(answer.text());
        }
        HttpResponse<String> answer = handle("github", secret.isPresent(), verified, body,
                text -> Payloads.github(json.apply(text)));
        if (verified) {
            routes.forEach(r -> r.handle(json.apply(new String(body, StandardCharsets.UTF_8))));
        }
        return answer;
    }

    private HttpResponse<String> handle(String backend, boolean configured, boolean verified, byte[] body,
                                        Function<String, Optional<BuildEvent>> parse) {
        if (!configured) {
            return HttpResponse.<String>status(HttpStatus.NOT_FOUND)
                    .body("the " + backend + " webhook is not configured (flightdeck.webhooks in the team config)");
        }
        if (!verified) {
            LOG.warn("Refused a {} webhook delivery with a missing or wrong signature", backend);
            return HttpResponse.<String>unauthorized().body("invalid signature");
        }
        Optional<BuildEvent> event = parse.apply(new String(body, StandardCharsets.UTF_8));
        if (event.isEmpty()) {
            return ignore(backend, IgnoredWebhooks.Reason.NO_STATUS, "no build status change in this delivery");
        }
        BuildStatusSink.Result result = sink.accept(event.get());
        return result.ignored() ? ignore(backend, IgnoredWebhooks.Reason.NO_MATCH, result.text())
                : HttpResponse.ok(result.text());
    }

    /** 202: received and understood, and nothing was done; the vendor must not retry it. */
    private HttpResponse<String> ignore(String backend, IgnoredWebhooks.Reason reason, String why) {
        return HttpResponse.<String>status(HttpStatus.ACCEPTED).body(ignored.ignore(backend, reason, why));
    }
}
