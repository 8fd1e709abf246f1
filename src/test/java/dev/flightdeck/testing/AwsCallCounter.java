package dev.flightdeck.testing;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the AWS calls the application's own clients make, by {@code Service.Operation} (e.g.
 * {@code CloudWatch.GetMetricData}), in test apps: AwsClients adds every ExecutionInterceptor bean to its clients.
 * Only names are recorded, never a request or response.
 */
@Singleton
@Requires(property = TestClockFactory.PROPERTY, value = "true")
public class AwsCallCounter implements ExecutionInterceptor {

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        calls.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
    }

    /** How many calls of {@code Service.Operation} the application has made so far. */
    public int count(String serviceDotOperation) {
        AtomicInteger n = calls.get(serviceDotOperation);
        return n == null ? 0 : n.get();
    }
}
