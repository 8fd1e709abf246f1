package dev.flightdeck.alarms;

import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.deploy.Gate;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Error budgets ({@code /deploy slo [service] [env]} and the slo gate): one service's SLO in one environment read as
 * three spans (the window in buckets for the picture, the last hour and the last six hours for burn rates), each
 * one metric read for all of good's and total's metrics (metric math is evaluated per bucket here), kept a minute.
 */
@Singleton
public class SloService {

    /** How many buckets the window is read in: about one a day for the usual 28 days. */
    static final int BUCKETS = 28;
    static final Duration HOUR = Duration.ofHours(1);
    static final Duration SIX_HOURS = Duration.ofHours(6);

    private final TeamConfig team;
    private final MetricSumsCache sums;

    public SloService(TeamConfig team, MetricSums source, Clock clock) {
        this.team = team;
        this.sums = new MetricSumsCache(source, clock);
    }

    /**
     * The services with an SLO (all, or the one named) in the environments asked: the one named, else those that
     * gate on {@code slo}, else those named like production (prod, production, prod-…), else every environment.
     */
    public List<SloReading> readings(Optional<String> service, Optional<String> env) {
        List<String> envs = env.map(List::of).orElseGet(this::productionEnvironments);
        List<SloReading> out = new ArrayList<>();
        for (ServiceConfig s : team.services().values()) {
            if (s.slo().isPresent() && (service.isEmpty() || service.get().equals(s.name()))) {
                envs.forEach(e -> out.add(read(s.name(), e, s.slo().get().forEnv(e))));
            }
        }
        return out;
    }

    /** The reading of one service in one environment; empty when the service has no SLO. */
    public Optional<SloReading> reading(String service, String env) {
        return team.service(service).flatMap(ServiceConfig::slo).map(slo -> read(service, env, slo.forEnv(env)));
    }

    List<String> productionEnvironments() {
        List<String> all = List.copyOf(team.environments().keySet());
        List<String> gated = team.environments().values().stream().filter(e -> e.hasGate(Gate.SLO))
                .map(EnvironmentConfig::name).toList();
        if (!gated.isEmpty()) {
            return gated;
        }
        List<String> named = all.stream().filter(SloService::looksLikeProduction).toList();
        return named.isEmpty() ? all : named;
    }

    private static boolean looksLikeProduction(String env) {
        String e = env.toLowerCase(Locale.ROOT);
        return e.equals("prod") || e.equals("production") || e.startsWith("prod-") || e.startsWith("production-");
    }

    private SloReading read(String service, String env, SloSettings slo) {
        List<MetricRef> metrics = slo.metrics();
        try {
            Duration period = period(slo.window());
            MetricSumsCache.SpanSums windowRead = sums.lastSpan(metrics, slo.window(), period);
            ErrorBudget.Counts window = counts(slo, windowRead);
            ErrorBudget.Counts hour = counts(slo, sums.lastSpan(metrics, HOUR, HOUR));
            ErrorBudget.Counts six = counts(slo, sums.lastSpan(metrics, SIX_HOURS, SIX_HOURS));
            return ErrorBudget.of(slo, window, hour, six, buckets(windowRead, period))
                    .<SloReading>map(b -> new SloReading.Measured(service, env, slo, b))
                    .orElseGet(() -> new SloReading.NoData(service, env, slo));
        } catch (MetricSourceException e) {
            return new SloReading.Unreadable(service, env, slo, e.getMessage());
        }
    }

    /** Whole hours (CloudWatch keeps hourly data 63 days and wants hour multiples past that), about {@value #BUCKETS}. */
    static Duration period(Duration window) {
        long hours = Math.max(1, (window.toHours() + BUCKETS - 1) / BUCKETS);
        return Duration.ofHours(hours);
    }

    /** The window's bucket starts, oldest first, as its read asked for them. */
    private static List<Instant> buckets(MetricSumsCache.SpanSums read, Duration period) {
        List<Instant> out = new ArrayList<>();
        for (Instant b = read.from(); b.isBefore(read.to()); b = b.plus(period)) {
            out.add(b);
        }
        return out;
    }

    private static ErrorBudget.Counts counts(SloSettings slo, MetricSumsCache.SpanSums read) {
        return new ErrorBudget.Counts(slo.good().evaluate(read.sums()), slo.total().evaluate(read.sums()));
    }
}
