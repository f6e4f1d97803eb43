package io.greenpack.consolidate;

import io.greenpack.model.TargetModel;
import io.greenpack.savings.MeasuredHost;
import io.greenpack.savings.PlanOption;
import io.greenpack.model.AppDemandVector;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static io.greenpack.consolidate.FleetOptionsTest.app;
import static io.greenpack.consolidate.FleetOptionsTest.host;
import static io.greenpack.consolidate.FleetOptionsTest.measured;
import static io.greenpack.consolidate.FleetOptionsTest.named;
import static io.greenpack.consolidate.FleetOptionsTest.options;
import static io.greenpack.consolidate.FleetOptionsTest.scenario;
import static io.greenpack.consolidate.FleetOptionsTest.target;
import static org.assertj.core.api.Assertions.assertThat;

/** Raising the price of the target models never makes {@code best} buy more hardware. */
class BestMonotonePropertyTest {

    @Property(tries = 25)
    void dearerTargetsNeverMeanMoreNewServers(@ForAll @IntRange(min = 3, max = 5) int hosts,
                                              @ForAll @IntRange(min = 0, max = 10_000) int seed,
                                              @ForAll @DoubleRange(min = 0, max = 4000) double price,
                                              @ForAll @DoubleRange(min = 1.1, max = 5) double factor) {
        Random r = new Random(seed);
        List<io.greenpack.consolidate.ExistingHost> fleet = new ArrayList<>();
        List<MeasuredHost> metered = new ArrayList<>();
        List<AppDemandVector> apps = new ArrayList<>();
        for (int h = 1; h <= hosts; h++) {
            String name = "h" + h;
            double idle = 80 + r.nextInt(300);
            fleet.add(host(name, idle, idle + 150, false, false));
            metered.add(measured(name, idle + 30));
            for (int a = 1; a <= 3; a++) {
                double sized = 0.2 + r.nextDouble() * 2.4;
                apps.add(app(name + "-a" + a, name, sized, sized * 0.5));
            }
        }
        double tariff = 0.1 + r.nextDouble() * 0.4;
        List<TargetModel> cheap = List.of(target("new", 24, 40, 200, price));
        List<TargetModel> dear = List.of(target("new", 24, 40, 200, price * factor + 1));
        int boughtCheap = bought(named(options(apps, fleet, metered, cheap, Set.of(), scenario(tariff)), PlanOption.BEST));
        int boughtDear = bought(named(options(apps, fleet, metered, dear, Set.of(), scenario(tariff)), PlanOption.BEST));
        assertThat(boughtDear).isLessThanOrEqualTo(boughtCheap);
    }

    /** New servers of the option; none when it is no option (every mix costs more than today's fleet, which buys nothing). */
    private static int bought(OptionPlan p) {
        if (!p.planned()) {
            return 0;
        }
        return (int) p.plan().hosts().stream().filter(h -> h.model().equals("new")).count();
    }
}
