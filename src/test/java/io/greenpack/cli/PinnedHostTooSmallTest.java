package io.greenpack.cli;

import io.greenpack.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apps pinned (apps.csv pin_host) to a host that cannot hold them, through the real command line
 * on a four-host fleet built here: the pin is the user's rule, so every option keeps the app on
 * that host alone, and the terminal, the report page and summary.md say which app, which host,
 * what it needs and what the host offers.
 */
class PinnedHostTooSmallTest {
    @TempDir
    Path tmp;

    /**
     * h1, h2: 32 cores, 256 GB. h3, h4: 4 cores, 16 GB (12.8 GB within the default 20 % headroom).
     * db uses 100 GB on h2 and is pinned to h3 (over its full capacity); cache uses 14 GB on h4 and
     * is pinned there (over the headroom only); web uses 10 GB on h1 and is pinned to h3 too, which
     * db then takes alone.
     */
    private Path fleet() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("hosts.csv"), """
                host,model,sockets,cores,mem_gb,idle_watts,max_watts
                h1,m1,2,32,256,100,300
                h2,m1,2,32,256,100,300
                h3,m2,1,4,16,60,120
                h4,m2,1,4,16,60,120
                """);
        Files.writeString(data.resolve("apps.csv"), """
                app,owner,pin_host
                db,team-b,h3
                cache,team-c,h4
                web,team-a,h3
                """);
        List<String> power = new ArrayList<>(List.of("timestamp,host,watts"));
        List<String> util = new ArrayList<>(List.of("timestamp,host,app,cpu_cores,mem_gb"));
        Instant t0 = Instant.parse("2026-10-05T00:05:00Z");
        for (int i = 0; i < 24; i++) {
            String t = t0.plusSeconds(300L * i).toString();
            power.add(t + ",h1," + (150 + i % 3));
            power.add(t + ",h2," + (200 + i % 3));
            power.add(t + ",h3," + (70 + i % 3));
            power.add(t + ",h4," + (90 + i % 3));
            util.add(t + ",h1,web,4,10");
            util.add(t + ",h2,db,1,100");
            util.add(t + ",h4,cache,1,14");
        }
        Files.write(data.resolve("power.csv"), power);
        Files.write(data.resolve("utilization.csv"), util);
        return data;
    }

    @Test
    void pinnedAppStaysOnItsTooSmallHostAloneAndEveryOutputSaysSo() throws Exception {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("report", "--data", fleet().toString(), "--out", out.toString(), "--time-limit", "2");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString()).doesNotContain("\tat ")
                .contains("warning: App 'db' is pinned to host 'h3' (pin_host in apps.csv) but needs 1.1 cores and 102.0 GB")
                .contains("h3 offers 3.2 cores and 12.8 GB within the 20 % headroom (4.0 cores and 16.0 GB in all)")
                .contains("keeps db on h3 alone, over the host's full capacity")
                .contains("App 'cache' is pinned to host 'h4'").contains("keeps cache on h4 alone, over the headroom")
                .contains("App 'web' is pinned to host 'h3' (pin_host in apps.csv), which app 'db' takes alone: "
                        + "web is planned like an app without a pin");

        Path dir;
        try (Stream<Path> s = Files.list(out)) {
            dir = s.findFirst().orElseThrow();
        }
        List<String> plan = Files.readAllLines(dir.resolve("plan.csv"));
        assertThat(plan).as("db and cache on their pinned hosts; web not next to db").contains("db,h2,h3,m2")
                .contains("cache,h4,h4,m2").noneMatch(l -> l.startsWith("web,") && l.contains(",h3,"));
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).contains("<strong>Warning</strong> App &#39;db&#39; is pinned to host &#39;h3&#39;")
                .contains("over the host&#39;s full capacity");
        assertThat(Files.readString(dir.resolve("summary.md")))
                .contains("> **Warning:** App 'db' is pinned to host 'h3'").contains("keeps cache on h4 alone");
    }

    /**
     * The same fleet through whatif: at the base's 20 % headroom cache (16 GB with the hypervisor's
     * 2 GB) is over h4's 12.8 GB; with no headroom it fits. db is over h3 in both points (the
     * warning names each point's headroom), and web's pin loses to db's in both (said with db's).
     */
    @Test
    void whatIfSaysWhichPointsCannotHonourAPin() throws Exception {
        Path yaml = tmp.resolve("points.yaml");
        Files.writeString(yaml, "base:\n  headroom: 0.2\nscenarios:\n  - name: no-headroom\n    headroom: 0.0\n");
        Path out = tmp.resolve("whatif-out");
        CliRun run = CliRun.of("whatif", "--data", fleet().toString(), "--scenarios", yaml.toString(), "--out",
                out.toString(), "--iterations", "2000");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString())
                .contains("whatif: warning (point base): App 'cache' is pinned to host 'h4'")
                .contains("whatif: warning (point base): App 'db' is pinned to host 'h3'")
                .contains("whatif: warning (point no-headroom): App 'db' is pinned to host 'h3'")
                .contains("within the 0 % headroom (4.0 cores and 16.0 GB in all): every option keeps db on h3 alone")
                .contains("which app 'db' takes alone: web is planned like an app without a pin")
                .doesNotContain("whatif: warning (point no-headroom): App 'cache'");
        Path dir;
        try (Stream<Path> s = Files.list(out)) {
            dir = s.findFirst().orElseThrow();
        }
        List<String> rows = Files.readAllLines(dir.resolve("whatif.csv"));
        assertThat(rows.get(0)).endsWith(",note,warnings");
        assertThat(rows.stream().filter(l -> l.contains(",base,")).findFirst().orElseThrow())
                .contains("App 'cache' is pinned to host 'h4'").contains(" | ");
        assertThat(rows.stream().filter(l -> l.contains(",no-headroom,")).findFirst().orElseThrow())
                .doesNotContain("App 'cache'").contains("App 'db' is pinned to host 'h3'");
        assertThat(Files.readString(dir.resolve("index.html")))
                .contains("<strong>Warning</strong> In point base: App &#39;cache&#39; is pinned to host &#39;h4&#39;")
                .contains("<strong>Warning</strong> In point no-headroom: App &#39;db&#39; is pinned to host &#39;h3&#39;");
    }
}
