package dev.flightdeck.slack.edge;

import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-pass slash command decoding must see exactly what Bolt's own parser saw, and leave everything else to Bolt. */
class SlashCommandFormTest {

    private static final AppConfig CONFIG = AppConfig.builder().singleTeamBotToken("xoxb-test").build();
    private static final RequestHeaders HEADERS = new RequestHeaders(Map.of());

    @Test
    void decodesEveryFieldOnceWithEscapesAndPlusSigns() {
        String body = "token=t&team_id=T1&team_domain=acme&channel_id=C1&channel_name=deploys&user_id=U1&user_name=ann"
                + "&command=%2Fdeploy&text=commons+5.11.2%2Bbuild+to+prod+--+fix+%26+ship+%E2%9C%88&api_app_id=A1"
                + "&is_enterprise_install=false&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1&trigger_id=9.8.7";
        SlashCommandRequest request = SlashCommandForm.parse(body, HEADERS, CONFIG, "10.0.0.1");

        assertThat(request).isNotNull();
        assertThat(request.getPayload().getCommand()).isEqualTo("/deploy");
        assertThat(request.getPayload().getText()).isEqualTo("commons 5.11.2+build to prod -- fix & ship ✈");
        assertThat(request.getPayload().getResponseUrl()).isEqualTo("https://hooks.slack.com/commands/1");
        assertThat(request.getPayload().getUserId()).isEqualTo("U1");
        assertThat(request.getPayload().isEnterpriseInstall()).isFalse();
        assertThat(request.getContext().getTeamId()).isEqualTo("T1");
        assertThat(request.getContext().getRequestUserId()).isEqualTo("U1");
        assertThat(request.getClientIpAddress()).isEqualTo("10.0.0.1");
        assertThat(request.getRequestBodyAsString()).isEqualTo(body);
    }

    @Test
    void takesTheClientAddressFromTheProxyAsBoltDoes() {
        RequestHeaders proxied = new RequestHeaders(Map.of("x-forwarded-for", List.of("203.0.113.7, 10.0.0.2")));
        SlashCommandRequest request = SlashCommandForm.parse("command=%2Fdeploy&text=help&user_id=U1", proxied, CONFIG, "10.0.0.1");
        assertThat(request.getClientIpAddress()).isEqualTo("203.0.113.7");
    }

    @Test
    void leavesClicksEventsAndSslChecksToBolt() {
        assertThat(SlashCommandForm.parse("payload=%7B%22type%22%3A%22block_actions%22%7D", HEADERS, CONFIG, "x")).isNull();
        assertThat(SlashCommandForm.parse("{\"type\":\"event_callback\",\"command\":\"/deploy\"}", HEADERS, CONFIG, "x")).isNull();
        assertThat(SlashCommandForm.parse("ssl_check=1&token=t&command=%2Fdeploy", HEADERS, CONFIG, "x")).isNull();
        assertThat(SlashCommandForm.parse("", HEADERS, CONFIG, "x")).isNull();
    }

    @Test
    void firstValueOfARepeatedKeyWinsAndEmptyPairsAreHarmless() {
        assertThat(SlashCommandForm.decode("text=a&&text=b&flag&x=%3D"))
                .containsEntry("text", "a").containsEntry("flag", "").containsEntry("x", "=").hasSize(3);
    }
}
