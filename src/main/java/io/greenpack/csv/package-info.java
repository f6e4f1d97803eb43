/**
 * CSV in and out. Writing: {@link io.greenpack.csv.CsvWriter} (typed cells, numbers plain, UTF-8,
 * {@code \n}) and {@link io.greenpack.csv.CsvCell} (RFC 4180 quoting and the formula-injection
 * defence for text that came from input). Reading: {@link io.greenpack.csv.CsvLine} splits one line
 * (quoted fields), {@link io.greenpack.csv.CsvFile} reads a small hand-written file whole with
 * errors that name file, line, column and what was expected. Used by the tables, the report, the
 * importers, {@code pack} and the generator.
 */
package io.greenpack.csv;
