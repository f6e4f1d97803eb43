/**
 * Charts: dataset builders apart from chart builders (as in JFreeChart's own examples), one house
 * style ({@link io.greenpack.chart.ChartStyle}), one palette ({@link io.greenpack.chart.Palette},
 * Okabe–Ito) and one renderer to PNG and SVG ({@link io.greenpack.chart.ChartFiles}).
 *
 * <p>Decisions: images are 1600×900 (16:9 slide) with fonts sized for that; every title states its
 * unit ("Fleet power (kW)") and {@code ChartStyle.ChartText} refuses one that does not; every chart
 * carries a footer "data window … · scenario …" so that a picture pasted into a deck keeps its
 * context; power axes start at zero; gaps in samples break lines instead of being drawn across;
 * modelled lines are dashed and labelled "(modelled)"; time axes are UTC with the date in every
 * tick label. No Spark imports here: charts take plain records.
 */
package io.greenpack.chart;
