package dev.flightdeck.aws.events;

import com.google.gson.JsonObject;
import dev.flightdeck.envconfig.change.OutsideChange;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AWS's published example events (vendor/aws/) read into the {@link OutsideChange} the watch is given, and the
 * envelopes and details that are refused or ignored, with the words the answer carries.
 */
class AwsEventParsingTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-12-07T05:00:00Z"), ZoneOffset.UTC);
    final List<OutsideChange> handedOn = new ArrayList<>();
    final ConfigWatchRelay relay = new ConfigWatchRelay(List.of(handedOn::add));
    final ParameterStoreChangeRoute ssm = new ParameterStoreChangeRoute(relay, clock);
    final SecretsManagerWriteRoute secrets = new SecretsManagerWriteRoute(relay, clock);

    OutsideChange handOn(AwsEventRoute route, String file) throws Exception {
        AwsEventRoute.Plan plan = route.plan(AwsEvent.parse(AwsVendorEvents.text(file)));
        assertThat(plan.kind()).as(plan.text()).isEqualTo(AwsEventRoute.Plan.Kind.ACCEPTED);
        plan.work().run();
        assertThat(handedOn).hasSize(1);
        return handedOn.get(0);
    }

    @Test
    void theEnvelopeOfAwsExampleIsRead() throws Exception {
        AwsEvent event = AwsEvent.parse(AwsVendorEvents.text("parameter-store-change.update.json"));
        assertThat(event.id()).isEqualTo("9547ef2d-3b7e-4057-b6cb-5fdf09ee7c8f");
        assertThat(event.detailType()).isEqualTo("Parameter Store Change");
        assertThat(event.source()).isEqualTo("aws.ssm");
        assertThat(event.account()).isEqualTo("123456789012");
        assertThat(event.region()).isEqualTo("us-east-2");
        assertThat(event.time()).contains(Instant.parse("2017-05-22T16:44:48Z"));
        assertThat(event.resources()).containsExactly("arn:aws:ssm:us-east-2:123456789012:parameter/MyExampleParameter");
        assertThat(event.toString()).doesNotContain("Sample Parameter").contains("9547ef2d");
    }

    @Test
    void aParameterStoreChangeIsAnSsmChangeWithNoActorNorVersion() throws Exception {
        OutsideChange change = handOn(ssm, "parameter-store-change.update.json");
        assertThat(change).isEqualTo(new OutsideChange("9547ef2d-3b7e-4057-b6cb-5fdf09ee7c8f",
                Instant.parse("2017-05-22T16:44:48Z"), OutsideChange.Store.SSM, "MyExampleParameter",
                Optional.empty(), "", "Update"));
    }

    @Test
    void aDeletedParameterIsADelete() throws Exception {
        OutsideChange change = handOn(ssm, "parameter-store-change.delete.json");
        assertThat(change.isDelete()).isTrue();
        assertThat(change.operation()).isEqualTo("Delete");
    }

    @Test
    void aCreateThatFailedValidationChangedNothing() throws Exception {
        AwsEventRoute.Plan plan = ssm.plan(AwsEvent.parse(AwsVendorEvents.text("parameter-store-change.failed-create.json")));
        assertThat(plan.kind()).isEqualTo(AwsEventRoute.Plan.Kind.IGNORED);
        assertThat(plan.text()).isEqualTo("the parameter operation failed, nothing changed");
    }

    @Test
    void aParameterStoreChangeWithoutANameIsRefused() throws Exception {
        JsonObject o = AwsVendorEvents.json("parameter-store-change.create.json");
        o.getAsJsonObject("detail").remove("name");
        AwsEventRoute.Plan plan = ssm.plan(AwsEvent.parse(o.toString()));
        assertThat(plan.kind()).isEqualTo(AwsEventRoute.Plan.Kind.INVALID);
        assertThat(plan.text()).isEqualTo("a Parameter Store Change without detail.name");
    }

    @Test
    void aPutSecretValueNamesTheSecretItsNewVersionAndWhoWroteIt() throws Exception {
        OutsideChange change = handOn(secrets, "cloudtrail-secretsmanager-putsecretvalue.json");
        assertThat(change).isEqualTo(new OutsideChange("36eb8523-97d0-4518-b33d-ee3579ff19f0",
                Instant.parse("2018-04-03T17:50:58Z"), OutsideChange.Store.SECRETS_MANAGER, "MyDatabaseSecret",
                Optional.of("EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE"), "arn:aws:iam::123456789012:root",
                "PutSecretValue"));
    }

    @Test
    void awsDeleteSecretExampleIsADeleteWithNoVersion() throws Exception {
        OutsideChange change = handOn(secrets, "cloudtrail-secretsmanager-deletesecret.json");
        assertThat(change.name()).isEqualTo("MyDatabaseSecret");
        assertThat(change.version()).isEmpty();
        assertThat(change.isDelete()).isTrue();
    }

    @Test
    void anUpdateSecretByArnIsTakenWithTheArnAsName() throws Exception {
        JsonObject o = AwsVendorEvents.json("cloudtrail-secretsmanager-putsecretvalue.json");
        JsonObject detail = o.getAsJsonObject("detail");
        detail.addProperty("eventName", "UpdateSecret");
        String arn = "arn:aws:secretsmanager:us-east-2:123456789012:secret:MyDatabaseSecret-a1b2c3";
        detail.getAsJsonObject("requestParameters").addProperty("secretId", arn);
        AwsEventRoute.Plan plan = secrets.plan(AwsEvent.parse(o.toString()));
        plan.work().run();
        assertThat(handedOn).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo(arn);
            assertThat(c.operation()).isEqualTo("UpdateSecret");
        });
    }

    @Test
    void rotateSecretAndReadsAreIgnoredSayingWhy() throws Exception {
        for (String call : List.of("RotateSecret", "GetSecretValue", "TagResource")) {
            JsonObject o = AwsVendorEvents.json("cloudtrail-secretsmanager-putsecretvalue.json");
            o.getAsJsonObject("detail").addProperty("eventName", call);
            AwsEventRoute.Plan plan = secrets.plan(AwsEvent.parse(o.toString()));
            assertThat(plan.kind()).isEqualTo(AwsEventRoute.Plan.Kind.IGNORED);
            assertThat(plan.text()).isEqualTo(call + " changes no secret value");
        }
        assertThat(handedOn).isEmpty();
    }

    @Test
    void aFailedPutSecretValueChangedNothing() throws Exception {
        JsonObject o = AwsVendorEvents.json("cloudtrail-secretsmanager-putsecretvalue.json");
        o.getAsJsonObject("detail").addProperty("errorCode", "AccessDenied");
        AwsEventRoute.Plan plan = secrets.plan(AwsEvent.parse(o.toString()));
        assertThat(plan.kind()).isEqualTo(AwsEventRoute.Plan.Kind.IGNORED);
        assertThat(plan.text()).isEqualTo("PutSecretValue failed, nothing changed");
    }

    @Test
    void aPutSecretValueWithoutASecretIdIsRefused() throws Exception {
        JsonObject o = AwsVendorEvents.json("cloudtrail-secretsmanager-putsecretvalue.json");
        o.getAsJsonObject("detail").getAsJsonObject("requestParameters").remove("secretId");
        AwsEventRoute.Plan plan = secrets.plan(AwsEvent.parse(o.toString()));
        assertThat(plan.kind()).isEqualTo(AwsEventRoute.Plan.Kind.INVALID);
        assertThat(plan.text()).isEqualTo("PutSecretValue without requestParameters.secretId");
    }

    @Test
    void anEventWithoutATimeIsDatedWhenItArrived() throws Exception {
        JsonObject o = AwsVendorEvents.json("parameter-store-change.create.json");
        o.remove("time");
        ssm.plan(AwsEvent.parse(o.toString())).work().run();
        assertThat(handedOn).singleElement().satisfies(c -> assertThat(c.at()).isEqualTo(clock.instant()));
    }

    @Test
    void bodiesThatAreNoEventAreRefusedWithWords() {
        assertThatThrownBy(() -> AwsEvent.parse("{\"id\": ")).hasMessage("the body is not JSON");
        assertThatThrownBy(() -> AwsEvent.parse("[1, 2]")).hasMessage("the body is not a JSON object (an EventBridge event)");
        assertThatThrownBy(() -> AwsEvent.parse("{\"detail-type\": \"Parameter Store Change\"}"))
                .hasMessage("the event has no id");
        assertThatThrownBy(() -> AwsEvent.parse("{\"id\": \"e1\", \"detail-type\": \"  \"}"))
                .hasMessage("the event has no detail-type");
        assertThatThrownBy(() -> AwsEvent.parse("{\"id\": \"" + "x".repeat(129) + "\", \"detail-type\": \"T\"}"))
                .hasMessage("the event id is longer than 128 characters");
    }

    @Test
    void aTypeRepeatedInAnAnswerIsOneShortPrintableLine() {
        assertThat(AwsEventsController.shown("Some\nType\u0000\u202e here")).isEqualTo("Some Type   here");
        assertThat(AwsEventsController.shown("T".repeat(500))).hasSize(AwsEventsController.MAX_TYPE_SHOWN).endsWith("…");
    }
}
