package dev.flightdeck.persistence;

import io.micronaut.data.annotation.Query;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Audit events are never updated or deleted: the repository offers no way to, now or after a later edit. */
class AuditEventRepositoryShapeTest {

    private static final List<String> MUTATING_PREFIXES =
            List.of("update", "delete", "remove", "erase", "eliminate", "merge", "truncate", "upsert");

    @Test
    void noRepositoryMethodUpdatesOrDeletes() {
        List<String> names = Arrays.stream(AuditEventRepository.class.getMethods()).map(Method::getName).toList();

        assertThat(names).contains("insertIfAbsent", "findAll", "findByEventId");
        assertThat(names).noneMatch(name ->
                MUTATING_PREFIXES.stream().anyMatch(name.toLowerCase(Locale.ROOT)::startsWith));
    }

    @Test
    void noHandWrittenQueryUpdatesOrDeletes() {
        List<String> queries = Arrays.stream(AuditEventRepository.class.getMethods())
                .filter(method -> method.isAnnotationPresent(Query.class))
                .map(method -> method.getAnnotation(Query.class).value().toUpperCase(Locale.ROOT))
                .toList();

        assertThat(queries).isNotEmpty().allSatisfy(sql -> assertThat(sql)
                .doesNotContain("UPDATE").doesNotContain("DELETE").doesNotContain("TRUNCATE"));
    }
}
