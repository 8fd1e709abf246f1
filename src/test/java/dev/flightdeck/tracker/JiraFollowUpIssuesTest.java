package dev.flightdeck.tracker;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentStatus;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.incident.followup.FollowUp;
import dev.flightdeck.incident.followup.FollowUpExport;
import dev.flightdeck.incident.followup.FollowUpState;
import dev.flightdeck.incident.followup.FollowUpTracker;
import dev.flightdeck.secrets.EnvSecrets;
import dev.flightdeck.testing.TestSecretsFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Follow-ups as Jira issues against a strict loopback Jira: created in the project with the labels and a description
 * linking back, found done by JQL; Jira's refusals (wrong token, unknown project) in words that never hold the token.
 */
class JiraFollowUpIssuesTest {

    static final String TOKEN = TestSecretsFactory.VALUES.get("JIRA_TOKEN");
    final FakeJira jira = new FakeJira("ops-bot@acme.dev", TOKEN, "OPS");
    final JiraFollowUpIssues tracker = new JiraFollowUpIssues(new EnvSecrets() {
        @Override
        public Optional<String> get(String variable) {
            return Optional.ofNullable(TestSecretsFactory.VALUES.get(variable));
        }
    }, Duration.ofSeconds(5));

    final Incident incident = new Incident(12, "Checkout down", Severity.SEV2, IncidentStatus.INVESTIGATING, "U0CMDR",
            Optional.empty(), "U0CMDR", Optional.of("C0OPS"), Instant.parse("2026-12-01T10:00:00Z"), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("C0INC12"), Optional.of("inc-12"),
            Optional.empty(), Set.of(), true, Optional.empty());
    final FollowUp followUp = new FollowUp(5, 1, 12, "Alarm on checkout error rate", Optional.of(
            "https://acme.slack.com/archives/C0INC12/p1700000000000100"), "U0DANA", "U0CMDR",
            Instant.parse("2026-12-01T11:00:00Z"), LocalDate.parse("2026-12-20"), FollowUpState.OPEN, Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), 0, FollowUp.Export.none());

    FollowUpExport.Jira settings(String project, String tokenEnv) {
        return new FollowUpExport.Jira(URI.create(jira.url() + "/"), project, "ops-bot@acme.dev", tokenEnv);
    }

    @AfterEach
    void stop() {
        jira.close();
    }

    @Test
    void aFollowUpBecomesATaskWithItsLabelsAndLinksBack() throws Exception {
        FollowUpTracker.Created created = tracker.create(settings("OPS", "JIRA_TOKEN"), followUp, incident,
                "https://flightdeck.example.com/incidents/12");

        assertThat(created.key()).isEqualTo("OPS-1");
        assertThat(created.url()).isEqualTo(jira.url() + "/browse/OPS-1");
        FakeJira.Issue issue = jira.issues.get("OPS-1");
        assertThat(issue.summary()).isEqualTo("Alarm on checkout error rate");
        assertThat(issue.type()).isEqualTo("Task");
        assertThat(issue.labels()).containsExactly("incident", "INC-12");
        assertThat(issue.description()).contains("https://flightdeck.example.com/incidents/12",
                "https://acme.slack.com/archives/C0INC12/p1700000000000100", "Due 2026-12-20");
    }

    @Test
    void doneIssuesAreFoundByJql() throws Exception {
        FollowUpExport.Jira s = settings("OPS", "JIRA_TOKEN");
        tracker.create(s, followUp, incident, "https://flightdeck.example.com/incidents/12");
        tracker.create(s, followUp, incident, "https://flightdeck.example.com/incidents/12");
        jira.done("OPS-2");

        assertThat(tracker.closed(s, List.of("OPS-1", "OPS-2"))).containsExactly("OPS-2");
        assertThat(tracker.closed(s, List.of())).isEmpty();
        assertThat(jira.calls).filteredOn(c -> c.contains("search")).hasSize(1);
    }

    @Test
    void jirasRefusalsAreSaidWithoutTheToken() {
        assertThatThrownBy(() -> tracker.create(settings("NOPE", "JIRA_TOKEN"), followUp, incident, "https://x.test/i/12"))
                .isInstanceOf(FollowUpTracker.TrackerFailure.class)
                .hasMessageContaining("HTTP 400").hasMessageContaining("project: valid project is required");
        assertThatThrownBy(() -> tracker.create(settings("OPS", "GITHUB_TOKEN"), followUp, incident, "https://x.test/i/12"))
                .isInstanceOf(FollowUpTracker.TrackerFailure.class)
                .hasMessageContaining("refused the credentials of ops-bot@acme.dev (HTTP 401)")
                .hasMessageNotContaining(TestSecretsFactory.VALUES.get("GITHUB_TOKEN"));
        assertThatThrownBy(() -> tracker.create(settings("OPS", "UNSET_TOKEN"), followUp, incident, "https://x.test/i/12"))
                .isInstanceOf(FollowUpTracker.TrackerFailure.class).hasMessageContaining("UNSET_TOKEN");
        assertThat(jira.issues).isEmpty();
    }
}
