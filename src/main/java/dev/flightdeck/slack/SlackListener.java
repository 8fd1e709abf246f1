package dev.flightdeck.slack;

import com.slack.api.bolt.App;

/** A family of Slack handlers (one command, or a set of buttons) that registers itself on the one Bolt App. */
public interface SlackListener {
    void register(App app);
}
