package io.greenpack.correlate;

import io.greenpack.ingest.IngestResult;
import org.apache.spark.sql.Row;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

/**
 * Measured fleet power per interval: the sum over hosts that reported in that interval. An
 * interval where some hosts were silent sums fewer hosts, so the table carries the count.
 */
public final class FleetPower {
    private FleetPower() {
    }

    /** Columns: time (end of interval, UTC), watts, hosts (reporting). */
    public static Table perInterval(IngestResult ingest) {
        List<Row> rows = ingest.power().groupBy("ts")
                .agg(sum("watts").as("watts"), count(col("host")).as("hosts"))
                .orderBy("ts").collectAsList();
        InstantColumn time = InstantColumn.create("time");
        DoubleColumn watts = DoubleColumn.create("watts");
        IntColumn hosts = IntColumn.create("hosts");
        for (Row r : rows) {
            time.append(r.getTimestamp(0).toInstant());
            watts.append(r.getDouble(1));
            hosts.append((int) r.getLong(2));
        }
        return Table.create("fleet_power", time, watts, hosts);
    }

    /** Measured IT energy over the window: each interval's mean power times its length. */
    public static double kwh(Table perInterval, long intervalSeconds) {
        return perInterval.doubleColumn("watts").sum() * intervalSeconds / 3600.0 / 1000.0;
    }
}
