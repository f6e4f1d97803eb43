package io.greenpack.report;

import io.greenpack.util.UserError;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
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
 * A JVM killed with SIGKILL cannot clean up: its {@code .…partial} folder stays behind, hidden,
 * and never under a final name.
 */
public final class RunFolder implements AutoCloseable {
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path partial;
    private final Path target;
    private boolean committed;
    private boolean closed;

    private RunFolder(Path partial, Path target) {
        this.partial = partial;
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
            throw new UserError("cannot create the output folder " + out + ": " + e.getMessage(), e);
        }
        Path target = out.resolve(runId);
        if (Files.exists(target)) {
            throw new UserError("the run folder " + target + " already exists; it is left as it is. "
                    + "Run ids are the UTC second plus a hash of inputs and scenario: wait a second or choose another --out");
        }
        Path partial = out.resolve("." + runId + ".partial");
        try {
            Files.createDirectory(partial);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new UserError("the temporary folder " + partial + " exists: another run with the same id is "
                    + "still going, or one was killed; delete it if no greenpack is running", e);
        }
        return new RunFolder(partial, target);
    }

    /** The folder to write into (the temporary one until {@link #commit()}). */
    public Path dir() {
        return committed ? target : partial;
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
        if (closed || committed) {
            throw new IllegalStateException("run folder already " + (committed ? "committed" : "closed"));
        }
        if (Files.exists(target)) {
            // rename(2) would silently replace an empty directory; never replace anything.
            throw new UserError("the run folder " + target + " appeared while this run was writing; "
                    + "this run's output is discarded");
        }
        moveAtomically(partial, target, false);
        committed = true;
        return target;
    }

    /** Deletes the temporary folder unless the run was committed. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!committed) {
            try {
                deleteTree(partial);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the unfinished run folder " + partial, e);
            }
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
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
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
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        // walkFileTree does not follow symlinks: a link inside the folder is deleted, not its target.
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null && !(exc instanceof NoSuchFileException)) {
                    throw exc;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
