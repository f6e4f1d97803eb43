package io.greenpack.savings;

/** The hand-computed fleet of {@link SavingsTest}, for tests of the renderers. */
public final class SmallFleet {
    private SmallFleet() {
    }

    public static io.greenpack.config.Scenario scenario() {
        return SavingsTest.scenario();
    }

    public static SavingsResult result() {
        return Savings.compute(SavingsTest.input());
    }
}
