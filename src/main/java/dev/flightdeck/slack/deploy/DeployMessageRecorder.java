package dev.flightdeck.slack.deploy;

import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.slack.api.outbox.OutboxListener;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Stores where a go/no-go landed when the outbox posted it after /deploy stopped waiting (Slack was down, or the
 * process restarted in between): buttons, updates and thread replies need its channel and ts.
 */
@Singleton
@Requires(beans = DeployRepository.class)
public class DeployMessageRecorder implements OutboxListener {

    private static final String PREFIX = "deploy-message:";

    private final DeployRepository repository;

    public DeployMessageRecorder(DeployRepository repository) {
        this.repository = repository;
    }

    static String hook(long deployId) {
        return PREFIX + deployId;
    }

    @Override
    public void sent(String hook, String channel, String ts) {
        if (hook.startsWith(PREFIX)) {
            repository.saveMessage(Long.parseLong(hook.substring(PREFIX.length())), channel, ts);
        }
    }
}
