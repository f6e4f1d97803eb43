/**
 * The ingest stage: a data directory read into aligned samples with their rejects, gaps and
 * counter resets. {@link io.greenpack.ingest.Ingest#run} is the entry point,
 * {@link io.greenpack.ingest.IngestOptions} says how samples are aligned and
 * {@link io.greenpack.ingest.IngestResult} is what the later stages receive.
 *
 * <p>The work is done in four parts, each a subpackage that never uses this one:
 * {@code files} (the directory's files and the findings reported per file), {@code read} (rows
 * of CSV, JSON lines and Parquet as cells), {@code series} (validating samples and aligning
 * each series onto the interval, inside Spark tasks) and {@code catalog} (the small tables:
 * hosts, apps, targets). The allowed uses between them are checked by the architecture test.
 */
package io.greenpack.ingest;
