package dev.flightdeck.envconfig.change.watch;

import dev.flightdeck.envconfig.change.ConfigChangeApp;
import dev.flightdeck.envconfig.change.ConfigWatchScheduler;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.testing.FakeMessage;
import dev.flightdeck.testing.FakeSlack;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The watch tests' shared moves: seed and change values in moto, run the scan one interval on, read the channel. */
final class WatchFixture {

    static final Duration WAIT = Duration.ofSeconds(30);

    final ConfigChangeApp app = ConfigChangeApp.shared();
    final ConfigWatchScheduler scan = app.bean(ConfigWatchScheduler.class);

    WatchFixture() {
        DeployDriver.seed(app.slack); // the example team file's channels and people
    }

    static String key(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    /** Puts a plain String parameter under mail's path in {@code env}; returns its new version. */
    long put(String env, String key, String value) {
        try (SsmClient ssm = app.ssm()) {
            return ssm.putParameter(r -> r.name("/mail/" + env + "/" + key).value(value).type(ParameterType.STRING)
                    .overwrite(true)).version();
        }
    }

    /** Who moto says changed the parameter last (what an announcement should name). */
    String lastModifiedUser(String env, String key) {
        try (SsmClient ssm = app.ssm()) {
            List<ParameterHistory> history = ssm.getParameterHistory(r -> r.name("/mail/" + env + "/" + key)).parameters();
            String user = history.get(history.size() - 1).lastModifiedUser();
            return user == null ? "" : user;
        }
    }

    /** One config-watch interval later, the scan's pass; returns how many outside changes it announced. */
    int scanLater() {
        app.clock.advance(app.bean(TeamConfig.class).configWatch().plusSeconds(1));
        return scan.runDue();
    }

    String channelId(String name) {
        return app.slack.channel(name).orElseThrow().id();
    }

    /** Waits for the announcement containing {@code text} in the channel's posts. */
    FakeSlack.Call awaitPost(String containing) {
        return app.slack.awaitCall("chat.postMessage", c -> c.ok() && c.text() != null && c.text().contains(containing), WAIT);
    }

    List<FakeMessage> messagesContaining(String channel, String text) {
        return app.slack.messagesIn(channelId(channel)).stream().filter(m -> m.allText().contains(text)).toList();
    }
}
