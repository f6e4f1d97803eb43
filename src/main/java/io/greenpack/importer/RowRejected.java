package io.greenpack.importer;

/**
 * A bad row inside a good file (an unreadable number, a deactivated reading, an impossible
 * time): thrown where the row is parsed, caught by the importer's row loop, which writes it to
 * rejects.csv through {@link CanonicalWriter#reject} and goes on with the next row.
 *
 * @param reason short and the same for every row with this fault (rejects are counted by it)
 * @param detail file, line (and column or field) and what was found and expected
 */
final class RowRejected extends RuntimeException {
    private final String reason;

    RowRejected(String reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    String detail() {
        return getMessage();
    }
}
