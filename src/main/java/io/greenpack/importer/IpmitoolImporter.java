package io.greenpack.importer;

import io.greenpack.util.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logged IPMI tool output, one file per host (host = --host, else the file name up to its first
 * dot: {@code host01.ipmi.log} → host01). Shapes, mixable in one file:
 * <ul>
 * <li>Power reading blocks: {@code ipmitool dcmi power reading} ("Instantaneous power reading:
 *     245 Watts" … "IPMI timestamp: …" … "Power reading state is: activated"; ipmitool 1.8.19+
 *     prints the timestamp and "Sampling period" on one line) and FreeIPMI
 *     {@code ipmi-dcmi --get-system-power-statistics} ("Current Power : 164 Watts" … "Time Stamp :
 *     12/29/2023 - 08:58:00" … "Power Measurement : Active", as quoted in ceems-dev/ceems's
 *     collector tests). The current reading becomes watts at the block's time ({@link IpmiTimes}).</li>
 * <li>Sensor lines with a Watts unit: {@code ipmitool sdr} ({@code Pwr Consumption | 0Ch | ok |
 *     7.1 | 250 Watts}), {@code ipmitool sensor} ({@code Pwr Consumption | 250.000 | Watts | ok |
 *     …}) and FreeIPMI {@code ipmi-sensors} ({@code 12 | Pwr Consumption | Current | 250.00 | W |
 *     'OK'}; ipmimonitoring adds a State column), after a timestamp line (ISO-8601, epoch seconds,
 *     or `date` output). A whole-system sensor (name with "Consumption", "System", "Total" or
 *     "Power Meter") is used alone; without one, each PSU input sensor ("PS1 Input Power") is a psu
 *     that ingest sums. Output and component sensors (CPU, memory) are skipped.</li>
 * </ul>
 * Rejected rows (rejects.csv, the other readings and hosts go on): a block whose state is
 * deactivated or "Not Available", a time before 1990 (an unset BMC clock; the last timestamp line
 * is used instead when the log has one) or in the future, an unreadable reading or time.
 * Sensor lines in a file without any timestamp line (a saved snapshot) take the file's
 * modification time, which IMPORT.md states. A file without any reading is not IPMI output: exit 2.
 */
final class IpmitoolImporter implements Importer {
    private static final Pattern READING = Pattern.compile(
            "^\\s*(Instantaneous power reading|Current Power)\\s*:\\s*(.*?)\\s*(watts)?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_TIME = Pattern.compile(
            "^\\s*(IPMI timestamp|Time Stamp)\\s*:\\s*(.*?)\\s*(Sampling period\\s*:.*)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern STATE = Pattern.compile(
            "^\\s*(Power reading state is|Power Measurement)\\s*:?\\s*(.+?)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_LINE = Pattern.compile("^#?\\s*[A-Z][a-z]{2}\\s+[A-Z][a-z]{2}\\s+\\d{1,2}\\s+\\d{2}:\\d{2}:\\d{2}.*");
    private static final Pattern ISO_LINE = Pattern.compile("^#?\\s*\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2})?\\S*\\s*$");
    private static final Pattern EPOCH_LINE = Pattern.compile("^#?\\s*\\d{9,10}\\s*$");
    private static final Pattern WHOLE_SYSTEM = Pattern.compile("(?i).*(consumption|system|total|power meter).*");
    private static final Pattern PSU_INPUT = Pattern.compile("(?i)^ps\\s*\\d+.*(input|in\\b|power in).*");
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_CMD = DateTimeFormatter.ofPattern("MMM d HH:mm:ss z yyyy", Locale.ENGLISH);

    private record Sensor(String name, double watts, long line, String text, String where) {
    }

    /** One power reading block while it is read; {@code bad} is the first fault found in it. */
    private static final class Block {
        Double watts;
        long line;
        String text;
        String where;
        Instant time;
        String state;
        RowRejected bad;
    }

    /** Per-file parsing state: the last timestamp line, the block and the sensors being read. */
    private static final class State {
        final Path file;
        final String host;
        Instant lineTime;
        boolean timeFromFile;
        /** The last timestamp line could not be read: readings after it have no time until the next one. */
        boolean badTimeLine;
        Block block;
        final List<Sensor> sensors = new ArrayList<>();
        long recognised;

        State(Path file, String host) {
            this.file = file;
            this.host = host;
        }
    }

    @Override
    public void convert(Path file, ImportOptions options, CanonicalWriter out) {
        State st = new State(file, options.host() != null ? options.host() : ExportText.stem(file));
        try (ExportLines in = ExportLines.open(file)) {
            for (String line = in.next(); line != null; line = in.next()) {
                try {
                    line(in, line, st, options, out);
                } catch (RowRejected r) {
                    out.reject(in, r);
                }
            }
            flushBlock(st, out);
            flushSensors(st, out);
        }
        if (st.recognised == 0) {
            throw new UserError(file + ": no power readings found; expected " + CanonicalWriter.expected(ImportFormat.IPMITOOL));
        }
        if (st.timeFromFile) {
            out.note("ipmitool: sensor lines without a timestamp line before them (" + file.getFileName()
                    + ") are taken at the file's modification time; log `date -u -Iseconds` before each reading for exact times.");
        }
    }

    private static void line(ExportLines in, String line, State st, ImportOptions options, CanonicalWriter out) {
        Matcher m;
        if (line.isBlank()) {
            flushBlock(st, out);
        } else if ((m = READING.matcher(line)).matches()) {
            flushBlock(st, out);
            out.recordsIn(1);
            st.recognised++;
            Block b = new Block();
            b.line = in.line();
            b.text = line;
            b.where = in.where();
            st.block = b;
            try {
                in.requireLineEnd();
                b.watts = watts(in, m.group(2), m.group(1));
            } catch (RowRejected r) {
                b.bad = r;
            }
        } else if ((m = BLOCK_TIME.matcher(line)).matches()) {
            if (st.block != null && st.block.bad == null) {
                try {
                    st.block.time = IpmiTimes.parse(m.group(2), options.zone());
                } catch (IllegalArgumentException e) {
                    st.block.bad = in.reject("unreadable IPMI timestamp", e.getMessage());
                }
            }
        } else if ((m = STATE.matcher(line)).matches()) {
            if (st.block != null) {
                st.block.state = m.group(2);
            }
        } else if (DATE_LINE.matcher(line).matches() || ISO_LINE.matcher(line).matches() || EPOCH_LINE.matcher(line).matches()) {
            flushBlock(st, out);
            flushSensors(st, out);
            st.lineTime = null;
            st.badTimeLine = true;
            st.lineTime = timeLine(in, line, options.zone());
            st.badTimeLine = false;
        } else if (line.indexOf('|') >= 0) {
            sensorLine(in, line, st, out);
        }
        // anything else (Sampling period, Minimum/Maximum/Average, other tool chatter) is not needed
    }

    /** The block just read: a sample, or a rejected row saying why not. */
    private static void flushBlock(State st, CanonicalWriter out) {
        Block b = st.block;
        st.block = null;
        if (b == null) {
            return;
        }
        RowRejected bad = b.bad != null ? b.bad : blockFault(b, st);
        if (bad != null) {
            out.reject(st.file, b.line, bad, b.text);
            return;
        }
        out.power(b.time != null && IpmiTimes.impossible(b.time) == null ? b.time : st.lineTime, st.host, b.watts, null, "", "ipmi");
    }

    /** Why a readable block is no sample: not measuring, or no possible time. */
    private static RowRejected blockFault(Block b, State st) {
        String state = b.state == null ? "" : b.state.toLowerCase(Locale.ROOT);
        if (state.startsWith("deactivated") || state.startsWith("not available") || state.startsWith("inactive")) {
            return new RowRejected("power reading state is " + state, b.where + ": the BMC says the reading is '" + b.state
                    + "' (not measuring); its " + b.watts + " W is no measurement");
        }
        if (b.time == null && st.lineTime == null) {
            return new RowRejected("reading without a time", b.where + ": the block has no IPMI timestamp and no timestamp "
                    + "line comes before it; expected 'IPMI timestamp: ...' or a `date` line before each reading");
        }
        String impossible = b.time == null ? null : IpmiTimes.impossible(b.time);
        if (impossible != null && (st.lineTime == null || impossible.equals("in the future"))) {
            return new RowRejected("IPMI timestamp " + impossible, b.where + ": the IPMI timestamp " + b.time + " is " + impossible
                    + " and no timestamp line before the block gives the time; expected a time between 1990 and now");
        }
        return null;
    }

    /** One sdr/sensor/ipmi-sensors line; only Watts sensors are kept, until the block ends. */
    private static void sensorLine(ExportLines in, String line, State st, CanonicalWriter out) {
        String[] f = line.split("\\|");
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].trim();
        }
        int unit = unitColumn(f);
        String text;
        String name;
        if (unit > 0) { // ipmitool sensor: name | value | Watts | …; ipmi-sensors: ID | name | type | value | W | event
            text = f[unit - 1];
            name = f[0].chars().allMatch(Character::isDigit) && f.length > 1 ? f[1] : f[0];
        } else if (f.length >= 3 && f[f.length - 1].toLowerCase(Locale.ROOT).endsWith("watts")) { // sdr: … | 250 Watts
            text = f[f.length - 1].substring(0, f[f.length - 1].length() - "watts".length()).trim();
            name = f[0];
        } else {
            return;
        }
        out.recordsIn(1);
        st.recognised++;
        if (text.equalsIgnoreCase("na") || text.equalsIgnoreCase("N/A") || text.equalsIgnoreCase("No Reading") || text.isEmpty()) {
            out.skip("power sensor without a reading", in.where());
            return;
        }
        in.requireLineEnd();
        double watts = watts(in, text, name);
        if (st.lineTime == null && st.badTimeLine) {
            throw in.reject("reading after an unreadable timestamp line", "the timestamp line before this sensor could not "
                    + "be read, so its time is unknown");
        }
        if (st.lineTime == null) {
            st.lineTime = modified(in.file());
            st.timeFromFile = true;
        }
        if (st.timeFromFile && st.sensors.stream().anyMatch(s -> s.name().equals(name))) {
            throw in.reject("repeated sensor without a timestamp line", "sensor " + ExportText.shown(name)
                    + " appears again with no timestamp line between; expected a timestamp line before each sdr/sensor block");
        }
        st.sensors.add(new Sensor(name, watts, in.line(), line, in.where()));
    }

    /** The column holding the unit "W" or "Watts" (ipmitool sensor, ipmi-sensors), or -1. */
    private static int unitColumn(String[] f) {
        for (int i = 1; i < f.length; i++) {
            if (f[i].equalsIgnoreCase("W") || f[i].equalsIgnoreCase("Watts")) {
                return i;
            }
        }
        return -1;
    }

    private static void flushSensors(State st, CanonicalWriter out) {
        if (st.sensors.isEmpty()) {
            return;
        }
        List<Sensor> whole = st.sensors.stream().filter(s -> WHOLE_SYSTEM.matcher(s.name()).matches()).toList();
        Set<String> used = new HashSet<>();
        for (Sensor s : st.sensors) {
            boolean output = s.name().toLowerCase(Locale.ROOT).contains("output");
            if (!whole.isEmpty() ? whole.get(0) == s : !output && PSU_INPUT.matcher(s.name()).matches() && used.add(s.name())) {
                out.power(st.lineTime, st.host, s.watts(), null, whole.isEmpty() ? s.name() : "", "ipmi");
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
            throw in.reject("reading not a number", "'" + field + "' is " + ExportText.shown(text)
                    + ", expected a non-negative number of Watts");
        }
        return v;
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the modification time: " + e.getMessage(), e);
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
            String noDay = IpmiTimes.dropWeekday(s);
            try {
                return ZonedDateTime.parse(noDay, DATE_CMD).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(noDay, CTIME).atZone(zone).toInstant();
            }
        } catch (DateTimeParseException e) {
            throw in.reject("unreadable timestamp line", "timestamp line " + ExportText.shown(line) + " cannot be read; expected ISO-8601 "
                    + "(2026-10-05T10:00:00Z), epoch seconds or `date` output (Mon Oct  5 10:00:00 UTC 2026)");
        }
    }
}
