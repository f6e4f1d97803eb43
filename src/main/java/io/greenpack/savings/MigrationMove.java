package io.greenpack.savings;

/**
 * One live migration of the plan, in the order to run them.
 *
 * @param step              1-based position in the plan
 * @param seconds           estimated duration of this move ({@link Savings#migrationSeconds})
 * @param cumulativeSeconds duration of all moves up to and including this one, run one after another
 * @param freesHost         the source host that is empty after this move (can be switched off), or null
 */
public record MigrationMove(int step, String app, String fromHost, String toHost, double memGb, double seconds,
                            double cumulativeSeconds, String freesHost) implements java.io.Serializable {
}
