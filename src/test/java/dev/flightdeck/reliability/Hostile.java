package dev.flightdeck.reliability;

import dev.flightdeck.testing.SignedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** What every answer to hostile input must not contain. */
final class Hostile {
    private Hostile() {}

    static void assertNoStackTrace(SignedRequest.Reply reply) {
        String body = reply.body() == null ? "" : reply.body();
        assertThat(body).as("answer body").doesNotContain("Exception", "\tat ", "at dev.flightdeck", "at com.slack",
                "at io.micronaut", "Caused by");
    }
}
