package io.greenpack.report;

import io.greenpack.savings.Figure;
import io.greenpack.savings.PlanOption;
import io.greenpack.savings.Scope;
import io.greenpack.savings.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The words and numbers of the verdict, formatted once: index.html, summary.md and deck.pptx all
 * print these strings, so a figure is the same in every output (and a test can compare them).
 */
public final class VerdictText {
    private VerdictText() {
    }

    /** Data windows shorter than this are scaled to a year with a warning. */
    public static final double SHORT_WINDOW_DAYS = 30;

    /**
     * One headline figure of the lead option.
     *
     * @param value  number and unit with its period, e.g. "9,609 kWh/year"
     * @param basis  what it counts and how it was obtained, e.g. "facility energy (IT × PUE), modelled: …"
     * @param warn   true when the figure is a reason not to act (no payback within the horizon)
     */
    public record KeyFigure(String key, String label, String value, String basis, boolean warn) {
    }

    /** The option the figures describe: the recommended one, else the planned one with the lowest TCO (shown with warnings). */
    public static Optional<PlanOption> lead(Verdict v) {
        return v.lead();
    }

    public static List<KeyFigure> keyFigures(Verdict v) {
        Optional<PlanOption> lead = lead(v);
        if (lead.isEmpty()) {
            return List.of();
        }
        PlanOption o = lead.get();
        // Without a recommendation the figures are those of the closest option, and say which.
        String of = v.recommended().isPresent() ? "" : " (" + o.option() + ", not recommended)";
        String cur = v.currency();
        String years = Figure.format(v.horizonYears(), "years");
        List<KeyFigure> out = new ArrayList<>();
        out.add(new KeyFigure("money_saved_per_year", "Money saved" + of, Figure.format(o.moneySavedPerYear(), cur + "/year"),
                "per year; modelled: the plan's power curves against today's energy (metered, or modelled where a host has no meter) × tariff", false));
        out.add(new KeyFigure("kwh_saved_per_year", "Energy saved" + of, Figure.format(o.kwhSavedPerYear(), "kWh/year"),
                "per year, facility energy (IT × PUE); modelled: the plan against today's energy scaled to a year", false));
        out.add(new KeyFigure("co2e_avoided", "CO2e avoided" + of, Figure.format(o.co2eAvoidedOverHorizonKg() / 1000,
                "t CO2e over " + years), "over the horizon; facility energy × grid intensity, net of embodied CO2e; modelled", false));
        out.add(new KeyFigure("capex", "Hardware to buy" + of, Figure.format(o.capex(), cur),
                o.capex() == 0 ? "nothing to buy" : "one-time: catalogue prices of the new hosts", false));
        out.add(new KeyFigure("payback", "Payback" + of, payback(o, v.horizonYears()),
                "hardware cost ÷ money saved per month; horizon " + years, !o.paysBackWithin(v.horizonYears())));
        return out;
    }

    /** "14 months", "nothing to buy", or "192 months: does not pay back within 3 years". */
    public static String payback(PlanOption o, double horizonYears) {
        if (o.capex() == 0 && o.paybackMonths() != null) {
            return "immediate (nothing to buy)";
        }
        String months = o.paybackMonths() == null ? "never" : Figure.format(o.paybackMonths(), "months");
        return o.paysBackWithin(horizonYears) ? months
                : months + ": does not pay back within " + Figure.format(horizonYears, "years");
    }

    /** "Covers 20 of 40 hosts and 120 of 150 applications; 3 hosts stay on because …". */
    public static String scope(Scope s) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Covers %d of %d hosts and %d of %d applications",
                s.hostsCovered(), s.hostsTotal(), s.appsCovered(), s.appsTotal()));
        if (s.keptOn().isEmpty()) {
            return b.append("; no host has to stay on.").toString();
        }
        b.append("; ").append(s.keptOn().size()).append(s.keptOn().size() == 1 ? " host stays" : " hosts stay")
                .append(" on in every option because ");
        // Grouped by the kind of reason ("dedicated", "pinned", "not metered"): one clause per kind.
        java.util.Map<String, List<Scope.KeptHost>> byKind = new java.util.LinkedHashMap<>();
        s.keptOn().forEach(k -> byKind.computeIfAbsent(kind(k.reason()), r -> new ArrayList<>()).add(k));
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, hosts) -> {
            if (hosts.size() == 1) {
                parts.add(hosts.get(0).host() + " is " + hosts.get(0).reason());
            } else {
                String names = String.join(", ", hosts.stream().limit(3).map(Scope.KeptHost::host).toList())
                        + (hosts.size() > 3 ? ", …" : "");
                parts.add(hosts.size() + " are " + kind + " (" + names + "; e.g. " + hosts.get(0).host() + " is "
                        + hosts.get(0).reason() + ")");
            }
        });
        b.append(String.join("; ", parts));
        return b.append('.').toString();
    }

    /** The kind of a reason: the words before its first colon or bracket ("dedicated", "not metered"). */
    static String kind(String reason) {
        int cut = reason.length();
        for (char c : new char[]{':', '('}) {
            int i = reason.indexOf(c);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        return reason.substring(0, cut).strip();
    }

    /** The options table's header. */
    public static List<String> optionHeaders(Verdict v) {
        String cur = v.currency();
        return List.of("option", "what it does", "hosts after (of " + hostsBefore(v) + ")", "saved " + cur + "/year",
                "hardware " + cur, "TCO " + cur + " over " + Figure.format(v.horizonYears(), "years"), "payback",
                "contention risk", "recommended");
    }

    /** One row per option, in the verdict's order. */
    public static List<List<String>> optionRows(Verdict v) {
        List<List<String>> rows = new ArrayList<>();
        for (PlanOption o : v.options()) {
            if (!o.planned()) {
                rows.add(List.of(o.option(), "not planned: " + o.reason(), "–", "–", "–", "–", "–", "–", "no"));
                continue;
            }
            rows.add(List.of(o.option(), o.reason(), String.valueOf(o.hostsAfter()),
                    Figure.format(o.moneySavedPerYear(), ""), Figure.format(o.capex(), ""),
                    Figure.format(o.tcoOverHorizon(), ""), payback(o, v.horizonYears()),
                    percent(o.contentionShare()) + " of host-intervals", o.recommended() ? "yes" : "no"));
        }
        return rows;
    }

    /** Indexes of options that are planned but do not pay back within the horizon. */
    public static java.util.Set<Integer> warnedRows(Verdict v) {
        java.util.Set<Integer> out = new java.util.TreeSet<>();
        for (int i = 0; i < v.options().size(); i++) {
            PlanOption o = v.options().get(i);
            if (o.planned() && !o.paysBackWithin(v.horizonYears())) {
                out.add(i);
            }
        }
        return out;
    }

    public static java.util.Set<Integer> recommendedRows(Verdict v) {
        java.util.Set<Integer> out = new java.util.TreeSet<>();
        for (int i = 0; i < v.options().size(); i++) {
            if (v.options().get(i).recommended()) {
                out.add(i);
            }
        }
        return out;
    }

    private static int hostsBefore(Verdict v) {
        return v.options().stream().mapToInt(PlanOption::hostsBefore).max().orElse(0);
    }

    /** A share as a percentage: 0.034 → "3.4 %". */
    public static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f %%", 100 * share) : "–";
    }

    /** The warning for a short window, or empty when the window is 30 days or longer. */
    public static Optional<String> shortWindow(double windowHours) {
        double days = windowHours / 24;
        if (days >= SHORT_WINDOW_DAYS) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "The data covers %.1f days; yearly figures scale it to a year. "
                + "A week scaled to a year misses month-end and seasonal peaks: collect at least %.0f days before acting "
                + "on these numbers.", days, SHORT_WINDOW_DAYS));
    }

    /**
     * Where a figure comes from, in words: "measured" only for what was metered or counted over the
     * window; a yearly figure from metered energy is scaled (modelled) and says so.
     */
    public static String source(Figure f) {
        boolean yearly = f.unit().endsWith("/year");
        return switch (f.provenance()) {
            case MEASURED -> yearly ? "modelled: metered over the window, scaled to a year" : "measured";
            case MEASURED_TIMES_FACTOR -> yearly
                    ? "modelled: metered over the window, scaled to a year, × PUE, tariff or grid intensity"
                    : "modelled: metered × PUE, tariff or grid intensity";
            // Hosts without a meter: their power comes from utilization through a published curve.
            case MODELLED_NO_METER -> "modelled (no meter)";
            case MODELLED -> switch (f.unit()) {
                case "months" -> "modelled: hardware cost ÷ money saved per month";
                case "", "U" -> "modelled: the plan";
                default -> yearly ? "modelled: the plan through the power curves" : "modelled: catalogue prices of the plan";
            };
        };
    }
}
