package dev.flightdeck.persistence.deploy;

import dev.flightdeck.deploy.ChecklistItem;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

/** The checklist part of {@link JdbcDeployRepository}: a request's items, and the conditional ticks. */
@Singleton
@Requires(beans = javax.sql.DataSource.class)
class JdbcChecklists {

    private final DeployChecklistRows rows;
    private final JdbcOperations jdbc;

    JdbcChecklists(DeployChecklistRows rows, JdbcOperations jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
    }

    /** All of a request's items in one JDBC batch (inside the request's insert transaction), none ticked. */
    void insert(long requestId, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO deploy_checklist_item (request_id, ordinal, item_text) VALUES (?, ?, ?)", ps -> {
            for (int i = 0; i < items.size(); i++) {
                ps.setLong(1, requestId);
                ps.setInt(2, i);
                ps.setString(3, items.get(i));
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    List<ChecklistItem> items(long requestId) {
        return rows.items(requestId).stream()
                .map(c -> new ChecklistItem(c.ordinal(), c.itemText(), c.tickedBy(), c.tickedAt())).toList();
    }

    boolean tick(long requestId, int ordinal, String by, Instant at) {
        return rows.tick(requestId, ordinal, by, at) == 1;
    }

    boolean untick(long requestId, int ordinal) {
        return rows.untick(requestId, ordinal) == 1;
    }
}
