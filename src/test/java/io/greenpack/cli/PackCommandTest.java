package io.greenpack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenpack.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code greenpack pack} in-process: JSON out on success, exit 2 naming file/line/column on bad input. */
class PackCommandTest {
    @TempDir
    Path dir;

    Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void packsAndPrintsJson() throws Exception {
        Path items = write("items.csv", "id,cores,mem_gb,group\ncpu1,6,2,\ncpu2,6,2,\nmem1,2,6,\nmem2,2,6,\n");
        Path bins = write("bins.csv", "type,cores,mem_gb,cost,available\nbox,10,10,1,\n");
        CliRun run = CliRun.of("pack", "--items", items.toString(), "--bins", bins.toString(), "--time-limit", "2");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("objective").asDouble()).isEqualTo(2.0);
        assertThat(json.get("bins_used").asInt()).isEqualTo(2);
        assertThat(json.get("lower_bound").asInt()).isEqualTo(2);
        assertThat(json.get("gap").asDouble()).isZero();
        assertThat(json.has("seconds")).isTrue();
        assertThat(json.get("bins")).hasSize(2);
        for (JsonNode b : json.get("bins")) {
            assertThat(b.get("type").asText()).isEqualTo("box");
            assertThat(b.get("items")).hasSize(2);
            assertThat(b.get("balance").asDouble()).isEqualTo(1.0);
        }
    }

    @Test
    void writesThePlanToOut() throws Exception {
        Path items = write("items.csv", "ID,a,b\nx,1,1\ny,1,1\n");
        Path bins = write("bins.csv", "Type,b,a\nsmall,1,1\nlarge,2,2\n");
        Path out = dir.resolve("sub/plan.json");
        CliRun run = CliRun.of("pack", "--items", items.toString(), "--bins", bins.toString(), "--out", out.toString(),
                "--seed", "3");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        // Both types cost 1 (the default), so one large bin holds both items; bins.csv may order columns freely.
        assertThat(json.get("bins_used").asInt()).isEqualTo(1);
        assertThat(json.get("bins").get(0).get("type").asText()).isEqualTo("large");
    }

    @Test
    void nonNumericDemandNamesFileLineAndColumn() throws Exception {
        Path items = write("items.csv", "id,cores,mem_gb\na,1,2\nb,one,2\n");
        Path bins = write("bins.csv", "type,cores,mem_gb\nbox,4,4\n");
        CliRun run = CliRun.of("pack", "--items", items.toString(), "--bins", bins.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("items.csv line 3").contains("'cores'").contains("'one'").contains("expected a number");
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void missingIdColumn() throws Exception {
        Path items = write("items.csv", "name,cores\na,1\n");
        Path bins = write("bins.csv", "type,cores\nbox,4\n");
        CliRun run = CliRun.of("pack", "--items", items.toString(), "--bins", bins.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("items.csv line 1").contains("missing column 'id'").contains("name");
    }

    @Test
    void dimensionMismatchBetweenFiles() throws Exception {
        Path items = write("items.csv", "id,cores,mem_gb\na,1,1\n");
        Path bins = write("bins.csv", "type,cores,disk\nbox,4,4\n");
        CliRun run = CliRun.of("pack", "--items", items.toString(), "--bins", bins.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bins.csv line 1").contains("missing column 'mem_gb'");
    }

    @Test
    void negativeCapacity() throws Exception {
        Path items = write("items.csv", "id,cores\na,1\n");
        Path bins = write("bins.csv", "type,cores\nbox,-4\n");
        CliRun run = CliRun.of("pack", "--items", items.toString(), "--bins", bins.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bins.csv line 2").contains("'cores'").contains("-4").contains(">= 0");
    }

    @Test
    void itemTooBigNamesItemAndDimension() throws Exception {
        Path items = write("items.csv", "id,cores,mem_gb\nhuge,2,99\n");
        Path bins = write("bins.csv", "type,cores,mem_gb\nbox,4,64\n");
        CliRun run = CliRun.of("pack", "--items", items.toString(), "--bins", bins.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'huge'").contains("mem_gb");
    }

    @Test
    void missingFile() {
        CliRun run = CliRun.of("pack", "--items", dir.resolve("nope.csv").toString(), "--bins", "x.csv");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nope.csv").contains("not found");
    }

    @Test
    void helpDescribesEveryOptionAndShowsAnExample() {
        CliRun run = CliRun.of("pack", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--items", "--bins", "--time-limit", "--seed", "--headroom", "--out", "Example");
    }
}
