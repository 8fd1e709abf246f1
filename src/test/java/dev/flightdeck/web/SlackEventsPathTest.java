package dev.flightdeck.web;

import dev.flightdeck.slack.edge.SlackEventsController;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web filters skip the pages' security and views for Slack's requests by path; they keep their own copy of it
 * (web does not import the Slack adapter), so this test is what keeps the copy and the Slack route the same.
 */
class SlackEventsPathTest {

    @Test
    void theFiltersSkipExactlyThePathTheSlackEdgeServes() {
        assertThat(SlackAwareSecurityFilter.SLACK_EVENTS_PATH).isEqualTo(SlackEventsController.PATH);
    }
}
