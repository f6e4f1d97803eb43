package io.greenpack.optimize;

import io.greenpack.util.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the generic input of {@code greenpack pack} (DESIGN §5).
 *
 * <p>{@code items.csv}: {@code id}, then one numeric column per dimension (any names), optional
 * {@code group}; also optional, beyond §5, {@code pin} (a bin type) and {@code dedicated}
 * (true/false). {@code bins.csv}: {@code type}, the same dimension columns as capacities, optional
 * {@code cost} (default 1) and {@code available} (empty = unlimited). Column names are
 * case-insensitive. Any problem is a {@link UserError} naming the file, line and column, what was
 * found and what was expected.
 */
public final class PackCsv {
    private static final Set<String> ITEM_RESERVED = Set.of("id", "group", "pin", "dedicated");
    private static final Set<String> BIN_RESERVED = Set.of("type", "cost", "available");

    private PackCsv() {
    }

    public static PackingProblem read(Path itemsCsv, Path binsCsv, double headroom) {
        List<String[]> itemRows = rows(itemsCsv);
        List<String[]> binRows = rows(binsCsv);
        String[] ih = header(itemsCsv, itemRows, "id");
        String[] bh = header(binsCsv, binRows, "type");
        List<Integer> itemDimCols = new ArrayList<>();
        List<String> dims = new ArrayList<>();
        for (int c = 0; c < ih.length; c++) {
            if (!ITEM_RESERVED.contains(ih[c])) {
                itemDimCols.add(c);
                dims.add(ih[c]);
            }
        }
        if (dims.isEmpty()) {
            throw new UserError(itemsCsv + " line 1: no dimension columns; expected id, then one numeric column "
                    + "per dimension (e.g. id,cores,mem_gb)");
        }
        int[] binDimCols = new int[dims.size()];
        for (int d = 0; d < dims.size(); d++) {
            binDimCols[d] = indexOf(bh, dims.get(d));
            if (binDimCols[d] < 0) {
                throw new UserError(binsCsv + " line 1: missing column '" + dims.get(d) + "' (a dimension of "
                        + itemsCsv.getFileName() + "); found columns " + List.of(bh) + ", expected type, "
                        + String.join(", ", dims) + " and optionally cost, available");
            }
        }
        for (String col : bh) {
            if (!BIN_RESERVED.contains(col) && !dims.contains(col)) {
                throw new UserError(binsCsv + " line 1: column '" + col + "' is not a dimension of "
                        + itemsCsv.getFileName() + " " + dims + "; expected the same dimension columns in both files");
            }
        }
        int idCol = indexOf(ih, "id");
        int groupCol = indexOf(ih, "group");
        int pinCol = indexOf(ih, "pin");
        int dedCol = indexOf(ih, "dedicated");
        List<Item> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int r = 1; r < itemRows.size(); r++) {
            String[] row = itemRows.get(r);
            if (row == null) {
                continue;
            }
            int line = r + 1;
            checkWidth(itemsCsv, line, row, ih);
            String id = row[idCol].trim();
            if (id.isEmpty()) {
                throw new UserError(itemsCsv + " line " + line + ", column 'id': empty; expected an item id");
            }
            if (!seen.add(id)) {
                throw new UserError(itemsCsv + " line " + line + ", column 'id': '" + id + "' appears twice; ids must be unique");
            }
            double[] demand = new double[dims.size()];
            for (int d = 0; d < dims.size(); d++) {
                demand[d] = number(itemsCsv, line, dims.get(d), row[itemDimCols.get(d)]);
            }
            String group = groupCol >= 0 ? blankToNull(row[groupCol]) : null;
            String pin = pinCol >= 0 ? blankToNull(row[pinCol]) : null;
            boolean dedicated = dedCol >= 0 && bool(itemsCsv, line, "dedicated", row[dedCol]);
            items.add(new Item(id, demand, null, group, pin, dedicated));
        }
        int typeCol = indexOf(bh, "type");
        int costCol = indexOf(bh, "cost");
        int availCol = indexOf(bh, "available");
        List<BinType> types = new ArrayList<>();
        Set<String> seenTypes = new HashSet<>();
        for (int r = 1; r < binRows.size(); r++) {
            String[] row = binRows.get(r);
            if (row == null) {
                continue;
            }
            int line = r + 1;
            checkWidth(binsCsv, line, row, bh);
            String type = row[typeCol].trim();
            if (type.isEmpty() || !seenTypes.add(type)) {
                throw new UserError(binsCsv + " line " + line + ", column 'type': " + (type.isEmpty() ? "empty" : "'" + type
                        + "' appears twice") + "; expected a unique bin type name");
            }
            double[] cap = new double[dims.size()];
            for (int d = 0; d < dims.size(); d++) {
                cap[d] = number(binsCsv, line, dims.get(d), row[binDimCols[d]]);
            }
            double cost = costCol >= 0 && !row[costCol].isBlank() ? number(binsCsv, line, "cost", row[costCol]) : 1.0;
            int available = BinType.UNLIMITED;
            if (availCol >= 0 && !row[availCol].isBlank()) {
                double a = number(binsCsv, line, "available", row[availCol]);
                if (a != Math.rint(a)) {
                    throw new UserError(binsCsv + " line " + line + ", column 'available': found '" + row[availCol].trim()
                            + "', expected a whole number of bins (or empty for unlimited)");
                }
                available = (int) Math.min(a, BinType.UNLIMITED - 1);
            }
            types.add(new BinType(type, cap, cost, null, available));
        }
        if (types.isEmpty()) {
            throw new UserError(binsCsv + ": no bin types (only a header); expected at least one row");
        }
        int mem = 1;
        for (int d = 0; d < dims.size(); d++) {
            if (dims.get(d).contains("mem")) {
                mem = d;
                break;
            }
        }
        int cpu = mem == 0 ? (dims.size() > 1 ? 1 : 0) : 0;
        return new PackingProblem(dims, items, types, headroom, Objective.binCost(), cpu, dims.size() > 1 ? mem : -1);
    }

    private static List<String[]> rows(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError(file + ": file not found");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UserError(file + ": cannot read (" + e.getMessage() + "); expected a UTF-8 CSV file", e);
        }
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (i == 0 && l.startsWith("\uFEFF")) {
                l = l.substring(1);
            }
            out.add(l.isBlank() ? null : split(file, i + 1, l));
        }
        return out;
    }

    private static String[] header(Path file, List<String[]> rows, String idColumn) {
        if (rows.isEmpty() || rows.get(0) == null) {
            throw new UserError(file + " line 1: empty header; expected a header row starting with '" + idColumn + "'");
        }
        String[] h = rows.get(0);
        for (int c = 0; c < h.length; c++) {
            h[c] = h[c].trim().toLowerCase(Locale.ROOT);
        }
        if (indexOf(h, idColumn) < 0) {
            throw new UserError(file + " line 1: missing column '" + idColumn + "'; found columns " + List.of(h));
        }
        Set<String> seen = new HashSet<>();
        for (String col : h) {
            if (!seen.add(col)) {
                throw new UserError(file + " line 1: column '" + col + "' appears twice");
            }
        }
        return h;
    }

    private static void checkWidth(Path file, int line, String[] row, String[] header) {
        if (row.length != header.length) {
            throw new UserError(file + " line " + line + ": found " + row.length + " fields, expected "
                    + header.length + " like the header " + List.of(header));
        }
    }

    private static double number(Path file, int line, String column, String raw) {
        String s = raw.trim();
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new UserError(file + " line " + line + ", column '" + column + "': found '" + s
                    + "', expected a number >= 0");
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new UserError(file + " line " + line + ", column '" + column + "': found " + s
                    + ", expected a number >= 0");
        }
        return v;
    }

    private static boolean bool(Path file, int line, String column, String raw) {
        String s = raw.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "", "false", "no", "0" -> false;
            case "true", "yes", "1" -> true;
            default -> throw new UserError(file + " line " + line + ", column '" + column + "': found '" + raw.trim()
                    + "', expected true or false");
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static int indexOf(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Splits one CSV line; fields may be double-quoted with "" for a quote. */
    static String[] split(Path file, int line, String l) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < l.length(); i++) {
            char ch = l.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < l.length() && l.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (quoted) {
            throw new UserError(file + " line " + line + ": unclosed quote; expected a closing \"");
        }
        out.add(cur.toString());
        return out.toArray(new String[0]);
    }
}
