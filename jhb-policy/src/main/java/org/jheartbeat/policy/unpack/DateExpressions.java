package org.jheartbeat.policy.unpack;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/** date_expression: in_range, gt, lt and date_spec, with ISO 8601 dates in Pacemaker's forms. */
public final class DateExpressions {

    private static final Pattern ORDINAL = Pattern.compile("(\\d{4})-(\\d{3})");
    private static final Pattern CALENDAR = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})-(\\d)");

    private DateExpressions() {
    }

    static boolean matches(Element e, LocalDateTime nowOrNull) {
        LocalDateTime now = RuleEvaluator.nowOrEpoch(nowOrNull);
        String op = Xml.attr(e, "operation", "in_range");
        LocalDateTime start = parse(Xml.attr(e, "start"));
        LocalDateTime end = parse(Xml.attr(e, "end"));
        Element duration = Xml.child(e, "duration");
        if (end == null && start != null && duration != null) {
            end = plus(start, duration);
        }
        return switch (op) {
            case "in_range" -> (start == null || !now.isBefore(start)) && (end == null || !now.isAfter(end));
            case "gt" -> start != null && now.isAfter(start);
            case "lt" -> end != null && now.isBefore(end);
            case "date_spec" -> dateSpec(Xml.child(e, "date_spec"), now);
            default -> false;
        };
    }

    private static LocalDateTime plus(LocalDateTime t, Element d) {
        return t.plusYears(num(d, "years")).plusMonths(num(d, "months")).plusWeeks(num(d, "weeks"))
                .plusDays(num(d, "days")).plusHours(num(d, "hours")).plusMinutes(num(d, "minutes"))
                .plusSeconds(num(d, "seconds"));
    }

    private static long num(Element e, String name) {
        String v = Xml.attr(e, name);
        if (v == null) {
            return 0;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException ex) {
            return 0;
        }
    }

    private static boolean dateSpec(Element spec, LocalDateTime now) {
        if (spec == null) {
            return false;
        }
        return inRange(spec, "years", now.getYear())
                && inRange(spec, "months", now.getMonthValue())
                && inRange(spec, "monthdays", now.getDayOfMonth())
                && inRange(spec, "weekdays", now.getDayOfWeek().getValue())
                && inRange(spec, "yeardays", now.getDayOfYear())
                && inRange(spec, "hours", now.getHour())
                && inRange(spec, "minutes", now.getMinute())
                && inRange(spec, "seconds", now.getSecond())
                && inRange(spec, "weekyears", now.get(IsoFields.WEEK_BASED_YEAR))
                && inRange(spec, "weeks", now.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static boolean inRange(Element spec, String field, int value) {
        String range = Xml.attr(spec, field);
        if (range == null || range.isBlank()) {
            return true;
        }
        String r = range.trim();
        int dash = r.indexOf('-', 1);
        try {
            if (dash < 0) {
                return value == Integer.parseInt(r);
            }
            String lo = r.substring(0, dash).trim();
            String hi = r.substring(dash + 1).trim();
            return (lo.isEmpty() || value >= Integer.parseInt(lo)) && (hi.isEmpty() || value <= Integer.parseInt(hi));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{2}):?(\\d{2})$");

    /**
     * Parses "2005-020", "2005-01-20", "2005-W03-4", each with an optional "T12:30[:00]" or
     * " 12:30:00", and "Z" or an offset such as " -05:00".
     */
    public static LocalDateTime parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim().replace('T', ' ').replace("Z", "");
        String datePart = t;
        String timePart = null;
        int space = t.indexOf(' ');
        if (space > 0) {
            datePart = t.substring(0, space);
            timePart = t.substring(space + 1).trim();
        }
        LocalDate date = date(datePart);
        if (date == null) {
            return null;
        }
        LocalTime time = LocalTime.MIDNIGHT;
        long offsetMinutes = 0;
        if (timePart != null && !timePart.isEmpty()) {
            Matcher offset = OFFSET.matcher(timePart);
            String tp = timePart;
            if (offset.find()) {
                int sign = offset.group(1).equals("-") ? -1 : 1;
                offsetMinutes = sign * (Integer.parseInt(offset.group(2)) * 60L + Integer.parseInt(offset.group(3)));
                tp = timePart.substring(0, offset.start()).trim();
            }
            String[] hms = tp.split(":");
            try {
                time = LocalTime.of(Integer.parseInt(hms[0]), hms.length > 1 ? Integer.parseInt(hms[1]) : 0,
                        hms.length > 2 ? (int) Double.parseDouble(hms[2]) : 0);
            } catch (RuntimeException e) {
                return null;
            }
        }
        // rules compare in UTC, so a time given with an offset is moved to UTC
        return LocalDateTime.of(date, time).minusMinutes(offsetMinutes);
    }

    private static LocalDate date(String d) {
        Matcher m = CALENDAR.matcher(d);
        if (m.matches()) {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        m = ORDINAL.matcher(d);
        if (m.matches()) {
            return LocalDate.ofYearDay(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = WEEK.matcher(d);
        if (m.matches()) {
            return LocalDate.of(Integer.parseInt(m.group(1)), 1, 4)
                    .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(m.group(2)))
                    .with(DayOfWeek.of(Integer.parseInt(m.group(3))));
        }
        return null;
    }
}
