/**
 * Run outputs: the run folder ({@link io.greenpack.report.RunFolder}, written to a hidden
 * temporary folder and renamed into place in one step), the manifest, CSV tables and the
 * self-contained HTML report. No Spark imports here.
 *
 * <p>Decisions: all text from input reaches files through {@link io.greenpack.report.Escape}
 * (HTML text and attributes; CSV cells with RFC 4180 quoting and a leading {@code '} for cells
 * starting with {@code = + - @}, tab or CR; numbers take a separate path and are never altered).
 * CSV is UTF-8 without BOM, {@code \n} line ends, comma separated; cells holding {@code ;} are
 * quoted too, for spreadsheets in locales that split on semicolons. The HTML report has no
 * JavaScript and no external references, and declares a Content-Security-Policy
 * ({@code default-src 'none'; img-src data:; style-src 'unsafe-inline'}) so the browser itself
 * refuses any load that slipped in. Run ids are {@code yyyyMMdd-HHmmss-<7 hex of SHA-256>}; a run
 * whose folder already exists is refused (exit 2), never merged or overwritten.
 *
 * <p>{@link io.greenpack.report.Deck} writes {@code deck.pptx} (16:9, 13.333 × 7.5 in): title, key
 * numbers in native text boxes, before/after, top consumers, the plan, assumptions and risks; charts
 * are PNG pictures, words are never baked into them; input text is set as plain runs (POI escapes
 * it; XML-illegal control characters become U+FFFD). {@link io.greenpack.report.Summary} writes
 * {@code summary.md} with the key numbers, all figures with their provenance, showback, the first
 * migration moves and relative links {@code charts/<name>.png}; input text is backslash-escaped for
 * Markdown ({@code \ ` * _ [ ] ( ) < > | # ~ ! & { } $}), line breaks become spaces.
 */
package io.greenpack.report;
