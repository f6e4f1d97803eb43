package io.greenpack.util;

/**
 * A problem the user can fix: bad input, bad usage, an impossible request. The CLI prints the
 * message alone (no stack trace unless --verbose) and exits with code 2. Messages name the file,
 * line or column, what was found and what was expected.
 */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }

    /** Why an I/O operation failed, in words ("permission denied", "read-only file system"), without repeating the path. */
    public static String reason(java.io.IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name exists";
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
