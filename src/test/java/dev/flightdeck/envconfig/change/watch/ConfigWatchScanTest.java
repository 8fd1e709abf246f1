package dev.flightdeck.envconfig.change.watch;

import dev.flightdeck.envconfig.change.ConfigEvent;
import dev.flightdeck.envconfig.change.ConfigHistory;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.incident.TimelineEntry;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.slack.incident.IncidentSlackIds;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.SignedRequest;
import dev.flightdeck.text.Mrkdwn;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scan (issue 16 item 6): a value changed in AWS by hand is announced once in the environment's channel with the
 * service's rules run again, a failing rule named; Flightdeck's own change is not announced; an open incident hears
 * of it. Through moto, the real SSM adapter, the outbox and fake Slack.
 */
class ConfigWatchScanTest {

    private static final String GOOD_QUEUE = "https://sqs.us-east-1.amazonaws.com/123456789012/mail-dev-emails";
    // Another service's queue: the outage story (a value set by hand, unseen), and it breaks mail's pattern rule.
    private static final String WRONG_QUEUE = "https://sqs.us-east-1.amazonaws.com/123456789012/billing-dev-emails";

    private final WatchFixture f = new WatchFixture();
    private final ConfigHistory history = f.app.bean(ConfigHistory.class);

    @Test
    void aValueSetByHandIsAnnouncedOnceWithTheRulesRunAgainAndTheFailingPatternNamed() {
        f.put("dev", "EMAIL_QUEUE_URL", GOOD_QUEUE);
        f.scanLater(); // what the scan first sees is its baseline (or, if it saw this key before, the change back)
        try {
            long version = f.put("dev", "EMAIL_QUEUE_URL", WRONG_QUEUE);
            String by = f.lastModifiedUser("dev", "EMAIL_QUEUE_URL");

            assertThat(f.scanLater()).isEqualTo(1);

            String headline = "DEV: config EMAIL_QUEUE_URL of mail changed outside Flightdeck by "
                    + (by.isEmpty() ? "someone AWS did not name" : Mrkdwn.escapeForeign(by))
                    + " (version " + (version - 1) + " → " + version + ")";
            FakeSlack.Call post = f.awaitPost(headline);
            assertThat(post.channel()).isEqualTo("#deploys-dev");
            assertThat(post.text())
                    .contains("Now " + Mrkdwn.code(WRONG_QUEUE))
                    .contains(":no_entry: rules fail:")
                    .contains("*pattern* fails: *EMAIL_QUEUE_URL* in dev is " + Mrkdwn.code(WRONG_QUEUE)
                            + ", which does not match")
                    .doesNotContain("rules pass");

            // Seen again by the next pass (and by any other replica): recorded once, announced once.
            assertThat(f.scanLater()).isZero();
            assertThat(history.since("mail", "dev", Instant.EPOCH, 1000)).filteredOn(e ->
                    e.key().equals("EMAIL_QUEUE_URL") && e.newVersion().equals(String.valueOf(version)))
                    .singleElement().satisfies(e -> {
                        assertThat(e.outside()).isTrue();
                        assertThat(e.actor()).isEqualTo(by);
                        assertThat(e.oldVersion()).isEqualTo(String.valueOf(version - 1));
                    });
            assertThat(f.messagesContaining("deploys-dev", headline)).hasSize(1);
        } finally {
            f.put("dev", "EMAIL_QUEUE_URL", GOOD_QUEUE);
            f.scanLater();
        }
    }

    @Test
    void theFirstSightingOfAKeyIsItsBaselineNotAChange() {
        String key = WatchFixture.key("WATCH_FIRST");
        f.put("staging", key, "first value");

        f.scanLater();
        long next = f.put("staging", key, "second value");
        f.scanLater();

        f.awaitPost("STAGING: config " + key + " of mail changed outside Flightdeck");
        assertThat(f.messagesContaining("deploys", "config " + key + " of mail")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("(version 1 → " + next + ")")
                        .contains("Now `second value`"));
    }

    @Test
    void aKeyDeletedByHandIsAnnouncedOnceAsRemoved() {
        String key = WatchFixture.key("WATCH_GONE");
        long version = f.put("staging", key, "soon gone");
        f.scanLater();

        try (var ssm = f.app.ssm()) {
            ssm.deleteParameter(r -> r.name("/mail/staging/" + key));
        }
        assertThat(f.scanLater()).isEqualTo(1);

        f.awaitPost("STAGING: config " + key + " of mail removed outside Flightdeck by someone AWS did not name"
                + " (was version " + version + ")");
        assertThat(f.scanLater()).isZero();
        assertThat(f.messagesContaining("deploys", "config " + key + " of mail")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("It no longer exists").doesNotContain("soon gone"));
    }

    @Test
    void aChangeFlightdeckRecordedItselfIsNotAnnounced() {
        String key = WatchFixture.key("WATCH_OWN");
        f.put("staging", key, "before");
        f.scanLater();

        // What the change flow does on go: it writes, then records the version it wrote with its change id.
        long own = f.put("staging", key, "through flightdeck");
        assertThat(history.record(new ConfigEvent("mail", "staging", key, f.app.clock.instant(), DeployDriver.RM1,
                false, "1", String.valueOf(own), "", "", Optional.of(4242L)))).isTrue();
        f.scanLater();

        // A later change by hand is announced, after anything queued before it (one ordering key per service and
        // environment): had Flightdeck's own change been announced, it would be in the channel by then.
        long byHand = f.put("staging", key, "by hand");
        f.scanLater();
        f.awaitPost("STAGING: config " + key + " of mail changed outside Flightdeck");
        assertThat(f.messagesContaining("deploys", "config " + key + " of mail")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("(version " + own + " → " + byHand + ")"));
    }

    @Test
    void aChangeWhileAnIncidentIsOpenGoesOnItsTimeline() {
        for (String name : new String[] {"incidents", "status"}) {
            if (f.app.slack.channel(name).isEmpty()) {
                f.app.slack.addChannel(name);
            }
        }
        String key = WatchFixture.key("WATCH_INC");
        f.put("prod", key, "calm");
        f.scanLater();
        SignedRequest.Reply declared = f.app.signed.slashCommand("/incident", "declare Mail bounces sev3",
                DeployDriver.RM1, f.channelId("deploy-commands"), f.app.slack.responseUrl()).send(f.app.server.getURI());
        Matcher m = Pattern.compile("Declaring INC-(\\d+)").matcher(declared.json().getAsJsonObject().get("text").getAsString());
        assertThat(m.find()).isTrue();
        long number = Long.parseLong(m.group(1));
        try {
            long version = f.put("prod", key, "stormy");
            String by = f.lastModifiedUser("prod", key);
            assertThat(f.scanLater()).isEqualTo(1);

            var timeline = f.app.bean(IncidentService.class).timeline(number);
            assertThat(timeline).filteredOn(e -> e.kind() == TimelineEntry.Kind.CONFIG).singleElement()
                    .satisfies(e -> assertThat(e.text()).isEqualTo("Config " + key + " of mail in prod changed outside"
                            + " Flightdeck by " + (by.isEmpty() ? "someone AWS did not name" : by)
                            + " (version 1 → " + version + ")"));
            // The same change seen again adds nothing.
            f.scanLater();
            assertThat(f.app.bean(IncidentService.class).timeline(number))
                    .filteredOn(e -> e.kind() == TimelineEntry.Kind.CONFIG).hasSize(1);
        } finally {
            f.app.signed.viewSubmission(IncidentSlackIds.INCIDENT_RESOLVE_MODAL, "INC-" + number, Map.of(
                    IncidentSlackIds.INCIDENT_INPUT_SUMMARY, Map.of(IncidentSlackIds.INCIDENT_INPUT_SUMMARY,
                            "Mail bounced.")), DeployDriver.RM1).send(f.app.server.getURI());
        }
    }
}
