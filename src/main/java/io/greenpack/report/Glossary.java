package io.greenpack.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of the report a manager may not know, in plain language, and the links from their
 * first use in the page's prose to the glossary section.
 */
public final class Glossary {
    private Glossary() {
    }

    /**
     * One entry; {@code use} finds the term in escaped prose (plain words, so escaping does not
     * change them).
     */
    public record Term(String id, String term, String definition, Pattern use) {
        public Term {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(term, "term");
            Objects.requireNonNull(definition, "definition");
            Objects.requireNonNull(use, "use");
        }
    }

    private static Term term(String id, String term, String regex, String definition) {
        return new Term("g-" + id, term, definition, Pattern.compile(regex));
    }

    /** The report's glossary, in reading order. */
    public static final List<Term> TERMS = List.of(
            term("p95", "p95 (95th percentile)", "\\bp95\\b",
                    "The value a series stays at or below 95 % of the time. Sizing an application by its p95 ignores "
                            + "its rarest 5 % of peaks, which is why the plan is replayed against every interval."),
            term("mape", "MAPE", "\\bMAPE\\b",
                    "Mean absolute percentage error: how far a power model's prediction is from the meter on "
                            + "average, in per cent of the meter reading. 5 % means predictions are off by 5 % on average."),
            term("r2", "R²", "R²",
                    "Share of the variation in measured power that the model explains: 1 is a perfect fit, 0 explains "
                            + "nothing beyond the average."),
            term("ep", "Energy proportionality (EP)", "(?i)\\benergy proportionality\\b",
                    "How closely a server's power follows its load: 1 means it draws nothing when idle and power "
                            + "rises in step with load; 0 means it draws full power whatever it does."),
            term("bound", "Lower bound and gap", "\\blower bound\\b",
                    "The lower bound is a number of hosts no plan can beat (the total demand divided by the biggest "
                            + "host's usable capacity, per resource). The gap is how far the plan is above it: 0 % means "
                            + "the plan is provably the smallest possible."),
            term("p2v", "P2V", "\\bP2V\\b",
                    "Physical-to-virtual: moving an application off a physical server into a virtual machine. It "
                            + "takes a conversion and a maintenance window, not a live migration."),
            term("contention", "Contention (replayed)", "(?i)\\bcontention\\b",
                    "When applications sharing a host want more CPU or memory than it has at the same moment, they slow "
                            + "each other down. The plan is replayed against the measured demand of every interval; the "
                            + "contention risk is the share of host-intervals in which co-hosted demand exceeded capacity."),
            term("modelled", "Measured and modelled", "\\bmodelled\\b",
                    "Measured figures come from the power meters over the data window. Modelled figures come from a "
                            + "power model, a plan or a scaling (for example a week scaled to a year) and say how."));

    /** Links the first use of each term; one instance per page, used in document order. */
    static final class Linker {
        private final List<Term> terms;
        private final Set<String> linked = new HashSet<>();

        Linker(List<Term> terms) {
            this.terms = List.copyOf(terms);
        }

        /** {@code escaped} is already HTML-escaped text; returns it with first uses wrapped in links. */
        String link(String escaped) {
            record Hit(int start, int end, Term term) {
            }
            List<Hit> hits = new ArrayList<>();
            for (Term t : terms) {
                if (linked.contains(t.id())) {
                    continue;
                }
                Matcher m = t.use().matcher(escaped);
                if (m.find()) {
                    hits.add(new Hit(m.start(), m.end(), t));
                }
            }
            hits.sort(Comparator.comparingInt(Hit::start));
            StringBuilder out = new StringBuilder(escaped.length() + 64 * hits.size());
            int at = 0;
            for (Hit h : hits) {
                if (h.start() < at) {
                    continue; // overlaps a term linked just before; it gets its link at its next use
                }
                out.append(escaped, at, h.start()).append("<a class=\"term\" href=\"#").append(h.term().id())
                        .append("\">").append(escaped, h.start(), h.end()).append("</a>");
                at = h.end();
                linked.add(h.term().id());
            }
            return out.append(escaped, at, escaped.length()).toString();
        }
    }
}
