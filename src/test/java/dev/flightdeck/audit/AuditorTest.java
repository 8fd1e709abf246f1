package dev.flightdeck.audit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditorTest {

    private static final AuditType APPROVED = new AuditType("deploy.approved", 3);

    private final InMemoryAuditLog log = new InMemoryAuditLog();
    private final List<Map<String, ?>> encoded = new ArrayList<>();
    // Records what it was given; the JSON text itself is the adapter's business (see JdbcAuditLogContract).
    private final AuditPayloadEncoder encoder = payload -> {
        encoded.add(payload);
        return "{\"n\":" + encoded.size() + "}";
    };
    private final Clock clock = Clock.fixed(Instant.parse("2030-05-06T07:08:09.123456789Z"), ZoneOffset.UTC);
    private final Auditor auditor = new Auditor(log, encoder, clock);

    @AfterEach
    void clearMdc() {
        MDC.remove(Auditor.TRACE_ID_MDC_KEY);
    }

    @Test
    void stampsTimeToTheMicrosecondSchemaVersionAndTraceIdAndAppends() {
        MDC.put(Auditor.TRACE_ID_MDC_KEY, "abc123");

        AuditEvent event = auditor.record(APPROVED, "U1", Map.of("deploy", 7));

        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2030-05-06T07:08:09.123456Z"));
        assertThat(event.type()).isEqualTo("deploy.approved");
        assertThat(event.schemaVersion()).isEqualTo(3);
        assertThat(event.actor()).isEqualTo("U1");
        assertThat(event.traceId()).contains("abc123");
        assertThat(event.payloadJson()).isEqualTo("{\"n\":1}");
        assertThat(log.all()).containsExactly(event);
    }

    @Test
    void withoutATraceIdInTheMdcTheEventHasNone() {
        assertThat(auditor.record(APPROVED, "U1", Map.of()).traceId()).isEmpty();
    }

    @Test
    void eachRecordGetsItsOwnEventId() {
        AuditEvent first = auditor.record(APPROVED, "U1", Map.of());
        AuditEvent second = auditor.record(APPROVED, "U1", Map.of());

        assertThat(first.eventId()).isNotEqualTo(second.eventId());
        assertThat(log.all()).hasSize(2);
    }

    @Test
    void recordOnceWithTheSameKeyIsStoredOnceAndDifferentKeysOrTypesAreNot() {
        AuditEvent first = auditor.recordOnce(APPROVED, "U1", "action:1712.0001", Map.of());
        AuditEvent repeat = auditor.recordOnce(APPROVED, "U1", "action:1712.0001", Map.of());
        AuditEvent otherKey = auditor.recordOnce(APPROVED, "U1", "action:1712.0002", Map.of());
        AuditEvent otherType = auditor.recordOnce(new AuditType("deploy.rejected", 1), "U1", "action:1712.0001", Map.of());

        assertThat(repeat.eventId()).isEqualTo(first.eventId());
        assertThat(otherKey.eventId()).isNotEqualTo(first.eventId());
        assertThat(otherType.eventId()).isNotEqualTo(first.eventId());
        assertThat(log.all()).containsExactly(first, otherKey, otherType);
    }

    @Test
    void handsTheEncoderThePayloadWithKeysSortedAtEveryLevel() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("zeta", 1);
        inner.put("alpha", 2);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("window", inner);
        payload.put("list", List.of(Map.of("b", 1, "a", 2)));
        payload.put("actor", "U1");

        auditor.record(APPROVED, "U1", payload);

        Map<String, ?> given = encoded.get(0);
        assertThat(given.keySet()).containsExactly("actor", "list", "window");
        assertThat(keys(given.get("window"))).containsExactly("alpha", "zeta");
        assertThat(keys(((List<?>) given.get("list")).get(0))).containsExactly("a", "b");
    }

    private static List<Object> keys(Object map) {
        return new ArrayList<>(((Map<?, ?>) map).keySet());
    }

    @Test
    void refusesEventsItCouldNotStoreFaithfully() {
        assertThatThrownBy(() -> new AuditType("Deploy Approved", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditType("deploy.approved", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> auditor.record(APPROVED, " ", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> auditor.record(APPROVED, "U".repeat(101), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditEvent(AuditEvent.idFor("a", "b"), "a", 1, "U1", Instant.EPOCH,
                Optional.empty(), "[1,2]")).hasMessageContaining("JSON object");
        assertThat(log.all()).isEmpty();
    }

    @Test
    void queriesRejectNonsenseLimitsAndRanges() {
        assertThatThrownBy(() -> AuditQuery.newestFirst(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditQuery.newestFirst(AuditQuery.MAX_LIMIT + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditQuery.newestFirst(5).between(Instant.EPOCH.plusSeconds(1), Instant.EPOCH))
                .hasMessageContaining("before");
    }
}
