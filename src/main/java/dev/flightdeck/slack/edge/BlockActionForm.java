package dev.flightdeck.slack.edge;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.util.json.GsonFactory;

import java.util.Map;

/**
 * Button clicks ({@code block_actions}) decoded with one shared Gson into Bolt's request. Bolt 1.51's
 * {@link BlockActionRequest} constructor parses its payload with a Gson made for that one request
 * ({@code GsonFactory.createSnakeCase()}): an empty adapter cache, so every click rebuilt the adapters of the whole
 * payload model by reflection, ~330 KB and about a millisecond of the ack thread per click (docs/performance/
 * round10-ackpath.md). Here the payload is read by a Gson with the very same settings made once, and the request
 * is given Bolt's own context, as its constructor and parser set them. Any other payload type goes to Bolt's parser.
 */
final class BlockActionForm {

    /** GsonFactory.createSnakeCase() is what Bolt's constructor uses; one instance, shared (Gson is thread-safe). */
    private static final Gson GSON = GsonFactory.createSnakeCase();

    private BlockActionForm() {
    }

    /**
     * The request if {@code form} (decoded from {@code body}) carries a block_actions payload; null for anything else.
     *
     * @throws RuntimeException (Gson's, or a NullPointerException for a payload without a user, as in Bolt) when the
     *                          payload is not valid Slack JSON: the caller answers 400, as for Bolt's parser
     */
    static BlockActionRequest parse(Map<String, String> form, String body, RequestHeaders headers, AppConfig config,
                                    String remoteAddress) {
        String json = form.get("payload");
        if (json == null || form.containsKey("ssl_check")) {
            return null;
        }
        JsonElement tree = JsonParser.parseString(json);
        if (!tree.isJsonObject()) {
            return null;
        }
        JsonObject object = tree.getAsJsonObject();
        JsonElement type = object.get("type");
        if (type == null || !type.isJsonPrimitive() || !"block_actions".equals(type.getAsString())) {
            return null;
        }
        Decoded request = new Decoded(body, GSON.fromJson(object, BlockActionPayload.class), headers);
        request.updateContext(config);
        String forwarded = headers.getFirstValue("X-FORWARDED-FOR");
        request.setClientIpAddress(forwarded != null ? forwarded.split(",")[0].trim() : remoteAddress);
        return request;
    }

    /**
     * Bolt's request around a payload read here. Its constructor is handed no payload text, so it parses nothing;
     * the payload is this class's, and the context is set as Bolt's constructor sets it from the payload.
     */
    static final class Decoded extends BlockActionRequest {
        private final BlockActionPayload payload;

        Decoded(String body, BlockActionPayload payload, RequestHeaders headers) {
            super(body, null, headers);
            this.payload = payload;
            ActionContext context = getContext();
            context.setFunctionBotAccessToken(payload.getBotAccessToken());
            context.setResponseUrl(payload.getResponseUrl());
            context.setTriggerId(payload.getTriggerId());
            if (payload.getTriggerId() == null && payload.getInteractivity() != null
                    && payload.getInteractivity().getInteractivityPointer() != null) {
                context.setTriggerId(payload.getInteractivity().getInteractivityPointer());
            }
            if (payload.getEnterprise() != null) {
                context.setEnterpriseId(payload.getEnterprise().getId());
            } else if (payload.getTeam() != null) {
                context.setEnterpriseId(payload.getTeam().getEnterpriseId());
            }
            if (payload.getTeam() != null && payload.getTeam().getId() != null) {
                context.setTeamId(payload.getTeam().getId());
            } else if (payload.getUser() != null && payload.getUser().getTeamId() != null) {
                context.setTeamId(payload.getUser().getTeamId());
            }
            context.setRequestUserId(payload.getUser().getId()); // no user: Bolt throws here too (answered 400)
            if (payload.getFunctionData() != null) {
                context.setFunctionExecutionId(payload.getFunctionData().getExecutionId());
            }
        }

        @Override
        public BlockActionPayload getPayload() {
            return payload;
        }
    }
}
