package io.greenpack.util;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A hidden folder {@code <parent>/.<name>.partial/} that is written in full and then renamed to
 * its final name in one step, or removed. While it exists, {@code <parent>/.<name>.partial.lock}
 * is locked by the process writing it; the operating system releases that lock when the process
 * ends, however it ends (SIGKILL, a power cut), so {@link #sweep} can tell the leftover of a
 * killed run from a folder another run is still writing. An interrupt (Ctrl-C, SIGTERM, SIGHUP)
 * removes the folder through {@link Interrupts}.
 */
public final class StagingDir implements AutoCloseable, Interrupts.Cleanup {
    public static final String SUFFIX = ".partial";
    private static final String LOCK = ".lock";
    /** Files still being created by a writer while an interrupt removes the folder: retry this long. */
    private static final int DELETE_ATTEMPTS = 100;
    private static volatile Path lastAbandonedFile;

    private final Path dir;
    private final Path lockFile;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private boolean done;

    private StagingDir(Path dir, Path lockFile, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockFile = lockFile;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * The channel's exclusive lock, or null, with the channel closed, when another process (or
     * this JVM, which tryLock reports by throwing) already holds it.
     */
    private static FileLock lockOrClose(FileChannel ch) throws IOException {
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
        }
        return lock;
    }

    /**
     * Creates {@code parent/.name.partial/}; a {@link FileAlreadyExistsException} when another
     * live process writes a folder of that name (or one is left that {@link #sweep} did not remove).
     */
    public static StagingDir create(Path parent, String name) throws IOException {
        Path dir = parent.resolve("." + name + SUFFIX);
        Path lockFile = parent.resolve("." + name + SUFFIX + LOCK);
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockOrClose(ch);
        if (lock == null) {
            throw new FileAlreadyExistsException(dir.toString());
        }
        try {
            Files.createDirectory(dir);
        } catch (IOException e) {
            release(lockFile, ch, lock);
            throw e;
        }
        StagingDir s = new StagingDir(dir, lockFile, ch, lock);
        Interrupts.register(s);
        return s;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Renames the folder to {@code target} in one step, its files and folders first given the
     * permissions the user's umask gives new ones (Spark and temporary files come with their own).
     * With {@code replace}, an existing {@code target} is moved aside first and removed after.
     */
    public synchronized void commitTo(Path target, boolean replace) throws IOException {
        if (done) {
            throw new IllegalStateException(dir + " was already " + (Files.exists(dir) ? "committed" : "removed"));
        }
        applyUmask(dir);
        Path aside = null;
        if (replace && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            aside = target.resolveSibling("." + target.getFileName() + ".old-" + ProcessHandle.current().pid() + SUFFIX);
            move(target, aside);
        }
        try {
            move(dir, target);
        } catch (IOException e) {
            if (aside != null) {
                move(aside, target);
            }
            throw e;
        }
        done = true;
        Interrupts.unregister(this);
        release(lockFile, lockChannel, lock);
        if (aside != null) {
            deleteTree(aside);
        }
    }

    /** Removes the folder unless it was committed; returns it, or null when there was nothing to remove. */
    @Override
    public synchronized Path abandon() throws IOException {
        if (done) {
            return null;
        }
        done = true;
        Interrupts.unregister(this);
        lastAbandonedFile = newestFile(dir);
        try {
            removeAndBlock(Interrupts.shuttingDown());
        } finally {
            release(lockFile, lockChannel, lock);
        }
        return dir;
    }

    /**
     * Deletes the folder. When the JVM is shutting down, the command's thread may still be
     * writing (it stops only when the JVM halts) and would create the folder again
     * (createDirectories, Spark's writers): an empty file is left in its place, so that every
     * such write fails, until {@link #afterCommand}.
     */
    private void removeAndBlock(boolean block) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                deleteTree(dir);
                if (block) {
                    Files.createFile(dir);
                }
                return;
            } catch (DirectoryNotEmptyException | FileAlreadyExistsException e) {
                // A writer on another thread created a file (or the folder) after the walk passed it.
                if (attempt == DELETE_ATTEMPTS) {
                    throw new IOException("cannot remove " + dir + ": files keep appearing in it", e);
                }
                sleep();
            }
        }
    }

    /** Removes the empty file {@link #abandon} left in the folder's place during a shutdown. */
    @Override
    public void afterCommand() throws IOException {
        deleteTree(dir);
    }

    @Override
    public void close() throws IOException {
        abandon();
    }

    /**
     * The newest file of the last folder removed unfinished (what a run was writing when it failed,
     * a full disk say), or null.
     */
    public static Path lastAbandonedFile() {
        return lastAbandonedFile;
    }

    /**
     * Removes the {@code .…partial} folders in {@code parent} that no live process is writing
     * (leftovers of a killed run) and returns them.
     */
    public static List<Path> sweep(Path parent) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return removed;
        }
        List<Path> candidates;
        try (Stream<Path> s = Files.list(parent)) {
            candidates = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(".") && n.endsWith(SUFFIX) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            }).sorted().toList();
        }
        for (Path dir : candidates) {
            Path lockFile = dir.resolveSibling(dir.getFileName() + LOCK);
            if (!Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(dir);
                removed.add(dir);
                continue;
            }
            FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE);
            FileLock lock = lockOrClose(ch);
            if (lock == null) {
                continue;
            }
            try {
                deleteTree(dir);
                removed.add(dir);
            } finally {
                release(lockFile, ch, lock);
            }
        }
        return removed;
    }

    /** Deletes a folder and everything in it; symbolic links inside are deleted, never followed. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                    if (exc instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw exc;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    if (exc != null && !(exc instanceof NoSuchFileException)) {
                        throw exc;
                    }
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // Removed meanwhile by another cleaner: what was wanted.
        }
    }

    /**
     * Gives every file under {@code root} the permissions a new file gets from the user's umask
     * (and every folder those of a new folder), so one report's files share one mode.
     */
    static void applyUmask(Path root) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(root, PosixFileAttributeView.class);
        if (view == null) {
            return; // not a POSIX file system (Windows): nothing to align
        }
        Path probeFile = root.resolve(".umask-probe-" + ProcessHandle.current().pid());
        Path probeDir = root.resolve(".umask-probe-dir-" + ProcessHandle.current().pid());
        Set<PosixFilePermission> filePerms;
        Set<PosixFilePermission> dirPerms;
        try {
            Files.createFile(probeFile);
            Files.createDirectory(probeDir);
            filePerms = Files.getPosixFilePermissions(probeFile);
            dirPerms = Files.getPosixFilePermissions(probeDir);
        } finally {
            Files.deleteIfExists(probeFile);
            Files.deleteIfExists(probeDir);
        }
        Set<PosixFilePermission> files = EnumSet.copyOf(filePerms.isEmpty() ? Set.of(PosixFilePermission.OWNER_READ) : filePerms);
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Files.setPosixFilePermissions(p, Files.isDirectory(p) ? dirPerms : files);
            }
        }
    }

    private static Path newestFile(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .max((a, b) -> modified(a).compareTo(modified(b))).orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void release(Path lockFile, FileChannel ch, FileLock lock) throws IOException {
        try {
            Files.deleteIfExists(lockFile);
            lock.release();
        } finally {
            ch.close();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
