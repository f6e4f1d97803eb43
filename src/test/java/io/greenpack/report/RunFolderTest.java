package io.greenpack.report;

import io.greenpack.util.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunFolderTest {
    static final String ID = "20240601-120000-abc1234";

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesGoToAHiddenFolderUntilCommitRenamesIt(@TempDir Path out) throws Exception {
        try (RunFolder run = RunFolder.begin(out, ID)) {
            Files.writeString(run.resolve("index.html"), "<p>hi</p>");
            Files.createDirectories(run.resolve("charts"));
            Files.writeString(run.resolve("charts/a.svg"), "<svg/>");

            // The lock file tells the next run that this folder is still being written.
            assertThat(names(out)).containsExactly("." + ID + ".partial", "." + ID + ".partial.lock");
            assertThat(out.resolve(ID)).doesNotExist();

            Path done = run.commit();

            assertThat(done).isEqualTo(out.toAbsolutePath().resolve(ID));
            assertThat(names(out)).containsExactly(ID);
            assertThat(done.resolve("index.html")).hasContent("<p>hi</p>");
            assertThat(done.resolve("charts/a.svg")).exists();
            assertThat(run.dir()).isEqualTo(done);
        }
        assertThat(names(out)).containsExactly(ID); // close() after commit keeps the run
    }

    @Test
    void aFailureBeforeCommitLeavesNeitherFinalNorPartialFolder(@TempDir Path out) throws Exception {
        assertThatThrownBy(() -> {
            try (RunFolder run = RunFolder.begin(out, ID)) {
                Files.createDirectories(run.resolve("charts"));
                Files.writeString(run.resolve("charts/half.png"), "half");
                throw new IllegalStateException("stage failed");
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("stage failed");

        assertThat(names(out)).isEmpty();
    }

    @Test
    void anEarlierRunFolderIsNeverTouched(@TempDir Path out) throws Exception {
        Path previous = out.resolve("20240501-120000-0000000");
        Files.createDirectories(previous);
        Files.writeString(previous.resolve("index.html"), "old good report");

        try (RunFolder run = RunFolder.begin(out, ID)) {
            Files.writeString(run.resolve("index.html"), "half");
            // no commit: the run fails
        }
        assertThat(names(out)).containsExactly(previous.getFileName().toString());
        assertThat(previous.resolve("index.html")).hasContent("old good report");
    }

    @Test
    void aRunWithTheIdOfAnExistingFolderIsRefusedAndTheFolderKept(@TempDir Path out) throws Exception {
        Files.createDirectories(out.resolve(ID));
        Files.writeString(out.resolve(ID).resolve("index.html"), "existing");

        assertThatThrownBy(() -> RunFolder.begin(out, ID)).isInstanceOf(UserError.class)
                .hasMessageContaining("already exists");
        assertThat(out.resolve(ID).resolve("index.html")).hasContent("existing");
        assertThat(names(out)).containsExactly(ID);
    }

    @Test
    void commitRefusesToReplaceAFolderThatAppearedMeanwhile(@TempDir Path out) throws Exception {
        try (RunFolder run = RunFolder.begin(out, ID)) {
            Files.writeString(run.resolve("index.html"), "new");
            Files.createDirectories(out.resolve(ID)); // an empty dir: rename(2) would replace it
            assertThatThrownBy(run::commit).isInstanceOf(UserError.class);
        }
        assertThat(names(out)).containsExactly(ID);
        assertThat(names(out.resolve(ID))).isEmpty();
    }

    @Test
    void pathsCannotLeaveTheRunFolder(@TempDir Path out) throws Exception {
        try (RunFolder run = RunFolder.begin(out, ID)) {
            assertThatThrownBy(() -> run.resolve("../escape.txt")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> RunFolder.begin(out, "../x")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void runIdIsUtcSecondPlusSevenHexOfTheInputs() {
        Instant now = Instant.parse("2024-06-01T12:34:56.789Z");
        String id = RunFolder.runId(now, bytes("inputs"), bytes("scenario: base"));

        assertThat(id).matches("20240601-123456-[0-9a-f]{7}");
        assertThat(RunFolder.runId(now, bytes("inputs"), bytes("scenario: base"))).isEqualTo(id);
        assertThat(RunFolder.runId(now, bytes("inputs"), bytes("scenario: other"))).isNotEqualTo(id);
        // parts are length-prefixed: moving a byte between parts changes the id
        assertThat(RunFolder.runId(now, bytes("ab"), bytes("c"))).isNotEqualTo(RunFolder.runId(now, bytes("a"), bytes("bc")));
    }

    @Test
    void writeAtomicallyReplacesTheFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("summary.md");
        RunFolder.writeStringAtomically(target, "first");
        RunFolder.writeStringAtomically(target, "second");

        assertThat(target).hasContent("second");
        assertThat(names(dir)).containsExactly("summary.md");
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void preflightRemovesTheLeftoverOfAKilledRunButNotAFolderAnotherRunIsWriting(@TempDir Path out) throws Exception {
        // A killed run: its folder is there, the lock file too, but nobody holds the lock.
        Path dead = Files.createDirectories(out.resolve(".20240101-000000-dead000.partial/tables"));
        Files.writeString(dead.resolve("plan.csv"), "half");
        Files.writeString(out.resolve(".20240101-000000-dead000.partial.lock"), "");
        Path older = Files.createDirectories(out.resolve(".20230101-000000-0ld0000.partial")); // no lock file at all
        try (RunFolder live = RunFolder.begin(out, ID)) {
            List<Path> removed = RunFolder.preflight(out);
            assertThat(removed).containsExactlyInAnyOrder(dead.getParent(), older);
            assertThat(names(out)).containsExactly("." + ID + ".partial", "." + ID + ".partial.lock");
        }
        assertThat(names(out)).isEmpty();
    }

    @Test
    void preflightNamesTheReasonAnOutputFolderCannotBeUsed(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertThatThrownBy(() -> RunFolder.preflight(file)).isInstanceOf(UserError.class)
                .hasMessageContaining(file + ": is an existing file, not a folder");
        assertThatThrownBy(() -> RunFolder.preflight(Path.of("/proc/self/greenpack-out"))).isInstanceOf(UserError.class)
                .hasMessageContaining("lies under /proc, a pseudo file system");
        assertThatThrownBy(() -> RunFolder.preflight(file.resolve("sub"))).isInstanceOf(UserError.class)
                .hasMessageContaining("cannot be created: not a directory");
    }

    @Test
    void everyFileOfACommittedRunHasTheModeTheUmaskGivesNewFiles(@TempDir Path out) throws Exception {
        Path probe = Files.createFile(out.resolve("probe"));
        var fileMode = Files.getPosixFilePermissions(probe);
        Files.delete(probe);
        Path done;
        try (RunFolder run = RunFolder.begin(out, ID)) {
            RunFolder.writeStringAtomically(run.resolve("manifest.json"), "{}");
            Files.createDirectories(run.resolve("tables"));
            Path csv = Files.writeString(run.resolve("tables/plan.csv"), "a\n");
            Files.setPosixFilePermissions(csv, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
            done = run.commit();
        }
        assertThat(Files.getPosixFilePermissions(done.resolve("manifest.json"))).isEqualTo(fileMode);
        assertThat(Files.getPosixFilePermissions(done.resolve("tables/plan.csv"))).isEqualTo(fileMode);
    }

    @Test
    void commitReplacesTheNotebookResultsFolderAsAWhole(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Path results = Files.createDirectories(tmp.resolve("results"));
        Files.writeString(results.resolve("README.md"), "about these tables\n");
        Files.writeString(results.resolve("stale_table.csv"), "from an older run\n");
        Path done;
        try (RunFolder run = RunFolder.begin(out, ID)) {
            Files.createDirectories(run.resolve("tables"));
            Files.writeString(run.resolve("tables/plan.csv"), "a\n1\n");
            done = run.commit(results);
        }
        assertThat(names(results)).containsExactly("README.md", "RUN", "plan.csv");
        assertThat(Files.readString(results.resolve("RUN"))).isEqualTo(ID + "\n");
        assertThat(Files.readString(results.resolve("plan.csv"))).isEqualTo(Files.readString(done.resolve("tables/plan.csv")));
        assertThat(names(tmp)).containsExactly("out", "results");
    }

    @Test
    void aFailedRunLeavesTheNotebookResultsAsTheyWere(@TempDir Path tmp) throws Exception {
        Path results = Files.createDirectories(tmp.resolve("results"));
        Files.writeString(results.resolve("plan.csv"), "older\n");
        try (RunFolder run = RunFolder.begin(tmp.resolve("out"), ID)) {
            Files.createDirectories(run.resolve("tables"));
            Files.writeString(run.resolve("tables/plan.csv"), "newer\n");
            // the run fails before commit
        }
        assertThat(names(results)).containsExactly("plan.csv");
        assertThat(Files.readString(results.resolve("plan.csv"))).isEqualTo("older\n");
    }
}
