package dev.flightdeck.web.charts;

import dev.flightdeck.metrics.DeliveryBucket;
import dev.flightdeck.metrics.DeliveryReport;
import dev.flightdeck.metrics.Granularity;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Inline SVG bar charts for the delivery page: no scripts, fonts or anything from another host. Each chart is an
 * {@code <svg role="img">} with a {@code <title>} and a {@code <desc>} that state every figure, so a screen reader
 * (and a test) reads the same numbers the bars show; every piece of text is XML-escaped.
 */
public final class SvgCharts {

    /** Colours with at least 4.5:1 contrast on white (WCAG AA), and not told apart by colour alone (see desc). */
    static final String BAR = "#1565C0";
    static final String FAILED = "#B00020";
    static final String AXIS = "#424242";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int LEFT = 44;
    private static final int BOTTOM = 36;
    private static final int TOP = 12;

    private SvgCharts() {
    }

    /** One bar: its label under the axis, its height, and how much of it is drawn in the "failed" colour. */
    public record Bar(String label, double value, double failedPart, String spoken) {
    }

    /** Successful deploys per bucket, the part that became failed changes drawn over them in red. */
    public static String deploys(DeliveryReport report) {
        List<Bar> bars = report.series().stream().map(b -> new Bar(label(b, report.granularity()), b.deploys(),
                Math.min(b.failedChanges(), b.deploys()),
                label(b, report.granularity()) + ": " + b.deploys() + plural(" deploy", b.deploys())
                        + (b.failedChanges() > 0 ? ", " + b.failedChanges() + plural(" failed change", b.failedChanges()) : "")))
                .toList();
        int total = report.figures().deploys();
        String title = "Deploys per " + unit(report.granularity()) + scope(report);
        String summary = total + plural(" deploy", total) + " in " + report.period().days() + plural(" day", (int) report.period().days())
                + " (" + report.figures().failedChanges() + plural(" failed change", report.figures().failedChanges()) + ").";
        return bars(title, summary, bars, "deploys");
    }

    /** Median lead time (request to success) per bucket, in hours; buckets without deploys have no bar. */
    public static String leadTime(DeliveryReport report) {
        List<Bar> bars = report.series().stream().map(b -> {
            String label = label(b, report.granularity());
            Optional<Duration> median = b.leadTimeMedian();
            return new Bar(label, median.map(d -> d.toMinutes() / 60.0).orElse(0.0), 0,
                    label + ": " + median.map(SvgCharts::hours).orElse("no deploys"));
        }).toList();
        String title = "Median lead time per " + unit(report.granularity()) + scope(report);
        String summary = "Median lead time over the period: "
                + report.figures().leadTimeMedian().map(SvgCharts::hours).orElse("no deploys") + ".";
        return bars(title, summary, bars, "hours");
    }

    /** A plain bar chart; {@code summary} and each bar's {@code spoken} text become the description. */
    public static String bars(String title, String summary, List<Bar> bars, String unit) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        double top = niceTop(max);
        int plotW = WIDTH - LEFT - 8;
        int plotH = HEIGHT - TOP - BOTTOM;
        String id = "c" + Integer.toHexString((title + summary).hashCode());
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"100%\" aria-labelledby=\"").append(id).append("-t ").append(id)
                .append("-d\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.append("<title id=\"").append(id).append("-t\">").append(escape(title)).append("</title>");
        StringBuilder desc = new StringBuilder(summary);
        bars.forEach(b -> desc.append(' ').append(b.spoken()).append('.'));
        svg.append("<desc id=\"").append(id).append("-d\">").append(escape(desc.toString())).append("</desc>");
        // Axis and scale: zero and the top value, labelled with the unit.
        int baseY = TOP + plotH;
        svg.append(line(LEFT, TOP, LEFT, baseY)).append(line(LEFT, baseY, WIDTH - 8, baseY));
        svg.append(text(LEFT - 4, baseY + 4, "end", "0"));
        svg.append(text(LEFT - 4, TOP + 8, "end", format(top)));
        svg.append(text(4, TOP + plotH / 2, "start", escape(unit)));
        if (!bars.isEmpty()) {
            double slot = (double) plotW / bars.size();
            double barW = Math.max(1, slot * 0.7);
            int labelEvery = (int) Math.ceil(bars.size() / 12.0);
            for (int i = 0; i < bars.size(); i++) {
                Bar b = bars.get(i);
                double x = LEFT + i * slot + (slot - barW) / 2;
                double h = top == 0 ? 0 : b.value() / top * plotH;
                double failedH = top == 0 ? 0 : b.failedPart() / top * plotH;
                svg.append("<g><title>").append(escape(b.spoken())).append("</title>");
                svg.append(rect(x, baseY - h, barW, h, BAR));
                if (failedH > 0) {
                    svg.append(rect(x, baseY - failedH, barW, failedH, FAILED));
                }
                svg.append("</g>");
                if (i % labelEvery == 0) {
                    svg.append(text(x + barW / 2, baseY + 14, "middle", escape(b.label())));
                }
            }
        }
        return svg.append("</svg>").toString();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** 0 → 1, else the next of 1, 2, 5 × 10^k at or above the maximum, so the top label is a round number. */
    static double niceTop(double max) {
        if (max <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[]{1, 2, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String label(DeliveryBucket b, Granularity g) {
        return g == Granularity.DAY ? DAY.format(b.start()) : "wk of " + DAY.format(b.start());
    }

    private static String unit(Granularity g) {
        return g == Granularity.DAY ? "day" : "week";
    }

    private static String scope(DeliveryReport report) {
        return report.service().map(s -> " — " + s).orElse(" — all services")
                + " (" + String.join(", ", report.environments()) + ")";
    }

    static String hours(Duration d) {
        long minutes = d.toMinutes();
        return minutes < 60 ? minutes + " min" : String.format(Locale.ROOT, "%.1f h", minutes / 60.0);
    }

    private static String plural(String word, int n) {
        return n == 1 ? word : word + "s";
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String line(int x1, int y1, int x2, int y2) {
        return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\" stroke=\"" + AXIS + "\"/>";
    }

    private static String rect(double x, double y, double w, double h, String fill) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                x, y, w, h, fill);
    }

    private static String text(double x, double y, String anchor, String escaped) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\">%s</text>",
                x, y, anchor, AXIS, escaped);
    }
}
