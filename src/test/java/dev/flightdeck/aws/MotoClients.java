package dev.flightdeck.aws;

import dev.flightdeck.testing.MotoServer;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.time.Duration;
import java.util.List;

/**
 * Real {@link AwsClients} pointed at a test's moto_server, through the same settings production reads. No
 * ExecutionInterceptor is needed: moto 5.2's timestamps and pagination tokens are accepted by SDK 2.40 as they are.
 */
final class MotoClients {
    private MotoClients() {
    }

    static AwsSettings settings(MotoServer moto) {
        return new AwsSettings(moto.region().id(), moto.endpoint().toString(), "testing", "testing",
                Duration.ofSeconds(20), Duration.ofSeconds(10), 3);
    }

    static AwsClients clients(MotoServer moto) {
        return new AwsClients(settings(moto), List.<ExecutionInterceptor>of());
    }
}
