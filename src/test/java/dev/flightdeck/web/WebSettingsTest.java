package dev.flightdeck.web;

import dev.flightdeck.testing.MutableClock;
import dev.flightdeck.text.Texts;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Links from Slack, the cookie's Secure flag and the date filters, as a manager or an operator meets them. */
class WebSettingsTest {

    @Test
    void linksUseTheBaseUrlAndTheCookieIsSecureOnlyOverHttps() {
        WebSettings public_ = new WebSettings("https://flightdeck.example.com/", true, "T0ABC");
        WebLinks links = new WebLinks(public_);
        assertThat(links.incidentPage(12)).isEqualTo("https://flightdeck.example.com/incidents/12");
        assertThat(links.deployPage(7)).isEqualTo("https://flightdeck.example.com/deploys/7");
        assertThat(links.deliveryPage(Optional.of("pay ments"), 30))
                .isEqualTo("https://flightdeck.example.com/delivery?service=pay+ments&days=30");
        assertThat(links.deliveryPage(Optional.empty(), 7)).isEqualTo("https://flightdeck.example.com/delivery?service=&days=7");
        assertThat(public_.https()).isTrue();
        assertThat(new WebSettings("http://localhost:8080", false, "").https()).isFalse();
    }

    @Test
    void dateFiltersDefaultToRecentDaysAndExplainBadInput() {
        MutableClock clock = MutableClock.at("2026-03-10T15:00:00Z");
        DateRange.Parsed defaults = DateRange.parse("", null, 30, clock);
        assertThat(defaults.range()).hasValueSatisfying(r -> {
            assertThat(r.from()).isEqualTo(LocalDate.parse("2026-02-09"));
            assertThat(r.to()).isEqualTo(LocalDate.parse("2026-03-10"));
            assertThat(r.end()).hasToString("2026-03-11T00:00:00Z");
        });
        assertThat(DateRange.parse("2026-03-10", "2026-03-01", 30, clock).problem())
                .hasValue("The start date 2026-03-10 is after the end date 2026-03-01.");
        assertThat(DateRange.parse("10/03/2026", "", 30, clock).problem())
                .hasValue("Dates are written yyyy-mm-dd, for example 2026-03-10.");
        assertThat(DateRange.parse("2016-01-01", "2026-01-01", 30, clock).problem()).isPresent();
    }

    @Test
    void onlyHttpBuildLinksBecomeLinks() {
        assertThat(Texts.safeUrl("https://ci.example.com/job/1")).isEqualTo("https://ci.example.com/job/1");
        assertThat(Texts.safeUrl("javascript:alert(1)")).isNull();
        assertThat(Texts.safeUrl(null)).isNull();
    }
}
