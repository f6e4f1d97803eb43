package io.greenpack.report;

import io.greenpack.chart.Palette;
import io.greenpack.savings.Provenance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds one self-contained {@code index.html}: it opens from disk with no network, because the
 * people who read it often open it from a mail attachment or a file share. Inline CSS only
 * (system fonts, no web fonts), charts embedded as {@code data:} URIs, no JavaScript, and a
 * Content-Security-Policy that makes the browser refuse any load that is not inline, so a mistake
 * here shows as a blocked request instead of a silent call home.
 *
 * <p>Every string passed in is text, never markup: it goes through {@link Escape#html} or
 * {@link Escape#attr} exactly once, here, at the point where it is written.
 *
 * <pre>{@code
 * new HtmlReport().title("greenpack report").subtitle("data window …")
 *     .section("summary", "Summary").keyNumbers(List.of(...))
 *     .section("hosts", "Hosts").table("Efficiency per host", headers, rows, Set.of(2, 3))
 *     .footer("greenpack 0.1.0 · run 20240601-120000-abc1234")
 *     .write(run.resolve("index.html"));
 * }</pre>
 */
public final class HtmlReport {

    /** One headline figure; {@code modelled} marks figures that come from a model, not a meter. */
    public record KeyNumber(String label, String value, String note, Provenance provenance, boolean warn) {
        public KeyNumber {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(provenance, "provenance");
            note = note == null ? "" : note;
        }

        /** A figure that is not a warning. */
        public KeyNumber(String label, String value, String note, Provenance provenance) {
            this(label, value, note, provenance, false);
        }

        /** Measured (false) or modelled (true). */
        public KeyNumber(String label, String value, String note, boolean modelled) {
            this(label, value, note, Provenance.of(modelled));
        }

        public boolean modelled() {
            return provenance.modelled();
        }
    }

    private sealed interface Block permits Section, Paragraph, Tiles, Table, Image, Note, Linked, Callout, Warning,
            FileLinks, Definitions {
    }

    private record Callout(String id, String text) implements Block {
    }

    private record Warning(String text) implements Block {
    }

    /** A file of the run folder to link, e.g. {@code plan.csv} with "which app goes where". */
    public record FileLink(String path, String what) {
        public FileLink {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(what, "what");
        }
    }

    private record FileLinks(List<FileLink> links) implements Block {
    }

    private record Definitions(List<Glossary.Term> terms) implements Block {
    }

    private record Section(String id, String heading) implements Block {
    }

    private record Paragraph(String text) implements Block {
    }

    private record Tiles(List<KeyNumber> numbers) implements Block {
    }

    private record Table(String caption, List<String> headers, List<List<String>> rows, Set<Integer> numeric)
            implements Block {
    }

    private record Image(String alt, byte[] png) implements Block {
    }

    private record Note(String text) implements Block {
    }

    private record Linked(Table table, Set<Integer> highlighted, Set<Integer> warned, List<String> links) implements Block {
    }

    /** Tables with fewer rows are shown whole; longer ones scroll inside a box that keeps the header in view. */
    static final int SCROLL_FROM_ROWS = 50;

    /** Section ids are chosen by code; a safe fixed shape keeps them valid as ids and fragments. */
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,60}");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private String title = "greenpack report";
    private String subtitle = "";
    private String footer = "";
    private boolean wide;
    private final List<Block> blocks = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    /** Blocks of lead sections go before every ordinary section, whenever they are added. */
    private int leadEnd;
    private boolean leading;

    private void add(Block b) {
        if (leading) {
            blocks.add(leadEnd++, b);
        } else {
            blocks.add(b);
        }
    }

    public HtmlReport title(String title) {
        this.title = Objects.requireNonNull(title, "title");
        return this;
    }

    /** A line under the title, e.g. the data window and scenario. */
    public HtmlReport subtitle(String subtitle) {
        this.subtitle = Objects.requireNonNull(subtitle, "subtitle");
        return this;
    }

    /** Starts a section; it gets an entry in the table of contents. */
    public HtmlReport section(String id, String heading) {
        leading = false;
        return startSection(id, heading);
    }

    /**
     * Starts a section that goes before every ordinary section, even those added earlier (the
     * decision leads the page); the blocks that follow, up to the next {@link #section}, go with it.
     */
    public HtmlReport leadSection(String id, String heading) {
        leading = true;
        return startSection(id, heading);
    }

    private HtmlReport startSection(String id, String heading) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("section id must be a lower-case slug like \"fleet-power\", got \"" + id + "\"");
        }
        if (!ids.add(id)) {
            throw new IllegalArgumentException("section id \"" + id + "\" is used twice");
        }
        add(new Section(id, Objects.requireNonNull(heading, "heading")));
        return this;
    }

    public HtmlReport paragraph(String text) {
        add(new Paragraph(Objects.requireNonNull(text, "text")));
        return this;
    }

    public HtmlReport keyNumbers(List<KeyNumber> numbers) {
        add(new Tiles(List.copyOf(numbers)));
        return this;
    }

    /**
     * A table; {@code numericColumns} (0-based) are right-aligned with tabular digits. Every row
     * must have as many cells as there are headers; a null cell is shown empty.
     */
    public HtmlReport table(String caption, List<String> headers, List<List<String>> rows, Set<Integer> numericColumns) {
        add(checked(caption, headers, rows, numericColumns));
        return this;
    }

    private static Table checked(String caption, List<String> headers, List<List<String>> rows, Set<Integer> numericColumns) {
        List<List<String>> copy = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("table \"" + caption + "\": row " + (i + 1) + " has " + row.size()
                        + " cells, the header has " + headers.size());
            }
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        return new Table(caption == null ? "" : caption, List.copyOf(headers), copy, Set.copyOf(numericColumns));
    }

    /**
     * A table whose rows in {@code highlightedRows} (0-based) are marked (bold, tinted, and
     * {@code class="highlight"}), and whose first cell links to {@code links.get(row)} (a relative
     * path; null or empty for no link).
     */
    public HtmlReport table(String caption, List<String> headers, List<List<String>> rows, Set<Integer> numericColumns,
                            Set<Integer> highlightedRows, List<String> links) {
        return table(caption, headers, rows, numericColumns, highlightedRows, Set.of(), links);
    }

    /**
     * As above, and rows in {@code warnedRows} are in the warning style ({@code class="warn"}): an
     * option that does not pay back, a point that is a sensitivity rather than a choice.
     */
    public HtmlReport table(String caption, List<String> headers, List<List<String>> rows, Set<Integer> numericColumns,
                            Set<Integer> highlightedRows, Set<Integer> warnedRows, List<String> links) {
        Table t = checked(caption, headers, rows, numericColumns);
        if (links.size() != rows.size()) {
            throw new IllegalArgumentException("table \"" + caption + "\": " + links.size() + " links for " + rows.size() + " rows");
        }
        add(new Linked(t, Set.copyOf(highlightedRows), Set.copyOf(warnedRows), new ArrayList<>(links)));
        return this;
    }

    /** The one sentence the page leads with, large; {@code id} lets tests and links find it. */
    public HtmlReport callout(String id, String text) {
        if (!ID.matcher(id).matches() || !ids.add(id)) {
            throw new IllegalArgumentException("callout id must be an unused lower-case slug, got \"" + id + "\"");
        }
        add(new Callout(id, Objects.requireNonNull(text, "text")));
        return this;
    }

    /** A caveat a reader must not miss (warning colours and the word "Warning"). */
    public HtmlReport warning(String text) {
        add(new Warning(Objects.requireNonNull(text, "text")));
        return this;
    }

    /** A list of the run folder's files, each a relative link with what it holds. */
    public HtmlReport fileLinks(List<FileLink> links) {
        add(new FileLinks(List.copyOf(links)));
        return this;
    }

    /**
     * The glossary's entries as a definition list; the first use of each term in the page's prose
     * (paragraphs, notes, warnings, the callout) links to its entry.
     */
    public HtmlReport glossary(List<Glossary.Term> terms) {
        add(new Definitions(List.copyOf(terms)));
        return this;
    }

    /** A PNG embedded in the page; {@code alt} says what the picture shows for those who cannot see it. */
    public HtmlReport image(String alt, byte[] png) {
        Objects.requireNonNull(alt, "alt");
        if (png.length < PNG_SIGNATURE.length
                || !java.util.Arrays.equals(png, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
            throw new IllegalArgumentException("image \"" + alt + "\" is not a PNG");
        }
        add(new Image(alt, png.clone()));
        return this;
    }

    /** A highlighted remark: an assumption, a caveat, a fallback that was used. */
    public HtmlReport note(String text) {
        add(new Note(Objects.requireNonNull(text, "text")));
        return this;
    }

    /** Lets the page use the window's full width, for comparison tables with many columns. */
    public HtmlReport wide() {
        this.wide = true;
        return this;
    }

    public HtmlReport footer(String text) {
        this.footer = Objects.requireNonNull(text, "text");
        return this;
    }

    /** Writes the page atomically (temporary file, then rename). */
    public void write(Path file) throws IOException {
        RunFolder.writeStringAtomically(file, render());
    }

    /** The whole page. */
    public String render() {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        // The browser itself refuses every load that is not inline: no fetches, no fonts, no frames.
        h.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
                + "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n");
        h.append("<meta name=\"referrer\" content=\"no-referrer\">\n");
        h.append("<meta name=\"generator\" content=\"greenpack\">\n");
        h.append("<title>").append(Escape.html(title)).append("</title>\n");
        h.append("<style>\n").append(CSS).append("</style>\n</head>\n").append(wide ? "<body class=\"wide\">\n" : "<body>\n");
        h.append("<header>\n<h1>").append(Escape.html(title)).append("</h1>\n");
        if (!subtitle.isEmpty()) {
            h.append("<p class=\"subtitle\">").append(Escape.html(subtitle)).append("</p>\n");
        }
        h.append("</header>\n");
        appendToc(h);
        h.append("<main>\n");
        List<Glossary.Term> terms = new ArrayList<>();
        blocks.stream().filter(b -> b instanceof Definitions).forEach(b -> terms.addAll(((Definitions) b).terms()));
        Glossary.Linker prose = new Glossary.Linker(terms);
        boolean inSection = false;
        for (Block b : blocks) {
            if (b instanceof Section s) {
                if (inSection) {
                    h.append("</section>\n");
                }
                h.append("<section id=\"").append(Escape.attr(s.id())).append("\">\n<h2>")
                        .append(Escape.html(s.heading())).append("</h2>\n");
                inSection = true;
            } else {
                appendBlock(h, b, prose);
            }
        }
        if (inSection) {
            h.append("</section>\n");
        }
        h.append("</main>\n");
        if (!footer.isEmpty()) {
            h.append("<footer>").append(Escape.html(footer)).append("</footer>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private void appendToc(StringBuilder h) {
        List<Section> sections = blocks.stream().filter(b -> b instanceof Section).map(b -> (Section) b).toList();
        if (sections.size() < 2) {
            return; // one section needs no contents
        }
        h.append("<nav aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n");
        for (Section s : sections) {
            h.append("<li><a href=\"#").append(Escape.attr(s.id())).append("\">")
                    .append(Escape.html(s.heading())).append("</a></li>\n");
        }
        h.append("</ol>\n</nav>\n");
    }

    private static void appendBlock(StringBuilder h, Block b, Glossary.Linker prose) {
        if (b instanceof Paragraph p) {
            h.append("<p>").append(prose.link(Escape.html(p.text()))).append("</p>\n");
        } else if (b instanceof Note n) {
            h.append("<p class=\"note\"><strong>Note</strong> ").append(prose.link(Escape.html(n.text()))).append("</p>\n");
        } else if (b instanceof Warning w) {
            h.append("<p class=\"warning\" role=\"note\"><strong>Warning</strong> ")
                    .append(prose.link(Escape.html(w.text()))).append("</p>\n");
        } else if (b instanceof Callout c) {
            h.append("<p class=\"callout\" id=\"").append(Escape.attr(c.id())).append("\">")
                    .append(prose.link(Escape.html(c.text()))).append("</p>\n");
        } else if (b instanceof Tiles t) {
            appendTiles(h, t);
        } else if (b instanceof Table t) {
            appendTable(h, t, Set.of(), Set.of(), null);
        } else if (b instanceof Linked l) {
            appendTable(h, l.table(), l.highlighted(), l.warned(), l.links());
        } else if (b instanceof Image i) {
            h.append("<figure><img src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(i.png()))
                    .append("\" alt=\"").append(Escape.attr(i.alt())).append("\"></figure>\n");
        } else if (b instanceof FileLinks f) {
            h.append("<ul class=\"files\">\n");
            for (FileLink l : f.links()) {
                h.append("<li><a href=\"").append(Escape.attr(l.path())).append("\">").append(Escape.html(l.path()))
                        .append("</a> \u2014 ").append(Escape.html(l.what())).append("</li>\n");
            }
            h.append("</ul>\n");
        } else if (b instanceof Definitions d) {
            h.append("<dl class=\"glossary\">\n");
            for (Glossary.Term t : d.terms()) {
                h.append("<dt id=\"").append(Escape.attr(t.id())).append("\">").append(Escape.html(t.term()))
                        .append("</dt><dd>").append(Escape.html(t.definition())).append("</dd>\n");
            }
            h.append("</dl>\n");
        } else {
            throw new IllegalStateException("unexpected block " + b.getClass().getSimpleName());
        }
    }

    private static void appendTiles(StringBuilder h, Tiles t) {
        h.append("<div class=\"tiles\">\n");
        for (KeyNumber k : t.numbers()) {
            h.append("<div class=\"tile ").append(k.provenance().cssClass()).append(k.warn() ? " warn" : "").append("\">")
                    .append("<div class=\"value\">").append(Escape.html(k.value())).append("</div>")
                    .append("<div class=\"label\">").append(Escape.html(k.label())).append("</div>");
            if (!k.note().isEmpty()) {
                h.append("<div class=\"tile-note\">").append(Escape.html(k.note())).append("</div>");
            }
            // Said in words, not only by colour.
            h.append("<div class=\"kind\">").append(Escape.html(k.provenance().label())).append("</div></div>\n");
        }
        h.append("</div>\n");
    }

    private static void appendTable(StringBuilder h, Table t, Set<Integer> highlighted, Set<Integer> warned,
                                    List<String> links) {
        // A short table is shown whole (a box that scrolls hides rows a reader thinks are all there);
        // a long one scrolls inside its box, which keeps the sticky header in view.
        boolean isLong = t.rows().size() >= SCROLL_FROM_ROWS;
        h.append("<div class=\"table-wrap").append(isLong ? " long\" tabindex=\"0\"" : "\"")
                .append(" role=\"region\" aria-label=\"")
                .append(Escape.attr(t.caption())).append("\">\n<table>\n");
        if (!t.caption().isEmpty()) {
            h.append("<caption>").append(Escape.html(t.caption())).append("</caption>\n");
        }
        h.append("<thead><tr>");
        for (int c = 0; c < t.headers().size(); c++) {
            h.append("<th scope=\"col\"").append(t.numeric().contains(c) ? " class=\"num\"" : "").append(">")
                    .append(Escape.html(t.headers().get(c))).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        if (t.rows().isEmpty()) {
            h.append("<tr><td class=\"empty\" colspan=\"").append(t.headers().size()).append("\">no rows</td></tr>\n");
        }
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            String cls = (highlighted.contains(r) ? "highlight " : "") + (warned.contains(r) ? "warn" : "");
            h.append(cls.isEmpty() ? "<tr>" : "<tr class=\"" + cls.strip() + "\">");
            for (int c = 0; c < row.size(); c++) {
                h.append("<td").append(t.numeric().contains(c) ? " class=\"num\"" : "").append(">");
                String link = c == 0 && links != null ? links.get(r) : null;
                if (link != null && !link.isEmpty()) {
                    h.append("<a href=\"").append(Escape.attr(link)).append("\">").append(Escape.html(row.get(c))).append("</a>");
                } else {
                    h.append(Escape.html(row.get(c)));
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n</div>\n");
    }

    /** Dark red: the warning style for text and marks (contrast 7:1 on white). */
    private static final String WARNING_HEX = "#a4161a";

    private static final String CSS = """
            :root { --text: #222; --muted: #555; --line: #ddd; --zebra: #f6f7f8; --head: #eef0f2;
              --measured: %s; --modelled: %s; }
            * { box-sizing: border-box; }
            html { -webkit-text-size-adjust: 100%%; }
            body { margin: 0; color: var(--text); background: #fff; line-height: 1.5;
              font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
                "Noto Sans", "Liberation Sans", "DejaVu Sans", sans-serif; }
            header, nav, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1.5rem; }
            body.wide header, body.wide nav, body.wide main, body.wide footer { max-width: 120rem; }
            header { padding-top: 2rem; }
            h1 { font-size: 2rem; margin: 0 0 .25rem; }
            h2 { font-size: 1.4rem; margin: 2.5rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
            .subtitle { color: var(--muted); margin: 0 0 1rem; }
            nav h2 { font-size: 1rem; border: 0; margin: 1rem 0 .25rem; }
            nav ol { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: .15rem 1.1rem;
              font-size: .9rem; }
            a { color: #0b5c8e; }
            p { max-width: 48rem; }
            .note { background: #f4f4f4; border-left: 4px solid #888; padding: .5rem .75rem; }
            .warning { background: #fdecea; border-left: 4px solid %s; padding: .5rem .75rem; }
            .callout { font-size: 1.35rem; line-height: 1.4; font-weight: 600; max-width: 60rem; margin: .5rem 0 1rem; }
            tbody tr.warn { background: #fdecea; }
            tbody tr.warn td:first-child::after { content: " \\26A0"; color: %s; }
            ul.files { columns: 2 20rem; padding-left: 1.25rem; }
            dl.glossary dt { font-weight: 700; margin-top: .5rem; }
            dl.glossary dd { margin: 0 0 0 1.5rem; max-width: 48rem; }
            .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: .75rem; margin: 1rem 0; }
            .tile { border: 1px solid var(--line); border-left: 6px solid var(--measured); border-radius: 4px;
              padding: .75rem 1rem; }
            .tile.modelled { border-left-color: var(--modelled); }
            .tile.warn { background: #fdecea; }
            .tile.warn .value { color: #a4161a; font-size: 1.2rem; }
            .tile .value { font-size: 1.45rem; font-weight: 700; font-variant-numeric: tabular-nums;
              overflow-wrap: break-word; }
            .tile .label { font-weight: 600; }
            .tile .tile-note { color: var(--muted); font-size: .875rem; }
            .tile .kind { font-size: .75rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin-top: .25rem; }
            .tile.measured .kind::before, .tile.factor .kind::before, .tile.modelled .kind::before { content: "\\25CF\\00A0"; }
            .tile.measured .kind::before, .tile.factor .kind::before { color: var(--measured); }
            .tile.modelled .kind::before { color: var(--modelled); }
            .table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 4px; margin: 1rem 0; }
            .table-wrap.long { max-height: 36rem; overflow: auto; }
            table { border-collapse: collapse; width: 100%%; font-size: .9rem; }
            caption { text-align: left; font-weight: 600; padding: .5rem .75rem; }
            th, td { padding: .35rem .75rem; text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); }
            td { max-width: 32rem; overflow-wrap: break-word; }
            thead th { position: sticky; top: 0; background: var(--head); z-index: 1;
              box-shadow: inset 0 -1px 0 var(--line); }
            tbody tr:nth-child(even) { background: var(--zebra); }
            .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            th.num { white-space: normal; }
            td.empty { color: var(--muted); text-align: center; }
            td > a { white-space: nowrap; }
            tbody tr.highlight { background: #fff4d6; font-weight: 700; box-shadow: inset 4px 0 0 %s; }
            figure { margin: 1rem 0; }
            figure img { display: block; max-width: 100%%; height: auto; border: 1px solid var(--line); }
            footer { color: var(--muted); font-size: .875rem; margin-top: 3rem; padding-bottom: 2rem;
              border-top: 1px solid var(--line); padding-top: .75rem; }
            @page { size: A4; margin: 12mm; }
            @media print {
              body { font-size: 10pt; }
              header, nav, main, footer { max-width: none; padding: 0; }
              .table-wrap, .table-wrap.long { max-height: none; overflow: visible; border: 0; }
              table { font-size: 7.5pt; }
              th, td { padding: .15rem .3rem; max-width: none; }
              thead th { position: static; white-space: normal; }
              .num { white-space: normal; }
              td > a { white-space: normal; }
              tr, figure, .tile { break-inside: avoid; }
              ul.files { columns: 1; }
              .callout { font-size: 13pt; }
            }
            """.formatted(Palette.hex(Palette.MEASURED), Palette.hex(Palette.MODELLED), WARNING_HEX, WARNING_HEX,
            Palette.hex(Palette.MODELLED));

}
