package dev.flightdeck.slack.api;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.impl.MethodsClientImpl;
import com.slack.api.util.json.GsonFactory;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.MultipartBody;
import okhttp3.Response;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SDK's Web API client, reading every answer with one {@link Gson} made once per client. The SDK (1.51)
 * builds a new Gson for each answer ({@code GsonFactory.createSnakeCase(config)}), and a new Gson knows no type adapter
 * yet, so each answer rebuilt by reflection the adapters of its whole model: under a slow Slack, two thirds of the
 * gateway threads' allocation (docs/performance/round8-declare.md section 3). A Gson is thread-safe and its adapter
 * cache is meant to be shared. The answer is read as the SDK reads it (same Gson settings, from the same config; the
 * headers lower-cased; the config's response listeners run; a non-2xx answer is a {@link SlackApiException}); what is
 * left out is the SDK's own call statistics, which {@link SlackClientFactory} turns off and which need a team id that
 * Flightdeck never passes.
 */
final class SharedJsonMethodsClient extends MethodsClientImpl {
    private final Gson json;

    private SharedJsonMethodsClient(Slack slack, String token) {
        super(slack.getHttpClient(), token);
        setEndpointUrlPrefix(slack.getConfig().getMethodsEndpointUrlPrefix());
        this.json = GsonFactory.createSnakeCase(slack.getConfig());
    }

    /** What {@code slack.methods(token)} makes, with the shared Gson. */
    static MethodsClientImpl of(Slack slack, String token) {
        return new SharedJsonMethodsClient(slack, token);
    }

    @Override
    protected <T extends SlackApiTextResponse> T postFormWithTokenAndParseResponse(
            FormBody.Builder form, String methodName, String token, Class<T> type) throws IOException, SlackApiException {
        return parse(runPostFormWithToken(form, methodName, token), type, false);
    }

    @Override
    protected <T extends SlackApiTextResponse> T postFormAndParseResponse(
            FormBody.Builder form, String methodName, Class<T> type) throws IOException, SlackApiException {
        return parse(runPostForm(form, methodName), type, false);
    }

    @Override
    protected <T extends SlackApiTextResponse> T postMultipartAndParseResponse(
            MultipartBody.Builder form, String methodName, String token, Class<T> type) throws IOException, SlackApiException {
        form.setType(MultipartBody.FORM);
        return parse(runPostMultipart(form, methodName, token), type, true);
    }

    /** {@code binary}: the request body was a file (the SDK's response listeners then do not log it). */
    private <T extends SlackApiTextResponse> T parse(Response response, Class<T> type, boolean binary)
            throws IOException, SlackApiException {
        String body = response.body().string();
        SlackConfig config = getSlackHttpClient().getConfig();
        if (!response.isSuccessful()) {
            throw new SlackApiException(config, response, body);
        }
        try {
            T parsed = json.fromJson(body, type);
            parsed.setHttpResponseHeaders(lowerCased(response.headers()));
            return parsed;
        } finally {
            getSlackHttpClient().runHttpResponseListeners(response, body, binary);
        }
    }

    private static Map<String, List<String>> lowerCased(Headers headers) {
        Map<String, List<String>> byName = new HashMap<>();
        headers.toMultimap().forEach((name, values) -> byName.put(name.toLowerCase(Locale.ENGLISH), values));
        return byName;
    }
}
