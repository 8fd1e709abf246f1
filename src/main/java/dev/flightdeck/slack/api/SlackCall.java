package dev.flightdeck.slack.api;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;

import java.io.IOException;

/** One Web API call, e.g. {@code client -> client.chatPostMessage(request)}; SlackGateway may run it more than once. */
@FunctionalInterface
public interface SlackCall<T extends SlackApiTextResponse> {
    T apply(MethodsClient client) throws IOException, SlackApiException;
}
