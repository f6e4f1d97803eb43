package io.greenpack.cli;

import io.greenpack.util.StagingDir;
import io.greenpack.util.UserError;

import java.io.EOFException;
import java.util.zip.ZipException;

/** Finds the user's mistake inside whatever a library wrapped it in (Spark wraps a lot). */
final class Failures {
    private Failures() {
    }

    static UserError userErrorIn(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UserError u) {
                return u;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    /**
     * A full disk (ENOSPC) anywhere in the chain, as a user error that names the file being
     * written (from the exception, else the newest file of the unfinished folder just removed).
     */
    static UserError noSpaceLeft(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String msg = c.getMessage();
            // Spark and Hadoop wrap it (FSError, SparkException) and keep the system's words in the message.
            if (msg != null && msg.contains("No space left on device")) {
                String file = c instanceof java.nio.file.FileSystemException fse && fse.getFile() != null
                        ? fse.getFile() : StagingDir.lastAbandonedFile() == null ? null : StagingDir.lastAbandonedFile().toString();
                return new UserError((file == null ? "" : file + ": ") + "no space left on device while writing"
                        + (file == null ? " the output" : " this file")
                        + "; the unfinished run folder was removed and earlier reports and notebooks-data/results/ "
                        + "are unchanged. Free some space or choose another --out", c);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    /**
     * An out-of-memory failure anywhere in the chain (Spark reports a task's as a SparkException
     * whose cause, or only whose message, is the OutOfMemoryError); its description, or null.
     */
    static String outOfMemoryIn(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return c.getMessage() == null ? "Java heap" : c.getMessage();
            }
            String msg = c.getMessage();
            if (msg != null && msg.contains("java.lang.OutOfMemoryError")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("java\\.lang\\.OutOfMemoryError:? ?([^\\n]*)").matcher(msg);
                return m.find() && !m.group(1).isBlank() ? m.group(1).strip() : "Java heap";
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        return root.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }

    /** True when the failure is a damaged compressed stream (a truncated .gz, say). */
    static boolean isCorruptCompression(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof EOFException || c instanceof ZipException) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }
}
