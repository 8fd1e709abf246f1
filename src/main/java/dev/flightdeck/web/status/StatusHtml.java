package dev.flightdeck.web.status;

import dev.flightdeck.incident.status.PublicUpdate;
import dev.flightdeck.incident.status.StatusView;
import dev.flightdeck.web.PageTimes;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The status page as HTML (views/status/page.jte), rendered to a string so the main server and the status port send
 * the same bytes. Its one stylesheet is inline and allowed by its hash ({@link #CSP}): the page loads nothing at all.
 */
public final class StatusHtml {

    /** The whole look, one column that fits a 375 px phone; a phone or a desk reads the same page. */
    static final String CSS = """
            :root { color-scheme: light; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; background: #fff; }
            header { background: #14213d; color: #fff; padding: .75rem 1rem; }
            header h1 { font-size: 1.4rem; margin: 0; }
            main { max-width: 46rem; margin: 0 auto; padding: 1rem; overflow-wrap: anywhere; }
            h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
            h3 { font-size: 1.05rem; margin: 0 0 .25rem; }
            a { color: #0b4fb3; }
            a:focus { outline: 3px solid #b35c00; outline-offset: 2px; }
            .overall { font-weight: 700; padding: .75rem 1rem; border-radius: 6px; margin: .5rem 0 1rem; }
            .none { background: #e6f4ea; border-left: 6px solid #1e7e34; }
            .minor { background: #fff8e1; border-left: 6px solid #b35c00; }
            .major { background: #fdeee0; border-left: 6px solid #c2410c; }
            .critical { background: #fdecee; border-left: 6px solid #b00020; }
            ul.services { list-style: none; margin: 0; padding: 0; border: 1px solid #d0d0d0; border-radius: 6px; }
            ul.services li { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .25rem 1rem; padding: .5rem .75rem; border-top: 1px solid #d0d0d0; }
            ul.services li:first-child { border-top: 0; }
            .state { font-weight: 600; }
            .operational { color: #1e7e34; }
            .degraded_performance { color: #8a4b00; }
            .partial_outage { color: #c2410c; }
            .major_outage { color: #b00020; }
            article { border: 1px solid #d0d0d0; border-radius: 6px; padding: .75rem; margin: 0 0 1rem; }
            .meta { color: #4a4a4a; margin: 0 0 .5rem; font-size: .95rem; }
            ol.updates { list-style: none; margin: 0; padding: 0; }
            ol.updates li { border-top: 1px solid #e5e5e5; padding: .5rem 0; }
            .text { white-space: pre-wrap; margin: .25rem 0 0; }
            .summary { background: #f3f4f6; border-radius: 4px; padding: .5rem .75rem; }
            footer { max-width: 46rem; margin: 1rem auto; padding: 0 1rem; color: #4a4a4a; font-size: .9rem; }
            """;

    /** No script, no frame, no form, nothing from anywhere: only the stylesheet above. */
    static final String CSP = "default-src 'none'; style-src '" + sha256(CSS) + "'; img-src 'none'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public record Service(String name, String state, String code) {
    }

    public record Update(String status, String time, String text) {
    }

    public record Item(String anchor, String name, String status, String meta, String summary, List<Update> updates) {
    }

    public record Page(String name, String overall, String overallCode, List<Service> services, List<Item> open,
                List<Item> resolved, String updated, String css, int recentDays) {
    }

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private StatusHtml() {
    }

    static String render(StatusView view, String name) {
        Page page = new Page(name, StatusWording.overall(view.overall()),
                StatusWording.impactCode(view.overall()),
                view.components().stream().map(c -> new Service(c.name(), StatusWording.state(c.state()),
                        StatusWording.stateCode(c.state()))).toList(),
                view.incidents().stream().filter(StatusView.Shown::isOpen).map(StatusHtml::item).toList(),
                view.incidents().stream().filter(i -> !i.isOpen()).map(StatusHtml::item).toList(),
                PageTimes.time(view.updatedAt()), CSS, (int) dev.flightdeck.incident.status.StatusPage.RECENT.toDays());
        StringOutput out = new StringOutput();
        ENGINE.render("status/page.jte", page, out);
        return out.toString();
    }

    private static Item item(StatusView.Shown i) {
        String meta = i.resolvedAt().map(end -> "Resolved " + PageTimes.time(end) + ", after "
                        + PageTimes.between(i.startedAt(), end) + ".")
                .orElse("Started " + PageTimes.time(i.startedAt()) + ".");
        return new Item(i.id(), StatusWording.name(i), StatusWording.status(i.status()), meta,
                i.summary().map(PublicUpdate::body).orElse(""),
                i.updates().stream().map(u -> new Update(StatusWording.status(u.status()), PageTimes.time(u.at()),
                        u.body())).toList());
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
