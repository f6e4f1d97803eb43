package io.greenpack.optimize;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Items that peak at different hours share capacity when hourly vectors are given. */
class TimeOfDayTest {

    /** 70 % of a bin in the 4 hours around the peak hour, 10 % otherwise, in both dimensions. */
    static double[][] profile(int peakHour) {
        double[][] v = new double[24][2];
        for (int h = 0; h < 24; h++) {
            int dist = Math.min(Math.abs(h - peakHour), 24 - Math.abs(h - peakHour));
            double u = dist <= 2 ? 0.7 : 0.1;
            v[h][0] = u * 16;   // cores of a 16-core bin
            v[h][1] = u * 64;   // GB of a 64-GB bin
        }
        return v;
    }

    static PackingProblem problem(boolean hourly) {
        Item day = Item.of("day", 0, 0).withHourly(profile(14));
        Item night = Item.of("night", 0, 0).withHourly(profile(2));
        if (!hourly) {
            // Without profiles only the peak vector is known.
            day = Item.of("day", day.demand());
            night = Item.of("night", night.demand());
        }
        return PackingProblem.of(Instances.CPU_MEM, List.of(day, night), List.of(BinType.of("host", 16, 64)));
    }

    @Test
    void itemsPeakingTwelveHoursApartShareOneBinWithHourlyVectors() {
        PackingProblem p = problem(true);
        Plan plan = PackingSolver.solve(p, Instances.quick(1));
        assertThat(PlanChecker.violations(p, plan)).isEmpty();
        assertThat(plan.binsUsed()).isEqualTo(1);
        assertThat(plan.bins().get(0).cpuFill()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void withoutHourlyVectorsTheyNeedTwoBins() {
        PackingProblem p = problem(false);
        Plan plan = PackingSolver.solve(p, Instances.quick(1));
        assertThat(PlanChecker.violations(p, plan)).isEmpty();
        assertThat(plan.binsUsed()).isEqualTo(2);
        assertThat(plan.lowerBound()).isEqualTo(2);
    }
}
