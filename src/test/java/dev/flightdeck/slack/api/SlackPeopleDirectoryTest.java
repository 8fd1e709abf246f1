package dev.flightdeck.slack.api;

import com.slack.api.model.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which of users.info's names a page shows: the one the person chose, as Slack itself does. */
class SlackPeopleDirectoryTest {

    @Test
    void theDisplayNameThenTheRealNameThenTheUserName() {
        assertThat(SlackPeopleDirectory.name(user("chen.li", "Chen Li", "Chen"))).hasValue("Chen");
        // Most people never set a display name: Slack answers "" for it.
        assertThat(SlackPeopleDirectory.name(user("chen.li", "Chen Li", ""))).hasValue("Chen Li");
        assertThat(SlackPeopleDirectory.name(user("chen.li", " ", " "))).hasValue("chen.li");
        assertThat(SlackPeopleDirectory.name(user("", "", ""))).isEmpty();
        assertThat(SlackPeopleDirectory.name(null)).isEmpty();
    }

    private static User user(String name, String realName, String displayName) {
        User u = new User();
        u.setId("U0CHENLI01");
        u.setName(name);
        u.setRealName(realName);
        User.Profile p = new User.Profile();
        p.setRealName(realName);
        p.setDisplayName(displayName);
        u.setProfile(p);
        return u;
    }
}
