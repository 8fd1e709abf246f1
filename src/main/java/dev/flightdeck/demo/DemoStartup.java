package dev.flightdeck.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/** Runs {@link DemoData} once at start-up when {@code --demo} was given (property {@value #PROPERTY}). */
@Singleton
@Requires(property = DemoStartup.PROPERTY, value = "true")
public class DemoStartup {

    public static final String PROPERTY = "flightdeck.demo";

    private final DemoData demo;

    public DemoStartup(DemoData demo) {
        this.demo = demo;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        demo.loadIfEmpty();
    }
}
