package io.greenpack.optimize;

import io.greenpack.util.UserError;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Solves a {@link PackingProblem}: a vector-aware constructive start followed by ruin-and-recreate
 * local search under an iteration budget and a time limit.
 *
 * <p><b>Construction.</b> Several greedy orders are built and the best complete one kept: best fit
 * by the L2 norm of the normalised residual capacity (items by decreasing normalised size; this is
 * the rule that puts a memory-heavy item where CPU-heavy ones left memory free), first fit by the
 * same order, plain first-fit decreasing by the first dimension, and first-fit decreasing onto the
 * bin types in their listed order. Keeping the best of these means the start is never worse than
 * FFD. When no open bin fits, a new bin is opened of the allowed, still available type with the
 * lowest objective per unit of capacity; with bin costs, a first best-fit pass values capacity at
 * the dual prices of the cost bound's covering LP instead ({@link LowerBounds#costBound}), so a
 * dimension that is scarce over the available supply decides which bins are cheap. Items that fit
 * no open bin and no available type are placed by an ejection repair (they push out the lightest
 * set of items of some bin, which go back in the queue). One order failing does not end the solve;
 * only when every order fails does a {@link UserError} name the item and the dimension that is
 * short. Afterwards each bin is switched to the type that serves its load at the lowest objective
 * ("right-sizing", within availability).
 *
 * <p><b>Search.</b> Each iteration ruins part of the plan and recreates it by best fit (over the bins
 * the move touched and a window of {@value #SEARCH_WINDOW} bins, so a move stays cheap with thousands
 * of bins): either it empties one of the emptiest bins (bin elimination) plus a few items of other bins, or it removes
 * random items from a handful of bins (which lets CPU-heavy and memory-heavy items swap partners),
 * or it re-types one bin. A move is kept when the objective does not get worse; among equal
 * objectives, when the sum of squared bin fills (which rises as load concentrates and a bin nears
 * empty) does not drop by more than a threshold that shrinks to zero over the iteration budget.
 *
 * <p><b>Determinism.</b> All randomness comes from one {@link SplittableRandom} seeded by
 * {@link SolverSettings#seed()}; ties are broken by item id and bin creation order; the clock is
 * read only every {@value #CLOCK_CHECK_EVERY} iterations, and between constructions: once one is
 * complete, no further one starts after 30 % of the time limit (a cut by the clock, like the time
 * limit itself). See {@link SolverSettings}.
 */
public final class PackingSolver {
    public static final int CLOCK_CHECK_EVERY = 64;
    private static final double ACCEPT_THRESHOLD_START = 0.05;
    /** Repair budget: ejection steps per item before a construction is given up. */
    private static final int REPAIR_STEPS_PER_ITEM = 20;
    /** Bins a search move's best fit looks at besides the ones it touched. */
    static final int SEARCH_WINDOW = 128;
    /**
     * Share of the time limit after which no further construction is tried once one is complete:
     * on large instances on a busy machine, four greedy passes could use all of the time.
     */
    private static final double CONSTRUCTION_TIME_SHARE = 0.3;

    private final SolverSettings settings;

    public PackingSolver(SolverSettings settings) {
        this.settings = settings;
    }

    public PackingSolver() {
        this(SolverSettings.defaults());
    }

    /** Solves with the default settings. */
    public static Plan solve(PackingProblem problem, SolverSettings settings) {
        return new PackingSolver(settings).solve(problem);
    }

    public Plan solve(PackingProblem problem) {
        long start = System.nanoTime();
        CompiledProblem c = new CompiledProblem(problem);
        LowerBounds.Bounds bounds = LowerBounds.of(c);
        if (problem.objective().kind() == Objective.Kind.BIN_COST && !c.uniformCost) {
            double[] prices = new double[c.k + 1];
            LowerBounds.costBound(c, bounds.best(), prices);
            c.rateByPrices(Arrays.copyOf(prices, c.k), prices[c.k]);
        }
        Search best = null;
        Search firstFailure = null;
        // One greedy order that fails must not end the solve: every strategy is tried and the
        // cheapest complete plan kept; the solve gives up only when none completes.
        long constructionDeadline = start + (long) (settings.timeLimitSeconds() * CONSTRUCTION_TIME_SHARE * 1e9);
        for (Strategy s : Strategy.values()) {
            if (best != null && System.nanoTime() > constructionDeadline) {
                break;
            }
            if (s.priced && c.priceRate == null) {
                continue; // no prices: the same as BEST_FIT_NORM
            }
            Search candidate = new Search(c, settings.seed());
            candidate.repairDeadline = start + (long) (settings.timeLimitSeconds() * 1e9);
            if (!candidate.construct(s)) {
                firstFailure = firstFailure == null ? candidate : firstFailure;
                continue;
            }
            candidate.rightSize();
            if (best == null || candidate.total < best.total - tolerance(best.total)
                    || (Math.abs(candidate.total - best.total) <= tolerance(best.total)
                    && candidate.bins.size() < best.bins.size())) {
                best = candidate;
            }
        }
        if (best == null) {
            throw firstFailure.cannotPlace();
        }
        best.rate = c.priceRate != null ? c.priceRate : c.typeRate;
        String stoppedBy = best.improve(settings, bounds.best(), start);
        return best.toPlan(bounds, (System.nanoTime() - start) / 1e9, stoppedBy, settings.seed());
    }

    /**
     * The textbook baseline: first-fit decreasing by the first dimension, no search. New bins are
     * opened with the same type rule as the solver. Used by the benchmark for comparison.
     */
    public static Plan firstFitDecreasing(PackingProblem problem) {
        return greedy(problem, Strategy.FIRST_FIT_FIRST_DIMENSION);
    }

    /**
     * First-fit decreasing onto the bins as listed: items by decreasing normalised size (the sum of
     * their demands as shares of the largest capacities), each into the first bin that holds it, a
     * new bin of the first listed type still available when none does. With every bin available
     * once, as for an existing fleet, this is the plain first-fit decreasing over that fleet.
     */
    public static Plan firstFitDecreasingListed(PackingProblem problem) {
        return greedy(problem, Strategy.FIRST_FIT_LISTED);
    }

    private static Plan greedy(PackingProblem problem, Strategy strategy) {
        long start = System.nanoTime();
        CompiledProblem c = new CompiledProblem(problem);
        Search s = new Search(c, 0);
        s.noRepair = true;
        if (!s.construct(strategy)) {
            throw s.cannotPlace();
        }
        return s.toPlan(LowerBounds.of(c), (System.nanoTime() - start) / 1e9, "construction", 0);
    }

    static double tolerance(double v) {
        return 1e-9 * Math.max(1, Math.abs(v));
    }

    /**
     * Greedy orders of the construction. FIRST_FIT_LISTED is the textbook first-fit decreasing onto a
     * fixed set of bins: items by normalised size, bins opened in the order they are listed.
     */
    enum Strategy {
        /** Best fit, new bins by the cover LP's prices (when the problem has them): tried first. */
        BEST_FIT_PRICED(true),
        BEST_FIT_NORM(false),
        FIRST_FIT_SIZE(false),
        FIRST_FIT_FIRST_DIMENSION(false),
        FIRST_FIT_LISTED(false);

        final boolean priced;

        Strategy(boolean priced) {
            this.priced = priced;
        }
    }

    /** One solution and the moves that change it. */
    private static final class Search {
        final CompiledProblem c;
        final List<BinState> bins = new ArrayList<>();
        final BinState[] where;
        final int[] used;
        final int[] idRank;
        final SplittableRandom rng;
        double total;
        /** The item the construction could not place, or −1. */
        int unplaced = -1;
        /** A baseline greedy: no ejection repair. */
        boolean noRepair;
        /** The repair gives up at this System.nanoTime(), as well as after its step budget. */
        long repairDeadline = Long.MAX_VALUE;
        /** Open new bins in the order the types are listed, not by cost per unit of capacity. */
        boolean openInListedOrder;
        long iteration;
        long iterationsDone;
        int windowStart;
        /** The type rate new bins are chosen by: capacity-based, or priced by the cover LP. */
        double[] rate;

        // Per-move bookkeeping.
        final List<BinState> touched = new ArrayList<>();
        final List<BinState> created = new ArrayList<>();
        double objBefore;
        double secBefore;

        Search(CompiledProblem c, long seed) {
            this.c = c;
            this.where = new BinState[c.n];
            this.used = new int[c.types];
            this.rng = new SplittableRandom(seed);
            this.rate = c.typeRate;
            Integer[] byId = new Integer[c.n];
            for (int i = 0; i < c.n; i++) {
                byId[i] = i;
            }
            Arrays.sort(byId, Comparator.comparing(i -> c.ids[i]));
            idRank = new int[c.n];
            for (int r = 0; r < c.n; r++) {
                idRank[byId[r]] = r;
            }
        }

        // ---------------------------------------------------------------- construction

        /**
         * Places every item by the strategy's greedy rule; items no bin takes go to the repair
         * ({@link #repair}). False when even the repair leaves an item out ({@link #unplaced}).
         */
        boolean construct(Strategy s) {
            Integer[] order = new Integer[c.n];
            for (int i = 0; i < c.n; i++) {
                order[i] = i;
            }
            Comparator<Integer> cmp = s == Strategy.FIRST_FIT_FIRST_DIMENSION
                    ? Comparator.<Integer>comparingDouble(i -> -peak(i, 0))
                    : Comparator.<Integer>comparingDouble(i -> -c.size[i]);
            // Constrained items first (pinned, then dedicated): they have fewer places to go, and a
            // limited type must not be used up by items that could have gone anywhere.
            cmp = Comparator.<Integer>comparingInt(i -> c.allowedCount[i])
                    .thenComparingInt(i -> c.dedicated[i] ? 0 : 1).thenComparing(cmp);
            Arrays.sort(order, cmp.thenComparingInt(i -> idRank[i]));
            openInListedOrder = s == Strategy.FIRST_FIT_LISTED;
            rate = s.priced && c.priceRate != null ? c.priceRate : c.typeRate;
            ArrayDeque<Integer> left = new ArrayDeque<>();
            for (int i : order) {
                BinState b = s == Strategy.BEST_FIT_NORM || s == Strategy.BEST_FIT_PRICED ? bestFit(i) : firstFit(i);
                if (b == null) {
                    b = openBin(i);
                }
                if (b == null) {
                    left.add(i);
                } else {
                    add(i, b);
                }
            }
            openInListedOrder = false;
            boolean complete = left.isEmpty() || (!noRepair && repair(left));
            if (!complete && unplaced < 0) {
                unplaced = left.peek();
            }
            dropEmptyBins();
            total = 0;
            for (BinState b : bins) {
                b.objective = c.binObjective(b.type, b.load);
                total += b.objective;
            }
            return complete;
        }

        /**
         * Places items that fit no open bin and no bin still available by ejection: the item goes
         * into the open bin where the items that must leave to make room weigh least, and those go
         * back in the queue. An item's weight grows each time it is ejected, so items that are hard
         * to place are moved less and less and the chain does not cycle. A bounded number of steps,
         * and no longer than the time limit (a later construction may still complete).
         */
        boolean repair(ArrayDeque<Integer> queue) {
            int[] weight = new int[c.n];
            Arrays.fill(weight, 1);
            long[] placedAt = new long[c.n];
            Arrays.fill(placedAt, -1);
            long budget = REPAIR_STEPS_PER_ITEM * (long) c.n + 1000;
            for (long step = 0; !queue.isEmpty(); step++) {
                int i = queue.poll();
                BinState b = bestFit(i);
                if (b == null) {
                    b = openBin(i);
                }
                if (b != null) {
                    add(i, b);
                    placedAt[i] = step;
                    continue;
                }
                if (step >= budget || (step % CLOCK_CHECK_EVERY == 0 && System.nanoTime() > repairDeadline)) {
                    unplaced = i;
                    return false;
                }
                List<Integer> eject = null;
                double lightest = Double.POSITIVE_INFINITY;
                for (BinState bin : bins) {
                    List<Integer> out = ejectionFor(i, bin, weight);
                    if (out == null) {
                        continue;
                    }
                    double w = rng.nextDouble() * 0.5; // breaks ties at random, never outweighs one item
                    for (int j : out) {
                        // Ejecting the item placed in the step before would undo that step.
                        w += weight[j] + (placedAt[j] == step - 1 ? c.n : 0);
                    }
                    if (w < lightest) {
                        lightest = w;
                        eject = out;
                        b = bin;
                    }
                }
                if (eject == null) {
                    unplaced = i;
                    return false;
                }
                for (int j : eject) {
                    remove(j);
                    weight[j]++;
                    queue.add(j);
                }
                add(i, b);
                placedAt[i] = step;
            }
            return true;
        }

        /**
         * The items to take out of {@code b} so that item i fits there, chosen greedily by how much of
         * the excess each removes per unit of weight; null when i may not go to b at all.
         */
        List<Integer> ejectionFor(int i, BinState b, int[] weight) {
            if (b.items.isEmpty() || !c.allowed[i][b.type] || b.dedicatedCount > 0
                    || !c.fitsCapacity(i, b.type, new double[c.k])) {
                return null;
            }
            List<Integer> out = new ArrayList<>();
            List<Integer> rest = new ArrayList<>();
            for (int j : b.items) {
                boolean clash = c.dedicated[i] || (c.group[i] >= 0 && c.group[j] == c.group[i]);
                (clash ? out : rest).add(j);
            }
            double[] cap = c.capacity[b.type];
            double[] excess = new double[c.k];
            for (int x = 0; x < c.k; x++) {
                excess[x] = b.load[x] + c.demand[i][x] - cap[x];
                for (int j : out) {
                    excess[x] -= c.demand[j][x];
                }
            }
            while (overfull(excess, cap)) {
                int pick = -1;
                double bestGain = 0;
                for (int j : rest) {
                    double gain = 0;
                    for (int x = 0; x < c.k; x++) {
                        if (excess[x] > 0 && cap[x] > 0) {
                            gain += Math.min(c.demand[j][x], excess[x]) / cap[x];
                        }
                    }
                    gain /= weight[j];
                    if (gain > bestGain) {
                        bestGain = gain;
                        pick = j;
                    }
                }
                if (pick < 0) {
                    return null;
                }
                rest.remove((Integer) pick);
                out.add(pick);
                for (int x = 0; x < c.k; x++) {
                    excess[x] -= c.demand[pick][x];
                }
            }
            return out;
        }

        void dropEmptyBins() {
            for (int q = bins.size() - 1; q >= 0; q--) {
                if (bins.get(q).items.isEmpty()) {
                    used[bins.get(q).type]--;
                    bins.remove(q);
                }
            }
        }

        /**
         * Why the unplaced item has no place, by dimension: the dimensions where it needs more than
         * the roomiest bin it may use has left (open bins, and an empty bin of each type still
         * available), else the dimension that is short in most of those bins.
         */
        UserError cannotPlace() {
            int i = unplaced;
            double[] most = new double[c.k];
            int[] shortIn = new int[c.k];
            for (int t = 0; t < c.types; t++) {
                if (c.allowed[i][t] && used[t] < c.available[t]) {
                    countShort(i, t, new double[c.k], most, shortIn);
                }
            }
            for (BinState b : bins) {
                if (c.allowed[i][b.type] && b.dedicatedCount == 0) {
                    countShort(i, b.type, b.load, most, shortIn);
                }
            }
            List<String> why = new ArrayList<>();
            int worst = 0;
            for (int x = 0; x < c.k; x++) {
                if (c.demand[i][x] > most[x] + CompiledProblem.EPS * Math.max(1, most[x])) {
                    why.add(String.format(Locale.ROOT, "%s: needs %s, the most any bin has left is %s",
                            dimensionName(x), fmt(c.demand[i][x]), fmt(most[x])));
                }
                worst = shortIn[x] > shortIn[worst] ? x : worst;
            }
            if (why.size() > 3) {
                // Sized by hour, every hour may be short: two say enough (24 made one unreadable line).
                int more = why.size() - 2;
                why.subList(2, why.size()).clear();
                why.add("and " + more + " more like these");
            }
            if (why.isEmpty()) {
                why.add(String.format(Locale.ROOT, "%s is short in %d of the bins that could take it "
                        + "(needs %s; the room left is spread over bins too full in another dimension)",
                        dimensionName(worst), shortIn[worst], fmt(c.demand[i][worst])));
            }
            return new UserError("could not place item '" + c.ids[i] + "'"
                    + (noRepair ? "" : " after every construction and an ejection repair") + ": " + String.join("; ", why) + ". Every bin that could hold it is in use "
                    + "(availability per type is too small for the demand, or pins and anti-affinity groups "
                    + "leave no room); add bins or relax the constraints");
        }

        private void countShort(int i, int t, double[] load, double[] most, int[] shortIn) {
            for (int x = 0; x < c.k; x++) {
                double room = c.capacity[t][x] - load[x];
                most[x] = Math.max(most[x], room);
                if (c.demand[i][x] > room + CompiledProblem.EPS * Math.max(1, c.capacity[t][x])) {
                    shortIn[x]++;
                }
            }
        }

        private String dimensionName(int x) {
            String d = c.problem.dimensions().get(x % c.dims);
            return c.hours > 1 ? d + " at hour " + (x / c.dims) : d;
        }

        private static String fmt(double v) {
            return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3g", v);
        }

        static boolean overfull(double[] excess, double[] cap) {
            for (int x = 0; x < excess.length; x++) {
                if (excess[x] > CompiledProblem.EPS * Math.max(1, cap[x])) {
                    return true;
                }
            }
            return false;
        }

        double peak(int i, int d) {
            double p = 0;
            for (int h = 0; h < c.hours; h++) {
                p = Math.max(p, c.demand[i][h * c.dims + d]);
            }
            return p;
        }

        /** Switch each bin to the type that carries its load at the lowest objective. */
        void rightSize() {
            for (BinState b : bins) {
                retype(b);
            }
        }

        boolean canAdd(int i, BinState b) {
            if (!c.allowed[i][b.type] || b.dedicatedCount > 0 || (c.dedicated[i] && !b.items.isEmpty())) {
                return false;
            }
            int g = c.group[i];
            if (g >= 0) {
                for (int j : b.items) {
                    if (c.group[j] == g) {
                        return false;
                    }
                }
            }
            return c.fitsCapacity(i, b.type, b.load);
        }

        BinState firstFit(int i) {
            for (BinState b : bins) {
                if (!b.items.isEmpty() && canAdd(i, b)) {
                    return b;
                }
            }
            return null;
        }

        /** The non-empty bin where the item leaves the smallest residual (L2 norm, normalised). */
        BinState bestFit(int i) {
            BestFit f = new BestFit();
            for (BinState b : bins) {
                score(i, b, f);
            }
            return f.bin;
        }

        /**
         * Best fit during the search: among the bins this move touched and a window of
         * {@value #SEARCH_WINDOW} bins at a random place of the list, not every bin. With thousands of
         * bins a full scan per reinserted item would leave the search only a few hundred moves per
         * second; a window keeps each move cheap, and other moves see other windows.
         */
        BinState bestFitWindow(int i) {
            if (bins.size() <= 2 * SEARCH_WINDOW) {
                return bestFit(i);
            }
            BestFit f = new BestFit();
            for (BinState b : touched) {
                score(i, b, f);
            }
            int from = windowStart;
            for (int q = 0; q < SEARCH_WINDOW; q++) {
                score(i, bins.get((from + q) % bins.size()), f);
            }
            return f.bin;
        }

        private static final class BestFit {
            BinState bin;
            double score = Double.POSITIVE_INFINITY;
        }

        private void score(int i, BinState b, BestFit f) {
            if (b.items.isEmpty() || !canAdd(i, b)) {
                return;
            }
            double[] cap = c.capacity[b.type];
            double[] dem = c.demand[i];
            double score = 0;
            for (int x = 0; x < c.k; x++) {
                if (cap[x] > 0) {
                    double r = (cap[x] - b.load[x] - dem[x]) / cap[x];
                    score += r * r;
                }
            }
            if (score < f.score - 1e-12) {
                f.score = score;
                f.bin = b;
            }
        }

        /**
         * A bin for an item that fits no open bin: the allowed, available type with the lowest
         * objective per unit of capacity (or the first listed, in {@link #openInListedOrder}); a bin
         * of that type emptied in the current move is reused before a new one is opened.
         */
        BinState openBin(int i) {
            BinState[] emptied = null;
            for (BinState b : touched) {
                if (b.items.isEmpty()) {
                    emptied = emptied == null ? new BinState[c.types] : emptied;
                    emptied[b.type] = emptied[b.type] == null ? b : emptied[b.type];
                }
            }
            int bestType = -1;
            double[] none = new double[c.k];
            for (int t = 0; t < c.types; t++) {
                boolean reusable = emptied != null && emptied[t] != null;
                if (!c.allowed[i][t] || (!reusable && used[t] >= c.available[t]) || !c.fitsCapacity(i, t, none)) {
                    continue;
                }
                if (bestType < 0 || (!openInListedOrder && rate[t] < rate[bestType] - 1e-12)) {
                    bestType = t;
                }
                if (openInListedOrder) {
                    break;
                }
            }
            if (bestType < 0) {
                return null;
            }
            if (emptied != null && emptied[bestType] != null) {
                return emptied[bestType];
            }
            BinState b = new BinState(bestType, c.k);
            b.savedAt = iteration; // nothing to restore: a created bin is dropped on undo
            bins.add(b);
            used[bestType]++;
            created.add(b);
            touched.add(b);
            return b;
        }

        void add(int i, BinState b) {
            touch(b);
            b.items.add(i);
            double[] dem = c.demand[i];
            for (int x = 0; x < c.k; x++) {
                b.load[x] += dem[x];
            }
            if (c.dedicated[i]) {
                b.dedicatedCount++;
            }
            where[i] = b;
        }

        void remove(int i) {
            BinState b = where[i];
            touch(b);
            b.items.remove((Integer) i);
            double[] dem = c.demand[i];
            for (int x = 0; x < c.k; x++) {
                b.load[x] -= dem[x];
            }
            if (b.items.isEmpty()) {
                Arrays.fill(b.load, 0); // no drift left behind in an empty bin
            }
            if (c.dedicated[i]) {
                b.dedicatedCount--;
            }
            where[i] = null;
        }

        /** Remembers a bin's state before the current move first changes it. */
        void touch(BinState b) {
            if (b.savedAt != iteration) {
                b.save(iteration);
                touched.add(b);
                objBefore += b.objective;
                double f = b.fill(c);
                secBefore += f * f;
            }
        }

        /** Tries every other type for a bin; keeps the one with the lowest objective. */
        boolean retype(BinState b) {
            int bestType = b.type;
            double bestObj = c.binObjective(b.type, b.load);
            for (int t = 0; t < c.types; t++) {
                if (t == b.type || used[t] >= c.available[t] || !c.loadFits(t, b.load)) {
                    continue;
                }
                boolean allowed = true;
                for (int j : b.items) {
                    allowed &= c.allowed[j][t];
                }
                double o = c.binObjective(t, b.load);
                if (allowed && o < bestObj - tolerance(bestObj)) {
                    bestObj = o;
                    bestType = t;
                }
            }
            total += bestObj - b.objective;
            b.objective = bestObj;
            if (bestType == b.type) {
                return false;
            }
            used[b.type]--;
            used[bestType]++;
            b.type = bestType;
            return true;
        }

        // ---------------------------------------------------------------- local search

        String improve(SolverSettings s, int lowerBound, long startNanos) {
            long deadline = startNanos + (long) (s.timeLimitSeconds() * 1e9);
            long max = s.maxIterations();
            for (long it = 0; ; it++) {
                if (c.n == 0 || (c.uniformCost && bins.size() <= lowerBound)) {
                    return "optimal";
                }
                if (it >= max) {
                    return "iterations";
                }
                if (it % CLOCK_CHECK_EVERY == 0 && System.nanoTime() > deadline) {
                    return "time-limit";
                }
                iteration = it + 1; // BinState.savedAt starts at −1; iteration 0 is construction
                iterationsDone = it + 1;
                double threshold = ACCEPT_THRESHOLD_START * (1 - (double) it / Math.max(1, max));
                step(threshold);
            }
        }

        void step(double threshold) {
            touched.clear();
            created.clear();
            objBefore = 0;
            secBefore = 0;
            int move = rng.nextInt(10);
            // With many priced types (unique hosts), swapping a bin for a cheaper free one pays more often.
            if ((move == 9 || (move == 8 && c.priceRate != null)) && c.types > 1) {
                BinState b = bins.get(rng.nextInt(bins.size()));
                retype(b);
                return;
            }
            List<Integer> removed = move < 5 ? ruinEmptiest() : ruinRandom();
            if (!recreate(removed)) {
                undo();
                return;
            }
            double objAfter = 0;
            double secAfter = 0;
            for (BinState b : touched) {
                b.objective = b.items.isEmpty() ? 0 : c.binObjective(b.type, b.load);
                objAfter += b.objective;
                double f = b.fill(c);
                secAfter += f * f;
            }
            double delta = objAfter - objBefore;
            boolean accept = delta < -tolerance(total)
                    || (delta <= tolerance(total) && secAfter >= secBefore - threshold);
            if (!accept) {
                undo();
                return;
            }
            total += delta;
            for (BinState b : touched) {
                if (b.items.isEmpty()) {
                    bins.remove(b);
                    used[b.type]--;
                }
            }
        }

        /** Empties the least-filled of three random bins, and takes a few items from two others. */
        List<Integer> ruinEmptiest() {
            List<Integer> removed = new ArrayList<>();
            BinState victim = null;
            double lowest = Double.POSITIVE_INFINITY;
            for (int s = 0; s < 3; s++) {
                BinState b = bins.get(rng.nextInt(bins.size()));
                double f = b.fill(c);
                if (f < lowest) {
                    lowest = f;
                    victim = b;
                }
            }
            removeAll(victim, 1.0, removed);
            if (bins.size() > 1 && rng.nextBoolean()) {
                for (int s = 0; s < 2; s++) {
                    BinState b = bins.get(rng.nextInt(bins.size()));
                    if (b != victim) {
                        removeAll(b, 0.3, removed);
                    }
                }
            }
            return removed;
        }

        /** Removes about half the items of two to four random bins. */
        List<Integer> ruinRandom() {
            List<Integer> removed = new ArrayList<>();
            int m = Math.min(bins.size(), 2 + rng.nextInt(3));
            for (int s = 0; s < m; s++) {
                removeAll(bins.get(rng.nextInt(bins.size())), 0.5, removed);
            }
            if (removed.isEmpty()) {
                BinState b = bins.get(rng.nextInt(bins.size()));
                removeAll(b, 1.0, removed);
            }
            return removed;
        }

        void removeAll(BinState b, double probability, List<Integer> out) {
            List<Integer> items = new ArrayList<>(b.items);
            for (int i : items) {
                if (probability >= 1.0 || rng.nextDouble() < probability) {
                    remove(i);
                    out.add(i);
                }
            }
        }

        boolean recreate(List<Integer> removed) {
            Integer[] order = removed.toArray(new Integer[0]);
            int how = rng.nextInt(4);
            Comparator<Integer> cmp;
            if (how == 0) {
                cmp = Comparator.comparingDouble(i -> -peak(i, 0));
            } else if (how == 1 && c.dims > 1) {
                cmp = Comparator.comparingDouble(i -> -peak(i, 1));
            } else if (how == 2) {
                // Random order: a different insertion order finds different pairings.
                double[] key = new double[order.length];
                for (int q = 0; q < key.length; q++) {
                    key[q] = rng.nextDouble();
                }
                Integer[] pos = new Integer[order.length];
                for (int q = 0; q < pos.length; q++) {
                    pos[q] = q;
                }
                Arrays.sort(pos, Comparator.comparingDouble(q -> key[q]));
                Integer[] shuffled = new Integer[order.length];
                for (int q = 0; q < pos.length; q++) {
                    shuffled[q] = order[pos[q]];
                }
                order = shuffled;
                cmp = null;
            } else {
                cmp = Comparator.comparingDouble(i -> -c.size[i]);
            }
            if (cmp != null) {
                Arrays.sort(order, Comparator.<Integer>comparingInt(i -> c.allowedCount[i])
                        .thenComparingInt(i -> c.dedicated[i] ? 0 : 1)
                        .thenComparing(cmp).thenComparingInt(i -> idRank[i]));
            }
            windowStart = rng.nextInt(bins.size());
            for (int i : order) {
                BinState b = bestFitWindow(i);
                if (b == null) {
                    b = openBin(i);
                }
                if (b == null) {
                    return false;
                }
                add(i, b);
            }
            return true;
        }

        void undo() {
            for (int q = created.size() - 1; q >= 0; q--) {
                BinState b = created.get(q);
                // Created bins sit at the end of the list, in creation order: drop from the tail.
                bins.remove(bins.size() - 1);
                used[b.type]--;
            }
            for (BinState b : touched) {
                if (created.contains(b)) {
                    continue;
                }
                b.restore();
                for (int j : b.items) {
                    where[j] = b;
                }
            }
        }

        // ---------------------------------------------------------------- result

        Plan toPlan(LowerBounds.Bounds bounds, double seconds, String stoppedBy, long seed) {
            PackingProblem p = c.problem;
            List<PlannedBin> out = new ArrayList<>();
            double objective = 0;
            double balanceSum = 0;
            for (BinState b : bins) {
                if (b.items.isEmpty()) {
                    continue;
                }
                List<String> ids = b.items.stream().map(i -> c.ids[i]).sorted().toList();
                BinType type = p.binTypes().get(b.type);
                double[] peakFill = new double[c.dims];
                for (int d = 0; d < c.dims; d++) {
                    for (int h = 0; h < c.hours; h++) {
                        double full = type.capacity()[d];
                        peakFill[d] = Math.max(peakFill[d], full > 0 ? b.load[h * c.dims + d] / full : 0);
                    }
                }
                double min = Double.POSITIVE_INFINITY;
                double max = 0;
                for (double f : peakFill) {
                    min = Math.min(min, f);
                    max = Math.max(max, f);
                }
                double balance = max > 0 ? min / max : 1;
                double obj = c.binObjective(b.type, b.load);
                objective += obj;
                balanceSum += balance;
                out.add(new PlannedBin(type.id(), ids, peakFill,
                        p.cpuDimension() >= 0 ? peakFill[p.cpuDimension()] : Double.NaN,
                        p.memDimension() >= 0 ? peakFill[p.memDimension()] : Double.NaN,
                        balance, c.meanWatts(b.type, b.load), obj));
            }
            out.sort(Comparator.comparing(PlannedBin::type).thenComparing(b -> b.items().get(0)));
            int lb = bounds.best();
            double objLb = Double.NaN;
            if (p.objective().kind() == Objective.Kind.BIN_COST) {
                double minCost = p.binTypes().stream().mapToDouble(BinType::cost).min().orElse(0);
                objLb = Math.max(lb * minCost, LowerBounds.costBound(c, lb));
            }
            double gap = lb == 0 ? 0 : (out.size() - lb) / (double) lb;
            return new Plan(List.copyOf(out), p.objective().kind(), objective, out.size(), lb, objLb, gap, seconds,
                    iterationsDone, stoppedBy, seed, out.isEmpty() ? 1 : balanceSum / out.size(), bounds);
        }
    }
}
