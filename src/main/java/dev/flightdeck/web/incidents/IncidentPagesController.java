package dev.flightdeck.web.incidents;

import dev.flightdeck.incident.Severity;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.incident.summary.IncidentSummary;
import dev.flightdeck.incident.summary.MarkdownSummary;
import dev.flightdeck.incident.summary.SummaryBuilder;
import dev.flightdeck.people.NameBook;
import dev.flightdeck.people.PersonNames;
import dev.flightdeck.web.DateRange;
import dev.flightdeck.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Incidents for managers: open and past with filters, one incident's summary and timeline, its Markdown. */
@Controller("/incidents")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class IncidentPagesController {

    static final int DEFAULT_DAYS = 90;
    /** Past incidents a page shows, newest first; the "Older" link pages on from the last. */
    static final int PAGE = 100;
    static final String MARKDOWN = "text/markdown;charset=utf-8";

    private final IncidentRepository incidents;
    private final Clock clock;
    private final PersonNames people;

    private final dev.flightdeck.incident.followup.FollowUpStore followUps;

    public IncidentPagesController(IncidentRepository incidents, Clock clock, PersonNames people,
                                   dev.flightdeck.incident.followup.FollowUpStore followUps) {
        this.followUps = followUps;
        this.incidents = incidents;
        this.clock = clock;
        this.people = people;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<?> list(@Nullable @QueryValue String severity, @Nullable @QueryValue String from,
                                @Nullable @QueryValue String to, @Nullable @QueryValue String before) {
        Map<String, Object> model = new HashMap<>();
        model.put("severity", severity == null ? "" : severity.trim());
        model.put("from", from == null ? "" : from.trim());
        model.put("to", to == null ? "" : to.trim());
        model.put("severities", List.of(Severity.values()).stream().map(Severity::label).toList());
        List<String> problems = new ArrayList<>();
        Optional<Severity> wanted = Optional.empty();
        if (severity != null && !severity.isBlank()) {
            wanted = Severity.parse(severity);
            if (wanted.isEmpty()) {
                problems.add("Severity is one of sev1, sev2, sev3 or sev4; \"" + severity.trim() + "\" is not.");
            }
        }
        DateRange.Parsed range = DateRange.parse(from, to, DEFAULT_DAYS, clock);
        range.problem().ifPresent(problems::add);
        Paging.Before older = Paging.before(before);
        older.problem().ifPresent(problems::add);
        model.put("problem", problems.isEmpty() ? null : String.join(" ", problems));
        model.put("olderUrl", null);
        model.put("newestUrl", null);
        if (!problems.isEmpty()) {
            model.put("open", List.of());
            model.put("past", List.of());
            model.put("rangeText", "");
            return HttpResponse.badRequest(new ModelAndView<>("incidents/list", model));
        }
        DateRange r = range.range().orElseThrow();
        Instant now = clock.instant();
        Optional<Severity> sev = wanted;
        List<Incident> open = incidents.open().stream().filter(i -> sev.map(s -> s == i.severity()).orElse(true))
                .sorted((a, b) -> Long.compare(b.number(), a.number())).toList();
        // One row more than the page shows: whether there is an older page, without counting the period.
        List<Incident> found = incidents.resolvedPage(r.start(), r.end(), sev, older.id(), PAGE + 1);
        List<Incident> past = found.subList(0, Math.min(PAGE, found.size()));
        Map<String, String> kept = Paging.kept("severity", severity == null ? "" : severity.trim(),
                "from", from == null ? "" : from.trim(), "to", to == null ? "" : to.trim());
        model.put("olderUrl", found.size() > PAGE ? Paging.url("/incidents", kept, past.get(PAGE - 1).number()) + "#past" : null);
        model.put("newestUrl", older.given() ? Paging.url("/incidents", kept, null) + "#past" : null);
        NameBook names = people.book(java.util.stream.Stream.concat(open.stream(), past.stream())
                .map(Incident::commanderId).toList());
        model.put("open", open.stream().map(i -> IncidentViews.row(i, now, names)).toList());
        model.put("past", past.stream().map(i -> IncidentViews.row(i, now, names)).toList());
        model.put("rangeText", r.from() + " to " + r.to() + older.text("INC-"));
        return HttpResponse.ok(new ModelAndView<>("incidents/list", model));
    }

    @Get(uri = "/{number}", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> show(@PathVariable String number) {
        Optional<Incident> incident = find(number);
        if (incident.isEmpty()) {
            return notFound(number);
        }
        IncidentSummary summary = SummaryBuilder.build(incident.get(), incidents.timeline(incident.get().number()));
        List<dev.flightdeck.incident.followup.FollowUp> fs = followUps.ofIncident(incident.get().number());
        NameBook names = summary.names(people);
        NameBook followUpNames = people.book(fs.stream().flatMap(f -> java.util.stream.Stream.concat(
                java.util.stream.Stream.of(f.owner()), f.closedBy().stream())).toList(),
                fs.stream().map(dev.flightdeck.incident.followup.FollowUp::text).toList());
        return HttpResponse.ok(new ModelAndView<>("incidents/show",
                Map.of("page", IncidentViews.page(incident.get(), summary, names),
                        "followUps", FollowUpViews.rows(fs, followUpNames,
                                java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)))));
    }

    @Get(uri = "/{number}/summary.md", produces = IncidentPagesController.MARKDOWN)
    public HttpResponse<?> markdown(@PathVariable String number) {
        Optional<Incident> incident = find(number);
        if (incident.isEmpty()) {
            // A plain answer: this route produces Markdown, so an HTML view here was never rendered (a 500 instead).
            return HttpResponse.notFound("There is no such incident.\n").contentType(MediaType.TEXT_PLAIN_TYPE);
        }
        IncidentSummary summary = SummaryBuilder.build(incident.get(), incidents.timeline(incident.get().number()));
        String md = MarkdownSummary.render(summary, summary.names(people));
        return HttpResponse.ok(md)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + incident.get().id() + "-summary.md\"");
    }

    /** "12" or "INC-12", as people paste it. */
    private Optional<Incident> find(String number) {
        String n = number.trim().toUpperCase(java.util.Locale.ROOT);
        Optional<Long> parsed = n.startsWith("INC-") ? Incident.numberOf(n) : Incident.numberOf("INC-" + n);
        return parsed.flatMap(incidents::find);
    }

    private MutableHttpResponse<?> notFound(String number) {
        return HttpResponse.notFound(new ModelAndView<>("notfound",
                Map.of("what", "There is no incident " + number + ".", "back", "/incidents", "backText", "All incidents")));
    }
}
