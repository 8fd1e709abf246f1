package dev.flightdeck.aws;

import dev.flightdeck.envconfig.logs.LogLine;
import dev.flightdeck.envconfig.logs.LogQuery;
import dev.flightdeck.envconfig.logs.LogSearch;
import dev.flightdeck.envconfig.logs.LogSearchException;
import dev.flightdeck.envconfig.logs.QueryResults;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LimitExceededException;
import software.amazon.awssdk.services.cloudwatchlogs.model.MalformedQueryException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@link LogSearch} on CloudWatch Logs Insights: StartQuery over the groups, GetQueryResults, StopQuery. A row
 * becomes a line from its {@code @timestamp} and {@code @message}, or, for a typed query without them, its fields
 * as {@code name=value}. {@code flightdeck.aws.logs-endpoint-url} points this client alone elsewhere (tests put a
 * Logs Insights proxy there). Errors are told by AWS's error code only (see {@link AwsErrors}).
 */
@Singleton
public class CloudWatchLogSearch implements LogSearch {

    /** How Logs Insights writes {@code @timestamp}: UTC, milliseconds. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final AwsClients clients;
    private final AwsSettings settings;
    private final Optional<URI> endpoint;

    public CloudWatchLogSearch(AwsClients clients, AwsSettings settings,
                               @Value("${flightdeck.aws.logs-endpoint-url:}") String endpoint) {
        this.clients = clients;
        this.settings = settings;
        this.endpoint = endpoint == null || endpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(endpoint.trim()));
    }

    @Override
    public String start(LogQuery query) {
        try {
            return logs().startQuery(r -> r.logGroupNames(query.groups()).startTime(query.from().getEpochSecond())
                    .endTime(query.to().getEpochSecond()).queryString(query.text())).queryId();
        } catch (ResourceNotFoundException e) {
            throw new LogSearchException("CloudWatch Logs has no log group " + String.join(", ", query.groups())
                    + " (ResourceNotFoundException): check `logs: groups:` in the team file", e);
        } catch (MalformedQueryException e) {
            throw new LogSearchException("Logs Insights could not read the query (MalformedQueryException): check its "
                    + "syntax", e);
        } catch (LimitExceededException e) {
            throw new LogSearchException("CloudWatch Logs runs as many queries for this account as it allows "
                    + "(LimitExceededException): try again in a minute", e);
        } catch (SdkException | AwsNotConfiguredException e) {
            throw new LogSearchException("CloudWatch Logs did not start the query: " + AwsErrors.describe(e), e);
        }
    }

    @Override
    public QueryResults results(String queryId) {
        GetQueryResultsResponse answer;
        try {
            answer = logs().getQueryResults(r -> r.queryId(queryId));
        } catch (SdkException | AwsNotConfiguredException e) {
            throw new LogSearchException("CloudWatch Logs did not give the query's results: " + AwsErrors.describe(e), e);
        }
        String status = answer.statusAsString() == null ? "Unknown" : answer.statusAsString();
        return switch (status) {
            case "Scheduled", "Running" -> QueryResults.running();
            case "Complete" -> QueryResults.complete(answer.results().stream().map(CloudWatchLogSearch::line).toList(),
                    answer.statistics() == null || answer.statistics().recordsMatched() == null ? answer.results().size()
                            : Math.round(answer.statistics().recordsMatched()));
            default -> QueryResults.ended(status);
        };
    }

    @Override
    public void stop(String queryId) {
        try {
            logs().stopQuery(r -> r.queryId(queryId));
        } catch (SdkException | AwsNotConfiguredException e) {
            throw new LogSearchException("CloudWatch Logs did not stop the query: " + AwsErrors.describe(e), e);
        }
    }

    /**
     * The Logs Insights console on this query and range. The console reads its state from the fragment in its own
     * encoding: {@code ?queryDetail=} URL-encoded once and the structure twice, with {@code %} written {@code $}; each
     * value URL-encoded once with {@code %} written {@code *}.
     */
    @Override
    public String consoleLink(LogQuery query) {
        String region = settings.region().orElse("us-east-1");
        StringBuilder detail = new StringBuilder(outer("~(end~'")).append(value(query.to().toString()))
                .append(outer("~start~'")).append(value(query.from().toString()))
                .append(outer("~timeType~'")).append(value("ABSOLUTE"))
                .append(outer("~tz~'")).append(value("UTC"))
                .append(outer("~editorString~'")).append(value(query.text()))
                .append(outer("~source~("));
        for (String group : query.groups()) {
            detail.append(outer("~'")).append(value(group));
        }
        detail.append(outer("))"));
        return "https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region
                + "#logsV2:logs-insights" + encode("?queryDetail=").replace('%', '$') + detail;
    }

    private static String outer(String structure) {
        return encode(encode(structure)).replace('%', '$');
    }

    private static String value(String value) {
        return encode(value).replace('%', '*');
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")
                .replace("~", "%7E").replace("*", "%2A");
    }

    private static LogLine line(List<ResultField> row) {
        Optional<Instant> at = Optional.empty();
        String message = null;
        List<String> others = new ArrayList<>();
        for (ResultField f : row) {
            if ("@timestamp".equals(f.field())) {
                at = timestamp(f.value());
            } else if ("@message".equals(f.field())) {
                message = f.value();
            } else if (!"@ptr".equals(f.field())) {
                others.add(f.field() + "=" + f.value());
            }
        }
        String text = message != null ? message : others.stream().collect(Collectors.joining(" "));
        return new LogLine(at, text == null ? "" : text.stripTrailing());
    }

    private static Optional<Instant> timestamp(String value) {
        try {
            return Optional.of(LocalDateTime.parse(value, TIMESTAMP).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private CloudWatchLogsClient logs() {
        return clients.logs(endpoint);
    }
}
