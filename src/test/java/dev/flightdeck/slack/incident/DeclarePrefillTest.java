package dev.flightdeck.slack.incident;

import com.google.gson.JsonObject;
import com.slack.api.util.json.GsonFactory;
import dev.flightdeck.incident.Severity;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The declare form opened pre-filled from elsewhere, and what its private_metadata carries back. */
class DeclarePrefillTest {

    @Test
    void thePrefilledFormProposesTitleAndSeverityUnderItsNoteAndCarriesChannelAndOrigin() {
        JsonObject view = GsonFactory.createSnakeCase().toJsonTree(IncidentModals.declare(new DeclarePrefill("C0ALERTS",
                "shop-prod-5xx: shop in prod", Severity.SEV2, Optional.of("From the alarm of *shop*"), "alert:42")))
                .getAsJsonObject();

        assertThat(view.get("callback_id").getAsString()).isEqualTo(IncidentSlackIds.INCIDENT_DECLARE_MODAL);
        assertThat(view.get("private_metadata").getAsString()).isEqualTo("C0ALERTS|alert:42");
        String blocks = view.get("blocks").toString();
        assertThat(blocks).contains("From the alarm of *shop*", "\"initial_value\":\"shop-prod-5xx: shop in prod\"",
                "\"initial_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"sev2\"},\"value\":\"SEV2\"}");
        assertThat(blocks.indexOf("From the alarm")).isLessThan(blocks.indexOf(IncidentSlackIds.INCIDENT_INPUT_TITLE));
    }

    @Test
    void theFormOfIncidentDeclareStillCarriesOnlyTheChannel() {
        JsonObject view = GsonFactory.createSnakeCase().toJsonTree(IncidentModals.declare("C0OPS")).getAsJsonObject();
        assertThat(view.get("private_metadata").getAsString()).isEqualTo("C0OPS");
        assertThat(DeclarePrefill.Metadata.parse("C0OPS")).isEqualTo(new DeclarePrefill.Metadata("C0OPS", Optional.empty()));
    }

    @Test
    void metadataReadsBackTheChannelAndTheOrigin() {
        assertThat(DeclarePrefill.Metadata.parse("C0ALERTS|alert:42"))
                .isEqualTo(new DeclarePrefill.Metadata("C0ALERTS", Optional.of("alert:42")));
        assertThat(DeclarePrefill.Metadata.parse(null)).isEqualTo(new DeclarePrefill.Metadata(null, Optional.empty()));
        assertThatThrownBy(() -> new DeclarePrefill("C1", "t", Severity.SEV1, Optional.empty(), "a|b"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
