package io.greenpack.report;

import io.greenpack.savings.Figure;
import io.greenpack.savings.MigrationMove;
import io.greenpack.correlate.OwnerShowback;
import io.greenpack.savings.SavingsResult;
import io.greenpack.savings.Verdict;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code summary.md}: the verdict first, then the plan's figures, where they come from, and relative links to the charts
 * ({@code charts/<name>.png}), for a wiki, a ticket or a mail. Plain CommonMark with GitHub tables.
 *
 * <p>Text from input (host, app, owner and scenario names) goes through {@link #md}: every
 * Markdown-active character is backslash-escaped (CommonMark allows it before any ASCII
 * punctuation), so a host called {@code *[x](http://evil)*} prints as those characters and never
 * becomes emphasis, a link, HTML or a table cell border.
 */
public final class Summary {
    private Summary() {
    }

    /** A chart to link: {@code name} is the file stem chosen by code ("savings-breakdown"). */
    public record ChartLink(String name, String caption) {
        private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,80}");

        public ChartLink {
            Objects.requireNonNull(caption, "caption");
            if (name == null || !SLUG.matcher(name).matches() || name.contains("..")) {
                throw new IllegalArgumentException("chart name must be a lower-case slug, got \"" + name + "\"");
            }
        }
    }

    /**
     * What goes into the summary; {@code migrationRows} limits the migration table (the full list is
     * migration.csv). {@code showback} is per application owner over the data window of
     * {@code windowDays} days, the same rows as tables/showback.csv and the HTML report.
     */
    public record Content(String title, String scenario, String dataWindow, SavingsResult savings, Verdict verdict,
                          List<OwnerShowback> showback, double windowDays, List<ChartLink> charts, int migrationRows) {
        public Content {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(dataWindow, "dataWindow");
            Objects.requireNonNull(savings, "savings");
            Objects.requireNonNull(verdict, "verdict");
            showback = List.copyOf(showback == null ? List.of() : showback);
            charts = List.copyOf(charts == null ? List.of() : charts);
        }
    }

    public static void write(Content c, Path file) throws IOException {
        // Names reach the text in many places (scope, options, moves): no control character leaves here.
        RunFolder.writeStringAtomically(file, io.greenpack.util.Printable.clean(markdown(c)));
    }

    public static String markdown(Content c) {
        StringBuilder md = new StringBuilder(8192);
        md.append("# ").append(md(c.title())).append("\n\n");
        md.append("Scenario **").append(md(c.scenario())).append("** · data window ").append(md(c.dataWindow()))
                .append("\n\n");
        verdict(md, c);
        figures(md, c.savings());
        if (!c.charts().isEmpty()) {
            md.append("\n## Charts\n\n");
            for (ChartLink l : c.charts()) {
                // The target is a code-chosen slug; only the caption needs escaping.
                md.append("- [").append(md(l.caption())).append("](charts/").append(l.name()).append(".png)")
                        .append(" ([SVG](charts/").append(l.name()).append(".svg))\n");
            }
        }
        showback(md, c);
        migration(md, c);
        md.append("\n## Files\n\n");
        for (HtmlReport.FileLink f : RunFiles.LINKS) {
            md.append("- [").append(md(f.path())).append("](").append(f.path()).append(") — ").append(md(f.what())).append('\n');
        }
        md.append("\n_Measured_ figures come from the meters over the data window; _modelled_ ones are scaled to a "
                + "year, attributed, or come from the consolidation plan and the power curves, and say how.\n");
        return md.toString();
    }

    /** The decision first: sentence, the lead option's figures, scope, the options side by side. */
    private static void verdict(StringBuilder md, Content c) {
        Verdict v = c.verdict();
        md.append("## Verdict\n\n**").append(md(v.sentence())).append("**\n\n");
        for (VerdictText.KeyFigure f : VerdictText.keyFigures(v)) {
            md.append("- **").append(md(f.label())).append(":** ").append(f.warn() ? "⚠ " : "").append(md(f.value()))
                    .append(" _(").append(md(f.basis())).append(")_\n");
        }
        md.append('\n').append(md(VerdictText.scope(v.scope()))).append("\n\n");
        v.scope().warnings().forEach(w -> md.append("> **Warning:** ").append(md(w)).append("\n\n"));
        VerdictText.shortWindow(c.savings().windowHours()).ifPresent(w -> md.append("> **Warning:** ").append(md(w)).append("\n\n"));
        List<String> headers = VerdictText.optionHeaders(v);
        md.append("### Options side by side\n\n|");
        headers.forEach(h -> md.append(' ').append(md(h)).append(" |"));
        md.append("\n|---|---|---:|---:|---:|---:|---|---:|---|\n");
        java.util.Set<Integer> warned = VerdictText.warnedRows(v);
        List<List<String>> rows = VerdictText.optionRows(v);
        for (int i = 0; i < rows.size(); i++) {
            md.append('|');
            for (int col = 0; col < rows.get(i).size(); col++) {
                String cell = md(rows.get(i).get(col));
                boolean mark = col == 0 && (v.options().get(i).recommended() || warned.contains(i));
                md.append(' ').append(mark ? "**" + cell + "**" + (warned.contains(i) ? " ⚠" : " ✔") : cell).append(" |");
            }
            md.append('\n');
        }
    }

    private static void figures(StringBuilder md, SavingsResult r) {
        md.append("\n## All figures of the plan\n\nEnergy saved ranges from ").append(md(Figure.format(r.facilityKwhSavedLow(), "")))
                .append(" to ").append(md(Figure.format(r.facilityKwhSavedHigh(), "kWh/year")))
                .append(" with the power model's error. Energy is facility energy (IT × PUE ")
                .append(md(Figure.format(r.pue(), ""))).append(") unless it says IT.\n\n");
        md.append("| Figure | Value | Source |\n|---|---:|---|\n");
        for (Figure f : r.figures()) {
            md.append("| ").append(md(f.label())).append(" | ").append(md(f.formatted())).append(" | ")
                    .append(md(VerdictText.source(f))).append(" |\n");
        }
    }

    private static void showback(StringBuilder md, Content c) {
        if (c.showback().isEmpty()) {
            return;
        }
        String cur = md(c.savings().currency());
        md.append("\n## Showback per application owner (over the data window, ").append(Figure.format(c.windowDays(), "days"))
                .append(")\n\nIT energy attributed to each owner's applications (measured power split by CPU share: "
                        + "modelled); cost and CO2e of that energy × PUE. Same rows as tables/showback.csv.\n\n")
                .append("| Owner | Apps | IT energy (kWh) | Cost (").append(cur).append(") | CO2e (kg) |\n|---|---:|---:|---:|---:|\n");
        for (OwnerShowback o : c.showback()) {
            // Formatted as the HTML report's showback table formats them: the same text in both.
            md.append("| ").append(md(o.owner())).append(" | ").append(o.apps()).append(" | ")
                    .append(AnalysisSection.num(o.kwh(), 1)).append(" | ")
                    .append(AnalysisSection.num(o.cost(), 2)).append(" | ")
                    .append(AnalysisSection.num(o.co2eKg(), 1)).append(" |\n");
        }
    }

    private static void migration(StringBuilder md, Content c) {
        List<MigrationMove> moves = c.savings().migration();
        if (moves.isEmpty()) {
            return;
        }
        int n = Math.min(Math.max(0, c.migrationRows()), moves.size());
        md.append("\n## Migration plan (first ").append(n).append(" of ").append(moves.size())
                .append(" moves; all in migration.csv)\n\n")
                .append("| # | App | From | To | Memory (GB) | Time (s, modelled) | Host freed |\n")
                .append("|---:|---|---|---|---:|---:|---|\n");
        for (MigrationMove m : moves.subList(0, n)) {
            md.append("| ").append(m.step()).append(" | ").append(md(m.app())).append(" | ")
                    .append(md(m.fromHost())).append(" | ").append(md(m.toHost())).append(" | ")
                    .append(Figure.format(m.memGb(), "")).append(" | ")
                    .append(Figure.format(m.seconds(), "")).append(" | ")
                    .append(m.freesHost() == null ? "" : md(m.freesHost())).append(" |\n");
        }
    }

    /**
     * Text for Markdown: backslash before every character that could start markup or break a table
     * cell; line breaks become spaces (a name never starts a new block); control characters
     * become U+FFFD.
     */
    public static String md(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '(', ')', '<', '>', '|', '#', '~', '!', '&', '{', '}', '$' ->
                        out.append('\\').append(c);
                case '\n', '\r', '\t' -> out.append(' ');
                default -> out.append(io.greenpack.util.Printable.isControl(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
