package dev.flightdeck.persistence.metrics;

import dev.flightdeck.metrics.DeliveryDay;
import dev.flightdeck.metrics.DeliveryHistory.DeployFact;
import dev.flightdeck.metrics.DeliverySlice;
import dev.flightdeck.metrics.MetricsPeriod;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the daily rollup for a report: the whole UTC days inside the period from delivery_day (all services together,
 * and the services asked for), the deploys still queued for it (delivery_pending) raw, in one statement so a fold
 * committing meanwhile is seen wholly or not at all (never a deploy both queued and in its day, nor neither); and the
 * period's cut first and last day raw from deploy_request.
 */
@Singleton
class DeliveryDays {

    interface Raw {
        List<DeployFact> finishedBetween(Instant from, Instant to, List<String> environments);
    }

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;

    DeliveryDays(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    Set<String> services() {
        return transactions.executeRead(s -> jdbc.prepareStatement("SELECT service FROM delivery_service", ps -> {
            Set<String> out = new LinkedHashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }));
    }

    DeliverySlice slice(MetricsPeriod period, List<String> environments, Set<String> services, Raw raw) {
        Instant fromDay = period.from().truncatedTo(ChronoUnit.DAYS);
        Instant wholeFrom = fromDay.equals(period.from()) ? fromDay : fromDay.plus(1, ChronoUnit.DAYS);
        Instant wholeTo = period.to().truncatedTo(ChronoUnit.DAYS);
        if (!wholeFrom.isBefore(wholeTo)) {
            return new DeliverySlice(List.of(), raw.finishedBetween(period.from(), period.to(), environments));
        }
        List<DeployFact> finished = new ArrayList<>();
        if (period.from().isBefore(wholeFrom)) {
            finished.addAll(raw.finishedBetween(period.from(), wholeFrom, environments));
        }
        if (wholeTo.isBefore(period.to())) {
            finished.addAll(raw.finishedBetween(wholeTo, period.to(), environments));
        }
        List<DeliveryDay> days = new ArrayList<>();
        read(wholeFrom, wholeTo, environments, services, days, finished);
        return new DeliverySlice(days, finished);
    }

    private void read(Instant from, Instant to, List<String> environments, Set<String> services,
                      List<DeliveryDay> days, List<DeployFact> finished) {
        String envIn = environments.isEmpty() ? "" : " AND d.environment IN (" + JdbcDeliveryRollup.marks(environments.size()) + ")";
        // The services as a joined list of values, not service IN (...): H2 then reads each service's days in the
        // period from delivery_day_service (service, utc_day); given IN it read each service's every day ever.
        String sql = "SELECT 'D', d.utc_day, d.environment, d.service, d.succeeded, d.failed, d.lead_times, d.success_times,"
                + """
                       CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR(20)), CAST(NULL AS TIMESTAMP WITH TIME ZONE),
                       CAST(NULL AS TIMESTAMP WITH TIME ZONE)
                  FROM (VALUES """ + String.join(", ", java.util.Collections.nCopies(services.size() + 1, "(?)"))
                + ") AS s (name) JOIN delivery_day d ON d.service = s.name WHERE d.utc_day >= ? AND d.utc_day < ?" + envIn
                + """
                 UNION ALL
                SELECT 'P', CAST(NULL AS DATE), d.environment, d.service, 0, 0, CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR),
                       d.id, d.state, d.requested_at, d.finished_at
                  FROM delivery_pending p JOIN deploy_request d ON d.id = p.deploy_id
                 WHERE d.finished_at >= ? AND d.finished_at < ?""" + envIn;
        transactions.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            ps.setString(i++, JdbcDeliveryRollup.ALL);
            for (String svc : services) {
                ps.setString(i++, svc);
            }
            ps.setObject(i++, LocalDate.ofInstant(from, ZoneOffset.UTC));
            ps.setObject(i++, LocalDate.ofInstant(to, ZoneOffset.UTC));
            for (String e : environments) {
                ps.setString(i++, e);
            }
            ps.setObject(i++, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            ps.setObject(i++, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            for (String e : environments) {
                ps.setString(i++, e);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if ("D".equals(rs.getString(1))) {
                        days.add(day(rs));
                    } else {
                        String state = rs.getString(10);
                        if ("SUCCEEDED".equals(state) || "FAILED".equals(state)) {
                            finished.add(new DeployFact(rs.getLong(9), rs.getString(4), rs.getString(3), state,
                                    rs.getObject(11, OffsetDateTime.class).toInstant(),
                                    Optional.of(rs.getObject(12, OffsetDateTime.class).toInstant()), Optional.empty()));
                        }
                    }
                }
            }
            return null;
        }));
    }

    private static DeliveryDay day(ResultSet rs) throws java.sql.SQLException {
        LocalDate day = rs.getObject(2, LocalDate.class);
        String service = rs.getString(4);
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return new DeliveryDay(day, rs.getString(3),
                service.equals(JdbcDeliveryRollup.ALL) ? Optional.empty() : Optional.of(service),
                rs.getInt(5), rs.getInt(6), DeliveryDayCodec.leadTimes(rs.getString(7)),
                DeliveryDayCodec.instants(start, rs.getString(8)));
    }
}
