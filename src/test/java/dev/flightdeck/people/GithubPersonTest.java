package dev.flightdeck.people;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A release author known only by a GitHub login, stored as github:login and named on the pages as such. */
class GithubPersonTest {

    @Test
    void aLoginIsStoredWithItsPrefixAndReadBack() {
        assertThat(GithubPerson.id("octo-cat")).isEqualTo("github:octo-cat");
        assertThat(GithubPerson.login("github:octo-cat")).contains("octo-cat");
        assertThat(GithubPerson.login("U0DEV")).isEmpty();
        assertThat(GithubPerson.login("system:scheduler")).isEmpty();
        assertThat(GithubPerson.login("github:<@U1>")).isEmpty();
    }

    @Test
    void onlyWhatGithubAllowsAsALoginIsOne() {
        assertThat(GithubPerson.isLogin("Codertocat")).isTrue();
        assertThat(GithubPerson.isLogin("a".repeat(39))).isTrue();
        assertThat(GithubPerson.isLogin("a".repeat(40))).isFalse();
        assertThat(GithubPerson.isLogin("-lead")).isFalse();
        assertThat(GithubPerson.isLogin("two--hyphens")).isFalse();
        assertThat(GithubPerson.isLogin("<!channel>")).isFalse();
        assertThatThrownBy(() -> GithubPerson.id("<!here>")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pagesNameThemAsTheirLoginOnGithubAndNeverAskSlackAboutThem() {
        List<String> asked = new ArrayList<>();
        PeopleDirectory slack = new PeopleDirectory() {
            @Override
            public Optional<String> nameOf(String userId) {
                asked.add(userId);
                return Optional.of("Dev Eloper");
            }

            @Override
            public Map<String, String> namesOf(Collection<String> userIds) {
                asked.addAll(userIds);
                return Map.of("U0DEV", "Dev Eloper");
            }
        };
        NameBook book = new PersonNames(List.of(slack)).book(List.of("github:hubot", "U0DEV"));

        assertThat(book.of("github:hubot")).isEqualTo("hubot on GitHub");
        assertThat(book.of("U0DEV")).isEqualTo("Dev Eloper");
        assertThat(asked).containsExactly("U0DEV");
    }
}
