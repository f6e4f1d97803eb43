package io.greenpack.report;

import io.greenpack.savings.Provenance;
import io.greenpack.savings.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The decision at the top of index.html: the verdict sentence, the lead option's money, energy,
 * CO2e, hardware and payback, what the savings cover, and the options side by side. It is a lead
 * section, so it goes before the fleet facts whenever it is added.
 */
public final class VerdictSection {
    private VerdictSection() {
    }

    /**
     * @param verdict     the options and the recommendation
     * @param windowHours length of the data window (a short one gets a warning)
     */
    public record Request(Verdict verdict, double windowHours) {
    }

    public static final String SENTENCE_ID = "verdict-sentence";

    public static void add(HtmlReport html, Request req) {
        Verdict v = req.verdict();
        html.leadSection("verdict", "Verdict");
        html.callout(SENTENCE_ID, v.sentence());
        List<HtmlReport.KeyNumber> tiles = new ArrayList<>();
        for (VerdictText.KeyFigure f : VerdictText.keyFigures(v)) {
            tiles.add(new HtmlReport.KeyNumber(f.label(), f.value(), f.basis(), Provenance.MODELLED, f.warn()));
        }
        html.keyNumbers(tiles);
        html.paragraph(VerdictText.scope(v.scope()));
        v.scope().warnings().forEach(html::warning);
        VerdictText.shortWindow(req.windowHours()).ifPresent(html::warning);
        List<List<String>> rows = VerdictText.optionRows(v);
        html.table("Options side by side (recommended one highlighted; tables/plan_options.csv)",
                VerdictText.optionHeaders(v), rows, Set.of(2, 3, 4, 5), VerdictText.recommendedRows(v),
                VerdictText.warnedRows(v), IntStream.range(0, rows.size()).mapToObj(i -> "").toList());
        html.paragraph("Money and energy are per year and modelled: the plan's hosts through their power curves against "
                + "today's metered energy scaled to a year. Energy is facility energy (IT × PUE). Contention risk is "
                + "the share of host-intervals in which the replayed co-hosted demand exceeded a host's capacity.");
    }
}
