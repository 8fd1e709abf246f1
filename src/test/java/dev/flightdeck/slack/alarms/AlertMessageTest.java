package dev.flightdeck.slack.alarms;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.util.json.GsonFactory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How an alarm episode's message reads in each state, and which buttons it offers. */
class AlertMessageTest {

    private static final String RED = "#E01E5A";
    private static final String GREEN = "#2EB67D";
    private static final String GREY = "#9E9E9E";

    @Test
    void aFiringAlarmSaysEnvironmentStateNameAndReasonInTheFailureColourWithThreeButtons() {
        AlertMessage m = new AlertMessage(Episodes.firing().build());

        assertThat(m.text()).isEqualTo("PROD: ALARM shop-prod-5xx — " + Episodes.REASON);
        JsonObject attachment = attachment(m);
        assertThat(attachment.get("color").getAsString()).isEqualTo(RED);
        String blocks = attachment.get("blocks").toString();
        assertThat(blocks).contains(":rotating_light: *PROD: ALARM shop-prod-5xx* — Threshold Crossed",
                "*Service*\\nshop", "*Metric*\\nAWS/ApplicationELB HTTPCode_Target_5XX_Count (Sum, 60s)",
                "*Threshold*\\n&gt; 5.0",
                "*Since*\\n<!date^" + Episodes.FIRED.getEpochSecond() + "^{date_short_pretty} {time}|",
                "|Open in CloudWatch>");
        assertThat(buttons(m)).extracting(b -> b.get("action_id").getAsString())
                .containsExactly("alert_declare", "alert_ack", "alert_runbook");
        assertThat(buttons(m).get(0).get("value").getAsString()).isEqualTo("42");
        assertThat(buttons(m).get(0).get("text").getAsJsonObject().get("text").getAsString()).isEqualTo("Declare incident");
        assertThat(buttons(m).get(1).get("value").getAsString()).isEqualTo("42");
        assertThat(buttons(m).get(2).get("url").getAsString()).isEqualTo("https://wiki.example.com/runbooks/shop");
        assertThat(actionsBlock(m).get("block_id").getAsString()).isEqualTo("alert_actions:42");
    }

    @Test
    void withoutARunbookThereIsNoRunbookButton() {
        assertThat(buttons(new AlertMessage(Episodes.firing().noRunbook().build())))
                .extracting(b -> b.get("action_id").getAsString()).containsExactly("alert_declare", "alert_ack");
    }

    @Test
    void theMonitorsWordsAreEscapedSoTheyPingNobodyAndLinkNowhere() {
        AlertMessage m = new AlertMessage(Episodes.firing()
                .named("shop-<!channel>-5xx", "was <@U0BOSS> & <https://evil.example|click> >").build());

        assertThat(m.text()).isEqualTo("PROD: ALARM shop-&lt;!channel&gt;-5xx — was &lt;@U0BOSS&gt; &amp; "
                + "&lt;https://evil.example|click&gt; &gt;");
        String blocks = attachment(m).get("blocks").toString();
        assertThat(blocks).doesNotContain("<!channel>", "<@U0BOSS>", "<https://evil");
    }

    @Test
    void acknowledgedItShowsWhoAndKeepsDeclareWhileItFires() {
        AlertMessage m = new AlertMessage(Episodes.firing().acked("U0ONCALL").build());

        assertThat(attachment(m).get("blocks").toString()).contains(":eyes: Acknowledged by <@U0ONCALL> <!date^");
        assertThat(buttons(m)).extracting(b -> b.get("action_id").getAsString())
                .containsExactly("alert_declare", "alert_runbook");
    }

    @Test
    void backToOkItTurnsGreenAndSaysHowLongItFiredAndWhoAcknowledged() {
        Instant ok = Episodes.FIRED.plusSeconds(12 * 60 + 30);
        AlertMessage m = new AlertMessage(Episodes.firing().acked("U0ONCALL")
                .okAt(ok, "Threshold Crossed: 1 datapoint [0.0] was not greater than the threshold (5.0).").build());

        assertThat(m.text()).startsWith("PROD: OK shop-prod-5xx — Threshold Crossed: 1 datapoint [0.0] was not greater");
        assertThat(attachment(m).get("color").getAsString()).isEqualTo(GREEN);
        assertThat(attachment(m).get("blocks").toString()).contains(":white_check_mark: *PROD: OK shop-prod-5xx*",
                "*Fired for*\\n12m, <!date^" + Episodes.FIRED.getEpochSecond(), " to <!date^" + ok.getEpochSecond(),
                "Acknowledged by <@U0ONCALL>").doesNotContain("ALARM");
        assertThat(buttons(m)).extracting(b -> b.get("action_id").getAsString()).containsExactly("alert_runbook");
    }

    @Test
    void backToOkWithoutAReasonOrAnAcknowledgementSaysSo() {
        AlertMessage m = new AlertMessage(Episodes.firing().noRunbook()
                .okAt(Episodes.FIRED.plusSeconds(3 * 3600 + 300), "").build());

        assertThat(m.text()).isEqualTo("PROD: OK shop-prod-5xx — back to normal after 3h 05m");
        assertThat(attachment(m).get("blocks").toString()).contains("Nobody acknowledged it");
        assertThat(actionsBlock(m)).isNull();
    }

    @Test
    void noDataIsShownGreyAndNotAsAnAlarm() {
        Instant at = Episodes.FIRED.plusSeconds(600);
        AlertMessage m = new AlertMessage(Episodes.firing()
                .noDataAt(at, "Insufficient Data: 1 datapoint was unknown.").build());

        assertThat(m.text()).isEqualTo("PROD: NO DATA shop-prod-5xx — Insufficient Data: 1 datapoint was unknown.");
        assertThat(attachment(m).get("color").getAsString()).isEqualTo(GREY);
        assertThat(attachment(m).get("blocks").toString()).contains(":grey_question: *PROD: NO DATA shop-prod-5xx*",
                "*No data since*\\n<!date^" + at.getEpochSecond()).doesNotContain(":rotating_light:");
        assertThat(buttons(m)).extracting(b -> b.get("action_id").getAsString())
                .containsExactly("alert_ack", "alert_runbook");
    }

    @Test
    void firedAgainWithinTheFlapWindowSaysHowOften() {
        AlertMessage m = new AlertMessage(Episodes.firing().flapped(2).build());

        assertThat(attachment(m).get("blocks").toString()).contains(":repeat: Fired 3 times since <!date^"
                + Episodes.FIRED.getEpochSecond());
    }

    @Test
    void onAnIncidentsTimelineItNamesTheIncidentAndNoLongerOffersToDeclare() {
        AlertMessage m = new AlertMessage(Episodes.firing().onIncident("INC-7").build());

        assertThat(attachment(m).get("blocks").toString()).contains(":fire: On the timeline of *INC-7*");
        assertThat(buttons(m)).extracting(b -> b.get("action_id").getAsString())
                .containsExactly("alert_ack", "alert_runbook");
    }

    @Test
    void theNudgePingsWhoItIsGivenAndSaysForHowLong() {
        String text = AlertWords.nudge(Episodes.firing().build(), "<!subteam^S0ONCALL> <@U0LEAD>",
                Episodes.FIRED.plusSeconds(15 * 60));

        assertThat(text).isEqualTo(":bell: <!subteam^S0ONCALL> <@U0LEAD> *PROD: ALARM shop-prod-5xx* has fired for 15m "
                + "and nobody has acknowledged it. *Acknowledge* it above if you are on it, or *Declare incident*.");
    }

    static JsonObject attachment(AlertMessage m) {
        JsonElement json = GsonFactory.createSnakeCase().toJsonTree(m.attachments());
        assertThat(json.getAsJsonArray()).hasSize(1);
        return json.getAsJsonArray().get(0).getAsJsonObject();
    }

    static JsonObject actionsBlock(AlertMessage m) {
        for (JsonElement b : attachment(m).get("blocks").getAsJsonArray()) {
            if ("actions".equals(b.getAsJsonObject().get("type").getAsString())) {
                return b.getAsJsonObject();
            }
        }
        return null;
    }

    static List<JsonObject> buttons(AlertMessage m) {
        JsonObject actions = actionsBlock(m);
        List<JsonObject> out = new ArrayList<>();
        if (actions != null) {
            JsonArray elements = actions.get("elements").getAsJsonArray();
            elements.forEach(e -> out.add(e.getAsJsonObject()));
        }
        return out;
    }
}
