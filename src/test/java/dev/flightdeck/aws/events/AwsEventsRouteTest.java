package dev.flightdeck.aws.events;

import dev.flightdeck.envconfig.change.ConfigChangeApp;
import dev.flightdeck.envconfig.change.OutsideChange;
import dev.flightdeck.testing.LogCapture;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /hooks/aws/events} as EventBridge's API destination calls it, on the config-change test app: the token,
 * the envelope, the routes for "Parameter Store Change" and Secrets Manager writes handing the change to the watch,
 * once per event id. Events are AWS's published examples (vendor/aws/) with an id and a name of each test's own.
 */
class AwsEventsRouteTest {

    static final ConfigChangeApp app = ConfigChangeApp.shared();
    final RecordingConfigWatch watch = app.bean(RecordingConfigWatch.class);
    final String id = UUID.randomUUID().toString();
    final String prefix = "/aws-events-test/" + id.substring(0, 8) + "/";

    double rejected(String reason) {
        return app.bean(MeterRegistry.class).counter(RejectedAwsEvents.METRIC, "reason", reason).count();
    }

    @Test
    void withoutTheTokenNothingIsTakenAndTheLogNeverShowsAToken() {
        String body = AwsVendorEvents.ssmWith("parameter-store-change.update.json", id, prefix + "KEY");
        double missing = rejected("missing-token");
        double wrong = rejected("wrong-token");
        String forged = "forged-token-" + UUID.randomUUID();
        try (LogCapture log = LogCapture.root()) {
            HttpResponse<String> none = app.awsEvent(body, null);
            HttpResponse<String> bad = app.awsEvent(body, forged);
            HttpResponse<String> almost = app.awsEvent(body, ConfigChangeApp.EVENTS_TOKEN + "x");

            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.body()).isEqualTo("missing X-Flightdeck-Token");
            assertThat(bad.statusCode()).isEqualTo(401);
            assertThat(bad.body()).isEqualTo("wrong X-Flightdeck-Token");
            assertThat(almost.statusCode()).isEqualTo(401);
            assertThat(log.linesWithThrowables()).noneMatch(l -> l.contains(forged) || l.contains(ConfigChangeApp.EVENTS_TOKEN));
        }
        assertThat(rejected("missing-token")).isEqualTo(missing + 1);
        assertThat(rejected("wrong-token")).isEqualTo(wrong + 2);
        assertThat(watch.of(id)).isEmpty();
        // Refused deliveries took no id: the genuine one is still taken.
        assertThat(app.awsEvent(body, ConfigChangeApp.EVENTS_TOKEN).statusCode()).isEqualTo(202);
    }

    @Test
    void aParameterStoreChangeIsHandedToTheWatchOnce() {
        String body = AwsVendorEvents.ssmWith("parameter-store-change.update.json", id, prefix + "EMAIL_QUEUE_URL");

        HttpResponse<String> first = app.awsEvent(body, ConfigChangeApp.EVENTS_TOKEN);
        HttpResponse<String> again = app.awsEvent(body, ConfigChangeApp.EVENTS_TOKEN);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.body()).isEqualTo("accepted");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("already seen: " + id);
        assertThat(watch.of(id)).containsExactly(new OutsideChange(id, Instant.parse("2017-05-22T16:44:48Z"),
                OutsideChange.Store.SSM, prefix + "EMAIL_QUEUE_URL", Optional.empty(), "", "Update"));
    }

    @Test
    void aPutSecretValueSeenByCloudTrailIsHandedOnWithWhoAndWhichVersion() {
        String body = AwsVendorEvents.secretWith("cloudtrail-secretsmanager-putsecretvalue.json", id, "mail/" + id);
        try (LogCapture log = LogCapture.root()) {
            HttpResponse<String> answer = app.awsEvent(body, ConfigChangeApp.EVENTS_TOKEN);

            assertThat(answer.statusCode()).isEqualTo(202);
            // The detail is never logged: not the caller's key id, not the request token.
            assertThat(log.linesWithThrowables()).anyMatch(l -> l.contains(id) && l.contains("mail/" + id))
                    .noneMatch(l -> l.contains("AKIAIOSFODNN7EXAMPLE") || l.contains("EXAMPLE1-90ab"));
        }
        assertThat(watch.one(id)).hasValueSatisfying(c -> {
            assertThat(c.store()).isEqualTo(OutsideChange.Store.SECRETS_MANAGER);
            assertThat(c.name()).isEqualTo("mail/" + id);
            assertThat(c.version()).contains("EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE");
            assertThat(c.actor()).isEqualTo("arn:aws:iam::123456789012:root");
            assertThat(c.operation()).isEqualTo("PutSecretValue");
        });
    }

    @Test
    void otherCloudTrailCallsAndUnknownTypesAreIgnoredSayingWhat() {
        HttpResponse<String> bucket = app.awsEvent(AwsVendorEvents.withId("cloudtrail-s3-createbucket.json", id),
                ConfigChangeApp.EVENTS_TOKEN);
        assertThat(bucket.statusCode()).isEqualTo(202);
        assertThat(bucket.body()).isEqualTo("ignored: AWS API Call via CloudTrail from aws.s3");

        String odd = "{\"id\": \"" + id + "-odd\", \"detail-type\": \"Made Up\\nState <Change>\", \"source\": \"aws.x\"}";
        HttpResponse<String> unknown = app.awsEvent(odd, ConfigChangeApp.EVENTS_TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo("ignored: Made Up State <Change> from aws.x");

        String rotate = AwsVendorEvents.secretWith("cloudtrail-secretsmanager-putsecretvalue.json", id + "-r", "mail/" + id)
                .replace("\"PutSecretValue\"", "\"RotateSecret\"");
        HttpResponse<String> rotation = app.awsEvent(rotate, ConfigChangeApp.EVENTS_TOKEN);
        assertThat(rotation.statusCode()).isEqualTo(202);
        assertThat(rotation.body()).isEqualTo("ignored: RotateSecret changes no secret value");
        assertThat(watch.of(id)).isEmpty();
        assertThat(watch.of(id + "-r")).isEmpty();
    }

    @Test
    void bodiesThatAreNoEventAreRefusedWithWords() {
        HttpResponse<String> notJson = app.awsEvent("{\"id\": \"" + id, ConfigChangeApp.EVENTS_TOKEN);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).isEqualTo("the body is not JSON");

        HttpResponse<String> noType = app.awsEvent("{\"id\": \"" + id + "\"}", ConfigChangeApp.EVENTS_TOKEN);
        assertThat(noType.statusCode()).isEqualTo(400);
        assertThat(noType.body()).isEqualTo("the event has no detail-type");

        String nameless = AwsVendorEvents.withId("parameter-store-change.create.json", id).replace("\"name\"", "\"nom\"");
        HttpResponse<String> noName = app.awsEvent(nameless, ConfigChangeApp.EVENTS_TOKEN);
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.body()).isEqualTo("a Parameter Store Change without detail.name");

        String huge = "{\"id\": \"" + id + "\", \"detail-type\": \"Parameter Store Change\", \"pad\": \""
                + "x".repeat(AwsEventsController.MAX_BODY) + "\"}";
        HttpResponse<String> tooBig = app.awsEvent(huge, ConfigChangeApp.EVENTS_TOKEN);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body()).isEqualTo("the body is over 256 KB, EventBridge's largest event");

        assertThat(watch.of(id)).isEmpty();
        // None of them took the id.
        String good = AwsVendorEvents.ssmWith("parameter-store-change.create.json", id, prefix + "NEW");
        assertThat(app.awsEvent(good, ConfigChangeApp.EVENTS_TOKEN).statusCode()).isEqualTo(202);
        assertThat(watch.of(id)).hasSize(1);
    }

    @Test
    void whenTheWatchFailsTheAnswerIsAnErrorAndTheRetryIsTakenAgain() {
        String body = AwsVendorEvents.ssmWith("parameter-store-change.update.json", id, prefix + "FLAKY");
        watch.failFor(id);
        try (LogCapture log = new LogCapture(AwsEventHandOff.class)) {
            HttpResponse<String> failed = app.awsEvent(body, ConfigChangeApp.EVENTS_TOKEN);

            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.body()).isEqualTo("could not handle event " + id + " now; a retry will be taken");
            assertThat(log.lines()).anyMatch(l -> l.startsWith("ERROR") && l.contains(id) && l.contains(prefix + "FLAKY"))
                    .noneMatch(l -> l.contains("Sample Parameter"));
        } finally {
            watch.recover(id);
        }
        HttpResponse<String> retry = app.awsEvent(body, ConfigChangeApp.EVENTS_TOKEN);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(watch.of(id)).hasSize(1);
    }
}
