package io.greenpack.report;

import io.greenpack.chart.ChartFiles;
import io.greenpack.chart.ChartStyle;
import io.greenpack.chart.FleetPowerChart;
import io.greenpack.chart.FleetPowerChart.PowerPoint;
import io.greenpack.report.HtmlReport.KeyNumber;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A report with everything in it, including host names an attacker (or a careless CMDB) chose. */
final class SampleReport {
    private SampleReport() {
    }

    static final String XSS_HOST = "<img src=x onerror=alert(1)>";
    static final String FORMULA_HOST = "=cmd|' /C calc'!A0";

    static HtmlReport build() {
        Instant start = Instant.parse("2024-05-01T00:00:00Z");
        List<PowerPoint> points = new ArrayList<>();
        for (int i = 0; i < 2 * 288; i++) {
            points.add(new PowerPoint(start.plus(Duration.ofMinutes(5L * i)),
                    50_000 + 10_000 * Math.sin(2 * Math.PI * i / 288.0)));
        }
        String footer = ChartStyle.footer(ChartStyle.dataWindow(start, start.plus(Duration.ofDays(2))), "base");
        byte[] png = ChartFiles.pngBytes(FleetPowerChart.chart(points, footer), 1600, 900);

        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(XSS_HOST, "R740", "0.12", "1,234.5", "true"));
        rows.add(List.of(FORMULA_HOST, "R740", "0.55", "987.0", "false"));
        rows.add(List.of("Zürich-db-01 \"primary\" & <b>bold</b>", "DL380 Gen10 Plus with a long model name", "0.71", "12,345.6", "false"));
        for (int i = 0; i < 40; i++) {
            rows.add(List.of("web-" + i, "R650", String.format("%.2f", 0.3 + i / 100.0), String.format("%,.1f", 500.0 + 17 * i), "false"));
        }
        return new HtmlReport()
                .title("greenpack report \u2014 " + XSS_HOST)
                .subtitle(footer)
                .section("summary", "Summary")
                .paragraph("The fleet drew 2,400 kWh over the window; host " + XSS_HOST + " was idle most of the time.")
                .keyNumbers(List.of(
                        new KeyNumber("Energy", "2,400 kWh", "over the data window", false),
                        new KeyNumber("Saving after consolidation", "38 %", "\u00b1 6 % from the power model", true),
                        new KeyNumber("Hosts freed", "14 of 40", "", true),
                        new KeyNumber("Rejected rows", "3", "see rejects.csv", false)))
                .note("Host " + FORMULA_HOST + " has too little load spread; its power model falls back to nameplate values.")
                .section("fleet-power", "Fleet power")
                .image("Fleet power in kW over two days; daily swing between 40 and 60 kW", png)
                .section("hosts", "Hosts")
                .table("Efficiency per host", List.of("host", "model", "mean_util", "kwh", "comatose"), rows, Set.of(2, 3))
                .footer("greenpack 0.1.0 \u00b7 run 20240601-120000-abc1234 \u00b7 " + XSS_HOST);
    }
}
