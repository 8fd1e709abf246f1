package dev.flightdeck.web.status;

import dev.flightdeck.incident.status.PublicUpdate;
import dev.flightdeck.incident.status.StatusView;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code /status.atom}: an Atom 1.0 feed (RFC 4287), one entry per published update or summary, newest first. Written
 * with the JDK's XML writer, which escapes every text and attribute.
 */
final class StatusAtom {

    static final String NS = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private StatusAtom() {
    }

    private record Entry(StatusView.Shown incident, PublicUpdate update) {
    }

    static String render(StatusView view, StatusSettings settings) {
        List<Entry> entries = new ArrayList<>();
        view.incidents().forEach(i -> i.everything().forEach(u -> entries.add(new Entry(i, u))));
        entries.sort(Comparator.comparing((Entry e) -> e.update().at()).thenComparing(e -> e.update().id()).reversed());
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XML.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(NS);
            text(x, "id", settings.url());
            text(x, "title", settings.name());
            text(x, "updated", StatusJson.time(entries.isEmpty() ? view.updatedAt() : entries.get(0).update().at()));
            link(x, "self", settings.url() + ".atom", "application/atom+xml");
            link(x, "alternate", settings.url(), "text/html");
            x.writeStartElement("author");
            text(x, "name", settings.name());
            x.writeEndElement();
            for (Entry e : entries) {
                entry(x, e, settings);
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter x, Entry e, StatusSettings settings) throws XMLStreamException {
        PublicUpdate u = e.update();
        x.writeStartElement("entry");
        text(x, "id", settings.url() + "#update-" + u.id());
        String what = u.kind() == PublicUpdate.Kind.SUMMARY ? "Summary" : StatusWording.status(u.status());
        text(x, "title", StatusWording.name(e.incident()) + " — " + what);
        Instant at = u.at();
        text(x, "updated", StatusJson.time(at));
        text(x, "published", StatusJson.time(at));
        link(x, "alternate", settings.url() + "#" + e.incident().id(), "text/html");
        x.writeStartElement("content");
        x.writeAttribute("type", "text");
        x.writeCharacters(xmlChars(u.body()));
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(xmlChars(value));
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
        x.writeAttribute("type", type);
    }

    /** XML 1.0 has no way to write most control characters, escaped or not: they are left out. */
    static String xmlChars(String s) {
        return s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
    }
}
