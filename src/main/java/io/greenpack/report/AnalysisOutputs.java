package io.greenpack.report;

import io.greenpack.ingest.files.RejectsFile;
import io.greenpack.chart.ChartStyle;
import io.greenpack.correlate.AnalysisResult;
import io.greenpack.ingest.IngestResult;
import io.greenpack.ingest.catalog.AppInfo;
import io.greenpack.table.AnalysisTables;
import io.greenpack.table.TableFiles;
import io.greenpack.table.TableWriter;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes what the analysis adds to a run folder: {@code tables/*.csv} and {@code *.parquet}
 * (also copied to {@code notebooks-data/results/} for notebooks), the charts, and the HTML sections.
 */
public final class AnalysisOutputs {
    private AnalysisOutputs() {
    }

    /** @param notebookResults where the tables are copied for notebooks, or null to skip */
    public static Map<String, Table> write(TableWriter tableWriter, RunFolder run, AnalysisResult r, Map<String, AppInfo> apps,
                                           HtmlReport html, String footer, Path notebookResults) throws IOException {
        Map<String, Table> tables = AnalysisTables.all(r, apps);
        Path dir = run.resolve("tables");
        tableWriter.write(tables, dir);
        if (notebookResults != null) {
            TableFiles.copy(tables, dir, notebookResults);
        }
        AnalysisSection.add(html, r, run.resolve("charts"), footer);
        return tables;
    }

    /**
     * The whole run folder of {@code analyze}: rejects.csv, the tables, the charts and index.html
     * with the analysis sections. Returns the tables written, by name.
     */
    public static Map<String, Table> page(TableWriter tableWriter, RunFolder run, Path dataDir, IngestResult ingest,
                                          AnalysisResult analysis, String pageFooter, Path notebookResults)
            throws IOException {
        RejectsFile.write(run.resolve("rejects.csv"), ingest.rejects());
        String window = ChartStyle.dataWindow(ingest.first(), ingest.last());
        String footer = ChartStyle.footer(window, analysis.scenario().name());
        HtmlReport html = new HtmlReport().title("greenpack analysis")
                .subtitle("Data " + dataDir.getFileName() + " \u00b7 " + window + " \u00b7 scenario " + analysis.scenario().name());
        html.section("summary", "Summary");
        html.keyNumbers(AnalysisSection.keyNumbers(analysis));
        Map<String, Table> tables = write(tableWriter, run, analysis, ingest.apps().byName(), html, footer, notebookResults);
        IngestSection.add(html, ingest);
        html.footer(pageFooter);
        html.write(run.resolve("index.html"));
        return tables;
    }
}
