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
}
