package dev.flightdeck.aws.events;

import dev.flightdeck.envconfig.change.OutsideChange;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;

/**
 * SSM's own "Parameter Store Change" event: {@code detail} is {@code {operation, name, type, description}}. It
 * names neither who made the change nor the new version, so the change goes on with no actor and no version and
 * the watch reads both ({@code LastModifiedUser}, {@code Version}) from SSM.
 */
@Singleton
public class ParameterStoreChangeRoute implements AwsEventRoute {

    public static final String DETAIL_TYPE = "Parameter Store Change";
    public static final String SOURCE = "aws.ssm";

    private final ConfigWatchRelay relay;
    private final Clock clock;

    public ParameterStoreChangeRoute(ConfigWatchRelay relay, Clock clock) {
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
        return change(event, clock).map(relay::relay).orElseGet(() -> why(event));
    }

    /** The change the event reports; empty when it reports none (see {@link #why}). */
    static Optional<OutsideChange> change(AwsEvent event, Clock clock) {
        Optional<String> name = event.detail("name").filter(n -> !n.isBlank());
        String operation = event.detail("operation").orElse("");
        if (name.isEmpty() || event.detail("exception").isPresent() || operation.equals("LabelParameterVersion")) {
            return Optional.empty();
        }
        // Some operations (older events) carry no operation word; the watch reads the parameter either way.
        return Optional.of(new OutsideChange(event.id(), event.time().orElse(clock.instant()), OutsideChange.Store.SSM,
                name.get(), Optional.empty(), "", operation));
    }

    private static Plan why(AwsEvent event) {
        if (event.detail("name").filter(n -> !n.isBlank()).isEmpty()) {
            return Plan.invalid("a Parameter Store Change without detail.name");
        }
        if (event.detail("exception").isPresent()) {
            // SSM reports a create or update that failed its validation (e.g. aws:ec2:image) as a change with an
            // exception: nothing was stored.
            return Plan.ignored("the parameter operation failed, nothing changed");
        }
        return Plan.ignored("a label moved, no value changed");
    }
}
