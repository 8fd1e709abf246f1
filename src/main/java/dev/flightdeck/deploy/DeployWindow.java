package dev.flightdeck.deploy;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * When deploys may start, e.g. {@code Mon-Thu 09:00-16:00 America/Los_Angeles}.
 * <p>
 * {@code days} are the days a window opens on. When {@code end} is before {@code start} the window crosses midnight
 * and closes on the next day ({@code Fri 22:00-02:00} is open until Saturday 02:00). {@code start == end} means the
 * whole day, written {@code 00:00-24:00}.
 */
public record DeployWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {

    private static final Pattern SYNTAX = Pattern.compile(
            "(?:(?<days>[A-Za-z]+(?:\\s*[-,]\\s*[A-Za-z]+)*)\\s+)?"
                    + "(?<start>\\d{1,2}:\\d{2})\\s*-\\s*(?<end>\\d{1,2}:\\d{2})"
                    + "(?:\\s+(?<zone>\\S+))?");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");

    public DeployWindow {
        days = Set.copyOf(days);
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a deploy window needs at least one day");
        }
    }

    public boolean contains(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        DayOfWeek day = local.getDayOfWeek();
        LocalTime time = local.toLocalTime();
        if (start.equals(end)) {
            return days.contains(day);
        }
        if (start.isBefore(end)) {
            return days.contains(day) && !time.isBefore(start) && time.isBefore(end);
        }
        return (days.contains(day) && !time.isBefore(start))
                || (days.contains(day.minus(1)) && time.isBefore(end));
    }

    /** The canonical text, e.g. {@code Mon,Wed,Fri 09:00-16:00 Europe/Berlin}; it parses back to an equal window. */
    public String describe() {
        String dayText = days.size() == 7 ? "" : Arrays.stream(DayOfWeek.values()).filter(days::contains)
                .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                .collect(Collectors.joining(",")) + " ";
        String endText = start.equals(end) && end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString();
        return dayText + start + "-" + endText + " " + zone.getId();
    }

    @Override
    public String toString() {
        return describe();
    }

    /**
     * Parses {@code [days] HH:MM-HH:MM zone}. Days are ranges and lists of Mon..Sun (or full names), e.g.
     * {@code Mon-Thu}, {@code Mon,Wed,Fri}, {@code Fri-Mon}; without days the window opens every day.
     * The zone is an IANA name such as {@code America/Los_Angeles}, or {@code UTC}, and is required: the server's
     * own zone is rarely the team's.
     *
     * @throws IllegalArgumentException with a message fit to show the team
     */
    public static DeployWindow parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("must look like \"Mon-Thu 09:00-16:00 America/Los_Angeles\", got \""
                    + text + "\"");
        }
        Set<DayOfWeek> days = m.group("days") == null ? EnumSet.allOf(DayOfWeek.class) : days(m.group("days"));
        LocalTime start = time(m.group("start"), false);
        LocalTime end = time(m.group("end"), true);
        boolean wholeDay = start.equals(LocalTime.MIDNIGHT) && m.group("end").equals("24:00");
        if (start.equals(end) && !wholeDay) {
            throw new IllegalArgumentException("the window opens and closes at the same time (" + m.group("start")
                    + "); for a whole day write 00:00-24:00");
        }
        if (m.group("zone") == null) {
            throw new IllegalArgumentException("needs a time zone after the times, e.g. \"" + text.trim()
                    + " America/Los_Angeles\" or \"... UTC\"");
        }
        return new DeployWindow(days, start, end, zone(m.group("zone")));
    }

    private static Set<DayOfWeek> days(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split("\\s*,\\s*")) {
            String[] range = part.split("\\s*-\\s*");
            DayOfWeek from = day(range[0]);
            DayOfWeek to = range.length > 1 ? day(range[1]) : from;
            if (range.length > 2) {
                throw new IllegalArgumentException("\"" + part + "\" is not a day range like Mon-Thu");
            }
            // Ranges wrap around the week: Fri-Mon is Fri, Sat, Sun, Mon.
            for (DayOfWeek d = from; ; d = d.plus(1)) {
                days.add(d);
                if (d == to) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (t.equals(full) || t.equals(full.substring(0, 3))) {
                return d;
            }
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a day; use Mon, Tue, Wed, Thu, Fri, Sat, Sun");
    }

    private static LocalTime time(String text, boolean isEnd) {
        Matcher m = TIME.matcher(text);
        m.matches();
        int h = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        if (isEnd && h == 24 && min == 0) {
            return LocalTime.MIDNIGHT;
        }
        if (h > 23 || min > 59) {
            throw new IllegalArgumentException("\"" + text + "\" is not a time of day (00:00 to 23:59"
                    + (isEnd ? ", or 24:00 to end at midnight)" : ")"));
        }
        return LocalTime.of(h, min);
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone \"" + text
                    + "\"; use an IANA name such as America/Los_Angeles, Europe/London or UTC");
        }
    }
}
