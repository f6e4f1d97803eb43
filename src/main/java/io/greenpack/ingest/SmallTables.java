package io.greenpack.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The collect-and-dedupe loop of the small tables (hosts.csv, apps.csv, targets.csv): rows are
 * collected with their {@code _mid}, {@code _blk} and {@code _raw} columns, put in file order, turned
 * into values, and the first row of a key wins; a later row with the same key is rejected as a
 * duplicate. Every rejected row keeps its file, line and the line itself.
 */
final class SmallTables {
    private SmallTables() {
    }

    /** A row's verdict: a value, or the reason (and detail) it is rejected. */
    record Parsed<T>(T value, String reason, String detail) {
        static <T> Parsed<T> ok(T value) {
            return new Parsed<>(Objects.requireNonNull(value), null, null);
        }

        static <T> Parsed<T> rejected(String reason, String detail) {
            return new Parsed<>(null, Objects.requireNonNull(reason), detail);
        }
    }

    /** What a later row with an already seen key is rejected for. */
    interface Duplicate<T> {
        Parsed<T> of(T earlier, T again);
    }

    /** @param kept the first value of each key, in file order */
    record Collected<T>(List<T> kept, Map<String, Long> reasons, List<Row> rejects, int rowsRead) {
    }

    /** The usual duplicate rule: "duplicate row" when equal, else "conflicting duplicate {what}". */
    static <T> Duplicate<T> duplicateOf(String what, Function<T, String> key) {
        return (earlier, again) -> Parsed.rejected(Objects.equals(earlier, again) ? "duplicate row"
                : "conflicting duplicate " + what, what + " = '" + key.apply(again) + "' already defined earlier in the file");
    }

    /**
     * The rows' verdicts from the checks in Spark (columns {@code reason}, {@code detail}): a row
     * without a reason is built by {@code build}.
     */
    static <T> Function<Row, Parsed<T>> checked(Function<Row, T> build) {
        return row -> {
            String reason = row.getAs("reason");
            return reason == null ? Parsed.ok(build.apply(row)) : Parsed.rejected(reason, row.getAs("detail"));
        };
    }

    static <T> Collected<T> collect(String fileName, List<Row> collected, Function<Row, Parsed<T>> parse,
                                    Function<T, String> key, Duplicate<T> duplicate) {
        List<Row> rows = new ArrayList<>(collected);
        rows.sort(Comparator.comparingLong((Row row) -> row.<Long>getAs("_blk")).thenComparingLong(row -> row.<Long>getAs("_mid")));
        Map<String, T> byKey = new LinkedHashMap<>();
        Map<String, Long> reasons = new HashMap<>();
        List<Row> rejects = new ArrayList<>();
        for (Row row : rows) {
            Parsed<T> p = parse.apply(row);
            if (p.value() != null) {
                T earlier = byKey.putIfAbsent(key.apply(p.value()), p.value());
                if (earlier == null) {
                    continue;
                }
                p = duplicate.of(earlier, p.value());
            }
            reasons.merge(p.reason(), 1L, Long::sum);
            rejects.add(RowFactory.create(fileName, row.getAs("_mid"), row.getAs("_blk"), p.reason(), p.detail(),
                    row.getAs("_raw")));
        }
        return new Collected<>(List.copyOf(byKey.values()), reasons, List.copyOf(rejects), rows.size());
    }
}
