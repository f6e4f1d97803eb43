/**
 * Writing CSV: {@link io.greenpack.csv.CsvWriter} (typed cells, numbers plain, UTF-8, {@code \n})
 * and {@link io.greenpack.csv.CsvCell} (RFC 4180 quoting and the formula-injection defence for
 * text that came from input). Used by the tables, the report, the importers and the generator.
 */
package io.greenpack.csv;
