package dev.flightdeck.web;

import dev.flightdeck.testing.FakeOpenIdProvider;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.SlackManifest;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign in with Slack sends the browser to Slack with a redirect_uri; Slack refuses (bad_redirect_uri) one the app's
 * manifest does not register. The route the app asks for must be manifest.yml's redirect URL.
 */
class SignInRedirectUrlTest {

    @Test
    void theCallbackTheAppAsksSlackForIsTheManifestsRedirectUrl() throws Exception {
        String team = "T0REDIRECT";
        try (FakeOpenIdProvider idp = new FakeOpenIdProvider(team); FakeSlack slack = new FakeSlack().start()) {
            Map<String, Object> p = new HashMap<>();
            p.put("flightdeck.web.slack-signin", "true");
            p.put("flightdeck.web.slack-team-id", team);
            p.put("micronaut.security.oauth2.enabled", "true");
            p.put("micronaut.security.oauth2.clients.slack.enabled", "true");
            p.put("micronaut.security.oauth2.clients.slack.client-id", FakeOpenIdProvider.CLIENT_ID);
            p.put("micronaut.security.oauth2.clients.slack.client-secret", FakeOpenIdProvider.CLIENT_SECRET);
            p.put("micronaut.security.oauth2.clients.slack.openid.issuer", idp.issuer());
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, p))) {
                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                        URI.create(server.getURI() + "/oauth/login/slack")).build(), HttpResponse.BodyHandlers.ofString());
                URI toSlack = URI.create(login.headers().firstValue("Location").orElseThrow());
                String redirectUri = query(toSlack).get("redirect_uri");

                assertThat(SlackManifest.load().redirectUrls()).extracting(u -> URI.create(u).getPath())
                        .contains(URI.create(redirectUri).getPath());
                // And Slack (the fake provider) accepts it and sends the browser back to that route.
                HttpResponse<String> atSlack = http.send(HttpRequest.newBuilder(toSlack).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(atSlack.statusCode()).as(atSlack.body()).isEqualTo(302);
                assertThat(atSlack.headers().firstValue("Location").orElseThrow()).startsWith(redirectUri + "?code=");
            }
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new HashMap<>();
        Arrays.stream(uri.getRawQuery().split("&")).map(kv -> kv.split("=", 2)).forEach(kv ->
                q.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
        return q;
    }
}
