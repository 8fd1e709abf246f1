package dev.flightdeck.envconfig.change.watch;

import dev.flightdeck.envconfig.change.ConfigChangeApp;
import dev.flightdeck.envconfig.change.OutsideChange;
import dev.flightdeck.envconfig.change.WatchedPlaces;
import dev.flightdeck.envconfig.change.WatchedPlaces.Place;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What AWS names, mapped to a changeable service through the test app's team file (mail allows changes under
 * /mail/{env}/ and mail/{env}; mail-reader, under /mail-reader/{env}/, does not): the rest is ignored.
 */
class WatchedPlacesTest {

    private final WatchedPlaces places = ConfigChangeApp.shared().bean(WatchedPlaces.class);

    private static OutsideChange ssm(String name) {
        return new OutsideChange("e1", Instant.EPOCH, OutsideChange.Store.SSM, name, Optional.empty(), "", "Update");
    }

    private static OutsideChange secret(String name) {
        return new OutsideChange("e2", Instant.EPOCH, OutsideChange.Store.SECRETS_MANAGER, name, Optional.empty(),
                "", "PutSecretValue");
    }

    @Test
    void aParameterUnderAChangeableServicesPathIsThatServiceInThatEnvironment() {
        assertThat(places.of(ssm("/mail/prod/EMAIL_QUEUE_URL")))
                .containsExactly(new Place("mail", "prod", "/mail/prod/EMAIL_QUEUE_URL"));
        assertThat(places.of(ssm("/mail/staging/nested/KEY")))
                .containsExactly(new Place("mail", "staging", "/mail/staging/nested/KEY"));
    }

    @Test
    void whatNoChangeableServiceHoldsIsIgnored() {
        assertThat(places.of(ssm("/mail-reader/prod/EMAIL_QUEUE_URL"))).isEmpty(); // changes: false
        assertThat(places.of(ssm("/mail/qa/EMAIL_QUEUE_URL"))).isEmpty();          // no such environment
        assertThat(places.of(ssm("/mail/prod/"))).isEmpty();
        assertThat(places.of(ssm("MyExampleParameter"))).isEmpty();
        assertThat(places.of(secret("MyDatabaseSecret"))).isEmpty();
        assertThat(places.of(secret("mail/prod-extra"))).isEmpty();
    }

    @Test
    void aSecretIsNamedByItsNameOrItsArn() {
        Place prod = new Place("mail", "prod", "mail/prod");
        assertThat(places.of(secret("mail/prod"))).containsExactly(prod);
        assertThat(places.of(secret("arn:aws:secretsmanager:us-east-2:123456789012:secret:mail/prod-a1B2c3")))
                .containsExactly(prod);
        assertThat(places.of(secret("arn:aws:secretsmanager:us-east-2:123456789012:secret:mail/prod")))
                .containsExactly(prod);
        assertThat(places.of(secret("arn:aws:secretsmanager:us-east-2:123456789012:secret:mail/prod-extra-a1B2c3")))
                .isEmpty();
        assertThat(places.of(secret("arn:aws:ssm:us-east-2:123456789012:parameter/mail/prod-a1B2c3"))).isEmpty();
    }

    @Test
    void theScanLooksAtEveryEnvironmentOfEachChangeableService() {
        assertThat(places.all()).extracting(Place::service).containsOnly("mail");
        assertThat(places.all()).extracting(Place::environment).contains("dev", "staging", "prod");
    }
}
