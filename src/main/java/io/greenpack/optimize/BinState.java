package io.greenpack.optimize;

import java.util.ArrayList;
import java.util.List;

/** A bin while the solver works on it: type, items, load per dimension and hour, cached objective. */
final class BinState {
    int type;
    final double[] load;
    final List<Integer> items = new ArrayList<>();
    int dedicatedCount;
    double objective;
    /** Iteration in which this bin was last saved for undo (−1 never). */
    long savedAt = -1;
    // Undo copy, valid when savedAt == current iteration.
    int savedType;
    double[] savedLoad;
    List<Integer> savedItems;
    int savedDedicated;
    double savedObjective;

    BinState(int type, int k) {
        this.type = type;
        this.load = new double[k];
    }

    /** Mean fill over dimensions and hours, a fraction of usable capacity (the search's tie-breaker). */
    double fill(CompiledProblem c) {
        double s = 0;
        double[] cap = c.capacity[type];
        for (int x = 0; x < c.k; x++) {
            s += cap[x] > 0 ? load[x] / cap[x] : 0;
        }
        return s / c.k;
    }

    void save(long iteration) {
        if (savedAt == iteration) {
            return;
        }
        savedAt = iteration;
        savedType = type;
        savedLoad = load.clone();
        savedItems = new ArrayList<>(items);
        savedDedicated = dedicatedCount;
        savedObjective = objective;
    }

    void restore() {
        type = savedType;
        System.arraycopy(savedLoad, 0, load, 0, load.length);
        items.clear();
        items.addAll(savedItems);
        dedicatedCount = savedDedicated;
        objective = savedObjective;
    }
}
