package dev.flightdeck.slack.edge;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Slash commands, the most frequent Slack request, decoded in one pass straight into Bolt's request. Bolt's own
 * {@code SlackRequestParser} decodes the same form three times (payload detection, command detection, parsing) and
 * compiles a regular expression on each call: a profile under load put a sixth of the request thread's time there.
 * Button clicks are {@link BlockActionForm}'s; anything else (modals, shortcuts, events, ssl_check) goes through Bolt's
 * parser.
 */
final class SlashCommandForm {

    private SlashCommandForm() {
    }

    /** The most '&'-separated parts a signed form may have: Slack's slash commands send about 15, payloads one. */
    static final int MAX_FIELDS = 100;

    /** A form with more than {@link #MAX_FIELDS} parts: refused before any field is decoded. */
    static final class TooManyFields extends RuntimeException {
        TooManyFields() {
            super("more than " + MAX_FIELDS + " form fields", null, false, false);
        }
    }

    /** The request if {@code body} is a slash command form; null for anything else. */
    static SlashCommandRequest parse(String body, RequestHeaders headers, AppConfig config, String remoteAddress) {
        if (body.isEmpty() || body.charAt(0) == '{') {
            return null;
        }
        return parse(decode(body), body, headers, config, remoteAddress);
    }

    /** The request if {@code form} (decoded from {@code body}) is a slash command; null for anything else. */
    static SlashCommandRequest parse(Map<String, String> form, String body, RequestHeaders headers, AppConfig config,
                                     String remoteAddress) {
        if (!form.containsKey("command") || form.containsKey("payload") || form.containsKey("ssl_check")) {
            return null;
        }
        SlashCommandPayload p = new SlashCommandPayload();
        p.setToken(form.get("token"));
        p.setApiAppId(form.get("api_app_id"));
        p.setTeamId(form.get("team_id"));
        p.setTeamDomain(form.get("team_domain"));
        p.setEnterpriseId(form.get("enterprise_id"));
        p.setEnterpriseName(form.get("enterprise_name"));
        p.setChannelId(form.get("channel_id"));
        p.setChannelName(form.get("channel_name"));
        p.setUserId(form.get("user_id"));
        p.setUserName(form.get("user_name"));
        p.setCommand(form.get("command"));
        p.setText(form.get("text"));
        p.setResponseUrl(form.get("response_url"));
        p.setTriggerId(form.get("trigger_id"));
        p.setEnterpriseInstall("true".equals(form.get("is_enterprise_install")));
        SlashCommandRequest request = new SlashCommandRequest(body, p, headers);
        request.updateContext(config);
        // As Bolt does: the first X-Forwarded-For address when a proxy set one, else the peer's.
        String forwarded = headers.getFirstValue("X-FORWARDED-FOR");
        request.setClientIpAddress(forwarded != null ? forwarded.split(",")[0].trim() : remoteAddress);
        return request;
    }

    /**
     * application/x-www-form-urlencoded, UTF-8; the first value of a repeated key wins. One pass over the body: the
     * '=' of a pair is looked for only up to its '&' (searching the rest of the body for it, once per pair, made a
     * body of 50,000 '&' take seconds), and a body with more than {@link #MAX_FIELDS} parts is refused before
     * anything is decoded.
     *
     * @throws TooManyFields when the body has more than {@link #MAX_FIELDS} '&'-separated parts
     */
    static Map<String, String> decode(String body) {
        int parts = 1;
        for (int i = body.indexOf('&'); i >= 0; i = body.indexOf('&', i + 1)) {
            if (++parts > MAX_FIELDS) {
                throw new TooManyFields();
            }
        }
        Map<String, String> form = new HashMap<>(32);
        int start = 0;
        int length = body.length();
        while (start <= length) {
            int eq = -1;
            int end = start;
            for (; end < length; end++) {
                char c = body.charAt(end);
                if (c == '&') {
                    break;
                }
                if (c == '=' && eq < 0) {
                    eq = end;
                }
            }
            if (eq > start) {
                form.putIfAbsent(unescape(body.substring(start, eq)), unescape(body.substring(eq + 1, end)));
            } else if (end > start) {
                form.putIfAbsent(unescape(body.substring(start, end)), "");
            }
            start = end + 1;
        }
        return form;
    }

    /**
     * What Bolt's parser is given for a form that is not a slash command: its payload field alone, still encoded, when
     * there is one. Bolt splits the whole form into pairs three times and compiles a regular expression per pair; one
     * pair keeps that cheap whatever else the body carries.
     */
    static String forBolt(String body) {
        int at = body.startsWith("payload=") ? 0 : body.indexOf("&payload=");
        if (at < 0) {
            return body;
        }
        int from = at == 0 ? 0 : at + 1;
        int end = body.indexOf('&', from);
        return body.substring(from, end < 0 ? body.length() : end);
    }

    private static String unescape(String s) {
        return s.indexOf('%') < 0 && s.indexOf('+') < 0 ? s : URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
