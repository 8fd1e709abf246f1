package dev.flightdeck.testing;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A started {@link FakeSlack} with the Slack SDK pointed at it, for tests that call the Web API through the SDK
 * itself (the gateway, Bolt's app, the fake's own strictness). Register it on a static field
 * ({@code @RegisterExtension}): it closes both after the class's last test.
 */
public final class FakeSlackSdk implements AutoCloseable, AfterAllCallback {

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
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    @Override
    public void close() throws Exception {
        slack.close();
        fake.stop();
    }
}
