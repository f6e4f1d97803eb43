package io.greenpack.optimize;

import io.greenpack.csv.CsvFile;
import io.greenpack.csv.CsvRow;
import io.greenpack.util.UserError;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
        CsvFile items = CsvFile.read(itemsCsv, "id");
        CsvFile bins = CsvFile.read(binsCsv, "type");
        List<String> dims = dimensions(items);
        int[] binDimCols = binDimensionColumns(bins, items, dims);
        List<Item> itemList = items(items, dims);
        List<BinType> types = binTypes(bins, dims, binDimCols);
        return problem(dims, itemList, types, headroom);
    }

    /** The item columns that are not reserved, in file order: the dimensions. */
    private static List<String> dimensions(CsvFile items) {
        List<String> dims = new ArrayList<>();
        for (String col : items.header()) {
            if (!ITEM_RESERVED.contains(col)) {
                dims.add(col);
            }
        }
        if (dims.isEmpty()) {
            throw items.error(1, "no dimension columns; expected id, then one numeric column "
                    + "per dimension (e.g. id,cores,mem_gb)");
        }
        return dims;
    }

    /** Where each dimension is in bins.csv; bins.csv has exactly the item dimensions besides its own columns. */
    private static int[] binDimensionColumns(CsvFile bins, CsvFile items, List<String> dims) {
        int[] binDimCols = new int[dims.size()];
        for (int d = 0; d < dims.size(); d++) {
            binDimCols[d] = bins.column(dims.get(d));
            if (binDimCols[d] < 0) {
                throw bins.error(1, "missing column '" + dims.get(d) + "' (a dimension of "
                        + items.file().getFileName() + "); found columns " + bins.header() + ", expected type, "
                        + String.join(", ", dims) + " and optionally cost, available");
            }
        }
        for (String col : bins.header()) {
            if (!BIN_RESERVED.contains(col) && !dims.contains(col)) {
                throw bins.error(1, "column '" + col + "' is not a dimension of "
                        + items.file().getFileName() + " " + dims + "; expected the same dimension columns in both files");
            }
        }
        return binDimCols;
    }

    private static List<Item> items(CsvFile csv, List<String> dims) {
        int idCol = csv.column("id");
        int groupCol = csv.column("group");
        int pinCol = csv.column("pin");
        int dedCol = csv.column("dedicated");
        List<Item> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvRow row : csv.rows()) {
            String id = row.text(idCol);
            if (id.isEmpty()) {
                throw row.error(idCol, "empty; expected an item id");
            }
            if (!seen.add(id)) {
                throw row.error(idCol, "'" + id + "' appears twice; ids must be unique");
            }
            double[] demand = new double[dims.size()];
            for (int d = 0; d < dims.size(); d++) {
                demand[d] = row.nonNegative(csv.column(dims.get(d)));
            }
            items.add(new Item(id, demand, null, row.textOrNull(groupCol), row.textOrNull(pinCol), row.bool(dedCol)));
        }
        return items;
    }

    private static List<BinType> binTypes(CsvFile csv, List<String> dims, int[] binDimCols) {
        int typeCol = csv.column("type");
        int costCol = csv.column("cost");
        int availCol = csv.column("available");
        List<BinType> types = new ArrayList<>();
        Set<String> seenTypes = new HashSet<>();
        for (CsvRow row : csv.rows()) {
            String type = row.text(typeCol);
            if (type.isEmpty() || !seenTypes.add(type)) {
                throw row.error(typeCol, (type.isEmpty() ? "empty" : "'" + type + "' appears twice")
                        + "; expected a unique bin type name");
            }
            double[] cap = new double[dims.size()];
            for (int d = 0; d < dims.size(); d++) {
                cap[d] = row.nonNegative(binDimCols[d]);
            }
            double cost = row.text(costCol).isEmpty() ? 1.0 : row.nonNegative(costCol);
            types.add(new BinType(type, cap, cost, null, available(row, availCol)));
        }
        if (types.isEmpty()) {
            throw new UserError(csv.file() + ": no bin types (only a header); expected at least one row");
        }
        return types;
    }

    /** A whole number of bins, or unlimited when the column is absent or the cell blank. */
    private static int available(CsvRow row, int availCol) {
        if (row.text(availCol).isEmpty()) {
            return BinType.UNLIMITED;
        }
        double a = row.nonNegative(availCol);
        if (a != Math.rint(a)) {
            throw row.error(availCol, "found '" + row.text(availCol)
                    + "', expected a whole number of bins (or empty for unlimited)");
        }
        return (int) Math.min(a, BinType.UNLIMITED - 1);
    }

    /** The memory dimension is the first whose name holds "mem"; the CPU dimension the first other one. */
    private static PackingProblem problem(List<String> dims, List<Item> items, List<BinType> types, double headroom) {
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
}
