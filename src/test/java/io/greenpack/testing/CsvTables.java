package io.greenpack.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Compares CSV result tables written by two runs of the same job (e.g. local and on a cluster):
 * same header, same rows in the same order, text cells equal, number cells equal within a
 * relative tolerance (sums over partitions may add in another order on another master).
 */
public final class CsvTables {
    /** A plain decimal number; deliberately not Double.parseDouble's wider syntax ("1d", "NaN"). */
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private CsvTables() {
    }

    /** The differences between two CSV files (at most {@code limit} of them); empty when they match. */
    public static List<String> differences(Path expected, Path actual, double relTol, int limit) throws IOException {
        List<List<String>> a = parse(Files.readString(expected, StandardCharsets.UTF_8));
        List<List<String>> b = parse(Files.readString(actual, StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        if (a.size() != b.size()) {
            out.add("row count " + a.size() + " vs " + b.size() + " (header included)");
        }
        for (int r = 0; r < Math.min(a.size(), b.size()) && out.size() < limit; r++) {
            List<String> x = a.get(r);
            List<String> y = b.get(r);
            if (x.size() != y.size()) {
                out.add("line " + (r + 1) + ": " + x.size() + " vs " + y.size() + " cells: " + x + " vs " + y);
                continue;
            }
            for (int c = 0; c < x.size() && out.size() < limit; c++) {
                if (!cellsMatch(x.get(c), y.get(c), relTol)) {
                    String column = a.isEmpty() || c >= a.get(0).size() ? "#" + c : a.get(0).get(c);
                    out.add("line " + (r + 1) + ", column " + column + ": '" + x.get(c) + "' vs '" + y.get(c) + "'");
                }
            }
        }
        return out;
    }

    static boolean cellsMatch(String x, String y, double relTol) {
        if (x.equals(y)) {
            return true;
        }
        if (!NUMBER.matcher(x).matches() || !NUMBER.matcher(y).matches()) {
            return false;
        }
        double p = Double.parseDouble(x);
        double q = Double.parseDouble(y);
        return Math.abs(p - q) <= relTol * Math.max(Math.abs(p), Math.abs(q));
    }

    /** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks; LF or CRLF ends a row. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
