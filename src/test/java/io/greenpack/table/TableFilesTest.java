package io.greenpack.table;

import io.greenpack.testing.TestSpark;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TableFilesTest {
    @TempDir
    Path tmp;

    static Table sample() {
        return Table.create("app_energy", StringColumn.create("app", "=cmd|' /C calc'!A0", "web"),
                DoubleColumn.create("kwh", 1.5, Double.NaN), BooleanColumn.create("comatose", true, false));
    }

    @Test
    void writesCsvWithFormulaDefenceAndParquetWithNulls() throws Exception {
        Path dir = tmp.resolve("tables");
        TableFiles.write(TestSpark.session(), Map.of("app_energy", sample()), dir);
        List<String> csv = Files.readAllLines(dir.resolve("app_energy.csv"));
        assertThat(csv.get(0)).isEqualTo("app,kwh,comatose");
        assertThat(csv.get(1)).doesNotStartWith("=").contains("1.5");
        assertThat(csv.get(2)).isEqualTo("web,,false");

        assertThat(dir.resolve("app_energy.parquet")).isRegularFile();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("app_energy.csv", "app_energy.parquet");
        List<Row> rows = TestSpark.session().read().parquet(dir.resolve("app_energy.parquet").toString()).orderBy("app").collectAsList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).getString(0)).isEqualTo("web");
        assertThat(rows.get(1).isNullAt(1)).isTrue();
        assertThat(rows.get(0).getDouble(1)).isEqualTo(1.5);
    }

    @Test
    void copiesToNotebookFolder() throws Exception {
        Path dir = tmp.resolve("tables");
        Map<String, Table> t = Map.of("app_energy", sample());
        TableFiles.write(TestSpark.session(), t, dir);
        Path nb = tmp.resolve("results");
        TableFiles.copy(t, dir, nb);
        assertThat(nb.resolve("app_energy.csv")).hasSameTextualContentAs(dir.resolve("app_energy.csv"));
        assertThat(nb.resolve("app_energy.parquet")).isRegularFile();
    }
}
