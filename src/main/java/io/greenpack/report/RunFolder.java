package io.greenpack.report;

import io.greenpack.util.StagingDir;
import io.greenpack.util.UserError;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The output folder of one run, written atomically: everything goes into a hidden
 * {@code <outDir>/.<runId>.partial/} and {@link #commit()} renames it to {@code <outDir>/<runId>/}
 * in one step. A run that fails (or never commits) is cleaned up by {@link #close()}, so a reader
 * never sees a half report under a final name, and an earlier run folder is never touched.
 *
 * <pre>{@code
 * try (RunFolder run = RunFolder.begin(out, RunFolder.runId(now, inputs, scenario))) {
 *     write files under run.dir() ...
 *     Path done = run.commit();
 * }
 * }</pre>
 *
 * An interrupted run (SIGINT, SIGTERM, SIGHUP) removes its temporary folder on the way out. A JVM
 * killed with SIGKILL cannot: its {@code .…partial} folder stays behind, hidden, never under a
 * final name, and {@link #preflight} of the next run into the same folder removes it.
 */
public final class RunFolder implements AutoCloseable {
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    /** Pseudo file systems: writing a report there fails late or does something else entirely. */
    private static final List<Path> NOT_FOR_OUTPUT = List.of(Path.of("/proc"), Path.of("/sys"), Path.of("/dev"));

    private final StagingDir staging;
    private final Path target;
    private boolean committed;

    private RunFolder(StagingDir staging, Path target) {
        this.staging = staging;
        this.target = target;
    }

    /**
     * Creates {@code <outDir>/.<runId>.partial/}. Fails with a {@link UserError} when the final
     * folder or the temporary one already exists (the same inputs reported in the same second,
     * or a run with the same id still going).
     */
    public static RunFolder begin(Path outDir, String runId) throws IOException {
        Objects.requireNonNull(outDir, "outDir");
        if (!RUN_ID.matcher(runId).matches() || runId.contains("..")) {
            throw new IllegalArgumentException("run id must be letters, digits, '.', '_' or '-', got \"" + runId + "\"");
        }
        Path out = outDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UserError("cannot create the output folder " + out + ": " + reason(e), e);
        }
        Path target = out.resolve(runId);
        if (Files.exists(target)) {
            throw new UserError("the run folder " + target + " already exists; it is left as it is. "
                    + "Run ids are the UTC second plus a hash of inputs and scenario: wait a second or choose another --out");
        }
        try {
            return new RunFolder(StagingDir.create(out, runId), target);
        } catch (FileAlreadyExistsException e) {
            throw new UserError("the temporary folder " + e.getFile() + " exists: another run with the same id is "
                    + "still going; wait for it or choose another --out", e);
        } catch (IOException e) {
            throw new UserError("cannot write into the output folder " + out + ": " + reason(e), e);
        }
    }

    /**
     * Checks, before any work starts, that a run folder can be written in {@code outDir}: not on
     * a pseudo file system, a folder (created if missing), writable. Then removes what killed runs
     * left there ({@code .…partial} folders no live process holds) and returns those folders.
     */
    public static List<Path> preflight(Path outDir) {
        Path out = outDir.toAbsolutePath().normalize();
        Path real = realPathOfNearestAncestor(out);
        for (Path forbidden : NOT_FOR_OUTPUT) {
            if (real.startsWith(forbidden)) {
                throw new UserError("output folder " + out + ": lies under " + forbidden + ", a pseudo file system of "
                        + "the kernel, not storage; expected a folder on a disk (--out DIR)");
            }
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError("output folder " + out + ": is an existing file, not a folder; expected a folder "
                    + "(or a path that does not exist yet) for --out");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UserError("output folder " + out + ": cannot be created: " + reason(e)
                    + "; expected a writable folder for --out", e);
        }
        Path probe = out.resolve(".greenpack-write-check-" + ProcessHandle.current().pid());
        try {
            Files.deleteIfExists(probe);
            Files.createFile(probe);
            Files.delete(probe);
        } catch (IOException e) {
            throw new UserError("output folder " + out + ": cannot be written: " + reason(e)
                    + "; expected a writable folder for --out", e);
        }
        try {
            return StagingDir.sweep(out);
        } catch (IOException e) {
            throw new UserError("output folder " + out + ": cannot remove the leftovers of an interrupted run: "
                    + reason(e), e);
        }
    }

    private static String reason(IOException e) {
        return UserError.reason(e);
    }

    private static Path realPathOfNearestAncestor(Path p) {
        for (Path a = p; a != null; a = a.getParent()) {
            try {
                return a.toRealPath().resolve(a.relativize(p));
            } catch (IOException e) {
                // does not exist (yet): try its parent
            }
        }
        return p;
    }

    /** The folder to write into (the temporary one until {@link #commit()}). */
    public Path dir() {
        return committed ? target : staging.dir();
    }

    /** {@code dir()/relative}, refusing paths that would leave the folder. */
    public Path resolve(String relative) {
        Path p = dir().resolve(relative).normalize();
        if (!p.startsWith(dir()) || p.equals(dir())) {
            throw new IllegalArgumentException("not a path inside the run folder: " + relative);
        }
        return p;
    }

    /** The final folder (exists only after {@link #commit()}). */
    public Path finalDir() {
        return target;
    }

    public boolean committed() {
        return committed;
    }

    /** Renames the temporary folder to its final name in one step; returns the final folder. */
    public Path commit() throws IOException {
        return commit(null);
    }

    /**
     * Like {@link #commit()}, and then replaces {@code notebookResults} (when not null) by a copy
     * of this run's {@code tables/} in one step. The copy is made before the run folder is
     * committed, so a full disk or an interrupt leaves both the earlier reports and the earlier
     * notebook tables as they were; what remains is two renames.
     */
    public Path commit(Path notebookResults) throws IOException {
        if (committed) {
            throw new IllegalStateException("run folder already committed");
        }
        if (Files.exists(target)) {
            // rename(2) would silently replace an empty directory; never replace anything.
            throw new UserError("the run folder " + target + " appeared while this run was writing; "
                    + "this run's output is discarded");
        }
        StagingDir results = notebookResults == null ? null : stageResults(notebookResults);
        try {
            staging.commitTo(target, false);
            committed = true;
            if (results != null) {
                results.commitTo(notebookResults, true);
            }
        } finally {
            if (results != null) {
                results.close();
            }
        }
        return target;
    }

    /** A copy of {@code tables/} (and the results folder's README, which documents it) beside {@code results}. */
    private StagingDir stageResults(Path results) throws IOException {
        Path parent = results.toAbsolutePath().normalize().getParent();
        Files.createDirectories(parent);
        StagingDir.sweep(parent);
        StagingDir s = StagingDir.create(parent, results.getFileName() + "-" + target.getFileName());
        try {
            Path tables = staging.dir().resolve("tables");
            if (Files.isDirectory(tables)) {
                try (java.util.stream.Stream<Path> files = Files.list(tables)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        Files.copy(f, s.dir().resolve(f.getFileName()));
                    }
                }
            }
            Path readme = results.resolve("README.md");
            if (Files.isRegularFile(readme)) {
                Files.copy(readme, s.dir().resolve("README.md"));
            }
            Files.writeString(s.dir().resolve("RUN"), target.getFileName() + "\n", StandardCharsets.UTF_8);
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Deletes the temporary folder unless the run was committed. */
    @Override
    public void close() {
        try {
            staging.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the unfinished run folder " + staging.dir(), e);
        }
    }

    /**
     * {@code yyyyMMdd-HHmmss} (UTC) + "-" + the first 7 hex digits of a SHA-256 over the given
     * parts (digests or bytes of inputs and scenario). Each part is length-prefixed, so that
     * {@code ("ab","c")} and {@code ("a","bc")} give different ids.
     */
    public static String runId(Instant now, byte[]... inputsDigest) {
        MessageDigest sha = sha256();
        for (byte[] part : inputsDigest) {
            sha.update(ByteBuffer.allocate(8).putLong(part.length).array());
            sha.update(part);
        }
        return ID_TIME.format(now) + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 7);
    }

    /** Writes a single file atomically: a temporary file next to it, synced, then renamed over it. */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: its files are 0600 whatever the umask, unlike every other output.
        Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
                 OutputStream os = java.nio.channels.Channels.newOutputStream(ch)) {
                os.write(content);
                os.flush();
                ch.force(true); // on disk before the rename makes it visible
            }
            moveAtomically(tmp, target, true);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void writeStringAtomically(Path target, String content) throws IOException {
        writeAtomically(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /** ATOMIC_MOVE, or a plain move where the file system cannot do it atomically. */
    private static void moveAtomically(Path from, Path to, boolean replace) throws IOException {
        try {
            if (replace) {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (AtomicMoveNotSupportedException e) {
            if (replace) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(from, to);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        StagingDir.deleteTree(root);
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
