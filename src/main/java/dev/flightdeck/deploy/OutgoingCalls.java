package dev.flightdeck.deploy;

import java.util.function.Supplier;

/**
 * Wraps a call to another system so operators can see it: one client span in the trace of the click or command that
 * caused it, whatever the backend. The tracing itself lives outside the domain.
 */
public interface OutgoingCalls {

    <T> T traced(String name, Supplier<T> call);

    /** For plain tests and tools: the call, untraced. */
    static OutgoingCalls untraced() {
        return new OutgoingCalls() {
            @Override
            public <T> T traced(String name, Supplier<T> call) {
                return call.get();
            }
        };
    }
}
