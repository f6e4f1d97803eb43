/**
 * Result tables (DESIGN §7) as Tablesaw tables ({@link io.greenpack.table.AnalysisTables}) and their
 * files, CSV and single-file Parquet ({@link io.greenpack.table.TableFiles}).
 */
package io.greenpack.table;
