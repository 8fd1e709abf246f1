package dev.flightdeck.web.status;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.flightdeck.incident.IncidentStatus;
import dev.flightdeck.incident.status.PublicUpdate;
import dev.flightdeck.incident.status.StatusView;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code /status.json}, shaped like Atlassian Statuspage's {@code /api/v2/summary.json} (page, status, components,
 * incidents with incident_updates, scheduled_maintenances) so tools that read Statuspage read this. Two differences,
 * both documented: incidents include those resolved in the last 14 days (with the published summary as their last
 * update), as the page does; ids are Flightdeck's (service names, {@code INC-12}, update numbers).
 */
final class StatusJson {

    static final String PAGE_ID = "flightdeck";
    private static final JsonFactory JSON = new JsonFactory();

    private StatusJson() {
    }

    static String render(StatusView view, StatusSettings settings) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("page");
            g.writeStringField("id", PAGE_ID);
            g.writeStringField("name", settings.name());
            g.writeStringField("url", settings.url());
            g.writeStringField("time_zone", "Etc/UTC");
            g.writeStringField("updated_at", time(view.updatedAt()));
            g.writeEndObject();
            g.writeObjectFieldStart("status");
            g.writeStringField("indicator", StatusWording.impactCode(view.overall()));
            g.writeStringField("description", StatusWording.overall(view.overall()));
            g.writeEndObject();
            g.writeArrayFieldStart("components");
            int position = 1;
            for (StatusView.Component c : view.components()) {
                component(g, c, position++);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("incidents");
            for (StatusView.Shown i : view.incidents()) {
                incident(g, i, view, settings);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("scheduled_maintenances");
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void component(JsonGenerator g, StatusView.Component c, int position) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", c.name());
        g.writeStringField("name", c.name());
        g.writeStringField("status", StatusWording.stateCode(c.state()));
        g.writeStringField("updated_at", time(c.updatedAt()));
        g.writeNumberField("position", position);
        g.writeNullField("description");
        g.writeBooleanField("showcase", true);
        g.writeNullField("group_id");
        g.writeStringField("page_id", PAGE_ID);
        g.writeBooleanField("group", false);
        g.writeBooleanField("only_show_if_degraded", false);
        g.writeEndObject();
    }

    private static void incident(JsonGenerator g, StatusView.Shown i, StatusView view, StatusSettings settings)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("id", i.id());
        g.writeStringField("name", StatusWording.name(i));
        g.writeStringField("status", i.status().label());
        g.writeStringField("created_at", time(i.startedAt()));
        g.writeStringField("updated_at", time(i.updatedAt()));
        Optional<Instant> monitoring = i.everything().stream().filter(u -> u.status() == IncidentStatus.MONITORING)
                .map(PublicUpdate::at).min(Comparator.naturalOrder());
        nullable(g, "monitoring_at", monitoring);
        nullable(g, "resolved_at", i.resolvedAt());
        g.writeStringField("impact", StatusWording.impactCode(i.impact()));
        g.writeStringField("shortlink", settings.url() + "#" + i.id());
        g.writeStringField("started_at", time(i.startedAt()));
        g.writeStringField("page_id", PAGE_ID);
        g.writeArrayFieldStart("incident_updates");
        for (PublicUpdate u : i.everything()) {
            g.writeStartObject();
            g.writeStringField("id", String.valueOf(u.id()));
            g.writeStringField("status", u.status().label());
            g.writeStringField("body", u.body());
            g.writeStringField("incident_id", i.id());
            g.writeStringField("created_at", time(u.at()));
            g.writeStringField("updated_at", time(u.at()));
            g.writeStringField("display_at", time(u.at()));
            g.writeEndObject();
        }
        g.writeEndArray();
        List<StatusView.Component> named = view.components().stream().filter(c -> i.services().contains(c.name()))
                .toList();
        g.writeArrayFieldStart("components");
        int position = 1;
        for (StatusView.Component c : named) {
            component(g, c, position++);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void nullable(JsonGenerator g, String field, Optional<Instant> at) throws IOException {
        if (at.isPresent()) {
            g.writeStringField(field, time(at.get()));
        } else {
            g.writeNullField(field);
        }
    }

    /** Statuspage's form: ISO 8601 in UTC, milliseconds. */
    static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
