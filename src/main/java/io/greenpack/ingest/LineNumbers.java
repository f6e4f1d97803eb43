package io.greenpack.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

/**
 * Turns a row's position ({@code _mid}, {@code _blk}) into its line number. Spark reads a text
 * file in blocks, one partition each; {@code monotonically_increasing_id} numbers rows within a
 * partition. One cheap pass counts the lines of each block (only for files that have rejects),
 * and a block's first line is the sum of the blocks before it.
 */
final class LineNumbers {
    private record Block(long firstLine, long minMid) {
    }

    private final TreeMap<Long, Block> blocks = new TreeMap<>();
    private final boolean direct;

    private LineNumbers(boolean direct) {
        this.direct = direct;
    }

    static LineNumbers of(SparkSession spark, InputFile file) {
        String name = file.name().toLowerCase(Locale.ROOT);
        if (file.format() == InputFormat.PARQUET || name.endsWith(".gz")) {
            // Parquet: _mid is the row index; gzip: one block, numbered from 0.
            return new LineNumbers(true);
        }
        LineNumbers ln = new LineNumbers(false);
        List<Row> rows = spark.read().text(file.path().toString())
                .select(monotonically_increasing_id().as("_mid"), col("_metadata.file_block_start").as("_blk"))
                .groupBy("_blk").agg(count(lit(1)).as("n"), min("_mid").as("m"))
                .orderBy("_blk").collectAsList();
        long next = 1;
        for (Row r : rows) {
            ln.blocks.put(r.getLong(0), new Block(next, r.getLong(2)));
            next += r.getLong(1);
        }
        return ln;
    }

    long line(long mid, long blk) {
        if (direct) {
            return mid + 1;
        }
        Block b = blocks.get(blk);
        return b == null ? -1 : b.firstLine() + (mid - b.minMid());
    }
}
