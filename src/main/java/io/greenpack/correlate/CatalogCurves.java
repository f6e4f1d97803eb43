package io.greenpack.correlate;

import io.greenpack.ingest.DataDirectory;
import io.greenpack.ingest.InputFile;
import io.greenpack.ingest.InputKind;
import io.greenpack.ingest.Parse;
import io.greenpack.ingest.RawReader;
import io.greenpack.ingest.RawTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Power curves from targets.csv, by model name: the 11-point SPECpower_ssj2008 curve
 * (w0 … w100) when a row has all eleven, else linear between idle_watts and max_watts. Used only
 * as a fallback for measured models whose fit is too thin; rows without usable watts are skipped
 * here (the optimizer's own reader of targets.csv reports them).
 */
public final class CatalogCurves {
    private CatalogCurves() {
    }

    public static Map<String, PowerCurve> read(SparkSession spark, Path dataDir) {
        List<InputFile> files = DataDirectory.scan(dataDir).files(InputKind.TARGETS);
        Map<String, PowerCurve> out = new TreeMap<>();
        for (InputFile f : files) {
            RawTable t = RawReader.read(spark, f);
            List<Column> cols = new ArrayList<>(List.of(Parse.text(t, "model"), Parse.number(t, "idle_watts"),
                    Parse.number(t, "max_watts")));
            for (int i = 0; i <= 100; i += 10) {
                cols.add(Parse.number(t, "w" + i));
            }
            for (Row r : t.rows().select(cols.toArray(Column[]::new)).collectAsList()) {
                if (r.isNullAt(0)) {
                    continue;
                }
                double[] w = new double[PowerCurve.KNOTS];
                boolean all = true;
                for (int i = 0; i < PowerCurve.KNOTS; i++) {
                    all &= !r.isNullAt(3 + i);
                    w[i] = all ? r.getDouble(3 + i) : Double.NaN;
                }
                if (all) {
                    out.putIfAbsent(r.getString(0), PowerCurve.piecewise(w));
                } else if (!r.isNullAt(1) && !r.isNullAt(2)) {
                    out.putIfAbsent(r.getString(0), PowerCurve.linear(r.getDouble(1), r.getDouble(2)));
                }
            }
        }
        return out;
    }
}
