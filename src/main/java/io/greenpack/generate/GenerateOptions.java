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
 * @param utilizationFiles how many files the utilization samples are split into, by host (1:
 *        {@code utilization.csv.gz}; more: {@code utilization-1.csv.gz}, {@code utilization-2.csv.gz}, ...),
 *        so that a large sample stays under a per-file size limit; every host's rows are in one file
 */
public record GenerateOptions(int hosts, int apps, int days, int intervalMinutes, long seed, Instant start,
                              boolean compress, ModelSet modelSet, int utilizationFiles) {

    /** A fixed Monday, never "now": the sample must not change when regenerated. */
    public static final Instant DEFAULT_START = Instant.parse("2026-10-05T00:00:00Z");

    public static final int MAX_HOSTS = 100_000;
    public static final int MAX_APPS = 1_000_000;
    public static final int MAX_DAYS = 400;
    public static final int MAX_UTILIZATION_FILES = 100;

    /** Utilization in one file. */
    public GenerateOptions(int hosts, int apps, int days, int intervalMinutes, long seed, Instant start,
                           boolean compress, ModelSet modelSet) {
        this(hosts, apps, days, intervalMinutes, seed, start, compress, modelSet, 1);
    }

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
        if (utilizationFiles < 1 || utilizationFiles > Math.min(MAX_UTILIZATION_FILES, hosts)) {
            throw new UserError("--utilization-files: expected a whole number from 1 to "
                    + Math.min(MAX_UTILIZATION_FILES, hosts) + " (at most one file per host), got " + utilizationFiles);
        }
    }

    /** The defaults of {@code greenpack generate}: the bundled sample's fleet, utilization in one file. */
    public static GenerateOptions defaults() {
        return new GenerateOptions(40, 150, 7, 5, 42L, DEFAULT_START, true, ModelSet.A, 1);
    }

    /**
     * The bundled sample in notebooks-data/sample: the defaults with utilization split into two
     * files (one file would be over the repository's 5 MB per tracked file limit).
     */
    public static GenerateOptions bundledSample() {
        return defaults().withUtilizationFiles(2);
    }

    public GenerateOptions withSize(int hosts, int apps, int days) {
        return new GenerateOptions(hosts, apps, days, intervalMinutes, seed, start, compress, modelSet, utilizationFiles);
    }

    public GenerateOptions withSeed(long seed) {
        return new GenerateOptions(hosts, apps, days, intervalMinutes, seed, start, compress, modelSet, utilizationFiles);
    }

    public GenerateOptions withCompress(boolean compress) {
        return new GenerateOptions(hosts, apps, days, intervalMinutes, seed, start, compress, modelSet, utilizationFiles);
    }

    public GenerateOptions withModelSet(ModelSet modelSet) {
        return new GenerateOptions(hosts, apps, days, intervalMinutes, seed, start, compress, modelSet, utilizationFiles);
    }

    public GenerateOptions withUtilizationFiles(int utilizationFiles) {
        return new GenerateOptions(hosts, apps, days, intervalMinutes, seed, start, compress, modelSet, utilizationFiles);
    }

    /** The utilization file names, in order: {@code utilization.csv.gz}, or {@code utilization-1.csv.gz}, ... */
    public java.util.List<String> utilizationFileNames() {
        if (utilizationFiles == 1) {
            return java.util.List.of("utilization" + extension());
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 1; i <= utilizationFiles; i++) {
            names.add("utilization-" + i + extension());
        }
        return names;
    }

    /** Which utilization file (0-based) holds host {@code hostIndex}: contiguous blocks of hosts. */
    public int utilizationFileOf(int hostIndex) {
        return (int) ((long) hostIndex * utilizationFiles / hosts);
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
