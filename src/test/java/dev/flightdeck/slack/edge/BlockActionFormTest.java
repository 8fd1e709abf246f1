package dev.flightdeck.slack.edge;

import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.util.SlackRequestParser;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A click decoded with the shared Gson must be the very request Bolt's own parser makes, context and all. */
class BlockActionFormTest {

    private static final AppConfig CONFIG = AppConfig.builder().singleTeamBotToken("xoxb-test").build();
    private static final RequestHeaders HEADERS = new RequestHeaders(Map.of());

    private static final String CLICK = "{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\",\"username\":\"ann\","
            + "\"team_id\":\"T1\"},\"api_app_id\":\"A1\",\"token\":\"t\",\"container\":{\"type\":\"message\","
            + "\"message_ts\":\"1700000000.000100\",\"channel_id\":\"C1\",\"is_ephemeral\":false},\"trigger_id\":\"1.2.3\","
            + "\"team\":{\"id\":\"T1\",\"domain\":\"acme\"},\"is_enterprise_install\":false,\"channel\":{\"id\":\"C1\","
            + "\"name\":\"deploys\"},\"message\":{\"type\":\"message\",\"user\":\"UBOT\",\"ts\":\"1700000000.000100\","
            + "\"text\":\"go/no-go\",\"blocks\":[{\"type\":\"section\",\"block_id\":\"b1\",\"text\":{\"type\":\"mrkdwn\","
            + "\"text\":\"*commons* 5.11.2\"}},{\"type\":\"actions\",\"block_id\":\"deploy_actions\",\"elements\":[{\"type\":"
            + "\"button\",\"action_id\":\"deploy_go\",\"text\":{\"type\":\"plain_text\",\"text\":\"Go\"},\"value\":\"42\"}]}]},"
            + "\"state\":{\"values\":{\"b2\":{\"pick\":{\"type\":\"static_select\",\"selected_option\":{\"text\":{\"type\":"
            + "\"plain_text\",\"text\":\"A\"},\"value\":\"a\"}}}}},\"response_url\":\"https://hooks.slack.com/actions/1\","
            + "\"actions\":[{\"action_id\":\"deploy_go\",\"block_id\":\"deploy_actions\",\"value\":\"42\",\"type\":\"button\","
            + "\"text\":{\"type\":\"plain_text\",\"text\":\"Go ✈ & ship\",\"emoji\":true},\"action_ts\":\"1700000001.1\"}]}";

    @Test
    void aClickIsTheRequestBoltWouldHaveMade() {
        assertSameAsBolt(form(CLICK), HEADERS);
    }

    @Test
    void enterpriseTeamlessPointerAndFunctionClicksGetBoltsContextToo() {
        // Enterprise grid: the enterprise id from "enterprise"; no "team": the team from the user.
        assertSameAsBolt(form("{\"type\":\"block_actions\",\"enterprise\":{\"id\":\"E1\",\"name\":\"Big\"},"
                + "\"user\":{\"id\":\"U2\",\"team_id\":\"T9\"},\"is_enterprise_install\":true,\"actions\":[]}"), HEADERS);
        // No trigger_id but an interactivity pointer; a function's bot token and execution id; team with enterprise id.
        assertSameAsBolt(form("{\"type\":\"block_actions\",\"team\":{\"id\":\"T3\",\"enterprise_id\":\"E3\"},"
                + "\"user\":{\"id\":\"U3\"},\"interactivity\":{\"interactivity_pointer\":\"9.9.9\"},"
                + "\"bot_access_token\":\"xwfp-1\",\"function_data\":{\"execution_id\":\"Fx1\"},\"actions\":[]}"), HEADERS);
    }

    @Test
    void theClientAddressIsTheProxysFirstAsForSlashCommands() {
        // Bolt keeps the whole header; SlashCommandForm keeps its first address (the client), and so do clicks.
        RequestHeaders proxied = new RequestHeaders(Map.of("x-forwarded-for", List.of("127.0.0.7, 127.0.0.2")));
        String body = form(CLICK);
        BlockActionRequest ours = ours(body, proxied);
        assertThat(ours.getClientIpAddress()).isEqualTo("127.0.0.7")
                .isEqualTo(SlashCommandForm.parse("command=%2Fdeploy&user_id=U1", proxied, CONFIG, "127.0.0.1").getClientIpAddress());
        assertThat(ours.getPayload()).isEqualTo(((BlockActionRequest) bolt(body, proxied)).getPayload());
    }

    @Test
    void aPayloadWithoutAUserFailsAsInBolt() {
        String body = form("{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\"},\"actions\":[]}");
        assertThatThrownBy(() -> bolt(body, HEADERS)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> ours(body, HEADERS)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void leavesEverythingButBlockActionsToBolt() {
        assertThat(ours(form("{\"type\":\"view_submission\",\"user\":{\"id\":\"U1\"}}"), HEADERS)).isNull();
        assertThat(ours(form("{\"user\":{\"id\":\"U1\"}}"), HEADERS)).isNull();
        assertThat(ours(form("[1,2]"), HEADERS)).isNull();
        assertThat(ours("command=%2Fdeploy&text=help", HEADERS)).isNull();
        assertThat(ours("ssl_check=1&" + form(CLICK), HEADERS)).isNull();
    }

    private static BlockActionRequest assertSameAsBolt(String body, RequestHeaders headers) {
        BlockActionRequest bolt = (BlockActionRequest) bolt(body, headers);
        BlockActionRequest ours = ours(body, headers);
        assertThat(ours).isNotNull();
        assertThat(ours.getPayload()).isEqualTo(bolt.getPayload());
        assertThat(ours.getPayload().getActions()).isEqualTo(bolt.getPayload().getActions());
        assertThat(ours.getContext()).usingRecursiveComparison().isEqualTo(bolt.getContext());
        assertThat(ours.getContext().getRequestUserId()).isNotNull().isEqualTo(bolt.getContext().getRequestUserId());
        assertThat(ours.getContext().getTeamId()).isEqualTo(bolt.getContext().getTeamId());
        assertThat(ours.getContext().getBotToken()).isEqualTo("xoxb-test");
        assertThat(ours.getClientIpAddress()).isEqualTo(bolt.getClientIpAddress());
        assertThat(ours.getResponseUrl()).isEqualTo(bolt.getResponseUrl());
        assertThat(ours.getRequestType()).isEqualTo(bolt.getRequestType());
        assertThat(ours.isSocketMode()).isEqualTo(bolt.isSocketMode());
        return ours;
    }

    private static Request<?> bolt(String body, RequestHeaders headers) {
        return new SlackRequestParser(CONFIG).parse(SlackRequestParser.HttpRequest.builder().requestUri("/slack/events")
                .queryString(Map.of()).headers(headers).requestBody(body).remoteAddress("127.0.0.1").build());
    }

    private static BlockActionRequest ours(String body, RequestHeaders headers) {
        return BlockActionForm.parse(SlashCommandForm.decode(body), body, headers, CONFIG, "127.0.0.1");
    }

    private static String form(String json) {
        return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }
}
