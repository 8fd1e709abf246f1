package dev.flightdeck.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * A client span for every AWS SDK call (SSM, Secrets Manager, CloudWatch, CodeBuild), child of the current span, named
 * like {@code aws Ssm.GetParametersByPath}. Only the service, operation and outcome are recorded: never a request or
 * response body (they hold secret values). AwsClients adds every ExecutionInterceptor bean to its clients.
 */
@Singleton
public class AwsCallSpans implements ExecutionInterceptor {

    private static final ExecutionAttribute<Span> SPAN = new ExecutionAttribute<>("flightdeck.span");

    private final Spans spans;

    public AwsCallSpans(Spans spans) {
        this.spans = spans;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Span span = spans.start("aws " + service + "." + operation, SpanKind.CLIENT);
        span.setAttribute("rpc.system", "aws-api");
        span.setAttribute("rpc.service", String.valueOf(service));
        span.setAttribute("rpc.method", String.valueOf(operation));
        attributes.putAttribute(SPAN, span);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Span span = attributes.getAttribute(SPAN);
        if (span != null) {
            span.setAttribute("http.response.status_code", context.httpResponse().statusCode());
            span.end();
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Span span = attributes.getAttribute(SPAN);
        if (span != null) {
            span.setStatus(StatusCode.ERROR, context.exception().getClass().getSimpleName());
            span.end();
        }
    }
}
