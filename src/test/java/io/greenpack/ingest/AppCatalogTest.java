package io.greenpack.ingest;

import io.greenpack.ingest.catalog.AppCatalog;
import io.greenpack.ingest.catalog.AppInfo;
import io.greenpack.ingest.files.InputFile;
import io.greenpack.ingest.files.InputFormat;
import io.greenpack.ingest.files.InputKind;
import io.greenpack.ingest.files.RejectRow;
import io.greenpack.testing.TestSpark;
import io.greenpack.util.Progress;
import io.greenpack.util.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** apps.csv: good rows read, bad rows quarantined with file, line and reason, hopeless files refused. */
class AppCatalogTest {
    @TempDir
    Path tmp;

    private IngestResult ingest(List<String> apps) throws IOException {
        Path dir = Fixture.write(tmp.resolve("d"), Fixture.hosts(), Fixture.power(), Fixture.utilization());
        Fixture.writeCsv(dir.resolve("apps.csv"), apps);
        return Ingest.run(TestSpark.session(), dir, new IngestOptions(300, 900, java.time.Instant.parse("2027-01-01T00:00:00Z")),
                Progress.SILENT);
    }

    /** apps.csv read on its own (no power or utilization pipeline: fast). */
    private AppCatalog read(List<String> apps) throws IOException {
        Path file = tmp.resolve("apps.csv");
        Fixture.writeCsv(file, apps);
        return AppCatalog.read(new InputFile(file, InputKind.APPS, InputFormat.CSV));
    }

    @Test
    void goodRowsAreRead() throws IOException {
        AppCatalog r = read(List.of(
                "app,owner,group,pin_host,needs,may_share_os,reserved_cores,reserved_mem_gb",
                "web,shop,grp-1,,,true,8,32",
                "db,finance,,h2,gpu;licensed_host,false,4,256"));
        assertThat(r.rejects()).isEmpty();
        AppInfo web = r.get("web");
        assertThat(web.owner()).isEqualTo("shop");
        assertThat(web.group()).isEqualTo("grp-1");
        assertThat(web.mayShareOs()).isTrue();
        assertThat(web.reservedCores()).isEqualTo(8.0);
        AppInfo db = r.get("db");
        assertThat(db.pinHost()).isEqualTo("h2");
        assertThat(db.needs()).containsExactly("gpu", "licensed_host");
        assertThat(r.get("unknown-app")).isEqualTo(AppInfo.unknown("unknown-app"));
        assertThat(r.stats().rowsKept()).isEqualTo(2);
    }

    @Test
    void badRowsAreQuarantinedWithLineAndReasonAndTheRunGoesOn() throws IOException {
        IngestResult r = ingest(List.of(
                "app,owner,needs,may_share_os,reserved_cores,reserved_mem_gb",
                "web,shop,,true,8,32",
                ",nobody,,false,1,1",
                "a2,x,teleport,false,1,1",
                "a3,x,,maybe,1,1",
                "a4,x,,false,-2,1",
                "a5,x,,false,1,lots",
                "web,other-team,,true,8,32"));
        assertThat(r.apps().apps()).extracting(AppInfo::app).containsExactly("web");
        assertThat(r.rejects()).extracting(RejectRow::file).containsOnly("apps.csv");
        assertThat(r.rejects()).extracting(RejectRow::line, RejectRow::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "missing app"),
                org.assertj.core.groups.Tuple.tuple(4L, "unknown need"),
                org.assertj.core.groups.Tuple.tuple(5L, "may_share_os not a boolean"),
                org.assertj.core.groups.Tuple.tuple(6L, "reserved_cores not a non-negative number"),
                org.assertj.core.groups.Tuple.tuple(7L, "reserved_mem_gb not a non-negative number"),
                org.assertj.core.groups.Tuple.tuple(8L, "conflicting duplicate app"));
        assertThat(r.rejects().get(1).detail()).contains("teleport");
        assertThat(r.rowsRejected()).isEqualTo(6);
    }

    @Test
    void missingAppColumnNamesFileAndColumn() {
        assertThatThrownBy(() -> read(List.of("name,owner", "web,shop")))
                .isInstanceOf(UserError.class).hasMessageContaining("apps.csv").hasMessageContaining("'app'");
    }

    @Test
    void fileWithOnlyBadRowsIsRefused() {
        assertThatThrownBy(() -> read(List.of("app,may_share_os", "web,perhaps", "db,sometimes")))
                .isInstanceOf(UserError.class).hasMessageContaining("apps.csv").hasMessageContaining("no usable app rows");
    }
}
