package dev.flightdeck.aws.events;

import dev.flightdeck.envconfig.change.OutsideChange;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * A Secrets Manager write seen by CloudTrail ("AWS API Call via CloudTrail", source {@code aws.secretsmanager}):
 * {@code PutSecretValue}, {@code UpdateSecret} and {@code DeleteSecret}. CloudTrail names the caller
 * ({@code userIdentity.arn}) and, for a new value, its version ({@code responseElements.versionId}); it never
 * carries the value (AWS leaves {@code secretString} out of the entry), but the detail is logged by no one anyway.
 *
 * <p>{@code RotateSecret} is not taken: it only starts a rotation, and the rotation function's own
 * {@code PutSecretValue} (its own CloudTrail entry, by the function's role) is the change — taking both would
 * announce one change twice. Calls that failed ({@code errorCode}) changed nothing and are ignored.
 */
@Singleton
public class SecretsManagerWriteRoute implements AwsEventRoute {

    public static final String DETAIL_TYPE = "AWS API Call via CloudTrail";
    public static final String SOURCE = "aws.secretsmanager";
    static final String EVENT_SOURCE = "secretsmanager.amazonaws.com";
    public static final Set<String> WRITES = Set.of("PutSecretValue", "UpdateSecret", "DeleteSecret");

    private final ConfigWatchRelay relay;
    private final Clock clock;

    public SecretsManagerWriteRoute(ConfigWatchRelay relay, Clock clock) {
        this.relay = relay;
        this.clock = clock;
    }

    @Override
    public String detailType() {
        return DETAIL_TYPE;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Plan plan(AwsEvent event) {
        String call = event.detail("eventName").orElse("");
        if (!EVENT_SOURCE.equals(event.detail("eventSource").orElse(""))) {
            return Plan.ignored("not a Secrets Manager call");
        }
        if (!WRITES.contains(call)) {
            return Plan.ignored(call.isEmpty() ? "a call with no eventName" : call + " changes no secret value");
        }
        if (event.detail("errorCode").filter(c -> !c.isBlank()).isPresent()) {
            return Plan.ignored(call + " failed, nothing changed");
        }
        return change(event, clock).map(relay::relay)
                .orElseGet(() -> Plan.invalid(call + " without requestParameters.secretId"));
    }

    static Optional<OutsideChange> change(AwsEvent event, Clock clock) {
        Optional<String> secret = event.detail("requestParameters.secretId").filter(s -> !s.isBlank());
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        String actor = event.detail("userIdentity.arn").orElse("");
        return Optional.of(new OutsideChange(event.id(), event.time().orElse(clock.instant()),
                OutsideChange.Store.SECRETS_MANAGER, secret.get(),
                event.detail("responseElements.versionId").filter(v -> !v.isBlank()), actor,
                event.detail("eventName").orElse("")));
    }
}
