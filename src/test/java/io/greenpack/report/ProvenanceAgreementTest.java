package io.greenpack.report;

import io.greenpack.correlate.AnalysisResult;
import io.greenpack.correlate.FleetEfficiency;
import io.greenpack.savings.Provenance;
import io.greenpack.savings.SavingsResult;
import io.greenpack.savings.SmallFleet;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One provenance rule for the whole report: the summary tiles and the savings section label the
 * same quantity alike. Metered IT energy × PUE (and its cost and CO2e) is "measured × assumed factor".
 */
class ProvenanceAgreementTest {

    private static HtmlReport.KeyNumber tile(List<HtmlReport.KeyNumber> tiles, String label) {
        return tiles.stream().filter(k -> k.label().equals(label)).findFirst().orElseThrow();
    }

    private static List<HtmlReport.KeyNumber> summaryTiles() {
        FleetEfficiency fleet = new FleetEfficiency(2, 3, 100, 160, 28.8, 56, 40, 10, 0, 0.3, 0.7, 5, 0, 0.001);
        AnalysisResult r = new AnalysisResult(SmallFleet.scenario(), Map.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), fleet, List.of(), null, null, 300, Map.of(), null);
        return AnalysisSection.keyNumbers(r);
    }

    @Test
    void summaryTilesAndSavingsFiguresAgreeOnTodaysFacilityEnergyCostAndCo2e() {
        List<HtmlReport.KeyNumber> tiles = summaryTiles();
        SavingsResult s = SmallFleet.result();
        Map<String, String> sameQuantity = Map.of(
                "facility energy", "facility_kwh_before_per_year",
                "energy cost", "money_before_per_year",
                "CO2e", "co2e_before_per_year");
        sameQuantity.forEach((tileLabel, figureKey) -> {
            assertThat(tile(tiles, tileLabel).provenance()).as(tileLabel)
                    .isEqualTo(s.figure(figureKey).provenance())
                    .isEqualTo(Provenance.MEASURED_TIMES_FACTOR);
        });
        // The measured base stays measured, the plan's side stays modelled.
        assertThat(s.figure("it_kwh_before_per_year").provenance()).isEqualTo(Provenance.MEASURED);
        assertThat(s.figure("facility_kwh_after_per_year").provenance()).isEqualTo(Provenance.MODELLED);
        assertThat(s.figure("facility_kwh_saved_per_year").provenance()).isEqualTo(Provenance.MODELLED);
    }

    @Test
    void bothPlacesPrintTheSameWords(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        HtmlReport html = new HtmlReport();
        html.title("t");
        html.section("summary", "Summary");
        html.keyNumbers(summaryTiles());
        Path page = tmp.resolve("index.html");
        html.write(page);
        String text = java.nio.file.Files.readString(page);
        assertThat(text).contains("<div class=\"tile factor\">")
                .contains("<div class=\"kind\">measured × assumed factor</div>");
        assertThat(SmallFleet.result().figure("facility_kwh_before_per_year").provenance().label())
                .isEqualTo("measured × assumed factor");
    }
}
