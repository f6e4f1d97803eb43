package io.greenpack.importer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The times IPMI tools print beside a power reading:
 * <ul>
 * <li>ipmitool up to 1.8.18: ctime, {@code Mon Aug  1 21:22:51 2016}, in the local time of the
 *     machine that ran it (taken as --zone);</li>
 * <li>ipmitool 1.8.19 and later: {@code strftime("%x %X %Z")} in the C locale
 *     (ipmitool/ipmitool @ be11d948, lib/ipmi_time.c), {@code 07/26/26 16:57:12 CDT}: month/day/
 *     two-digit year, then the zone's abbreviation, read through {@link #ABBREVIATIONS};</li>
 * <li>FreeIPMI {@code ipmi-dcmi --get-system-power-statistics}: {@code 12/29/2023 - 08:58:00}
 *     (local time, taken as --zone);</li>
 * <li>ISO-like {@code 2024-05-05 13:06:44 UTC}, as some ipmitool look-alikes print it.</li>
 * </ul>
 * A time-zone abbreviation is not an id (CST is US Central and China Standard Time), so only the
 * table below is accepted; an abbreviation outside it makes the reading a rejected row.
 */
final class IpmiTimes {
    /**
     * Standard offsets of the abbreviations glibc prints for common zones (tz database). CST and
     * IST are ambiguous: CST is read as US Central (ipmitool's US-centred users print it far more
     * often than China Standard Time), IST is left out.
     */
    static final Map<String, ZoneOffset> ABBREVIATIONS = Map.ofEntries(
            Map.entry("UTC", ZoneOffset.UTC), Map.entry("GMT", ZoneOffset.UTC), Map.entry("Z", ZoneOffset.UTC),
            Map.entry("WET", ZoneOffset.ofHours(0)), Map.entry("WEST", ZoneOffset.ofHours(1)),
            Map.entry("BST", ZoneOffset.ofHours(1)), Map.entry("CET", ZoneOffset.ofHours(1)),
            Map.entry("CEST", ZoneOffset.ofHours(2)), Map.entry("EET", ZoneOffset.ofHours(2)),
            Map.entry("EEST", ZoneOffset.ofHours(3)), Map.entry("MSK", ZoneOffset.ofHours(3)),
            Map.entry("EST", ZoneOffset.ofHours(-5)), Map.entry("EDT", ZoneOffset.ofHours(-4)),
            Map.entry("CST", ZoneOffset.ofHours(-6)), Map.entry("CDT", ZoneOffset.ofHours(-5)),
            Map.entry("MST", ZoneOffset.ofHours(-7)), Map.entry("MDT", ZoneOffset.ofHours(-6)),
            Map.entry("PST", ZoneOffset.ofHours(-8)), Map.entry("PDT", ZoneOffset.ofHours(-7)),
            Map.entry("AKST", ZoneOffset.ofHours(-9)), Map.entry("AKDT", ZoneOffset.ofHours(-8)),
            Map.entry("HST", ZoneOffset.ofHours(-10)), Map.entry("JST", ZoneOffset.ofHours(9)),
            Map.entry("KST", ZoneOffset.ofHours(9)), Map.entry("AWST", ZoneOffset.ofHours(8)),
            Map.entry("ACST", ZoneOffset.ofHoursMinutes(9, 30)), Map.entry("ACDT", ZoneOffset.ofHoursMinutes(10, 30)),
            Map.entry("AEST", ZoneOffset.ofHours(10)), Map.entry("AEDT", ZoneOffset.ofHours(11)),
            Map.entry("NZST", ZoneOffset.ofHours(12)), Map.entry("NZDT", ZoneOffset.ofHours(13)));
    /** Before this a BMC clock was never set (it counts from 1970 after a power loss). */
    static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    private static final Pattern TRAILING_ZONE = Pattern.compile("^(.*\\d)\\s+([A-Za-z]{1,5})$");
    private static final List<DateTimeFormatter> FORMS = List.of(
            DateTimeFormatter.ofPattern("MMM d HH:mm:ss yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MM/dd/yyyy - HH:mm:ss", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ENGLISH));
    static final String EXPECTED = "expected ctime form like 'Mon Oct  5 10:00:00 2026', '07/26/26 16:57:12 CDT' "
            + "(ipmitool 1.8.19+) or '12/29/2023 - 08:58:00' (FreeIPMI)";

    private IpmiTimes() {
    }

    /**
     * The instant of a printed IPMI time; a trailing abbreviation gives the offset, else {@code zone}.
     *
     * @throws IllegalArgumentException naming what is wrong (unknown abbreviation, unreadable text)
     */
    static Instant parse(String text, ZoneId zone) {
        String s = dropWeekday(text);
        ZoneId z = zone;
        Matcher m = TRAILING_ZONE.matcher(s);
        if (m.matches()) {
            String abbreviation = m.group(2).toUpperCase(Locale.ROOT);
            z = ABBREVIATIONS.get(abbreviation);
            if (z == null) {
                throw new IllegalArgumentException("time zone abbreviation '" + m.group(2) + "' is not one greenpack knows ("
                        + String.join(", ", new java.util.TreeSet<>(ABBREVIATIONS.keySet())) + ")");
            }
            s = m.group(1);
        }
        for (DateTimeFormatter f : FORMS) {
            try {
                return LocalDateTime.parse(s, f).atZone(z).toInstant();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        throw new IllegalArgumentException("IPMI timestamp is " + ExportText.shown(text.trim()) + ", " + EXPECTED);
    }

    /** "Mon Oct  5 10:00:00 2026" → "Oct 5 10:00:00 2026" (single spaces, no weekday). */
    static String dropWeekday(String text) {
        String s = text.trim().replaceAll("\\s+", " ");
        int space = s.indexOf(' ');
        return space == 3 && Character.isLetter(s.charAt(0)) && Character.isLetter(s.charAt(space + 1)) ? s.substring(4) : s;
    }

    /** Why a time cannot be a sample's, or null when it can: before 1990 or more than a day ahead of this machine's clock. */
    static String impossible(Instant t) {
        if (t.isBefore(EARLIEST)) {
            return "before 1990 (the BMC clock was not set)";
        }
        if (t.isAfter(Instant.now().plusSeconds(86_400))) {
            return "in the future";
        }
        return null;
    }
}
