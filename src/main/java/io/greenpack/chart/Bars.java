package io.greenpack.chart;

import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.text.DecimalFormat;
import java.util.List;

/** Bar renderers of the house style: flat bars, optional value labels, colours by role. */
final class Bars {
    private Bars() {
    }

    static final Font VALUE_FONT = ChartStyle.LABEL_FONT;

    /** A flat bar renderer; {@code valueFormat} non-null draws each bar's value at its end. */
    static BarRenderer flat(String valueFormat) {
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setItemMargin(0.05);
        r.setMaximumBarWidth(0.12);
        if (valueFormat != null) {
            r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat(valueFormat)));
            r.setDefaultItemLabelsVisible(true);
            r.setDefaultItemLabelFont(VALUE_FONT);
            r.setDefaultItemLabelPaint(Palette.TEXT);
        }
        return r;
    }

    /** Value labels just right of the bar's end, for horizontal bars (the default sits above the bar). */
    static void labelsAtEnd(BarRenderer r) {
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        r.setItemLabelAnchorOffset(8);
    }

    /** A renderer that colours each category (column) of a one-series dataset by its own colour. */
    static BarRenderer byColumn(List<Color> colours, String valueFormat) {
        BarRenderer r = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return colours.get(column % colours.size());
            }
        };
        BarRenderer proto = flat(valueFormat);
        r.setBarPainter(proto.getBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setMaximumBarWidth(0.3);
        if (valueFormat != null) {
            r.setDefaultItemLabelGenerator(proto.getDefaultItemLabelGenerator());
            r.setDefaultItemLabelsVisible(true);
            r.setDefaultItemLabelFont(VALUE_FONT);
            r.setDefaultItemLabelPaint(Palette.TEXT);
        }
        return r;
    }
}
