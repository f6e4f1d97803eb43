package io.greenpack.report;

import io.greenpack.savings.Verdict;
import org.apache.poi.sl.usermodel.TableCell;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTextRun;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Set;

/** The options side by side as a native, editable table on a slide: recommended in bold, no payback in red. */
final class DeckTable {
    private DeckTable() {
    }

    private static final Color HEAD = new Color(0xEEF0F2);
    private static final Color RECOMMENDED = new Color(0xFFF4D6);
    private static final Color WARN_FILL = new Color(0xFDECEA);
    private static final Color WARN_TEXT = new Color(0xA4161A);
    /**
     * The report's option columns the slide shows: all but "what it does", whose sentences made each
     * row taller than the slide (the report and summary.md keep them).
     */
    private static final int[] SHOWN = {0, 2, 3, 4, 5, 6, 7, 8};
    /** Relative widths of the shown columns: option, hosts, saved, hardware, TCO, payback, contention, recommended. */
    private static final double[] WIDTHS = {1.5, 0.9, 1.15, 1.2, 1.1, 1.7, 1.3, 1.5};
    /** The payback column among the shown ones: red where an option does not pay back. */
    private static final int PAYBACK = 5;

    static void options(XSLFSlide s, Verdict v) {
        List<String> headers = shown(VerdictText.optionHeaders(v));
        List<List<String>> rows = VerdictText.optionRows(v).stream().map(DeckTable::shown).toList();
        Set<Integer> warned = VerdictText.warnedRows(v);
        XSLFTable t = s.createTable(rows.size() + 1, headers.size());
        double total = java.util.Arrays.stream(WIDTHS).sum();
        for (int c = 0; c < headers.size(); c++) {
            t.setColumnWidth(c, 840 * WIDTHS[c] / total);
        }
        for (int c = 0; c < headers.size(); c++) {
            cell(t.getCell(0, c), headers.get(c), 12, true, HEAD, new Color(0x222222));
        }
        for (int r = 0; r < rows.size(); r++) {
            boolean rec = v.options().get(r).recommended();
            boolean warn = warned.contains(r);
            for (int c = 0; c < headers.size(); c++) {
                cell(t.getCell(r + 1, c), rows.get(r).get(c), 14, rec, warn ? WARN_FILL : rec ? RECOMMENDED : null,
                        warn && c == PAYBACK ? WARN_TEXT : new Color(0x222222));
            }
        }
        t.setAnchor(new Rectangle2D.Double(60, 96, 840, 60.0 * (rows.size() + 1)));
    }

    private static List<String> shown(List<String> columns) {
        return java.util.Arrays.stream(SHOWN).mapToObj(columns::get).toList();
    }

    private static void cell(XSLFTableCell cell, String text, double points, boolean bold, Color fill, Color colour) {
        cell.clearText();
        XSLFTextRun run = cell.addNewTextParagraph().addNewTextRun();
        run.setText(Deck.plain(text));
        run.setFontFamily("Calibri");
        run.setFontSize(points);
        run.setBold(bold);
        run.setFontColor(colour);
        if (fill != null) {
            cell.setFillColor(fill);
        }
        for (TableCell.BorderEdge e : TableCell.BorderEdge.values()) {
            cell.setBorderColor(e, new Color(0xDDDDDD));
            cell.setBorderWidth(e, 1.0);
        }
        cell.setWordWrap(true);
    }
}
