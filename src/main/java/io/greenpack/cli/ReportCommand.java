package io.greenpack.cli;

import io.greenpack.report.ReportJob;
import io.greenpack.report.ReportRequest;
import io.greenpack.util.Home;
import io.greenpack.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"The main job: read fleet data, analyse it and write a report folder",
                "<out>/<run-id>/ with index.html (self-contained, opens from disk), charts/*.png and *.svg,",
                "tables/, rejects.csv (every rejected input row with file, line and reason) and manifest.json.",
                "The folder appears only when complete; a failed run leaves earlier reports untouched.",
                "With no options it runs on the bundled sample in notebooks-data/sample."},
        footer = {"", "Examples:",
                "  greenpack report                                   # bundled sample -> reports/<run-id>/",
                "  greenpack report --data /srv/dc1 --out /srv/reports",
                "  greenpack report --data /shared/dc1 --master spark://10.0.0.5:7077 --driver-host 10.0.0.9",
                "                                   # on a standalone cluster; data at the same path on every worker"})
public final class ReportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    DataOptions data;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder the run folder <run-id>/ is created in (default: reports/ of the greenpack checkout).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Progress progress = Progress.to(spec.commandLine().getErr());
        List<String> commandLine = new ArrayList<>(List.of("greenpack", "report"));
        commandLine.addAll(spec.commandLine().getParseResult().originalArgs());
        Path outDir = out == null ? Home.reports() : out.toAbsolutePath().normalize();
        Path run = ReportJob.run(data.spark(), new ReportRequest(data.dataDir(), outDir,
                data.ingestOptions(), commandLine), progress);
        spec.commandLine().getOut().println("report written to " + run);
        spec.commandLine().getOut().println("open " + run.resolve("index.html"));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
