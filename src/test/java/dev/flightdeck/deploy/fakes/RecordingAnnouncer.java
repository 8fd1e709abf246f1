package dev.flightdeck.deploy.fakes;

import dev.flightdeck.deploy.DeployAnnouncer;
import dev.flightdeck.deploy.DeployNews;
import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployView;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link DeployAnnouncer} that keeps what it was told. The go/no-go message "lands" in {@code #deploys} unless
 * {@link #refuseWith} or {@link #slackDown} says otherwise.
 */
public final class RecordingAnnouncer implements DeployAnnouncer {

    public record Told(long requestId, DeployNews news, String key) {
    }

    private final List<Told> told = new ArrayList<>();
    private final List<DeployView> posted = new ArrayList<>();
    private final List<Long> refreshed = new ArrayList<>();
    private String refusal;
    private boolean down;
    private int ts = 1000;
    private DeployRepository repository;

    /** Where a landed message is stored, as the Slack announcer's on-sent hook stores it before post returns. */
    public void storesIn(DeployRepository repository) {
        this.repository = repository;
    }

    /** Slack refuses the go/no-go for good with this error (e.g. channel_not_found). */
    public void refuseWith(String error) {
        this.refusal = error;
    }

    /** Slack is not taking messages: the go/no-go stays queued. */
    public void slackDown() {
        this.down = true;
    }

    @Override
    public synchronized Optional<MessageRef> post(DeployView view) {
        if (refusal != null) {
            throw new AnnounceFailed(refusal, null);
        }
        posted.add(view);
        if (down) {
            return Optional.empty();
        }
        MessageRef landed = new MessageRef("C0DEPLOYS", "1700000000." + ts++);
        if (repository != null) {
            repository.saveMessage(view.request().id(), landed.channelId(), landed.ts());
        }
        return Optional.of(landed);
    }

    @Override
    public synchronized void queuePost(DeployView view) {
        posted.add(view);
    }

    @Override
    public synchronized void refresh(DeployView view) {
        refreshed.add(view.request().id());
    }

    @Override
    public synchronized void reply(DeployRequest request, DeployNews news) {
        told.add(new Told(request.id(), news, null));
    }

    @Override
    public synchronized void reply(DeployRequest request, DeployNews news, String key) {
        told.add(new Told(request.id(), news, key));
    }

    @Override
    public synchronized boolean hasReply(DeployRequest request, String key) {
        return told.stream().anyMatch(t -> t.requestId() == request.id() && key.equals(t.key()));
    }

    /** Everything told, in order. */
    public synchronized List<DeployNews> news() {
        return told.stream().map(Told::news).toList();
    }

    public synchronized <T extends DeployNews> List<T> news(Class<T> type) {
        return told.stream().map(Told::news).filter(type::isInstance).map(type::cast).toList();
    }

    public synchronized List<DeployView> posted() {
        return List.copyOf(posted);
    }

    public synchronized List<Long> refreshed() {
        return List.copyOf(refreshed);
    }
}
