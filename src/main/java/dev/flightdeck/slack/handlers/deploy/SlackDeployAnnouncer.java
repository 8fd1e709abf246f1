package dev.flightdeck.slack.handlers.deploy;

import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.model.Attachment;
import dev.flightdeck.deploy.BuildNews;
import dev.flightdeck.slack.BuildNewsMessages;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.flightdeck.config.ChannelRef;
import dev.flightdeck.config.EnvironmentConfig;
import dev.flightdeck.config.TeamConfig;
import dev.flightdeck.web.WebSettings;
import dev.flightdeck.deploy.ApprovalPolicy;
import dev.flightdeck.deploy.DeployAnnouncer;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployView;
import dev.flightdeck.slack.SlackGateway;
import dev.flightdeck.slack.ThreadMarkers;
import dev.flightdeck.slack.blocks.BuildJobs;
import dev.flightdeck.slack.blocks.DeployMessage;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import java.util.List;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link DeployAnnouncer} on Slack. Calls wait for Slack's answer (they run after the ack, on an executor) so that
 * updates and thread replies of one deploy land in the order they happened.
 */
@Singleton
public class SlackDeployAnnouncer implements DeployAnnouncer {

    private static final Logger LOG = LoggerFactory.getLogger(SlackDeployAnnouncer.class);
    private static final long WAIT_SECONDS = 30;

    private final SlackGateway gateway;
    private final TeamConfig config;
    private final ApprovalPolicy policy;
    private final WebSettings web;

    public SlackDeployAnnouncer(SlackGateway gateway, TeamConfig config, ApprovalPolicy policy, WebSettings web) {
        this.web = web;
        this.gateway = gateway;
        this.config = config;
        this.policy = policy;
    }

    @Override
    public MessageRef post(DeployView view) {
        DeployRequest r = view.request();
        DeployMessage message = render(view);
        String channel = channelOf(r);
        try {
            ChatPostMessageResponse response = gateway.postMessage(ChatPostMessageRequest.builder().channel(channel)
                    .text(message.text()).blocks(message.blocks()).unfurlLinks(false).build())
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
            if (!response.isOk()) {
                throw new AnnounceFailed("Slack said " + response.getError()
                        + gateway.channels().advice(channel).map(a -> "; " + a).orElse(""), null);
            }
            return new MessageRef(response.getChannel(), response.getTs());
        } catch (ExecutionException | TimeoutException e) {
            throw new AnnounceFailed(e.getCause() == null ? "Slack did not answer" : "Slack did not answer ("
                    + e.getCause().getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnnounceFailed("interrupted", e);
        }
    }

    @Override
    public void refresh(DeployView view) {
        DeployRequest r = view.request();
        if (!r.hasMessage()) {
            return;
        }
        DeployMessage message = render(view);
        await("chat.update", r, gateway.update(ChatUpdateRequest.builder().channel(r.channelId()).ts(r.messageTs())
                .text(message.text()).blocks(message.blocks()).build()));
    }

    @Override
    public void reply(DeployRequest r, String text) {
        await("chat.postMessage", r, gateway.postMessage(replyTo(r, text).build()));
    }

    @Override
    public void reply(DeployRequest r, String text, String key) {
        await("chat.postMessage", r, gateway.postMessage(ThreadMarkers.tagged(replyTo(r, text), key).build()));
    }

    @Override
    public boolean hasReply(DeployRequest r, String key) {
        return r.hasMessage() && ThreadMarkers.inThread(gateway, r.channelId(), r.messageTs(), key);
    }

    private ChatPostMessageRequest.ChatPostMessageRequestBuilder replyTo(DeployRequest r, String text) {
        ChatPostMessageRequest.ChatPostMessageRequestBuilder request = ChatPostMessageRequest.builder()
                .channel(r.hasMessage() ? r.channelId() : channelOf(r)).text(text).unfurlLinks(false);
        if (r.hasMessage()) {
            request.threadTs(r.messageTs());
        }
        return request;
    }

    @Override
    public void buildNews(DeployRequest r, BuildNews news) {
        List<Attachment> colour = BuildNewsMessages.colourBar(news);
        // Starts and results go to the channel itself, so they are seen without opening the thread; the thread copy
        // keeps the deploy's story in one place. Channel first: once the thread has it, the channel has it too.
        await("chat.postMessage", r, gateway.postMessage(ChatPostMessageRequest.builder()
                .channel(r.hasMessage() ? r.channelId() : channelOf(r)).attachments(colour).unfurlLinks(false).build()));
        if (r.hasMessage()) {
            await("chat.postMessage", r, gateway.postMessage(ChatPostMessageRequest.builder().channel(r.channelId())
                    .threadTs(r.messageTs()).attachments(colour).unfurlLinks(false).build()));
        }
    }

    @Override
    public void tell(String channelId, String userId, String text) {
        gateway.postEphemeral(ChatPostEphemeralRequest.builder().channel(channelId).user(userId).text(text).build())
                .whenComplete((response, e) -> {
                    if (e != null || !response.isOk()) {
                        LOG.warn("could not tell {} in {}: {}", userId, channelId, e != null ? e.getMessage() : response.getError());
                    }
                });
    }

    private DeployMessage render(DeployView view) {
        DeployRequest r = view.request();
        EnvironmentConfig env = config.environment(r.environment()).orElseThrow();
        String job = config.service(r.service()).map(s -> BuildJobs.describe(s.buildFor(r.environment()))).orElse("unknown");
        String mentions;
        try {
            mentions = policy.mentions(env);
        } catch (RuntimeException e) {
            mentions = env.approvers().stream().map(a -> a.text()).reduce((a, b) -> a + " " + b).orElse("");
        }
        return new DeployMessage(view, env, mentions, job, web.deployUrl(r.id()));
    }

    private String channelOf(DeployRequest r) {
        ChannelRef channel = config.environment(r.environment()).orElseThrow().channel();
        // chat.postMessage takes a #name too; its answer carries the id, which is what we store.
        return channel.text();
    }

    private static void await(String method, DeployRequest r, CompletableFuture<? extends SlackApiTextResponse> call) {
        try {
            SlackApiTextResponse response = call.get(WAIT_SECONDS, TimeUnit.SECONDS);
            if (!response.isOk()) {
                LOG.warn("Slack {} for deploy #{} answered {}", method, r.id(), response.getError());
            }
        } catch (ExecutionException | TimeoutException e) {
            // The state change is stored; only its announcement is lost, and the next update re-renders the whole message.
            LOG.warn("Slack {} for deploy #{} failed: {}", method, r.id(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
