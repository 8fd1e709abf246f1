package dev.flightdeck.web;

import dev.flightdeck.incident.Severity;
import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.incident.summary.IncidentSummary;
import dev.flightdeck.testing.FakeOpenIdProvider;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.MutableClock;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager in headless Chromium: signs in with Slack (a fake OpenID provider), reads an incident's summary and
 * timeline, downloads its Markdown, browses deploys and the delivery charts; a link from Slack survives sign-in;
 * a member of another workspace is refused. Screenshots of each page go to target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManagerPagesBrowserTest {

    static final String TEAM = "T0FLIGHTDK";

    static FakeOpenIdProvider idp;
    static FakeSlack slack;
    static EmbeddedServer server;
    static Browser browser;
    static Incident resolved;
    static Incident open;
    static DeployRequest deploy;

    @BeforeAll
    static void start() throws Exception {
        idp = new FakeOpenIdProvider(TEAM);
        slack = new FakeSlack().start();
        Map<String, Object> p = new HashMap<>();
        p.put("flightdeck.web.slack-signin", "true");
        p.put("flightdeck.web.slack-team-id", TEAM);
        p.put("micronaut.security.oauth2.enabled", "true");
        p.put("micronaut.security.oauth2.clients.slack.enabled", "true");
        p.put("micronaut.security.oauth2.clients.slack.client-id", FakeOpenIdProvider.CLIENT_ID);
        p.put("micronaut.security.oauth2.clients.slack.client-secret", FakeOpenIdProvider.CLIENT_SECRET);
        p.put("micronaut.security.oauth2.clients.slack.openid.issuer", idp.issuer());
        server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, p));
        Instant now = server.getApplicationContext().getBean(MutableClock.class).instant();
        WebSeed seed = new WebSeed(server.getApplicationContext().getBean(IncidentRepository.class),
                server.getApplicationContext().getBean(DeployRepository.class));
        resolved = seed.resolvedIncident("EU card payments failing", Severity.SEV2, now.minus(Duration.ofDays(3)));
        open = seed.openIncident("Reports export slow", Severity.SEV3, now.minus(Duration.ofHours(2)));
        for (int d = 1; d <= 6; d++) {
            seed.deploy("billing", "prod", "2.4." + d, DeployState.SUCCEEDED, now.minus(Duration.ofDays(d * 2L)));
        }
        deploy = seed.deploy("web", "prod", "7.1.0", DeployState.FAILED, now.minus(Duration.ofDays(1)));
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
        if (slack != null) {
            slack.stop();
        }
        if (idp != null) {
            idp.close();
        }
    }

    @Test
    @Order(1)
    void managerSignsInWithSlackReadsAnIncidentAndDownloadsItsSummary() throws Exception {
        open("/incidents");
        assertThat(path()).isEqualTo("/signin");
        assertThat(browser.driver.findElements(By.cssSelector("main table"))).isEmpty();
        assertThat(HtmlChecks.problems(browser.driver.getPageSource())).isEmpty();
        browser.screenshot("signin");
        clickAndWait(By.linkText("Sign in with Slack"));

        assertThat(path()).isEqualTo("/incidents");
        assertThat(text("main")).contains("Open incidents", resolved.id() + ": EU card payments failing",
                open.id() + ": Reports export slow");
        assertThat(HtmlChecks.problems(browser.driver.getPageSource())).isEmpty();
        browser.screenshot("incidents");
        // Keyboard: the first Tab reaches the skip link, which moves focus to the main content.
        browser.driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Skip to content");
        browser.driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("main");

        clickAndWait(By.partialLinkText(resolved.id() + ":"));
        assertThat(path()).isEqualTo("/incidents/" + resolved.number());
        List<String> headings = browser.driver.findElements(By.cssSelector("main h2")).stream().map(WebElement::getText).toList();
        assertThat(headings).startsWith(IncidentSummary.SUMMARY, IncidentSummary.AFFECTED, IncidentSummary.WHAT_HAPPENED,
                IncidentSummary.PREVENTION).contains("Timeline");
        assertThat(text("main")).contains("EU customers paying by card", "U0COMMS001", "47m",
                "Card payments fail for EU customers; rolling back billing 2.4.1");
        assertThat(HtmlChecks.problems(browser.driver.getPageSource())).isEmpty();
        browser.screenshot("incident");

        // On a phone-sized window the page reflows: nothing wider than the screen except inside scrollable tables.
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.driver.navigate().refresh();
        Object overflow = browser.driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        browser.screenshot("incident-phone");
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1100, 1400));

        browser.driver.findElement(By.partialLinkText("Download the summary")).click();
        Path md = browser.awaitDownload(resolved.id() + "-summary.md", Duration.ofSeconds(15));
        String markdown = Files.readString(md);
        assertThat(markdown).startsWith("# " + resolved.id() + ": EU card payments failing")
                .contains("## Who was affected?\n\nEU customers paying by card", "## Timeline");
    }

    @Test
    @Order(2)
    void deployHistoryADeployAndTheDeliveryCharts() throws Exception {
        open("/deploys?service=web");
        assertThat(text("main table")).contains("#" + deploy.id(), "7.1.0", "failed").doesNotContain("billing");
        assertThat(HtmlChecks.problems(browser.driver.getPageSource())).isEmpty();
        browser.screenshot("deploys");

        clickAndWait(By.linkText("#" + deploy.id()));
        assertThat(path()).isEqualTo("/deploys/" + deploy.id());
        assertThat(text("main")).contains("U0LEAD0001", "overridden", "Hotfix for INC-1", "Build took", "6m");
        WebElement build = browser.driver.findElement(By.linkText("Jenkins #" + (100 + deploy.id())));
        assertThat(build.getAttribute("href")).isEqualTo("https://jenkins.example.test/job/web/" + (100 + deploy.id()));
        assertThat(HtmlChecks.problems(browser.driver.getPageSource())).isEmpty();
        browser.screenshot("deploy");

        clickAndWait(By.linkText("Delivery"));
        List<WebElement> charts = browser.driver.findElements(By.cssSelector("main svg[role=img]"));
        assertThat(charts).hasSizeGreaterThanOrEqualTo(2);
        assertThat(text("main table")).contains("All services", "billing");
        assertThat(browser.driver.findElement(By.cssSelector("main svg title")).getAttribute("textContent"))
                .startsWith("Deploys per day");
        assertThat(HtmlChecks.problems(browser.driver.getPageSource())).isEmpty();
        browser.screenshot("delivery");
    }

    @Test
    @Order(6)
    void historyPagesShowAHundredRowsAndAnOlderLinkThatKeepsTheFilters() throws Exception {
        Instant now = server.getApplicationContext().getBean(MutableClock.class).instant();
        DeployRepository deploys = server.getApplicationContext().getBean(DeployRepository.class);
        IncidentRepository incidents = server.getApplicationContext().getBean(IncidentRepository.class);
        List<Long> staging = new java.util.ArrayList<>();
        for (int i = 0; i < 105; i++) {    // oldest first: ids rise with time
            staging.add(deploys.insert(dev.flightdeck.deploy.DeployRequests.aRequest().of("billing").to("staging")
                    .version("3.0." + i).in(DeployState.SUCCEEDED).requestedAt(now.minus(Duration.ofHours(200 - i)))
                    .finishedAt(now.minus(Duration.ofHours(199 - i))).build(), List.of()).id());
            deploys.insert(dev.flightdeck.deploy.DeployRequests.aRequest().of("web").to("staging").version("8.0." + i)
                    .in(DeployState.SUCCEEDED).requestedAt(now.minus(Duration.ofHours(200 - i)))
                    .finishedAt(now.minus(Duration.ofHours(199 - i))).build(), List.of());
        }
        // Last: the rows it adds would push the other tests' incident off the first page.
        open("/deploys?service=billing&environment=staging");
        if (path().equals("/signin")) {
            clickAndWait(By.linkText("Sign in with Slack"));
            open("/deploys?service=billing&environment=staging");
        }
        assertThat(path()).isEqualTo("/deploys");
        assertThat(rowLinks()).hasSize(100).first().isEqualTo("#" + staging.get(104));
        assertThat(rowLinks()).last().isEqualTo("#" + staging.get(5));
        assertThat(text("main")).doesNotContain("8.0.");
        clickAndWait(By.linkText("Older"));
        assertThat(rowLinks()).containsExactly("#" + staging.get(4), "#" + staging.get(3), "#" + staging.get(2),
                "#" + staging.get(1), "#" + staging.get(0));
        assertThat(text("main")).contains("older than #" + staging.get(5)).doesNotContain("8.0.");
        assertThat(browser.driver.findElement(By.id("f-service")).getAttribute("value")).isEqualTo("billing");
        assertThat(browser.driver.findElement(By.id("f-environment")).getAttribute("value")).isEqualTo("staging");
        assertThat(browser.driver.findElements(By.linkText("Older"))).isEmpty();
        assertThat(HtmlChecks.problems(browser.driver.getPageSource())).isEmpty();
        browser.screenshot("deploys-older");
        clickAndWait(By.linkText("Newest"));
        assertThat(rowLinks()).hasSize(100).first().isEqualTo("#" + staging.get(104));

        List<String> sev4 = new java.util.ArrayList<>();
        for (int i = 0; i < 103; i++) {
            Incident x = incidents.create(new IncidentRepository.NewIncident("Queue lag " + i, Severity.SEV4,
                    "U0COMMAND1", "C0INCIDENT", now.minus(Duration.ofHours(300 - i)), java.util.Optional.empty()));
            incidents.resolve(x.number(), now.minus(Duration.ofHours(299 - i)), new Incident.SummaryText("", "", "", ""));
            sev4.add(x.id() + ": Queue lag " + i);
        }
        open("/incidents?severity=sev4");
        clickAndWait(By.linkText("Older"));
        assertThat(browser.driver.findElements(By.cssSelector("#past ~ div table tbody tr a")).stream()
                .map(WebElement::getText).toList()).containsExactly(sev4.get(2), sev4.get(1), sev4.get(0));
        assertThat(browser.driver.findElement(By.id("f-severity")).getAttribute("value")).isEqualTo("sev4");
        assertThat(text("main")).doesNotContain(resolved.id() + ":");
    }

    private static List<String> rowLinks() {
        return browser.driver.findElements(By.cssSelector("main table tbody tr td:first-child a")).stream()
                .map(WebElement::getText).toList();
    }

    @Test
    @Order(3)
    void aLinkFromSlackLeadsToItsPageAfterSignIn() throws Exception {
        browser.driver.manage().deleteAllCookies();
        open("/deploys/" + deploy.id());
        assertThat(path()).isEqualTo("/signin");
        clickAndWait(By.linkText("Sign in with Slack"));
        assertThat(path()).isEqualTo("/deploys/" + deploy.id());
        assertThat(text("h1")).contains("Deploy #" + deploy.id());
    }

    @Test
    @Order(4)
    void signOutEndsTheSession() throws Exception {
        open("/incidents");
        assertThat(path()).isEqualTo("/incidents");
        String copied = "JWT=" + browser.driver.manage().getCookieNamed("JWT").getValue();
        assertThat(getWithCookie("/incidents", copied).statusCode()).isEqualTo(200);
        clickAndWait(By.cssSelector("header button[type=submit]"));
        assertThat(text("main")).contains("You are signed out.");
        open("/incidents");
        assertThat(path()).isEqualTo("/signin");
        // A copy of the cookie taken before signing out (another machine, a proxy's log) is refused too: the
        // session ended on the server, for every replica (web_signed_out), not only in this browser.
        java.net.http.HttpResponse<String> replayed = getWithCookie("/incidents", copied);
        assertThat(replayed.statusCode()).isBetween(302, 303);
        assertThat(replayed.headers().firstValue("Location")).hasValue("/signin");
        assertThat(replayed.body()).doesNotContain("EU card payments");
        // Signing in again at once works.
        clickAndWait(By.linkText("Sign in with Slack"));
        assertThat(path()).isEqualTo("/incidents");
        assertThat(text("main")).contains("EU card payments");
    }

    private static java.net.http.HttpResponse<String> getWithCookie(String path, String cookie) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        server.getURI().resolve(path)).header("Cookie", cookie).header("Accept", "text/html").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(5)
    void aMemberOfAnotherWorkspaceIsRefused() throws Exception {
        browser.driver.manage().deleteAllCookies();
        idp.signInAs("U0STRANGER", "T0OTHERWS1");
        try {
            open("/incidents");
            clickAndWait(By.linkText("Sign in with Slack"));
            assertThat(path()).isEqualTo("/signin");
            assertThat(text("main")).contains("Sign-in failed").doesNotContain("EU card payments");
            browser.screenshot("signin-refused");
            open("/incidents/" + resolved.number());
            assertThat(path()).isEqualTo("/signin");
        } finally {
            idp.signInAs("U0MANAGER1", TEAM);
        }
    }

    private static void open(String path) {
        browser.driver.get(server.getURI().resolve(path).toString());
    }

    private static String path() {
        return java.net.URI.create(browser.driver.getCurrentUrl()).getPath();
    }

    private static String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }

    /** Clicks something that leads to another page and waits for it: a form post returns before the page has moved on. */
    private static void clickAndWait(By target) {
        // A mark on the old page's window: a new document starts with a fresh window, without it.
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        js.executeScript("window.flightdeckOldPage = true;");
        browser.driver.findElement(target).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(15)).ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return document.readyState === 'complete' && window.flightdeckOldPage === undefined;")));
    }
}
