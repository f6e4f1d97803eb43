package io.greenpack.correlate;

import io.greenpack.ingest.Ingest;
import io.greenpack.ingest.IngestOptions;
import io.greenpack.ingest.IngestResult;
import io.greenpack.testing.TestSpark;
import io.greenpack.util.Progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A fleet small enough to compute by hand, written as CSV under {@code tmp/tiny} and ingested:
 * 24 samples 5 minutes apart from 2026-10-05T00:05Z (two hours), power as timestamp,host,watts and
 * utilization as timestamp,host,app,cpu_cores,mem_gb; 5-minute intervals, 15-minute gap limit.
 */
final class TinyFleet {
    static final Instant START = Instant.parse("2026-10-05T00:00:00Z");
    static final int SAMPLES = 24;

    private TinyFleet() {
    }

    /** Adds the rows of sample {@code i} (1..24), without their timestamp column. */
    interface Rows {
        void add(int i, List<String> power, List<String> util);
    }

    /**
     * @param hosts hosts.csv rows after the header host,model,cores,mem_gb,idle_watts,max_watts
     * @param apps  apps.csv rows after the header app,owner,reserved_cores,reserved_mem_gb
     * @param rows  each sample's power rows (host,watts) and utilization rows (host,app,cpu_cores,mem_gb)
     */
    static IngestResult ingest(Path tmp, List<String> hosts, List<String> apps, Rows rows) throws IOException {
        Path dir = tmp.resolve("tiny");
        Files.createDirectories(dir);
        List<String> power = new ArrayList<>(List.of("timestamp,host,watts"));
        List<String> util = new ArrayList<>(List.of("timestamp,host,app,cpu_cores,mem_gb"));
        for (int i = 1; i <= SAMPLES; i++) {
            String ts = START.plusSeconds(300L * i).toString();
            List<String> p = new ArrayList<>();
            List<String> u = new ArrayList<>();
            rows.add(i, p, u);
            p.forEach(r -> power.add(ts + "," + r));
            u.forEach(r -> util.add(ts + "," + r));
        }
        List<String> hostLines = new ArrayList<>(List.of("host,model,cores,mem_gb,idle_watts,max_watts"));
        hostLines.addAll(hosts);
        List<String> appLines = new ArrayList<>(List.of("app,owner,reserved_cores,reserved_mem_gb"));
        appLines.addAll(apps);
        Files.write(dir.resolve("hosts.csv"), hostLines);
        Files.write(dir.resolve("power.csv"), power);
        Files.write(dir.resolve("utilization.csv"), util);
        Files.write(dir.resolve("apps.csv"), appLines);
        return Ingest.run(TestSpark.session(), dir, new IngestOptions(300, 900, Instant.parse("2027-01-01T00:00:00Z")),
                Progress.SILENT);
    }
}
