package dev.flightdeck.build.codebuild;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The CodeBuild client, built on first use and shared. The build adapter builds its own rather than borrow the AWS
 * adapter's, so the two stay apart; it reads the same {@code aws.*} settings (region, endpoint, the static key pair
 * tests use against moto, timeouts and attempts) and takes every SDK interceptor bean (call spans), so it behaves
 * as the other AWS clients do.
 */
@Singleton
public class CodeBuildClients implements AutoCloseable {

    /** The {@code aws.*} settings; empty values mean the SDK's own defaults (AWS_REGION, the credentials chain). */
    public record Settings(Optional<String> region, Optional<URI> endpoint, Optional<String> accessKeyId,
                           Optional<String> secretAccessKey, Duration apiCallTimeout, Duration attemptTimeout,
                           int maxAttempts) {
    }

    /**
     * No region (or similar), so no client could be built. Named as the AWS adapter's own: a failed start names the
     * exception's class in the deploy's thread, and that answer reads as it always has.
     */
    public static class AwsNotConfiguredException extends RuntimeException {
        AwsNotConfiguredException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Settings settings;
    private final List<ExecutionInterceptor> interceptors;
    private SdkHttpClient http;
    private CodeBuildClient client;
    private CloudWatchLogsClient logs;

    @Inject
    public CodeBuildClients(@Value("${aws.region:}") String region, @Value("${aws.endpoint-url:}") String endpoint,
                            @Value("${aws.access-key-id:}") String accessKeyId,
                            @Value("${aws.secret-access-key:}") String secretAccessKey,
                            @Value("${aws.api-call-timeout:20s}") Duration apiCallTimeout,
                            @Value("${aws.attempt-timeout:5s}") Duration attemptTimeout,
                            @Value("${aws.max-attempts:4}") int maxAttempts, List<ExecutionInterceptor> interceptors) {
        this(new Settings(text(region), text(endpoint).map(URI::create), text(accessKeyId), text(secretAccessKey),
                apiCallTimeout, attemptTimeout, maxAttempts), interceptors);
    }

    public CodeBuildClients(Settings settings, List<ExecutionInterceptor> interceptors) {
        this.settings = settings;
        this.interceptors = List.copyOf(interceptors);
    }

    public synchronized CodeBuildClient get() {
        if (client == null) {
            try {
                client = configure(CodeBuildClient.builder()).build();
            } catch (SdkException e) {
                // The SDK's own text lists every provider it tried; people need the one setting that fixes it.
                throw new AwsNotConfiguredException("AWS is not configured for Flightdeck: set AWS_REGION, and "
                        + "credentials through the usual AWS chain", e);
            }
        }
        return client;
    }

    /** The CloudWatch Logs client, for a failed build's log stream; built on first use like {@link #get()}. */
    public synchronized CloudWatchLogsClient logs() {
        if (logs == null) {
            try {
                logs = configure(CloudWatchLogsClient.builder()).build();
            } catch (SdkException e) {
                throw new AwsNotConfiguredException("AWS is not configured for Flightdeck: set AWS_REGION, and "
                        + "credentials through the usual AWS chain", e);
            }
        }
        return logs;
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        settings.region().map(Region::of).ifPresent(builder::region);
        settings.endpoint().ifPresent(builder::endpointOverride);
        if (settings.accessKeyId().isPresent() && settings.secretAccessKey().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    settings.accessKeyId().get(), settings.secretAccessKey().get())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .apiCallTimeout(settings.apiCallTimeout())
                .apiCallAttemptTimeout(settings.attemptTimeout())
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(settings.maxAttempts()).build());
        interceptors.forEach(override::addExecutionInterceptor);
        if (http == null) {
            http = UrlConnectionHttpClient.builder().connectionTimeout(settings.attemptTimeout())
                    .socketTimeout(settings.attemptTimeout()).build();
        }
        return builder.overrideConfiguration(override.build()).httpClient(http);
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (logs != null) {
            logs.close();
            logs = null;
        }
        if (http != null) {
            http.close();
            http = null;
        }
    }

    private static Optional<String> text(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }
}
