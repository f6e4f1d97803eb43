/**
 * CSV in and out, for every part of greenpack that reads or writes CSV (the ingest, the importers,
 * {@code pack}, the tables, the report and the generator).
 *
 * <p>Writing: {@link io.greenpack.csv.CsvWriter} (typed cells, numbers plain, UTF-8, {@code \n})
 * with {@link io.greenpack.csv.CsvCell} (RFC 4180 quoting and the formula-injection defence for
 * text that came from input); {@link io.greenpack.csv.AsciiCsvWriter} is the fast path for
 * machine-made cells written as given (the generator's tens of millions of rows).
 *
 * <p>Reading: {@link io.greenpack.csv.CsvFile} reads a small hand-written file whole, with errors
 * that name file, line, column and what was expected; {@link io.greenpack.csv.CsvLine} splits one
 * line of text. The fast path for data files is {@link io.greenpack.csv.ByteLineReader} (lines as
 * bytes, a line-length cap whose error names file and line) with
 * {@link io.greenpack.csv.CsvByteFields} (fields split in place in those bytes, no copy unless
 * quoted): the ingest reads every CSV row through them.
 */
package io.greenpack.csv;
