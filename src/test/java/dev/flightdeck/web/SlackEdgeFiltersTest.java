package dev.flightdeck.web;

import dev.flightdeck.testing.SignedRequest;
import dev.flightdeck.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Slack edge skips what only the pages need (Micronaut Security's rules, Micronaut Views, compression of JSON),
 * and the pages keep all of it: sign-in still guards them and text is still compressed.
 */
class SlackEdgeFiltersTest {

    static final TestApp APP = TestApp.shared();
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aSignedSlackAckIsAnsweredUncompressedEvenWhenTheClientAcceptsGzip() {
        SignedRequest.Reply reply = APP.signed().slashCommand("/deploy", "help", "U0REQUEST1", "C0DEPLOYS1", null)
                .withHeader("Accept-Encoding", "gzip, deflate").send(APP.uri());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Encoding")).isNull();
        assertThat(reply.body()).contains("/deploy status");
    }

    @Test
    void anUnsignedSlackRequestIsRefusedByTheSignatureCheckNotRedirectedToSignIn() {
        SignedRequest.Reply reply = APP.signed().slashCommand("/deploy", "help", "U0REQUEST1", "C0DEPLOYS1", null)
                .withoutSignature().send(APP.uri());
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("Location")).isNull();
    }

    @Test
    void otherSlackPathsAndThePagesStillGoThroughSignIn() throws Exception {
        for (String path : new String[]{"/deploys", "/incidents", "/delivery"}) {
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(APP.uri().resolve(path)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path).isBetween(302, 303);
            assertThat(page.headers().firstValue("Location")).as(path).hasValueSatisfying(l -> assertThat(l).contains("/signin"));
        }
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(APP.uri().resolve("/slack/events")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).as("GET /slack/events is not the Slack edge").isNotEqualTo(200);
    }

    @Test
    void textIsStillCompressedForClientsThatAcceptIt() throws Exception {
        HttpResponse<byte[]> metrics = HTTP.send(HttpRequest.newBuilder(APP.uri().resolve("/prometheus"))
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String text = new String(new GZIPInputStream(new ByteArrayInputStream(metrics.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(text).contains("jvm_memory_used_bytes");
    }
}
