package dev.flightdeck.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small OpenID Connect provider shaped like Slack's: discovery document, JWKS, an authorize endpoint that signs the
 * "current user" in at once and redirects back with a code, and a token endpoint that checks the client and the code
 * and issues an RS256 id token with Slack's {@code https://slack.com/team_id} claim.
 */
public final class FakeOpenIdProvider implements AutoCloseable {

    public static final String CLIENT_ID = "1234567890.fakeclient";
    public static final String CLIENT_SECRET = "fake-client-secret-0123456789";
    public static final String TEAM_CLAIM = "https://slack.com/team_id";

    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    public final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private volatile String userId = "U0MANAGER1";
    private volatile String teamId;

    private record Grant(String redirectUri, String nonce, String userId, String teamId) {
    }

    public FakeOpenIdProvider(String teamId) {
        this.teamId = teamId;
        try {
            key = new RSAKeyGenerator(2048).keyID("fake-key-1").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/.well-known/openid-configuration", ex -> json(ex, 200, discovery()));
        server.createContext("/jwks", ex -> json(ex, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Who signs in next, and in which workspace (a member of another workspace is how Slack would answer too). */
    public void signInAs(String user, String team) {
        this.userId = user;
        this.teamId = team;
    }

    private String discovery() {
        String i = issuer();
        return "{\"issuer\":\"" + i + "\",\"authorization_endpoint\":\"" + i + "/authorize\",\"token_endpoint\":\"" + i
                + "/token\",\"jwks_uri\":\"" + i + "/jwks\",\"response_types_supported\":[\"code\"],"
                + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"scopes_supported\":[\"openid\",\"profile\",\"email\"],"
                + "\"token_endpoint_auth_methods_supported\":[\"client_secret_post\",\"client_secret_basic\"],"
                + "\"claims_supported\":[\"sub\",\"auth_time\",\"iss\",\"name\"]}";
    }

    /**
     * Slack sends people back only to a redirect URL the app registered (manifest.yml's oauth_config.redirect_urls),
     * else it answers bad_redirect_uri. The host differs in tests (127.0.0.1), so the path must match.
     */
    static boolean registered(String redirectUri) {
        String path = URI.create(redirectUri).getPath();
        return SlackManifest.load().redirectUrls().stream().anyMatch(u -> URI.create(u).getPath().equals(path));
    }

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = form(ex.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(q.get("client_id")) || !"code".equals(q.get("response_type")) || q.get("redirect_uri") == null) {
            json(ex, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        if (!registered(q.get("redirect_uri"))) {
            json(ex, 400, "{\"ok\":false,\"error\":\"bad_redirect_uri\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(q.get("redirect_uri"), q.get("nonce"), userId, teamId));
        String sep = q.get("redirect_uri").contains("?") ? "&" : "?";
        String location = q.get("redirect_uri") + sep + "code=" + code
                + (q.get("state") == null ? "" : "&state=" + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> f = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        tokenRequests.add(f.getOrDefault("grant_type", ""));
        String basic = ex.getRequestHeaders().getFirst("Authorization");
        boolean clientOk = (CLIENT_ID.equals(f.get("client_id")) && CLIENT_SECRET.equals(f.get("client_secret")))
                || (basic != null && basic.equals("Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8))));
        Grant grant = codes.remove(f.getOrDefault("code", ""));
        if (!clientOk || grant == null || !grant.redirectUri().equals(f.get("redirect_uri"))) {
            json(ex, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        json(ex, 200, "{\"access_token\":\"xoxp-fake-" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\","
                + "\"expires_in\":3600,\"id_token\":\"" + idToken(grant) + "\"}");
    }

    private String idToken(Grant g) {
        try {
            Date now = new Date();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer()).subject(g.userId())
                    .audience(CLIENT_ID).issueTime(now).expirationTime(new Date(now.getTime() + 300_000))
                    .claim("auth_time", now.getTime() / 1000).claim("name", "Morgan Manager")
                    .claim(TEAM_CLAIM, g.teamId());
            if (g.nonce() != null) {
                claims.claim("nonce", g.nonce());
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            m.put(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    private static void json(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    public URI uri() {
        return URI.create(issuer());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
