package dev.flightdeck.slack.deploy.slots;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import dev.flightdeck.deploy.slots.SlotClaims;
import dev.flightdeck.deploy.slots.SlotOutcome;
import dev.flightdeck.slack.SlackListener;
import dev.flightdeck.slack.edge.AfterAck;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Extend and Release on the warning DM before a hold ends. Acked at once; decided after the ack by the claims use
 * case (the holder only; a claim already over is said to be over), answered in the same DM.
 */
@Singleton
@Requires(beans = SlackSlotNews.class)
public class SlotButtons implements SlackListener {

    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

    private final Provider<SlotClaims> claims;
    private final SlackSlotNews news;
    private final AfterAck afterAck;

    public SlotButtons(Provider<SlotClaims> claims, SlackSlotNews news, AfterAck afterAck) {
        this.claims = claims;
        this.news = news;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        on(app, SlotSlackIds.SLOT_EXTEND, (id, user) -> claims.get().extend(id, user));
        on(app, SlotSlackIds.SLOT_RELEASE, (id, user) -> claims.get().releaseClaim(id, user));
    }

    private void on(App app, String actionId, BiFunction<Long, String, SlotOutcome> decide) {
        app.blockAction(actionId, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            String user = p.getUser().getId();
            String value = p.getActions() == null || p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
            afterAck.run(actionId, () -> news.tell(user, value != null && ID.matcher(value).matches()
                    ? SlotWords.say(decide.apply(Long.parseLong(value), user)) : "That button names no claim."));
            return ctx.ack();
        });
    }
}
