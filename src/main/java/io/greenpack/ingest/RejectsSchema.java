package io.greenpack.ingest;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Spark schema of the common reject shape ({@link Rejects#COLUMNS}). */
final class RejectsSchema {
    static final StructType SCHEMA = new StructType()
            .add("file", DataTypes.StringType)
            .add("_mid", DataTypes.LongType)
            .add("_blk", DataTypes.LongType)
            .add("reason", DataTypes.StringType)
            .add("detail", DataTypes.StringType)
            .add("_raw", DataTypes.StringType);

    private RejectsSchema() {
    }
}
