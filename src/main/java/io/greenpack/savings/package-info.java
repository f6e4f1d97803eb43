/**
 * Savings (DESIGN §6): before/after energy, money, CO2e, space, hardware cost, payback, harvestable
 * capacity, migration plan and an uncertainty band. Pure Java, no Spark; inputs are plain records
 * ({@link io.greenpack.savings.MeasuredHost}, {@link io.greenpack.savings.PlannedHost},
 * {@link io.greenpack.model.TargetModel}, {@link io.greenpack.savings.VmPlacement}) so this
 * package does not depend on how the energy was measured or attributed.
 *
 * <h2>Rules</h2>
 * <ul>
 * <li><b>Before</b> is measured: each host's metered kWh × 8760 h ÷ the hours it was covered (its mean
 *     power kept all year). Figures derived from it are marked measured, even after × PUE, × tariff or
 *     × grid intensity (the factors are scenario assumptions, the energy is not).</li>
 * <li><b>After</b> is modelled: each plan host's planned CPU load (sized percentile demand with the
 *     hypervisor overhead the optimizer already added), hour of day by hour of day when the plan has
 *     profiles, through its model's power curve; plus, for blades, ceil(blades ÷ blades per chassis)
 *     × chassis watts. Hosts the plan frees are off (0 W). Running the plan hosts at the sized
 *     percentile load all year makes "after" conservative (it overstates after-power).</li>
 * <li><b>Facility</b> energy = IT × PUE; <b>money</b> = facility kWh × tariff; <b>CO2e</b> = facility kWh ×
 *     grid intensity. With an hourly grid profile, before is weighted by the measured kWh per hour of
 *     day (evenly when not given), after by the plan's modelled power per hour of day.</li>
 * <li><b>Uncertainty</b>: after × (1 ± power-model error, e.g. MAPE); before has none (measured).</li>
 * <li><b>Space</b>: rack units of the measured hosts minus those of the plan; a blade chassis takes its
 *     full height (slots × per-blade share) as soon as one blade is in it.</li>
 * <li><b>Hardware cost</b>: every plan host is a new purchase at its catalog price (the plan's hosts are
 *     catalog models, not the measured machines), plus chassis price × chassis (0 when unknown —
 *     targets.csv has no chassis price). Reusing machines one already owns is modelled by giving that
 *     model price 0 in the catalog.</li>
 * <li><b>Payback</b> = hardware cost ÷ (money saved per year ÷ 12) months; +∞ ("never") when nothing is
 *     saved; 0 when the hardware costs nothing.</li>
 * <li><b>Harvest</b> (the alternative to switching capacity off): per hour of day and plan host,
 *     capacity × (1 − headroom) − planned demand, and since batch work runs in a VM too, cores ÷
 *     (1 + cpu overhead) and memory − memory overhead per VM; summed over the plan's hosts.</li>
 * <li><b>Migration</b>: source hosts with the least memory to move first (whole hosts are emptied and
 *     can be switched off early), within a host the largest VM first; each move takes memory GB × 8 ÷
 *     (link Gbit/s × 0.7) × 1.2 s — pre-copy live migration (Clark et al., NSDI 2005) copies memory
 *     once and re-sends dirtied pages; 0.7 link efficiency and 20 % re-sent pages are our stated rules
 *     of thumb, not published constants.</li>
 * <li><b>Showback</b>: per owner of today's hosts, measured facility kWh, cost and CO2e per year.</li>
 * </ul>
 * Every number is also a {@link io.greenpack.savings.Figure} with unit and provenance (measured or
 * modelled), which the deck, HTML report and summary print.
 */
package io.greenpack.savings;
