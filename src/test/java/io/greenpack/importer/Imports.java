package io.greenpack.importer;

import io.greenpack.csv.CsvLine;
import io.greenpack.testing.CliRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helpers: fixtures under src/test/resources/import/, the CLI, and reading what it wrote. */
final class Imports {
    private Imports() {
    }

    static Path fixture(String relative) {
        try {
            return Path.of(Imports.class.getResource("/import/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code greenpack import} and expects success. */
    static CliRun importOk(String format, Path in, Path out, String... more) {
        CliRun run = run(format, in, out, more);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    /** Runs {@code greenpack import} and expects exit 2 with a one-line message, no stack trace. */
    static String importFails(String format, Path in, Path out, String... more) {
        CliRun run = run(format, in, out, more);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).as(run.toString()).startsWith("greenpack: ").doesNotContain("\tat ", "Exception");
        return run.err();
    }

    static CliRun run(String format, Path in, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("import", "--format", format, "--in", in.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** A CSV written by the importer: rows as column → cell text (quotes removed). */
    static List<Map<String, String>> csv(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<String> header = CsvLine.fields(lines.get(0), ',');
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                List<String> cells = CsvLine.fields(line, ',');
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), cells.get(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of the output folder's rejects.csv (file, line, reason, detail, content). */
    static List<Map<String, String>> rejects(Path out) {
        assertThat(out.resolve("rejects.csv")).exists();
        return csv(out.resolve("rejects.csv"));
    }

    static String header(Path file) {
        try {
            return Files.readAllLines(file).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one row with these cell values (e.g. "timestamp", "...", "app", "web"). */
    static Map<String, String> row(List<Map<String, String>> rows, String... keyValues) {
        List<Map<String, String>> found = rows.stream().filter(r -> {
            for (int i = 0; i < keyValues.length; i += 2) {
                if (!keyValues[i + 1].equals(r.get(keyValues[i]))) {
                    return false;
                }
            }
            return true;
        }).toList();
        assertThat(found).as("rows with %s", List.of(keyValues)).hasSize(1);
        return found.get(0);
    }

    static double num(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    /** Copies a fixture folder so that a test may damage it. */
    static Path copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The canonical headers of DESIGN §2 as this importer writes them. */
    static final String POWER_HEADER = "timestamp,host,watts,energy_wh,psu,source";
    static final String UTILIZATION_HEADER = "timestamp,host,app,instance,cpu_cores,mem_gb,disk_mbps,net_mbps";
    static final String HOSTS_HEADER = "host,model,sockets,cores,mem_gb";
}
