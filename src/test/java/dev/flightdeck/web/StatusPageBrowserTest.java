package dev.flightdeck.web;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentResult;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.incident.IncidentStatus;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.incident.status.PublishResult;
import dev.flightdeck.incident.status.StatusPublishing;
import dev.flightdeck.web.status.StatusApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page in headless Chromium, as a customer opens it: on a desk and on a 375 px phone (one column, nothing
 * scrolls sideways), its stylesheet allowed by the page's policy, nothing loaded from anywhere (no resource entries
 * from another origin, no link or source to another host). Screenshots: target/status-page.png (desk) and
 * target/status-page-phone.png, for the closing note.
 */
class StatusPageBrowserTest {

    static final StatusApp app = StatusApp.shared();
    static Browser browser;
    static Incident incident;

    @BeforeAll
    static void start() throws Exception {
        IncidentService incidents = app.bean(IncidentService.class);
        StatusPublishing publishing = app.bean(StatusPublishing.class);
        String commander = app.user("lee");
        incident = ((IncidentResult.Declared) incidents.declare("Checkout on web fails for some card payments",
                Severity.SEV1, commander, app.channel("ops", commander))).incident();
        assertThat(publishing.update(Optional.of(incident.id()), null, Optional.empty(),
                "We are looking into failed card payments at checkout.", commander))
                .isInstanceOf(PublishResult.Published.class);
        assertThat(publishing.update(Optional.of(incident.id()), null, Optional.of(IncidentStatus.IDENTIFIED),
                "A payment provider certificate expired; a new one is being installed. Reference: "
                        + "PAYMENTS-CERTIFICATE-ROTATION-2026-12-07-EU-WEST-1-PRIMARY-AND-SECONDARY-ENDPOINTS", commander))
                .isInstanceOf(PublishResult.Published.class);
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCustomerReadsThePageOnADeskAndOnAPhoneAndNothingComesFromElsewhere() throws Exception {
        browser.driver.manage().window().setSize(new Dimension(1100, 1400));
        browser.driver.get(app.uri() + "/status");

        assertThat(browser.driver.getTitle()).isEqualTo(StatusApp.NAME);
        assertThat(browser.driver.findElement(By.cssSelector(".overall")).getText()).isEqualTo("Major System Outage");
        assertThat(browser.driver.findElement(By.id(incident.id())).getText())
                .contains(incident.id() + ": Outage of web", "We are looking into failed card payments at checkout.",
                        "Identified")
                .doesNotContain("Checkout on web fails");
        assertThat(browser.driver.findElement(By.xpath("//ul[@class='services']/li[span[1]='web']/span[2]")).getText())
                .isEqualTo("Major outage");
        // The inline stylesheet ran: the page's policy allows it by its hash.
        assertThat(js("return getComputedStyle(document.querySelector('header')).backgroundColor"))
                .isEqualTo("rgb(20, 33, 61)");
        assertThat(HtmlChecks.problems(browser.driver.getPageSource())).isEmpty();
        assertNothingFromElsewhere();
        browser.screenshot("status-page");
        Files.copy(Browser.SCREENSHOTS.resolve("status-page.png"), Path.of("target", "status-page.png"),
                StandardCopyOption.REPLACE_EXISTING);

        browser.driver.manage().window().setSize(new Dimension(375, 812));
        browser.driver.get(app.statusPortUri() + "/status");
        long inner = ((Number) jsObject("return window.innerWidth")).longValue();
        assertThat(inner).isLessThanOrEqualTo(375);
        assertThat(((Number) jsObject("return document.documentElement.scrollWidth")).longValue())
                .as("nothing scrolls sideways").isLessThanOrEqualTo(inner);
        List<Object> lefts = (List<Object>) jsObject("return Array.from(document.querySelectorAll('main > section'))"
                + ".map(s => Math.round(s.getBoundingClientRect().left))");
        assertThat(lefts).as("one column").hasSize(3).containsOnly(lefts.get(0));
        assertNothingFromElsewhere();
        browser.screenshot("status-page-phone");
        Files.copy(Browser.SCREENSHOTS.resolve("status-page-phone.png"), Path.of("target", "status-page-phone.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private void assertNothingFromElsewhere() {
        String origin = js("return location.origin");
        List<?> resources = (List<?>) jsObject("return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(resources).allSatisfy(r -> assertThat(r.toString()).startsWith(origin + "/"));
        List<?> links = (List<?>) jsObject("return Array.from(document.querySelectorAll('[src],[href]'))"
                + ".map(e => e.src || e.href)");
        assertThat(links).allSatisfy(l -> assertThat(l.toString()).startsWith(origin + "/"));
    }

    private String js(String script) {
        return String.valueOf(jsObject(script));
    }

    private Object jsObject(String script) {
        return ((JavascriptExecutor) browser.driver).executeScript(script);
    }
}
