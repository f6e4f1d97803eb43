package io.greenpack.ingest.read;

import io.greenpack.ingest.files.InputFile;
import io.greenpack.util.UserError;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipException;

/** Tells a damaged input file apart from a program failure, and names the file. */
public final class Damage {
    private Damage() {
    }

    public static boolean isCorruptCompression(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof EOFException || c instanceof ZipException) {
                return true;
            }
            String m = c.getMessage();
            if (m != null && (m.contains("Unexpected end of input stream") || m.contains("invalid stored block")
                    || m.contains("Not in GZIP format") || m.contains("incorrect header check"))) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    /** Rethrows any exception unchanged, checked or not. */
    @SuppressWarnings("unchecked")
    public static <T extends Exception> T rethrow(Exception e) throws T {
        throw (T) e;
    }

    /** A read failure Spark reports with the file's path in its message. */
    public static RuntimeException unreadable(Exception e) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("reading file (\\S+?)\\.?\\s").matcher(String.valueOf(e.getMessage()));
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return m.find()
                ? new UserError(m.group(1) + ": cannot be read to the end (" + root.getMessage() + "); expected a complete file", e)
                : new RuntimeException(e);
    }

    /** An I/O failure while reading a text input, as the user sees it: a damaged gzip, or an unreadable file. */
    public static UserError readFailure(InputFile file, IOException e) {
        if (e instanceof EOFException || e instanceof ZipException) {
            return new UserError(file.path() + ": the compressed file is damaged or truncated (" + e.getMessage()
                    + "); expected a complete gzip file", e);
        }
        return new UserError(file.path() + ": cannot read the file: " + e.getMessage(), e);
    }

    /** Decompresses each .gz input to the end; the first one that fails is the culprit. */
    public static Optional<UserError> findDamagedGzip(List<InputFile> files) {
        byte[] buf = new byte[1 << 16];
        for (InputFile f : files) {
            if (!f.name().toLowerCase(Locale.ROOT).endsWith(".gz")) {
                continue;
            }
            long bytes = 0;
            try (InputStream in = TextHeader.open(f)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    bytes += n;
                }
            } catch (IOException e) {
                return Optional.of(new UserError(f.path() + ": the compressed file is damaged or truncated after "
                        + bytes + " bytes of data (" + e.getMessage() + "); expected a complete gzip file. "
                        + "Copy or export it again.", e));
            }
        }
        return Optional.empty();
    }
}
