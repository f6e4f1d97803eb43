package io.greenpack.generate;

import io.greenpack.util.UserError;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * What to generate. Same options (and JDK) give byte-identical files.
 *
 * @param compress write power and utilization as {@code .csv.gz} (true) or plain {@code .csv}
 * @param files    how many power and how many utilization files: each host's rows in one of them
 */
public record GenerateOptions(int hosts, int apps, int days, int intervalMinutes, long seed, Instant start,
                              boolean compress, ModelSet modelSet, int files) {

    public GenerateOptions(int hosts, int apps, int days, int intervalMinutes, long seed, Instant start,
                           boolean compress, ModelSet modelSet) {
        this(hosts, apps, days, intervalMinutes, seed, start, compress, modelSet, 1);
    }

    /** A fixed Monday, never "now": the sample must not change when regenerated. */
    public static final Instant DEFAULT_START = Instant.parse("2026-10-05T00:00:00Z");

    public static final int MAX_HOSTS = 100_000;
    public static final int MAX_APPS = 1_000_000;
    public static final int MAX_DAYS = 400;

    public GenerateOptions {
        if (hosts < 1 || hosts > MAX_HOSTS) {
            throw new UserError("--hosts: expected a whole number from 1 to " + MAX_HOSTS + ", got " + hosts);
        }
        if (apps < 1 || apps > MAX_APPS) {
            throw new UserError("--apps: expected a whole number from 1 to " + MAX_APPS + ", got " + apps);
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new UserError("--days: expected a whole number from 1 to " + MAX_DAYS + ", got " + days);
        }
        if (intervalMinutes < 1 || intervalMinutes > 60 || 1440 % intervalMinutes != 0) {
            throw new UserError("--interval-minutes: expected a divisor of a day from 1 to 60 "
                    + "(1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60), got " + intervalMinutes);
        }
        if (start == null) {
            start = DEFAULT_START;
        }
        if (start.getEpochSecond() % (intervalMinutes * 60L) != 0 || start.getNano() != 0) {
            throw new UserError("--start: expected a time on the " + intervalMinutes
                    + "-minute grid (e.g. 2026-10-05T00:00:00Z), got " + start);
        }
        if (modelSet == null) {
            modelSet = ModelSet.A;
        }
        if (files < 1 || files > Math.min(hosts, 999)) {
            throw new UserError("--files: expected a whole number from 1 to the number of hosts (at most 999), got " + files);
        }
    }

    /** The defaults of {@code greenpack generate}: the bundled sample. */
    public static GenerateOptions defaults() {
        return new GenerateOptions(40, 150, 7, 5, 42L, DEFAULT_START, true, ModelSet.A);
    }

    /** The bundled sample: the defaults, split into two files per kind so each stays under 5 MB. */
    public static GenerateOptions bundledSample() {
        return defaults().withFiles(2);
    }

    /** power.csv.gz, or with --files N: power-01.csv.gz ... power-N.csv.gz (hosts in contiguous blocks). */
    public java.util.List<String> fileNames(String prefix) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 1; i <= files; i++) {
            names.add(files == 1 ? prefix + extension()
                    : prefix + "-" + FleetPlanner.pad(i, Math.max(2, String.valueOf(files).length())) + extension());
        }
        return names;
    }

    public GenerateOptions withSize(int hosts, int apps, int days) {
        return new GenerateOptions(hosts, apps, days, intervalMinutes, seed, start, compress, modelSet, files);
    }

    public GenerateOptions withSeed(long seed) {
        return new GenerateOptions(hosts, apps, days, intervalMinutes, seed, start, compress, modelSet, files);
    }

    public GenerateOptions withCompress(boolean compress) {
        return new GenerateOptions(hosts, apps, days, intervalMinutes, seed, start, compress, modelSet, files);
    }

    public GenerateOptions withModelSet(ModelSet modelSet) {
        return new GenerateOptions(hosts, apps, days, intervalMinutes, seed, start, compress, modelSet, files);
    }

    public GenerateOptions withFiles(int files) {
        return new GenerateOptions(hosts, apps, days, intervalMinutes, seed, start, compress, modelSet, files);
    }

    public int intervals() {
        return days * (1440 / intervalMinutes);
    }

    public String extension() {
        return compress ? ".csv.gz" : ".csv";
    }

    /** Accepts {@code 2026-10-05T00:00:00Z}, an offset ({@code +02:00}) or a plain date (midnight UTC). */
    public static Instant parseStart(String option, String text) {
        String s = text == null ? "" : text.trim();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new UserError(option + ": expected an ISO-8601 time such as 2026-10-05T00:00:00Z or a date "
                    + "such as 2026-10-05, got '" + text + "'");
        }
    }

    public static boolean parseCompress(String option, String format) {
        String f = format == null ? "" : format.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (f) {
            case "csv" -> false;
            case "csv.gz", "gz" -> true;
            default -> throw new UserError(option + ": expected one of csv, csv.gz; got '" + format + "'");
        };
    }
}
