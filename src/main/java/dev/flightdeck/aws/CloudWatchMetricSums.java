package dev.flightdeck.aws;

import dev.flightdeck.alarms.MetricRef;
import dev.flightdeck.alarms.MetricSourceException;
import dev.flightdeck.alarms.MetricSums;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metric sums from CloudWatch: one GetMetricData for all the metrics of a span (one query each, {@code m0}, {@code m1},
 * …, at the span's period), every page read. The SDK's retry strategy retries throttling and transient faults.
 */
@Singleton
public class CloudWatchMetricSums implements MetricSums {

    private final AwsClients clients;

    public CloudWatchMetricSums(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public Map<MetricRef, List<Bucket>> sums(List<MetricRef> metrics, Instant from, Instant to, Duration period) {
        List<MetricDataQuery> queries = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            MetricRef m = metrics.get(i);
            queries.add(MetricDataQuery.builder().id("m" + i).returnData(true).metricStat(MetricStat.builder()
                    .metric(Metric.builder().namespace(m.namespace()).metricName(m.metric())
                            .dimensions(m.dimensions().entrySet().stream()
                                    .map(d -> Dimension.builder().name(d.getKey()).value(d.getValue()).build()).toList())
                            .build())
                    .period((int) period.toSeconds()).stat(m.stat()).build()).build());
        }
        GetMetricDataRequest request = GetMetricDataRequest.builder().metricDataQueries(queries)
                .startTime(from).endTime(to).scanBy(ScanBy.TIMESTAMP_ASCENDING).build();
        Map<String, List<Bucket>> byId = new LinkedHashMap<>();
        try {
            clients.cloudWatch().getMetricDataPaginator(request).forEach(page -> {
                for (MetricDataResult r : page.metricDataResults()) {
                    List<Bucket> buckets = byId.computeIfAbsent(r.id(), k -> new ArrayList<>());
                    for (int i = 0; i < Math.min(r.timestamps().size(), r.values().size()); i++) {
                        buckets.add(new Bucket(r.timestamps().get(i), r.values().get(i)));
                    }
                }
            });
        } catch (SdkException | AwsNotConfiguredException e) {
            throw new MetricSourceException("CloudWatch: " + AwsErrors.describe(e), e);
        }
        Map<MetricRef, List<Bucket>> out = new LinkedHashMap<>();
        for (int i = 0; i < metrics.size(); i++) {
            List<Bucket> buckets = new ArrayList<>(byId.getOrDefault("m" + i, List.of()));
            buckets.sort(Comparator.comparing(Bucket::start));
            out.put(metrics.get(i), List.copyOf(buckets));
        }
        return out;
    }
}
