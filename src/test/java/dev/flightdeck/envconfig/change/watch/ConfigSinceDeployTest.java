package dev.flightdeck.envconfig.change.watch;

import dev.flightdeck.envconfig.change.ConfigChangeApp;
import dev.flightdeck.envconfig.change.ConfigEvent;
import dev.flightdeck.envconfig.change.ConfigHistory;
import dev.flightdeck.slack.deploy.DeployDriver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deploys see config (issue 16 item 7): the go/no-go of a deploy of mail lists the config changes to mail in that
 * environment since its last successful deploy there — Flightdeck's and outside ones, key, versions, who, when, never
 * a value — the latest five and how many more.
 */
class ConfigSinceDeployTest {

    private final ConfigChangeApp app = ConfigChangeApp.shared();
    private final DeployDriver d = new DeployDriver(app.slack, app.server);
    private final ConfigHistory history = app.bean(ConfigHistory.class);

    @Test
    void theGoNoGoListsTheLatestConfigChangesSinceTheLastDeployAndCountsTheRest() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String key = WatchFixture.key("WATCH_DEPLOY_" + i);
            keys.add(key);
            Instant at = app.clock.advance(Duration.ofSeconds(1));
            assertThat(history.record(new ConfigEvent("mail", "staging", key, at, "arn:aws:iam::123456789012:user/ops",
                    true, "1", "2", "a1b2c3d4", "9f8e7d6c", Optional.empty()))).isTrue();
        }
        String own = WatchFixture.key("WATCH_DEPLOY_OWN");
        assertThat(history.record(new ConfigEvent("mail", "staging", own, app.clock.advance(Duration.ofSeconds(1)),
                DeployDriver.RM1, false, "3", "4", "", "", Optional.of(77L)))).isTrue();
        // Text AWS hands over is shown as written: an actor naming <!channel> pings nobody.
        String odd = WatchFixture.key("WATCH_DEPLOY_ODD");
        assertThat(history.record(new ConfigEvent("mail", "staging", odd, app.clock.advance(Duration.ofSeconds(1)),
                "arn:aws:sts::123456789012:assumed-role/<!channel>/x", true, "", "1", "", "", Optional.empty()))).isTrue();
        int recorded = history.since("mail", "staging", Instant.EPOCH, 1000).size();

        String version = DeployDriver.newVersion();
        var posted = d.request("mail", version, "staging", DeployDriver.REQUESTER, "");
        String text = d.message(posted).allText();

        assertThat(text).contains("*Config changes since the last deploy*")
                .contains("`" + own + "` version 3 → 4 by <@" + DeployDriver.RM1 + ">")
                .contains("`" + keys.get(5) + "` version 1 → 2 by arn:aws:iam::123456789012:user/ops (outside Flightdeck)")
                .contains("`" + odd + "` version none → 1 by arn:aws:sts::123456789012:assumed-role/&lt;!channel&gt;/x"
                        + " (outside Flightdeck)")
                .contains("… and " + (recorded - 5) + " more before these (the latest are shown)")
                .doesNotContain("<!channel>");
        // The latest five: the three oldest of this test's eight are among those counted, not listed.
        assertThat(text).doesNotContain(keys.get(0)).doesNotContain(keys.get(1)).doesNotContain(keys.get(2));
        for (String shown : List.of(keys.get(3), keys.get(4), keys.get(5), own, odd)) {
            assertThat(text).contains(shown);
        }
        d.click(dev.flightdeck.slack.deploy.DeploySlackIds.DEPLOY_CANCEL, posted, DeployDriver.REQUESTER);
    }
}
