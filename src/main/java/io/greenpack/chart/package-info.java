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
 *
 * <p>Savings charts: {@link io.greenpack.chart.SavingsBreakdownChart} (energy → money → CO2e, one
 * panel per unit, today in the "before" colour, the plan in the "after" colour, values on the bars),
 * {@link io.greenpack.chart.PaybackChart} (cumulative savings against hardware cost, break-even
 * marked or "no break-even within N years"), {@link io.greenpack.chart.HostFillChart} (CPU and memory
 * per host, today and after, headroom limit drawn), {@link io.greenpack.chart.CountBarChart} (class
 * mix and top consumers as sorted horizontal bars — bars, not pies: lengths compare better than
 * angles), {@link io.greenpack.chart.UtilizationHeatMap} (host × hour of day, viridis scale, grey for
 * no data) and {@link io.greenpack.chart.HarvestChart} (free cores as bars, free memory as a line on
 * a second axis, by hour of day). JFreeSVG writes horizontal text as escaped {@code <text>}; rotated
 * category labels (many hosts) come out as glyph outlines, which are safe but not searchable.
 */
package io.greenpack.chart;
