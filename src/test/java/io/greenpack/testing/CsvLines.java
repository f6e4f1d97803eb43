package io.greenpack.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line-by-line comparison of a recorded CSV with a new one, or of the tables of two runs of one
 * job (local and on a cluster, a command and its in-process twin): text and whole numbers exactly,
 * decimal numbers within one unit of their last printed digit plus one part in a million (Spark
 * sums over partitions in the order tasks finish, so last bits differ between runs).
 */
public final class CsvLines {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final double RELATIVE = 1e-6;

    private CsvLines() {
    }

    /** The differences between two CSV files, named by the actual file's path. */
    public static List<String> differences(java.nio.file.Path expected, java.nio.file.Path actual) throws java.io.IOException {
        return differences(actual.toString(), java.nio.file.Files.readAllLines(expected), java.nio.file.Files.readAllLines(actual));
    }

    /** Human-readable differences, at most 20, each naming file and line. */
    public static List<String> differences(String file, List<String> expected, List<String> actual) {
        List<String> out = new ArrayList<>();
        if (expected.size() != actual.size()) {
            out.add(file + ": " + expected.size() + " lines recorded, " + actual.size() + " now");
        }
        for (int i = 0; i < Math.min(expected.size(), actual.size()) && out.size() < 20; i++) {
            if (!sameLine(expected.get(i), actual.get(i))) {
                out.add(file + " line " + (i + 1) + ":\n  recorded " + expected.get(i) + "\n  now      " + actual.get(i));
            }
        }
        return out;
    }

    public static boolean sameLine(String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        Matcher e = NUMBER.matcher(expected);
        Matcher a = NUMBER.matcher(actual);
        int ePos = 0;
        int aPos = 0;
        while (true) {
            boolean eFound = e.find();
            boolean aFound = a.find();
            if (eFound != aFound) {
                return false;
            }
            String eText = expected.substring(ePos, eFound ? e.start() : expected.length());
            String aText = actual.substring(aPos, aFound ? a.start() : actual.length());
            if (!eText.equals(aText)) {
                return false;
            }
            if (!eFound) {
                return true;
            }
            if (!closeEnough(e.group(), a.group())) {
                return false;
            }
            ePos = e.end();
            aPos = a.end();
        }
    }

    /** Whole numbers (counts, dates, ids) exactly; decimals within the printed precision. */
    public static boolean closeEnough(String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        if (isWhole(expected) && isWhole(actual)) {
            return false;
        }
        BigDecimal x = new BigDecimal(expected);
        BigDecimal y = new BigDecimal(actual);
        double lastDigit = Math.max(x.ulp().doubleValue(), y.ulp().doubleValue());
        double scale = Math.max(Math.abs(x.doubleValue()), Math.abs(y.doubleValue()));
        return Math.abs(x.doubleValue() - y.doubleValue()) <= lastDigit + RELATIVE * scale;
    }

    private static boolean isWhole(String number) {
        return number.indexOf('.') < 0 && number.indexOf('e') < 0 && number.indexOf('E') < 0;
    }
}
