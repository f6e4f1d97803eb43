package io.greenpack.cli;

import io.greenpack.config.ScenarioFile;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * A "Scenario keys:" section in the help of the commands that read a scenario file, written from
 * the same key table that parses the file ({@link ScenarioFile#help}), so the two cannot disagree.
 */
final class ScenarioKeysHelp {
    static final String SECTION = "scenarioKeys";

    private ScenarioKeysHelp() {
    }

    /** Adds the section, before the footer, to each named subcommand of {@code cl}. */
    static void addTo(CommandLine cl, String... subcommands) {
        for (String name : subcommands) {
            CommandLine sub = cl.getSubcommands().get(name);
            if (sub == null) {
                continue; // a command line without that subcommand (the benchmarks' own) has no such help page
            }
            sub.getHelpSectionMap().put(SECTION, help -> "%nScenario keys:%n".formatted()
                    + String.join(System.lineSeparator(), ScenarioFile.help()) + System.lineSeparator());
            List<String> keys = new ArrayList<>(sub.getHelpSectionKeys());
            keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), SECTION);
            sub.setHelpSectionKeys(keys);
        }
    }
}
