package dev.flightdeck.testing;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;

/**
 * A started {@link FakeSlack} with the Slack SDK pointed at it, for tests that call the Web API through the SDK
 * itself (the gateway, Bolt's app, the fake's own strictness). Keep it in a static field and close it after all.
 */
public final class FakeSlackSdk implements AutoCloseable {

    private final FakeSlack fake;
    private final Slack slack;

    private FakeSlackSdk(FakeSlack fake, Slack slack) {
        this.fake = fake;
        this.slack = slack;
    }

    public static FakeSlackSdk start() {
        FakeSlack fake = new FakeSlack().start();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.baseUrl());
        return new FakeSlackSdk(fake, Slack.getInstance(config));
    }

    public FakeSlack fake() {
        return fake;
    }

    public Slack slack() {
        return slack;
    }

    @Override
    public void close() throws Exception {
        slack.close();
        fake.stop();
    }
}
