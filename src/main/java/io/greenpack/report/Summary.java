package io.greenpack.report;

import io.greenpack.savings.Figure;
import io.greenpack.savings.MigrationMove;
import io.greenpack.savings.OwnerShare;
import io.greenpack.savings.SavingsResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code summary.md}: the key numbers, where they come from, and relative links to the charts
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

    /** What goes into the summary; {@code migrationRows} limits the migration table (the full list is migration.csv). */
    public record Content(String title, String scenario, String dataWindow, SavingsResult savings,
                          List<ChartLink> charts, int migrationRows) {
        public Content {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(dataWindow, "dataWindow");
            Objects.requireNonNull(savings, "savings");
            charts = List.copyOf(charts == null ? List.of() : charts);
        }
    }

    public static void write(Content c, Path file) throws IOException {
        RunFolder.writeStringAtomically(file, markdown(c));
    }

    public static String markdown(Content c) {
        SavingsResult r = c.savings();
        StringBuilder md = new StringBuilder(4096);
        md.append("# ").append(md(c.title())).append("\n\n");
        md.append("Scenario **").append(md(c.scenario())).append("** · data window ").append(md(c.dataWindow()))
                .append("\n\n");

        md.append("## Key numbers\n\n");
        for (Figure f : r.keyFigures()) {
            md.append("- **").append(md(f.label())).append(":** ").append(md(f.formatted()))
                    .append(" _(").append(f.provenance().label()).append(")_\n");
        }
        md.append("\nEnergy saved ranges from ").append(md(Figure.format(r.facilityKwhSavedLow(), "")))
                .append(" to ").append(md(Figure.format(r.facilityKwhSavedHigh(), "kWh/year")))
                .append(" with the power model's error. Energy is facility energy (IT × PUE ")
                .append(md(Figure.format(r.pue(), ""))).append(").\n\n");

        md.append("## All figures\n\n| Figure | Value | Source |\n|---|---:|---|\n");
        for (Figure f : r.figures()) {
            md.append("| ").append(md(f.label())).append(" | ").append(md(f.formatted())).append(" | ")
                    .append(f.provenance().label()).append(" |\n");
        }

        if (!c.charts().isEmpty()) {
            md.append("\n## Charts\n\n");
            for (ChartLink l : c.charts()) {
                // The target is a code-chosen slug; only the caption needs escaping.
                md.append("- [").append(md(l.caption())).append("](charts/").append(l.name()).append(".png)")
                        .append(" ([SVG](charts/").append(l.name()).append(".svg))\n");
            }
        }

        if (!r.showback().isEmpty()) {
            md.append("\n## Showback per owner (today, per year)\n\n| Owner | Hosts | Energy (kWh) | Cost (")
                    .append(md(r.currency())).append(") | CO2e (t) |\n|---|---:|---:|---:|---:|\n");
            for (OwnerShare o : r.showback()) {
                md.append("| ").append(md(o.owner())).append(" | ").append(o.hosts()).append(" | ")
                        .append(Figure.format(o.facilityKwhPerYear(), "")).append(" | ")
                        .append(Figure.format(o.money(), "")).append(" | ")
                        .append(Figure.format(o.co2eKg() / 1000, "")).append(" |\n");
            }
        }

        if (!r.migration().isEmpty()) {
            List<MigrationMove> moves = r.migration();
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
        md.append("\n_Measured_ figures come from the meters over the data window, scaled to a year; "
                + "_modelled_ ones from the consolidation plan and the power curves.\n");
        return md.toString();
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
                default -> out.append(c < 0x20 || c == 0x7F ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
