/**
 * Reading input rows as cells, whatever the format: the header and its separator
 * ({@link io.greenpack.ingest.read.TextHeader}), CSV and JSON-lines rows
 * ({@link io.greenpack.ingest.read.TextRows}, {@link io.greenpack.ingest.read.RowCells}, over the
 * csv package's byte-level line reader and field splitter), Parquet batches
 * ({@link io.greenpack.ingest.read.ParquetInput}, {@link io.greenpack.ingest.read.TypedCells}),
 * the rules for reading one number or timestamp ({@link io.greenpack.ingest.read.CellValues}),
 * and the checks every file gets before it is read (readable, not damaged, required columns).
 *
 * <p>Separate because it knows formats and nothing of what a row means: the series alignment
 * and the small tables both read their rows through {@link io.greenpack.ingest.read.Cells}.
 * These loops run once per input row; they allocate nothing per row where they can avoid it.
 */
package io.greenpack.ingest.read;
