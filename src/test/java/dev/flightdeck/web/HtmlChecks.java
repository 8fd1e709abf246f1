package dev.flightdeck.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * What a screen-reader user needs from a page, checked on its HTML: text alternatives for every image and chart,
 * a label for every form field, landmarks, one h1 and headings that never skip a level, nothing from another host.
 */
final class HtmlChecks {

    private HtmlChecks() {
    }

    static List<String> problems(String html) {
        Document doc = Jsoup.parse(html);
        List<String> problems = new ArrayList<>();
        if (doc.select("html[lang]").isEmpty()) {
            problems.add("no lang on <html>");
        }
        for (String landmark : List.of("header", "main", "footer")) {
            if (doc.select(landmark).isEmpty()) {
                problems.add("no <" + landmark + "> landmark");
            }
        }
        for (Element img : doc.select("img")) {
            if (!img.hasAttr("alt")) {
                problems.add("image without alt: " + img.outerHtml());
            }
        }
        for (Element svg : doc.select("svg")) {
            if (accessibleName(doc, svg).isBlank() || !"img".equals(svg.attr("role"))) {
                problems.add("chart without role=img and a text alternative: " + svg.attr("aria-labelledby"));
            }
        }
        for (Element field : doc.select("input, select, textarea")) {
            String type = field.attr("type");
            if (type.equals("hidden") || type.equals("submit") || type.equals("button")) {
                continue;
            }
            boolean labelled = !field.attr("aria-label").isBlank()
                    || (!field.id().isEmpty() && !doc.select("label[for=" + field.id() + "]").text().isBlank())
                    || field.closest("label") != null;
            if (!labelled) {
                problems.add("form field without a label: " + field.outerHtml());
            }
        }
        if (doc.select("h1").size() != 1) {
            problems.add("expected one h1, found " + doc.select("h1").size());
        }
        int previous = 0;
        for (Element h : doc.select("h1, h2, h3, h4, h5, h6")) {
            int level = Integer.parseInt(h.tagName().substring(1));
            if (level > previous + 1) {
                problems.add("heading level jumps from h" + previous + " to " + h.tagName() + ": " + h.text());
            }
            previous = level;
        }
        for (Element e : doc.select("[src], link[href]")) {
            String ref = e.hasAttr("src") ? e.attr("src") : e.attr("href");
            if (ref.contains("//")) {
                problems.add("loads from another host: " + ref);
            }
        }
        if (!doc.select("script").isEmpty()) {
            problems.add("pages need no script, found " + doc.select("script").size());
        }
        return problems;
    }

    private static String accessibleName(Document doc, Element svg) {
        StringBuilder name = new StringBuilder(svg.attr("aria-label"));
        for (String id : svg.attr("aria-labelledby").split("\\s+")) {
            if (!id.isEmpty()) {
                Element byId = svg.getElementById(id);
                if (byId != null) {
                    name.append(' ').append(byId.text());
                }
            }
        }
        return name.toString().trim();
    }
}
