package dev.flightdeck.envconfig.change.watch;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.envconfig.change.ConfigChangeApp;
import dev.flightdeck.testing.FakeMessage;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event path (issue 16 item 6, DESIGN section 13): AWS's own example events (src/test/resources/vendor/aws, sources
 * in its README) with names of this test's own, delivered to POST /hooks/aws/events. A change is announced once
 * however often it is delivered, and once between an event and the next scan; a JSON secret names only the member
 * whose value changed, by fingerprints.
 */
class ConfigWatchEventsTest {

    private final WatchFixture f = new WatchFixture();
    private final ConfigChangeApp app = f.app;

    @Test
    void aParameterStoreChangeDeliveredTwiceAndThenScannedIsAnnouncedOnce() {
        String key = WatchFixture.key("WATCH_EVT");
        String name = "/mail/staging/" + key;
        f.put("staging", key, "one");
        f.scanLater();

        long version = f.put("staging", key, "two");
        String event = ssmEvent(UUID.randomUUID().toString(), name);
        assertThat(app.awsEvent(event, ConfigChangeApp.EVENTS_TOKEN).statusCode()).isEqualTo(202);
        assertThat(app.awsEvent(event, ConfigChangeApp.EVENTS_TOKEN).statusCode()).isEqualTo(200); // seen before
        // Another event for the same change (EventBridge may send one per rule), then the scan.
        assertThat(app.awsEvent(ssmEvent(UUID.randomUUID().toString(), name), ConfigChangeApp.EVENTS_TOKEN)
                .statusCode()).isEqualTo(202);

        // The Parameter Store event names no one; the scan does not come after the announcement by accident.
        f.awaitPost("STAGING: config " + key + " of mail changed outside Flightdeck by someone AWS did not name"
                + " (version 1 → " + version + ")");
        f.scanLater();

        // The next change is queued behind anything queued before it (one ordering key per service and
        // environment): once it is in the channel, a second announcement of the first would be too.
        long next = f.put("staging", key, "three");
        app.awsEvent(ssmEvent(UUID.randomUUID().toString(), name), ConfigChangeApp.EVENTS_TOKEN);
        f.awaitPost("STAGING: config " + key + " of mail changed outside Flightdeck by someone AWS did not name"
                + " (version " + version + " → " + next + ")");
        List<FakeMessage> about = f.messagesContaining("deploys", "config " + key + " of mail");
        assertThat(about).hasSize(2);
        assertThat(about.get(0).text()).contains("Now `two`");
    }

    @Test
    void aSecretsManagerWriteNamesTheMemberThatChangedByFingerprintsOnly() {
        String changed = WatchFixture.key("WATCH_SECRET_A");
        String same = WatchFixture.key("WATCH_SECRET_B");
        // Made-up values; none may appear in Slack.
        String before = "made-up-before-" + UUID.randomUUID();
        String after = "made-up-after-" + UUID.randomUUID();
        String kept = "made-up-kept-" + UUID.randomUUID();
        putMembers(changed, before, same, kept);
        f.scanLater();

        putMembers(changed, after, same, kept);
        String event = secretEvent(UUID.randomUUID().toString(), "mail/dev");
        assertThat(app.awsEvent(event, ConfigChangeApp.EVENTS_TOKEN).statusCode()).isEqualTo(202);

        var post = f.awaitPost("DEV: config " + changed + " of mail changed outside Flightdeck by"
                + " arn:aws:iam::123456789012:root");
        assertThat(post.text()).containsPattern("Secret: fingerprint `[0-9a-f]{8}` → `[0-9a-f]{8}` \\(the value is"
                + " never shown\\)");
        f.scanLater();
        assertThat(f.messagesContaining("deploys-dev", "config " + same + " of mail")).isEmpty();
        assertThat(f.messagesContaining("deploys-dev", "config " + changed + " of mail")).hasSize(1);
        assertThat(app.slack.calls().stream().map(c -> c.rawBody() == null ? "" : c.rawBody()))
                .noneMatch(body -> body.contains(before) || body.contains(after) || body.contains(kept));
    }

    /** Sets the two members in the secret mail/dev, keeping any other test's members. */
    private void putMembers(String k1, String v1, String k2, String v2) {
        try (SecretsManagerClient sm = app.secretsManager()) {
            JsonObject members;
            try {
                members = JsonParser.parseString(sm.getSecretValue(r -> r.secretId("mail/dev")).secretString())
                        .getAsJsonObject();
            } catch (ResourceNotFoundException e) {
                members = new JsonObject();
                JsonObject first = members;
                first.addProperty(k1, v1);
                first.addProperty(k2, v2);
                sm.createSecret(r -> r.name("mail/dev").secretString(first.toString()));
                return;
            }
            members.addProperty(k1, v1);
            members.addProperty(k2, v2);
            String text = members.toString();
            sm.putSecretValue(r -> r.secretId("mail/dev").secretString(text));
        }
    }

    private static String ssmEvent(String id, String name) {
        JsonObject o = vendor("parameter-store-change.update.json");
        o.addProperty("id", id);
        o.getAsJsonObject("detail").addProperty("name", name);
        return o.toString();
    }

    private static String secretEvent(String id, String secretId) {
        JsonObject o = vendor("cloudtrail-secretsmanager-putsecretvalue.json");
        o.addProperty("id", id);
        o.getAsJsonObject("detail").getAsJsonObject("requestParameters").addProperty("secretId", secretId);
        return o.toString();
    }

    private static JsonObject vendor(String file) {
        try {
            return JsonParser.parseString(Files.readString(Path.of("src/test/resources/vendor/aws", file)))
                    .getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
