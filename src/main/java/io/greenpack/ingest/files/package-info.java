/**
 * The input files of a data directory and what the ingest reports about each:
 * {@link io.greenpack.ingest.files.DataDirectory} finds the files and tells their kind
 * (hosts, power, utilization, apps, targets) and format; {@link io.greenpack.ingest.files.FileStats},
 * {@link io.greenpack.ingest.files.RejectRow} and {@link io.greenpack.ingest.files.Gap} are the
 * per-file findings, {@link io.greenpack.ingest.files.RejectsFile} writes the quarantine.
 *
 * <p>Separate because every other part of the ingest, and the report, speaks of these types,
 * while they depend on no other part: keeping them apart keeps the parts free of cycles.
 */
package io.greenpack.ingest.files;
