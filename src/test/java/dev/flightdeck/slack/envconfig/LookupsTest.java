package dev.flightdeck.slack.envconfig;

import dev.flightdeck.alarms.AlarmSourceException;
import dev.flightdeck.envconfig.ConfigSourceException;
import dev.flightdeck.slack.envconfig.Rendered;
import dev.flightdeck.slack.envconfig.Lookups;
import dev.flightdeck.testing.LogCapture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a person reads when the slow part of a command fails: the store's problem in words, or an apology with a reference. */
class LookupsTest {

    @Test
    void anUnreadableStoreIsExplained() {
        Rendered r = Lookups.answer("read the configuration of commons in prod", () -> {
            throw new ConfigSourceException("SSM Parameter Store path /commons/prod: AWS answered AccessDeniedException (HTTP 400)");
        });
        assertThat(r.text()).isEqualTo(":warning: Could not read the configuration of commons in prod: SSM Parameter Store "
                + "path /commons/prod: AWS answered AccessDeniedException (HTTP 400)");
        assertThat(Lookups.answer("read the alarms", () -> {
            throw new AlarmSourceException("CloudWatch: AWS did not answer in time", null);
        }).text()).isEqualTo(":warning: Could not read the alarms: CloudWatch: AWS did not answer in time");
    }

    @Test
    void anythingElseIsAnApologyWithAReferenceThatIsInTheLog() {
        try (LogCapture log = new LogCapture(Lookups.class)) {
            Rendered r = Lookups.answer("check the health of commons in prod", () -> {
                throw new IllegalStateException("boom");
            });
            String reference = r.text().replaceAll("(?s).*Reference `([0-9a-f]{8})`.*", "$1");
            assertThat(r.text()).startsWith("Sorry, I could not check the health of commons in prod because of a problem on "
                    + "our side.").doesNotContain("boom", "Exception");
            assertThat(log.lines()).containsExactly("ERROR Could not check the health of commons in prod (reference "
                    + reference + ")");
        }
    }
}
