package io.greenpack.cli;

import io.greenpack.config.IdlePolicy;
import io.greenpack.config.Scenario;
import io.greenpack.pipeline.Pipeline;
import io.greenpack.pipeline.RunRequest;
import io.greenpack.util.Home;
import io.greenpack.util.Progress;
import io.greenpack.util.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyse fleet data without consolidating: power model per hardware model, energy, cost and",
                "CO2e per host, application and owner, idle waste, comatose hosts, workload classes and demand",
                "vectors. Writes <out>/<run-id>/ with index.html, tables/*.csv and *.parquet (also copied to",
                "notebooks-data/results/), charts/, rejects.csv and manifest.json."},
        footer = {"", "Examples:",
                "  greenpack analyze                                    # bundled sample -> reports/<run-id>/",
                "  greenpack analyze --data dc1 --idle-policy equal --hourly-sizing",
                "",
                "Exit codes: 0 success, 2 bad usage, bad input or no room, 1 unexpected failure, 130/143/129 interrupted."})
public final class AnalyzeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    DataOptions data;

    @Mixin
    RunFolderOptions runFolder;

    @Option(names = "--idle-policy", paramLabel = "POLICY", defaultValue = "cpu-share",
            description = "How idle power is split among apps: cpu-share, equal, reserved, unattributed (default: ${DEFAULT-VALUE}).")
    String idlePolicy;

    @Option(names = "--percentile", paramLabel = "P", defaultValue = "95",
            description = "Demand percentile for sizing, in (0, 100] (default: ${DEFAULT-VALUE}).")
    double percentile;

    @Option(names = "--hourly-sizing", description = "Also size one demand vector per hour of day (UTC).")
    boolean hourlySizing;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        IdlePolicy policy;
        try {
            policy = IdlePolicy.fromKey(idlePolicy.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("--idle-policy: expected one of cpu-share, equal, reserved, unattributed; got '" + idlePolicy + "'");
        }
        if (!(percentile > 0 && percentile <= 100)) {
            throw new UserError("--percentile: expected a number in (0, 100], got " + percentile
                    + (percentile > 0 && percentile <= 1 ? " (was it a fraction? write 95 for p95)" : ""));
        }
        Scenario d = Scenario.defaults();
        Scenario scenario = new Scenario(d.name(), d.tariffPerKwh(), d.currency(), d.gridGco2ePerKwh(),
                d.hourlyGridGco2ePerKwh(), d.pue(), d.headroom(), percentile, hourlySizing, d.hypervisorCpuOverhead(),
                d.hypervisorMemGb(), d.targets(), d.horizonYears(), policy, d.migrationGbps());
        Path outDir = RunFolderOptions.prepare(spec, runFolder.outDir());
        Progress progress = Progress.to(spec.commandLine().getErr());
        Path run = Pipeline.run(data.spark(), RunRequest.analyze(data.dataDir(), outDir,
                data.ingestOptions(), scenario, RunFolderOptions.commandLine(spec), Home.notebookResults()), progress);
        RunFolderOptions.printWritten(spec, "analysis", run);
        return 0;
    }
}
