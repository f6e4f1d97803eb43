package io.greenpack.ingest;

import io.greenpack.ingest.catalog.HostInventory;
import io.greenpack.ingest.files.InputFile;
import io.greenpack.ingest.files.InputFormat;
import io.greenpack.ingest.files.InputKind;
import io.greenpack.ingest.files.RejectRow;
import io.greenpack.model.HostSpec;
import io.greenpack.util.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** hosts.csv read in plain Java (no Spark): physical line numbers, BOM and CRLF, separators, duplicates. */
class HostInventoryTest {
    @TempDir
    Path tmp;

    private HostInventory read(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return HostInventory.read(new InputFile(file, InputKind.HOSTS, InputFormat.of(file).orElseThrow()));
    }

    @Test
    void aBadRowAfterAQuotedFieldAndABlankLineHasItsPhysicalLineNumber() throws IOException {
        HostInventory h = read("hosts.csv", String.join("\n",
                "host,model,sockets,cores,mem_gb",                      // 1
                "h1,\"Dell, Inc. PowerEdge R640\",2,32,256",           // 2: a quoted comma is one field
                "",                                                     // 3: blank
                "   ",                                                  // 4: blank (spaces)
                "h2,\"HPE \\\"DL380\\\"\",2,32,256",                    // 5: escaped quotes in a quoted field
                "h3,m1,2,-4,256",                                       // 6: bad
                "",                                                     // 7
                "h4,m1,2,32,lots") + "\n");                             // 8: bad
        assertThat(h.hosts()).extracting(HostSpec::host, HostSpec::model).containsExactly(
                tuple("h1", "Dell, Inc. PowerEdge R640"), tuple("h2", "HPE \"DL380\""));
        assertThat(h.rejects()).extracting(RejectRow::file, RejectRow::line, RejectRow::reason, RejectRow::detail,
                RejectRow::content).containsExactly(
                tuple("hosts.csv", 6L, "cores not positive", "cores = '-4.0'", "h3,m1,2,-4,256"),
                tuple("hosts.csv", 8L, "mem_gb not a number", "mem_gb = 'lots'", "h4,m1,2,32,lots"));
        assertThat(h.stats().rowsRead()).isEqualTo(4);
        assertThat(h.stats().rowsKept()).isEqualTo(2);
        assertThat(h.stats().rejectedByReason()).containsOnly(
                java.util.Map.entry("cores not positive", 1L), java.util.Map.entry("mem_gb not a number", 1L));
    }

    @Test
    void aBomAndCrlfLineEndsReadLikePlainCsvWithCaseInsensitiveNames() throws IOException {
        HostInventory h = read("hosts.csv", "\uFEFFHost,Model,Sockets,Cores,MEM_GB,Role,Idle_Watts,Max_Watts\r\n"
                + "h1,m1,2,32,256,Hypervisor,100,300\r\n"
                + "\r\n"
                + "h2,m1,2,32,0,,100,300\r\n"
                + "h3,m2,,16,128,,,\r\n");
        assertThat(h.hosts()).containsExactly(
                new HostSpec("h1", "m1", 2, 32, 256, "hypervisor", null, null, 100.0, 300.0),
                new HostSpec("h3", "m2", 1, 16, 128, "physical", null, null, null, null));
        assertThat(h.rejects()).extracting(RejectRow::line, RejectRow::reason, RejectRow::content)
                .containsExactly(tuple(4L, "mem_gb not positive", "h2,m1,2,32,0,,100,300"));
    }

    @Test
    void semicolonsWithDecimalCommaAndARepeatedHeaderAreRead() throws IOException {
        HostInventory h = read("hosts.csv", String.join("\n",
                "host;model;cores;mem_gb;idle_watts;max_watts",
                "h1;m1;32;1.024,5;99,5;300",
                "host;model;cores;mem_gb;idle_watts;max_watts",
                "h2;m1;32;256;300;100") + "\n");
        assertThat(h.hosts()).singleElement().satisfies(s -> {
            assertThat(s.memGb()).isEqualTo(1024.5);
            assertThat(s.idleWatts()).isEqualTo(99.5);
        });
        assertThat(h.rejects()).extracting(RejectRow::line, RejectRow::reason, RejectRow::detail)
                .containsExactly(tuple(4L, "idle_watts not below max_watts", "idle_watts >= max_watts"));
    }

    @Test
    void theFirstRowOfAHostWinsAndLaterOnesAreDuplicates() throws IOException {
        HostInventory h = read("hosts.csv", String.join("\n",
                "host,model,cores,mem_gb",
                "h1,m1,32,256",
                "h1,m1,32,256",
                "h1,m2,32,256") + "\n");
        assertThat(h.hosts()).extracting(HostSpec::model).containsExactly("m1");
        assertThat(h.rejects()).extracting(RejectRow::line, RejectRow::reason, RejectRow::detail).containsExactly(
                tuple(3L, "duplicate row", "host = 'h1' already defined earlier in the file"),
                tuple(4L, "conflicting duplicate host", "host = 'h1' already defined earlier in the file"));
    }

    @Test
    void gzipAndJsonLinesGiveTheSameHosts() throws IOException {
        List<String> lines = Fixture.hosts();
        Path gz = tmp.resolve("hosts.csv.gz");
        Fixture.writeGz(gz, lines);
        Path jsonl = tmp.resolve("hosts.jsonl");
        Fixture.writeJsonl(jsonl, lines);
        HostInventory csv = read("hosts.csv", String.join("\n", lines) + "\n");
        assertThat(HostInventory.read(new InputFile(gz, InputKind.HOSTS, InputFormat.CSV_GZ)).hosts()).isEqualTo(csv.hosts());
        assertThat(HostInventory.read(new InputFile(jsonl, InputKind.HOSTS, InputFormat.JSONL)).hosts()).isEqualTo(csv.hosts());
    }

    @Test
    void aParquetInventoryIsReadThroughSparkWithNativeTypesAndRowNumbers() throws IOException {
        Path csv = tmp.resolve("src.txt");
        Files.writeString(csv, String.join("\n", "host,model,sockets,cores,mem_gb,max_watts,Role",
                "h1,m1,2,32,256.5,300.5,Hypervisor", "h2,m1,,32,256,300,", "h3,m1,2,-4,256,300,") + "\n");
        Path pq = tmp.resolve("hosts.parquet");
        io.greenpack.testing.TestSpark.session().read().option("header", "true")
                .schema("host STRING, model STRING, sockets INT, cores DOUBLE, mem_gb FLOAT, max_watts DECIMAL(10,2), Role STRING")
                .csv(csv.toString()).coalesce(1).write().parquet(pq.toString());
        HostInventory h = HostInventory.read(new InputFile(pq, InputKind.HOSTS, InputFormat.PARQUET));
        assertThat(h.hosts()).containsExactly(
                new HostSpec("h1", "m1", 2, 32, 256.5, "hypervisor", null, null, null, 300.5),
                new HostSpec("h2", "m1", 1, 32, 256, "physical", null, null, null, 300.0));
        assertThat(h.rejects()).extracting(RejectRow::line, RejectRow::reason, RejectRow::detail, RejectRow::content)
                .containsExactly(tuple(3L, "cores not positive", "cores = '-4.0'", ""));
    }

    @Test
    void hopelessFilesAreRefusedNamingTheFile() {
        assertThatThrownBy(() -> read("hosts.csv", "host,model,cores,mem_gb\n"))
                .isInstanceOf(UserError.class).hasMessageContaining("hosts.csv: no usable host rows (0 rows read)");
        assertThatThrownBy(() -> read("hosts.csv", "host,model,cores\nh1,m1,4\n"))
                .isInstanceOf(UserError.class).hasMessageContaining("missing required column 'mem_gb'");
        assertThatThrownBy(() -> read("hosts.csv", "host,model,cores,mem_gb\nh1,m1,4,1e9\n"))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("rejected: {mem_gb implausibly high (bytes or MB?)=1}");
    }

    @Test
    void supportPerYearIsReadAndABadValueStopsTheRunNamingFileLineAndColumn() throws IOException {
        HostInventory h = read("hosts.csv", String.join("\n",
                "host,model,sockets,cores,mem_gb,role,support_per_year",
                "h1,m1,2,32,256,physical,1200",
                "h2,m1,2,32,256,hypervisor,"));
        assertThat(h.hosts()).extracting(HostSpec::supportPerYear).containsExactly(1200.0, 0.0);
        assertThat(h.hosts().get(0).physical()).isTrue();

        assertThatThrownBy(() -> read("bad.csv", String.join("\n",
                        "host,model,sockets,cores,mem_gb,support_per_year",
                        "h1,m1,2,32,256,100",
                        "h2,m1,2,32,256,-5")))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("bad.csv").hasMessageContaining("line 3").hasMessageContaining("'support_per_year'")
                .hasMessageContaining("expected a number >= 0, got '-5'");
    }
}
