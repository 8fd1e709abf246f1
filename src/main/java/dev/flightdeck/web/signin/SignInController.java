package dev.flightdeck.web.signin;

import dev.flightdeck.web.WebSettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.handlers.RedirectingLoginHandler;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.HashMap;
import java.util.Map;

/**
 * The sign-in page: a "Sign in with Slack" button where that is configured, else the access link from the start-up
 * log. A valid access token signs in through the same login handler as Slack, so return-to and cookies are one path.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class SignInController {

    public static final String SLACK_LOGIN_PATH = "/oauth/login/slack";

    private final WebSettings settings;
    private final AccessLink accessLink;
    private final RedirectingLoginHandler<HttpRequest<?>, MutableHttpResponse<?>> loginHandler;

    public SignInController(WebSettings settings, AccessLink accessLink,
                            RedirectingLoginHandler<HttpRequest<?>, MutableHttpResponse<?>> loginHandler) {
        this.settings = settings;
        this.accessLink = accessLink;
        this.loginHandler = loginHandler;
    }

    @Get(uri = "/signin", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> signin(HttpRequest<?> request,
                                  @Nullable @QueryValue String token,
                                  @Nullable @QueryValue String failed,
                                  @Nullable @QueryValue String signedout) {
        if (token != null) {
            if (accessLink.accepts(token)) {
                return loginHandler.loginSuccess(Authentication.build("local", Map.of("displayName", "local user")), request);
            }
            return page(HttpResponse.badRequest(), "That access link is not valid (it changes at every start): "
                    + "use the one printed in the start-up log.");
        }
        String message = failed != null ? "Sign-in failed: only members of this team's Slack workspace may sign in."
                : signedout != null ? "You are signed out." : null;
        return page(HttpResponse.ok(), message);
    }

    private MutableHttpResponse<?> page(MutableHttpResponse<?> response, @Nullable String message) {
        Map<String, Object> model = new HashMap<>();
        model.put("slack", settings.slackSignin());
        model.put("slackLoginPath", SLACK_LOGIN_PATH);
        model.put("message", message);
        return response.body(new ModelAndView<>("signin", model));
    }
}
