/**
 * Correlate (DESIGN §3): from aligned power and utilization samples to power models, energy,
 * attribution to applications and efficiency figures. Entry point:
 * {@link io.greenpack.correlate.Analysis#run}, which returns an
 * {@link io.greenpack.correlate.AnalysisResult} of plain records; the pipeline then runs classify
 * and size on its usage and completes the result ({@link io.greenpack.correlate.AnalysisResult#classifiedAndSized}).
 *
 * <p>Decisions, written down where the design is silent:
 * <ul>
 * <li><b>Utilization</b> u = Σ apps' cpu_cores / host cores per interval, clamped to [0,1] for
 *     fitting. u is unknown in an interval without utilization samples of the host (not fitted,
 *     energy unattributed); a host with power but no utilization samples at all has no utilization
 *     figures and no utilization verdict ("no utilization data": never comatose, no idle waste).</li>
 * <li><b>Hosts without meters</b> (utilization, no power samples) get modelled power from their
 *     published curve ({@link io.greenpack.correlate.PublishedCurves}: hosts.csv idle/max, targets.csv
 *     model, {@link io.greenpack.correlate.DefaultPowerCurve} by cores); it counts in energy and
 *     attribution, never in a fit, and is labelled "modelled (no meter)".</li>
 * <li><b>Power models</b> per hardware model: linear, Fan et al. 2007 ("Power provisioning for a
 *     warehouse-sized computer", ISCA) with r fitted on a grid over [0.5, 2.5] (step 0.05, exact
 *     least squares at every node, parabolic vertex between), and piecewise-linear through 11
 *     knots at 0, 10, … 100 % (the SPECpower_ssj2008 shape; least squares on hat functions with a
 *     tiny smoothness penalty). Spark reduces samples to sufficient statistics per model, fold and
 *     decile; the driver fits. The family is chosen by 5-fold cross-validated MAPE (folds = 6-hour
 *     time blocks, seeded hash): a more complex family (linear → Fan → piecewise) must beat the
 *     current one by max(0.2 points, 5 %). Fits are constrained to physical curves (idle ≥ 0,
 *     max ≥ idle, non-decreasing). Models with fewer than 100 samples, p95 − p5 of u below 0.15 or a
 *     cross-validated MAPE above 15 % fall back to the median nameplate watts of hosts.csv, else
 *     targets.csv (same model name), else the default curve by cores, with "fallback: …" in the reason. No memory term: the generator has none, and none of
 *     the measured fleets so far needed it.</li>
 * <li><b>Energy</b> of an interval = its mean watts × its length (exact for aligned mean power).
 *     kWh in tables are IT energy; cost and CO2e are of facility energy = IT × PUE; CO2e uses the
 *     hour-of-day grid intensity (UTC, the interval's start) when the scenario gives 24 values.</li>
 * <li><b>Attribution</b> per host-interval: idle part = min(P, P_idle of the model), dynamic part =
 *     P − idle part. Dynamic by CPU share of the apps in the interval; idle by the scenario's
 *     policy (cpu-share falls back to equal when no app used CPU; reserved = mean of reserved
 *     cores/host cores and reserved GB/host GB, falling back to equal). What no app takes is the
 *     host's line "idle". Conservation is checked in Spark (attributed + unattributed vs measured).</li>
 * <li><b>Efficiency</b>: EP of a host = EP of its model's curve over u in [0,1] with the ideal line
 *     u·P(1); idle waste = energy while u &lt; 10 %; comatose = p95 u &lt; 5 % and no app with p95
 *     cpu_cores ≥ 0.05 on the host.</li>
 * <li><b>Percentiles</b> are computed once per app and host (p95 and the scenario's percentile in
 *     one {@code percentile_approx}), plus per hour of day only when hourly sizing is on.</li>
 * </ul>
 */
package io.greenpack.correlate;
