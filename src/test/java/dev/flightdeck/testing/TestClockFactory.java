package dev.flightdeck.testing;

import dev.flightdeck.ClockFactory;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;

/** In contexts that ask for it, the application's clock is a {@link MutableClock} the test moves by hand. */
@Factory
@Requires(property = TestClockFactory.PROPERTY, value = "true")
public class TestClockFactory {
    public static final String PROPERTY = "flightdeck.test.mutable-clock";

    @Singleton
    @Replaces(bean = Clock.class, factory = ClockFactory.class)
    MutableClock clock() {
        return MutableClock.now();
    }
}
