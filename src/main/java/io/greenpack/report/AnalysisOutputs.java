package io.greenpack.report;

import io.greenpack.correlate.AnalysisResult;
import io.greenpack.ingest.AppInfo;
import io.greenpack.table.AnalysisTables;
import io.greenpack.table.TableFiles;
import org.apache.spark.sql.SparkSession;
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
    public static Map<String, Table> write(SparkSession spark, RunFolder run, AnalysisResult r, Map<String, AppInfo> apps,
                                           HtmlReport html, String footer, Path notebookResults) throws IOException {
        Map<String, Table> tables = AnalysisTables.all(r, apps);
        Path dir = run.resolve("tables");
        TableFiles.write(spark, tables, dir);
        if (notebookResults != null) {
            TableFiles.copy(tables, dir, notebookResults);
        }
        AnalysisSection.add(html, r, run.resolve("charts"), footer);
        return tables;
    }
}
