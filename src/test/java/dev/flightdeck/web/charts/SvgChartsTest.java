package dev.flightdeck.web.charts;

import dev.flightdeck.metrics.DeliveryBucket;
import dev.flightdeck.metrics.DeliveryFigures;
import dev.flightdeck.metrics.DeliveryReport;
import dev.flightdeck.metrics.Granularity;
import dev.flightdeck.metrics.MetricsPeriod;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The charts are well-formed, self-contained SVG whose text alternative states the figures the bars show. */
class SvgChartsTest {

    static final LocalDate MON = LocalDate.parse("2026-03-02");

    static DeliveryReport report(Optional<String> service) {
        List<DeliveryBucket> series = List.of(
                new DeliveryBucket(MON, MON.plusDays(1), 3, 4, 2, Optional.of(Duration.ofMinutes(90)), 0),
                new DeliveryBucket(MON.plusDays(1), MON.plusDays(2), 0, 0, 0, Optional.empty(), 1),
                new DeliveryBucket(MON.plusDays(2), MON.plusDays(3), 1, 1, 0, Optional.of(Duration.ofMinutes(20)), 0));
        DeliveryFigures f = new DeliveryFigures(4, 4 / 3.0, 28 / 3.0, 5, 2, Optional.of(0.4),
                Optional.of(Duration.ofMinutes(90)), Optional.of(Duration.ofMinutes(90)), Optional.empty(), 1, 0, 1, 0);
        return new DeliveryReport(MetricsPeriod.ofDays(MON, MON.plusDays(3)), service, List.of("prod"),
                Duration.ofHours(24), f, List.of(), Granularity.DAY, series);
    }

    @Test
    void theDeploysChartIsAnImageWhoseDescriptionGivesEveryBar() throws Exception {
        String svg = SvgCharts.deploys(report(Optional.empty()));
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertThat(root.getAttribute("role")).isEqualTo("img");
        String title = doc.getElementsByTagName("title").item(0).getTextContent();
        String desc = doc.getElementsByTagName("desc").item(0).getTextContent();
        assertThat(root.getAttribute("aria-labelledby")).contains(((Element) doc.getElementsByTagName("title").item(0)).getAttribute("id"));
        assertThat(title).isEqualTo("Deploys per day — all services (prod)");
        assertThat(desc).contains("4 deploys in 3 days (2 failed changes).")
                .contains("Mar 2: 3 deploys, 2 failed changes.").contains("Mar 3: 0 deploys.").contains("Mar 4: 1 deploy.");
        // one group per bucket; the Mar 2 bar is 3 high and 2 of it red, over a scale topping at 5
        NodeList rects = doc.getElementsByTagName("rect");
        assertThat(rects.getLength()).isEqualTo(4);
        double full = Double.parseDouble(((Element) rects.item(0)).getAttribute("height"));
        double red = Double.parseDouble(((Element) rects.item(1)).getAttribute("height"));
        assertThat(((Element) rects.item(1)).getAttribute("fill")).isEqualTo(SvgCharts.FAILED);
        assertThat(red / full).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(svg).doesNotContain("href").doesNotContain("<script").doesNotContain("http://www.w3.org/1999/xlink");
    }

    @Test
    void theLeadTimeChartSaysWhichBucketsHadNoDeploys() throws Exception {
        Document doc = parse(SvgCharts.leadTime(report(Optional.of("commons"))));
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Median lead time per day — commons (prod)");
        assertThat(doc.getElementsByTagName("desc").item(0).getTextContent())
                .contains("Median lead time over the period: 1.5 h.").contains("Mar 2: 1.5 h.")
                .contains("Mar 3: no deploys.").contains("Mar 4: 20 min.");
    }

    @Test
    void textIsEscapedAndAnEmptyChartIsStillValid() throws Exception {
        String svg = SvgCharts.bars("<b>\"R&D\"</b>", "it's", List.of(new SvgCharts.Bar("a<b", 0, 0, "a<b: none")), "x&y");
        Document doc = parse(svg);
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("<b>\"R&D\"</b>");
        assertThat(svg).doesNotContain("<b>").contains("&lt;b&gt;&quot;R&amp;D&quot;");
        assertThat(parse(SvgCharts.bars("empty", "nothing", List.of(), "deploys")).getDocumentElement().getAttribute("role"))
                .isEqualTo("img");
    }

    @Test
    void theScaleTopsAtARoundNumber() {
        assertThat(SvgCharts.niceTop(0)).isEqualTo(1);
        assertThat(SvgCharts.niceTop(3)).isEqualTo(5);
        assertThat(SvgCharts.niceTop(7)).isEqualTo(10);
        assertThat(SvgCharts.niceTop(12)).isEqualTo(20);
    }

    private static Document parse(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
