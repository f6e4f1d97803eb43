package io.greenpack.cli;

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
