package dev.flightdeck.envconfig.change;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * AWS reported that a stored value changed (an EventBridge event: SSM "Parameter Store Change", or a Secrets
 * Manager write seen by CloudTrail). It names the store's object, not our service: the watch maps it to a
 * service, environment and key through the team file, and ignores what no changeable service holds.
 *
 * @param eventId   the event's id (deliveries are de-duplicated on it before this is made)
 * @param name      the SSM parameter name, or the secret's name or ARN
 * @param version   the new version when the event says (SSM does; CloudTrail gives the secret's version id)
 * @param actor     who changed it (an IAM ARN or user name), "" when the event does not say
 * @param operation what the event calls it: "Create", "Update", "Delete", "PutSecretValue", "UpdateSecret", …
 */
public record OutsideChange(String eventId, Instant at, Store store, String name, Optional<String> version,
                            String actor, String operation) {

    public enum Store { SSM, SECRETS_MANAGER }

    public OutsideChange {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(name, "name");
        actor = actor == null ? "" : actor;
        operation = operation == null ? "" : operation;
    }

    public boolean isDelete() {
        return operation.equalsIgnoreCase("Delete") || operation.equalsIgnoreCase("DeleteSecret");
    }
}
