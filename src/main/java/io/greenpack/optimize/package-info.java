/**
 * The consolidation optimizer: pure Java, no Spark, usable as a library.
 *
 * <h2>Model (apart from the solver)</h2>
 * {@link io.greenpack.optimize.PackingProblem} holds {@link io.greenpack.optimize.Item}s (a demand
 * per dimension, optionally one vector per hour of day), {@link io.greenpack.optimize.BinType}s
 * (capacity, cost, optional {@link io.greenpack.model.PowerCurve}, available count), headroom and
 * an {@link io.greenpack.optimize.Objective} (bin cost, energy over a horizon, or energy cost +
 * hardware). Constraints: capacity per dimension and hour after headroom, anti-affinity groups,
 * pins (to a bin type; to pin to one existing host give it its own type with available = 1),
 * dedicated items, availability per type. Infeasible input is refused by the constructor with a
 * {@link io.greenpack.util.UserError} naming the item and dimension.
 *
 * <h2>Solver</h2>
 * {@link io.greenpack.optimize.PackingSolver}: best of three constructive starts (vector best fit by
 * residual L2 norm, first fit by normalised size, FFD by the first dimension), right-sizing of bin
 * types, then ruin-and-recreate local search (bin elimination, random partial ruin, re-typing)
 * bounded by an iteration budget and a time limit. Deterministic for a given input, seed and
 * iteration count; see {@link io.greenpack.optimize.SolverSettings} for what the clock may change.
 *
 * <h2>Bounds and quality</h2>
 * {@link io.greenpack.optimize.LowerBounds}: volume, Martello–Toth L2, conflict clique. Every
 * {@link io.greenpack.optimize.Plan} reports objective, bins used, lower bound, gap (on bin count),
 * seconds, iterations, why it stopped, and per-bin fill per dimension and balance.
 *
 * <h2>Fleet side</h2>
 * {@link io.greenpack.optimize.Consolidator#plan} takes a
 * {@link io.greenpack.optimize.ConsolidationRequest} of {@link io.greenpack.optimize.AppDemand}s and
 * {@link io.greenpack.model.TargetModel}s with headroom and
 * {@link io.greenpack.optimize.HypervisorOverhead} (per VM; apps that may share an OS pay none) and
 * returns a {@link io.greenpack.optimize.ConsolidationPlan} of {@link io.greenpack.optimize.HostPlan}s.
 * Energy objective: Σ over used hosts of the model's piecewise-linear curve at load = CPU use /
 * cores (hour by hour with profiles) × horizon hours.
 */
package io.greenpack.optimize;
