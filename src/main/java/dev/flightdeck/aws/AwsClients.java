package dev.flightdeck.aws;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The SDK clients, each built once on first use (not at start-up, so Flightdeck starts without AWS settings and
 * says what is missing when an AWS command runs) and shared by all threads. One URL-connection HTTP client
 * under all of them; the SDK's standard retry strategy, which backs off and retries throttling and transient
 * errors, with {@code aws.max-attempts} tries within {@code aws.api-call-timeout}.
 */
@Singleton
public class AwsClients implements AutoCloseable {

    private final AwsSettings settings;
    private final List<ExecutionInterceptor> interceptors;
    private final List<AutoCloseable> built = new ArrayList<>();
    private SdkHttpClient http;
    private SsmClient ssm;
    private SecretsManagerClient secrets;
    private CloudWatchClient cloudWatch;
    private CloudWatchLogsClient logs;
    private SsoAdminClient ssoAdmin;
    private IdentitystoreClient identityStore;

    public AwsClients(AwsSettings settings, List<ExecutionInterceptor> interceptors) {
        this.settings = settings;
        this.interceptors = List.copyOf(interceptors);
    }

    public synchronized SsmClient ssm() {
        if (ssm == null) {
            ssm = build(() -> configure(SsmClient.builder()).build());
        }
        return ssm;
    }

    public synchronized SecretsManagerClient secretsManager() {
        if (secrets == null) {
            secrets = build(() -> configure(SecretsManagerClient.builder()).build());
        }
        return secrets;
    }

    public synchronized CloudWatchClient cloudWatch() {
        if (cloudWatch == null) {
            cloudWatch = build(() -> configure(CloudWatchClient.builder()).build());
        }
        return cloudWatch;
    }

    /** CloudWatch Logs; {@code endpoint}, when given, overrides {@code aws.endpoint-url} for this client alone. */
    public synchronized CloudWatchLogsClient logs(Optional<URI> endpoint) {
        if (logs == null) {
            logs = build(() -> {
                var builder = configure(CloudWatchLogsClient.builder());
                endpoint.ifPresent(builder::endpointOverride);
                return builder.build();
            });
        }
        return logs;
    }

    /** IAM Identity Center's admin API (break-glass account assignments). */
    public synchronized SsoAdminClient ssoAdmin() {
        if (ssoAdmin == null) {
            ssoAdmin = build(() -> configure(SsoAdminClient.builder()).build());
        }
        return ssoAdmin;
    }

    /** IAM Identity Center's identity store (finding a person's user). */
    public synchronized IdentitystoreClient identityStore() {
        if (identityStore == null) {
            identityStore = build(() -> configure(IdentitystoreClient.builder()).build());
        }
        return identityStore;
    }

    private <C extends AutoCloseable> C build(Supplier<C> builder) {
        try {
            C client = builder.get();
            built.add(client);
            return client;
        } catch (SdkException e) {
            // Typically no region: say which settings fix it.
            // The SDK's own text lists every provider it tried; people need the one setting that fixes it.
            throw new AwsNotConfiguredException("AWS is not configured for Flightdeck: set AWS_REGION, and credentials "
                    + "through the usual AWS chain", e);
        }
    }

    /** The region, endpoint, credentials, timeouts, retries and HTTP client every client here gets. */
    synchronized <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        settings.region().map(Region::of).ifPresent(builder::region);
        settings.endpoint().ifPresent(builder::endpointOverride);
        settings.staticCredentials().ifPresentOrElse(
                kp -> builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(kp[0], kp[1]))),
                () -> builder.credentialsProvider(DefaultCredentialsProvider.builder().build()));
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .apiCallTimeout(settings.apiCallTimeout())
                .apiCallAttemptTimeout(settings.attemptTimeout())
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(settings.maxAttempts()).build());
        interceptors.forEach(override::addExecutionInterceptor);
        builder.overrideConfiguration(override.build());
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(httpClient());
        }
        return builder;
    }

    private SdkHttpClient httpClient() {
        if (http == null) {
            http = UrlConnectionHttpClient.builder()
                    .connectionTimeout(settings.attemptTimeout())
                    .socketTimeout(settings.attemptTimeout())
                    .build();
        }
        return http;
    }

    @PreDestroy
    public synchronized void close() {
        for (AutoCloseable client : built) {
            try {
                client.close();
            } catch (Exception ignored) {
                // shutting down: nothing left to do with a client that won't close
            }
        }
        built.clear();
        if (http != null) {
            http.close();
        }
    }
}
