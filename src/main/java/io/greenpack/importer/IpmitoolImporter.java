package io.greenpack.importer;

import io.greenpack.util.UserError;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logged ipmitool output, one file per host (host = --host, else the file name up to its first
 * dot: {@code host01.ipmi.log} → host01). Two shapes, mixable in one file:
 * <ul>
 * <li>{@code ipmitool dcmi power reading} blocks (ipmitool(1), DCMI "Get Power Reading"):
 *     "Instantaneous power reading: 245 Watts" … "IPMI timestamp: Mon Oct  5 10:00:00 2026" …
 *     "Power reading state is: activated". The instantaneous reading becomes watts at the IPMI
 *     timestamp; a block whose state is "deactivated" is skipped; a BMC clock that was never set
 *     (before 1990) falls back to the last timestamp line.</li>
 * <li>{@code ipmitool sdr type Current} / {@code sdr list} lines ({@code Pwr Consumption | 0Ch |
 *     ok | 7.1 | 250 Watts}) and {@code ipmitool sensor} lines ({@code Pwr Consumption | 250.000 |
 *     Watts | ok | …}) after a timestamp line (ISO-8601, epoch seconds, or `date` output such as
 *     "Mon Oct  5 10:00:00 UTC 2026"). A whole-system sensor (name with "Consumption", "System",
 *     "Total" or "Power Meter") is used alone; without one, each PSU input sensor ("PS1 Input
 *     Power") is a psu that ingest sums. Output and component sensors (CPU, memory) are skipped.</li>
 * </ul>
 * Timestamps without a zone (IPMI timestamp, ISO without offset) are in --zone (default UTC).
 */
final class IpmitoolImporter implements Importer {
    private static final Pattern INSTANT = Pattern.compile("^\\s*Instantaneous power reading:\\s*(.*?)\\s*(Watts)?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern IPMI_TS = Pattern.compile("^\\s*IPMI timestamp:\\s*(.*?)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern STATE = Pattern.compile("^\\s*Power reading state is:\\s*(\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_LINE = Pattern.compile("^#?\\s*[A-Z][a-z]{2}\\s+[A-Z][a-z]{2}\\s+\\d{1,2}\\s+\\d{2}:\\d{2}:\\d{2}.*");
    private static final Pattern ISO_LINE = Pattern.compile("^#?\\s*\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2})?\\S*\\s*$");
    private static final Pattern EPOCH_LINE = Pattern.compile("^#?\\s*\\d{9,10}\\s*$");
    private static final Pattern WHOLE_SYSTEM = Pattern.compile("(?i).*(consumption|system|total|power meter).*");
    private static final Pattern PSU_INPUT = Pattern.compile("(?i)^ps\\s*\\d+.*(input|in\\b|power in).*");
    private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    /** ctime as ipmitool prints it, without the weekday (which BMCs sometimes get wrong). */
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_CMD = DateTimeFormatter.ofPattern("MMM d HH:mm:ss z yyyy", Locale.ENGLISH);

    private record Sensor(String name, double watts, String where) {
    }

    /** Per-file parsing state: the last timestamp line and the block being read. */
    private static final class State {
        Instant lineTime;
        Double dcmiWatts;
        String dcmiWhere;
        Instant dcmiTime;
        boolean deactivated;
        final List<Sensor> sensors = new ArrayList<>();
        long readings;
    }

    @Override
    public void convert(Path file, ImportOptions options, CanonicalWriter out) {
        String host = options.host() != null ? options.host() : ExportText.stem(file);
        State st = new State();
        try (ExportLines in = ExportLines.open(file)) {
            for (String line = in.next(); line != null; line = in.next()) {
                Matcher m;
                if (line.isBlank()) {
                    flushDcmi(st, host, out);
                } else if ((m = INSTANT.matcher(line)).matches()) {
                    flushDcmi(st, host, out);
                    out.recordsIn(1);
                    st.dcmiWatts = watts(in, m.group(1), "Instantaneous power reading");
                    st.dcmiWhere = in.where();
                } else if ((m = IPMI_TS.matcher(line)).matches()) {
                    st.dcmiTime = ctime(in, m.group(1), options.zone());
                } else if ((m = STATE.matcher(line)).find()) {
                    st.deactivated = m.group(1).equalsIgnoreCase("deactivated");
                } else if (DATE_LINE.matcher(line).matches() || ISO_LINE.matcher(line).matches() || EPOCH_LINE.matcher(line).matches()) {
                    flushDcmi(st, host, out);
                    flushSensors(st, host, out);
                    st.lineTime = timeLine(in, line, options.zone());
                } else if (line.indexOf('|') >= 0) {
                    sensorLine(in, line, st, out);
                }
                // anything else (Sampling period, Minimum/Maximum/Average, other ipmitool chatter) is not needed
            }
            flushDcmi(st, host, out);
            flushSensors(st, host, out);
        }
        if (st.readings == 0) {
            throw new UserError(file + ": no power readings found; expected " + CanonicalWriter.expected(ImportFormat.IPMITOOL));
        }
    }

    private static void flushDcmi(State st, String host, CanonicalWriter out) {
        if (st.dcmiWatts == null) {
            st.dcmiTime = null;
            st.deactivated = false;
            return;
        }
        Instant ts = st.dcmiTime;
        if (ts == null || ts.isBefore(EARLIEST)) {
            if (st.lineTime == null) {
                out.skip(ts == null ? "DCMI reading without IPMI timestamp or timestamp line"
                        : "DCMI reading with the BMC clock unset (before 1990) and no timestamp line", st.dcmiWhere);
                ts = null;
            } else {
                ts = st.lineTime;
            }
        }
        if (st.deactivated) {
            out.skip("DCMI power reading state is deactivated", st.dcmiWhere);
        } else if (ts != null) {
            out.power(ts, host, st.dcmiWatts, null, "", "ipmi");
            st.readings++;
        }
        st.dcmiWatts = null;
        st.dcmiTime = null;
        st.deactivated = false;
    }

    /** One SDR or sensor line; only Watts sensors are kept, until the block ends. */
    private static void sensorLine(ExportLines in, String line, State st, CanonicalWriter out) {
        String[] f = line.split("\\|");
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].trim();
        }
        if (f.length < 3) {
            return;
        }
        String name = f[0];
        String text;
        if (f[2].equalsIgnoreCase("Watts")) { // ipmitool sensor: name | value | unit | status | thresholds...
            text = f[1];
        } else if (f[f.length - 1].toLowerCase(Locale.ROOT).endsWith("watts")) { // sdr: name | id | status | entity | value unit
            text = f[f.length - 1].substring(0, f[f.length - 1].length() - "watts".length()).trim();
        } else {
            return;
        }
        out.recordsIn(1);
        if (text.equalsIgnoreCase("na") || text.equalsIgnoreCase("No Reading") || text.isEmpty()) {
            out.skip("power sensor without a reading", in.where());
            return;
        }
        if (st.lineTime == null) {
            throw in.error("power sensor line before any timestamp line; expected a line such as "
                    + "'2026-10-05T10:00:00Z' or `date` output before each ipmitool sdr/sensor block");
        }
        st.sensors.add(new Sensor(name, watts(in, text, name), in.where()));
    }

    private static void flushSensors(State st, String host, CanonicalWriter out) {
        if (st.sensors.isEmpty()) {
            return;
        }
        List<Sensor> whole = st.sensors.stream().filter(s -> WHOLE_SYSTEM.matcher(s.name()).matches()).toList();
        for (Sensor s : st.sensors) {
            boolean output = s.name().toLowerCase(Locale.ROOT).contains("output");
            if (!whole.isEmpty() ? whole.get(0) == s : !output && PSU_INPUT.matcher(s.name()).matches()) {
                out.power(st.lineTime, host, s.watts(), null, whole.isEmpty() ? s.name() : "", "ipmi");
                st.readings++;
            } else {
                out.skip(whole.isEmpty() ? "power sensor that is neither whole-system nor PSU input" :
                        "power sensor beside a whole-system sensor (it would count twice)", s.where());
            }
        }
        st.sensors.clear();
    }

    private static double watts(ExportLines in, String text, String field) {
        Double v = ExportText.number(text);
        if (v == null || v < 0) {
            throw in.error("'" + field + "' is " + ExportText.shown(text) + ", expected a non-negative number of Watts");
        }
        return v;
    }

    private static Instant ctime(ExportLines in, String text, ZoneId zone) {
        String s = dropWeekday(text);
        try {
            return LocalDateTime.parse(s, CTIME).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw in.error("IPMI timestamp is " + ExportText.shown(text) + ", expected ctime form like 'Mon Oct  5 10:00:00 2026'");
        }
    }

    private static Instant timeLine(ExportLines in, String line, ZoneId zone) {
        String s = line.startsWith("#") ? line.substring(1).trim() : line.trim();
        try {
            if (EPOCH_LINE.matcher(s).matches()) {
                return Instant.ofEpochSecond(Long.parseLong(s));
            }
            if (Character.isDigit(s.charAt(0))) {
                String iso = s.replace(' ', 'T');
                try {
                    return OffsetDateTime.parse(iso).toInstant();
                } catch (DateTimeParseException e) {
                    return LocalDateTime.parse(iso).atZone(zone).toInstant();
                }
            }
            String noDay = dropWeekday(s);
            try {
                return ZonedDateTime.parse(noDay, DATE_CMD).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(noDay, CTIME).atZone(zone).toInstant();
            }
        } catch (DateTimeParseException e) {
            throw in.error("timestamp line " + ExportText.shown(line) + " cannot be read; expected ISO-8601 "
                    + "(2026-10-05T10:00:00Z), epoch seconds or `date` output (Mon Oct  5 10:00:00 UTC 2026)");
        }
    }

    /** "Mon Oct  5 10:00:00 2026" → "Oct 5 10:00:00 2026" (single spaces, no weekday). */
    private static String dropWeekday(String text) {
        String s = text.trim().replaceAll("\\s+", " ");
        int space = s.indexOf(' ');
        return space == 3 && Character.isLetter(s.charAt(0)) && Character.isLetter(s.charAt(space + 1)) ? s.substring(4) : s;
    }
}
