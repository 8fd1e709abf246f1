package dev.flightdeck.web.signin;

import dev.flightdeck.web.WebSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns Slack's verified id token into a session, only for members of the configured workspace: Slack's OpenID
 * provider signs in members of any workspace, so the team claim is what keeps other workspaces out.
 */
@Singleton
@Named("slack")
@Requires(property = "flightdeck.web.slack-signin", value = "true")
public class SlackWorkspaceMapper implements OpenIdAuthenticationMapper {

    public static final String TEAM_CLAIM = "https://slack.com/team_id";
    private static final Logger LOG = LoggerFactory.getLogger(SlackWorkspaceMapper.class);

    private final String teamId;

    public SlackWorkspaceMapper(WebSettings settings) {
        if (settings.slackTeamId() == null || settings.slackTeamId().isBlank()) {
            throw new IllegalStateException("FLIGHTDECK_SLACK_SIGNIN is on but flightdeck.web.slack-team-id "
                    + "(FLIGHTDECK_SLACK_TEAM_ID) is not set: name the workspace whose members may sign in");
        }
        this.teamId = settings.slackTeamId().trim();
    }

    @Override
    public Publisher<AuthenticationResponse> createAuthenticationResponse(String providerName,
                                                                         OpenIdTokenResponse tokenResponse,
                                                                         OpenIdClaims claims,
                                                                         @Nullable State state) {
        Object team = claims.get(TEAM_CLAIM);
        if (!teamId.equals(team)) {
            LOG.warn("Slack sign-in refused for {}: workspace {} is not {}", claims.getSubject(), team, teamId);
            return Publishers.just(AuthenticationResponse.failure("Only members of the configured Slack workspace may sign in."));
        }
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("team", teamId);
        if (claims.getName() != null) {
            attributes.put("displayName", claims.getName());
        }
        return Publishers.just(AuthenticationResponse.success(claims.getSubject(), attributes));
    }
}
