package io.greenpack.correlate;

import io.greenpack.ingest.IngestResult;
import io.greenpack.model.HostSpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;

/**
 * Power of hosts without a meter (DESIGN §2: most fleets monitor utilization and meter few
 * servers). A host with utilization samples and no power sample at all gets, in every interval
 * with utilization, the watts of its published curve ({@link PublishedCurves#forHost}) at that
 * interval's u = Σ cpu_cores / cores. Those rows join the metered ones, so energy, attribution,
 * host efficiency and "today's servers" cover the whole fleet; they carry {@code metered = false}
 * so that no power model is fitted to them and every figure built on them says "modelled (no meter)".
 *
 * <p>A metered host keeps only its metered intervals: an interval in which its meter was silent is
 * a gap, never filled in with modelled power.
 */
public final class ModelledPower {
    /** Printed next to every figure that contains modelled power. */
    public static final String LABEL = "modelled (no meter)";

    private static final StructType CURVES = new StructType()
            .add("host", DataTypes.StringType).add("curve_cores", DataTypes.DoubleType)
            .add("knots", DataTypes.createArrayType(DataTypes.DoubleType)).add("curve_idle_w", DataTypes.DoubleType);

    private ModelledPower() {
    }

    /**
     * Metered and modelled power per host and interval: host, ts, watts, metered (boolean),
     * curve_idle_w (the host's own curve at u = 0 on modelled rows, null on metered ones).
     *
     * @param perTs utilization per host and interval: host, ts, cpu_sum (cores busy)
     */
    public static Dataset<Row> power(SparkSession spark, IngestResult in, Dataset<Row> perTs, List<HostSpec> hosts,
                                     Map<String, FittedCurve> catalog) {
        Dataset<Row> metered = in.power().select(col("host"), col("ts"), col("watts"), lit(true).as("metered"),
                lit(null).cast(DataTypes.DoubleType).as("curve_idle_w"));
        if (!in.hasUtilization() || hosts.isEmpty()) {
            return metered;
        }
        Column u = greatest(lit(0.0), col("cpu_sum").divide(col("curve_cores")));
        Column x = u.multiply(10);
        Column i = least(floor(x), lit(9)).cast(DataTypes.IntegerType);
        Column frac = x.minus(i);
        // Straight lines between the 11 points; above u = 1 the last piece continues (as FittedCurve.watts).
        Column watts = element_at(col("knots"), i.plus(1)).multiply(lit(1).minus(frac))
                .plus(element_at(col("knots"), i.plus(2)).multiply(frac));
        Dataset<Row> modelled = perTs.select("host", "ts", "cpu_sum")
                .join(in.power().select("host").distinct(), scalaSeq("host"), "left_anti")
                .join(broadcast(curves(spark, hosts, catalog)), scalaSeq("host"))
                .select(col("host"), col("ts"), watts.as("watts"), lit(false).as("metered"), col("curve_idle_w"));
        return metered.unionByName(modelled);
    }

    /** The published curve of every host of the inventory, by host (used for those without power samples). */
    public static Map<String, PublishedCurves.Published> curves(List<HostSpec> hosts, Map<String, FittedCurve> catalog) {
        Map<String, PublishedCurves.Published> out = new TreeMap<>();
        hosts.forEach(h -> out.put(h.host(), PublishedCurves.forHost(h, catalog)));
        return out;
    }

    private static Dataset<Row> curves(SparkSession spark, List<HostSpec> hosts, Map<String, FittedCurve> catalog) {
        List<Row> rows = new ArrayList<>(hosts.size());
        for (HostSpec h : hosts) {
            FittedCurve curve = PublishedCurves.forHost(h, catalog).curve();
            List<Double> knots = new ArrayList<>();
            for (double w : curve.elevenPoints()) {
                knots.add(w);
            }
            rows.add(RowFactory.create(h.host(), h.cores(), scala.jdk.javaapi.CollectionConverters.asScala(knots).toSeq(),
                    curve.idleWatts()));
        }
        return spark.createDataFrame(rows, CURVES);
    }

    private static scala.collection.immutable.Seq<String> scalaSeq(String... names) {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toSeq();
    }
}
