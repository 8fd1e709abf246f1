package dev.flightdeck.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;

/** Who typed a slash command, where, and how to answer later: what a use case needs from Slack's payload. */
public record Invocation(String teamId, String userId, String userName, String channelId, String channelName,
                         String triggerId, String responseUrl, String text) {

    public static Invocation of(SlashCommandPayload p) {
        return new Invocation(p.getTeamId(), p.getUserId(), p.getUserName(), p.getChannelId(), p.getChannelName(),
                p.getTriggerId(), p.getResponseUrl(), p.getText() == null ? "" : p.getText());
    }
}
