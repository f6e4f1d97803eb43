package io.greenpack.config;

import io.greenpack.model.WorkloadClass;
import io.greenpack.util.UserError;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Loads scenario YAML (DESIGN §8) into {@link Scenario}s with validation whose messages name the
 * file, the line, the field with its path ({@code scenarios[1].headroom}), the value found and what
 * was expected.
 *
 * <pre>{@code
 * base:            # overrides Scenario.defaults()
 *   headroom: 0.2
 * scenarios:       # each overrides base; name required
 *   - name: blades-only
 *     targets: [blade-model-name]
 * sweep:           # cartesian product over base, first key slowest; names like "headroom=0.3"
 *   headroom: [0.1, 0.2, 0.3]
 *   pue: [1.4, 1.6]
 * }</pre>
 *
 * A named scenario may also hold an {@code offload:} ({@link Offload}: apps, owners or classes and
 * price_per_core_hour, price_per_gb_hour) or a {@code harvest:} ({@link Harvest}: share); those
 * are what-if points only ({@link ScenarioSet#whatIf()}), never in {@code base:} or a report's file.
 *
 * A file for {@code report --scenario} ({@link #loadSingle}) holds just {@code base:} or the keys
 * at top level. Sweep keys are scenario keys; {@code hypervisor.cpu_overhead} and
 * {@code hypervisor.mem_overhead_gb} sweep the nested ones.
 *
 * <p>Safety: SnakeYAML's {@link SafeConstructor} builds only maps, lists, strings, numbers,
 * booleans and dates — a tag such as {@code !!javax.script.ScriptEngineManager} is refused, never
 * instantiated; duplicate keys are errors, aliases are limited (no "billion laughs") and the file
 * may be at most 1 MB.
 */
public final class ScenarioFile {
    private ScenarioFile() {
    }

    static final long MAX_BYTES = 1 << 20;

    public static final List<String> TOP_KEYS = List.of("base", "scenarios", "sweep");
    /** The most what-if points one file may sweep; each point is a full consolidation. */
    public static final int MAX_SWEEP_POINTS = 10_000;

    /** The exact product of the list lengths, as text (it can exceed a long). */
    private static String sweepSize(List<List<?>> values) {
        java.math.BigInteger n = java.math.BigInteger.ONE;
        for (List<?> l : values) {
            n = n.multiply(java.math.BigInteger.valueOf(l.size()));
        }
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
    public static final List<String> HYPERVISOR_KEYS = List.of("cpu_overhead", "mem_overhead_gb");

    /** Reads one key's value into the scenario being built; throws a {@link UserError} naming the path. */
    @FunctionalInterface
    private interface Setter {
        void set(Doc doc, Builder b, Object value, String path);
    }

    /**
     * One scenario key.
     *
     * @param name     as written in YAML; a dotted name ({@code hypervisor.cpu_overhead}) is a nested key
     *                 that may also be written flat, e.g. in a sweep
     * @param expects  what the value must be, for {@code --help}
     * @param notSwept null when the key may be swept, else the message that says why not and what instead
     * @param setter   parses and validates the value, and sets it
     */
    private record Key(String name, String expects, String notSwept, Setter setter) {
        boolean nested() {
            return name.contains(".");
        }
    }

    /**
     * Every scenario key, in the order of {@code --help} and of the suggestions: parsing, the sweep's
     * checks, the help text and "did you mean" all read this table. A new key is one row here, a
     * field in {@link Builder} and in {@link Scenario}.
     */
    private static final List<Key> TABLE = List.of(
            new Key("name", "1 to 80 characters", "the name cannot be swept: sweep points are named after their values",
                    (d, b, v, p) -> b.name = d.name(v, p)),
            new Key("tariff_per_kwh", "price per kWh >= 0", null,
                    (d, b, v, p) -> b.tariff = d.number(v, p, 0, Double.MAX_VALUE, "a price per kWh >= 0")),
            new Key("currency", "code or symbol (EUR, USD, \u20ac)", null, (d, b, v, p) -> b.currency = d.currency(v, p)),
            new Key("grid_gco2e_per_kwh", "gCO2e per kWh in [0, 2000], or 24 values (hour of day, UTC)", null,
                    (d, b, v, p) -> d.grid(b, v, p)),
            new Key("pue", "in [1, 5]", null, (d, b, v, p) -> b.pue = d.number(v, p, 1, 5, "a PUE in [1, 5]")),
            new Key("headroom", "fraction of each host kept free, in [0, 1)", null, (d, b, v, p) -> b.headroom = d.fraction(v, p)),
            new Key("percentile", "sizing percentile in [1, 100]", null, (d, b, v, p) -> b.percentile = d.percentile(v, p)),
            new Key("hourly_sizing", "true: size each app per hour of day", null, (d, b, v, p) -> b.hourlySizing = d.bool(v, p)),
            new Key("hypervisor", "{cpu_overhead: fraction in [0, 1), mem_overhead_gb: GB per VM in [0, 1024]}",
                    "sweep one hypervisor key at a time: hypervisor.cpu_overhead or hypervisor.mem_overhead_gb",
                    (d, b, v, p) -> d.hypervisor(b, v, p)),
            new Key("hypervisor.cpu_overhead", "fraction in [0, 1)", null,
                    (d, b, v, p) -> d.setHypervisor(b, "cpu_overhead", v, p)),
            new Key("hypervisor.mem_overhead_gb", "GB per VM in [0, 1024]", null,
                    (d, b, v, p) -> d.setHypervisor(b, "mem_overhead_gb", v, p)),
            new Key("targets", "model names from targets.csv, or [all]", null, (d, b, v, p) -> b.targets = d.names(v, p, "target model names from targets.csv, or [all]")),
            new Key("horizon_years", "years in (0, 30]", null,
                    (d, b, v, p) -> b.horizonYears = d.number(v, p, Double.MIN_VALUE, 30, "a number of years in (0, 30]")),
            new Key("idle_policy", "cpu-share, equal, reserved or unattributed", null,
                    (d, b, v, p) -> b.idlePolicy = d.idlePolicy(v, p)),
            new Key("migration_gbps", "bandwidth in Gbit/s in (0, 1000]", null,
                    (d, b, v, p) -> b.migrationGbps = d.number(v, p, Double.MIN_VALUE, 1000, "a bandwidth in Gbit/s in (0, 1000]")),
            new Key("licence_per_core", "yearly licence per core >= 0", null,
                    (d, b, v, p) -> b.licencePerCore = d.number(v, p, 0, 1e6, "a yearly licence per core >= 0")),
            new Key("licence_per_socket", "yearly licence per socket >= 0", null,
                    (d, b, v, p) -> b.licencePerSocket = d.number(v, p, 0, 1e7, "a yearly licence per socket >= 0")),
            new Key("cost_per_move", "one-time cost per moved app >= 0", null,
                    (d, b, v, p) -> b.costPerMove = d.number(v, p, 0, 1e7, "a cost per moved app >= 0")),
            new Key("offload", "what-if only: {apps|owners|classes, price_per_core_hour, price_per_gb_hour}",
                    "an offload cannot be swept: write one named scenario per offload under scenarios:",
                    (d, b, v, p) -> b.offload = d.offload(d.map(v, p), p)),
            new Key("harvest", "what-if only: {share: fraction in [0, 1]}", "sweep the harvest's share: harvest.share: [0, 0.5, 1]",
                    (d, b, v, p) -> b.harvest = d.harvest(v, p)),
            new Key("harvest.share", "fraction in [0, 1]", null, (d, b, v, p) -> b.harvest = new Harvest(d.share(v, p))));

    private static final Map<String, Key> BY_NAME = new LinkedHashMap<>();

    static {
        TABLE.forEach(k -> BY_NAME.put(k.name(), k));
    }

    /** The scenario keys (top level, not the dotted nested ones), in the table's order. */
    public static final List<String> KEYS = TABLE.stream().filter(k -> !k.nested()).map(Key::name).toList();

    /** One line per key, "name  what it expects", for {@code --help}. */
    public static List<String> help() {
        int width = TABLE.stream().mapToInt(k -> k.name().length()).max().orElse(0);
        return TABLE.stream().map(k -> String.format(Locale.ROOT, "  %-" + width + "s  %s", k.name(), k.expects())).toList();
    }

    /** Base, named scenarios and sweep points. A file with only top-level scenario keys is a base alone. */
    public static ScenarioSet load(Path file) {
        Doc doc = read(file);
        Map<String, Object> top = doc.top;
        if (!isStructured(top)) {
            Scenario base = doc.apply(Scenario.defaults(), top, "");
            return new ScenarioSet(base, List.of(base));
        }
        for (String k : top.keySet()) {
            if (!TOP_KEYS.contains(k)) {
                throw doc.error(k, "unknown key '" + k + "'" + (KEYS.contains(k)
                        ? " at top level — put it under base:" : suggest(k, TOP_KEYS)));
            }
        }
        Scenario base = Scenario.defaults();
        if (top.get("base") != null) {
            base = doc.apply(base, doc.map(top.get("base"), "base"), "base");
        }
        List<WhatIfPoint> points = new ArrayList<>();
        points.add(WhatIfPoint.of(base, "base"));
        Set<String> names = new HashSet<>();
        names.add(base.name());
        if (top.get("scenarios") != null) {
            List<?> list = doc.list(top.get("scenarios"), "scenarios");
            for (int i = 0; i < list.size(); i++) {
                String path = "scenarios[" + i + "]";
                Map<String, Object> m = doc.map(list.get(i), path);
                if (!m.containsKey("name")) {
                    throw doc.error(path, "a named scenario needs a name: (e.g. name: blades-only)");
                }
                WhatIfPoint s = doc.applyPoint(WhatIfPoint.of(base, "scenario"), m, path);
                if (!names.add(s.name())) {
                    throw doc.error(path + ".name", "scenario name '" + s.name() + "' is used twice; names must be unique");
                }
                points.add(s);
            }
        }
        if (top.get("sweep") != null) {
            for (WhatIfPoint s : doc.sweep(base, doc.map(top.get("sweep"), "sweep"))) {
                if (!names.add(s.name())) {
                    throw doc.error("sweep", "sweep point '" + s.name() + "' has the name of another scenario");
                }
                points.add(s);
            }
        }
        return new ScenarioSet(base, points.stream().map(WhatIfPoint::scenario).toList(), points);
    }

    /** One scenario for {@code report --scenario FILE}: a file with just {@code base:} or the keys at top level. */
    public static Scenario loadSingle(Path file) {
        Doc doc = read(file);
        Map<String, Object> top = doc.top;
        if (!isStructured(top)) {
            return doc.apply(Scenario.defaults(), top, "");
        }
        for (String k : top.keySet()) {
            if (!k.equals("base")) {
                throw doc.error(k, "'" + k + "' is for what-if runs (greenpack whatif --scenarios FILE); "
                        + "report takes one scenario: just base: or the keys at top level");
            }
        }
        return top.get("base") == null ? Scenario.defaults()
                : doc.apply(Scenario.defaults(), doc.map(top.get("base"), "base"), "base");
    }

    private static boolean isStructured(Map<String, Object> top) {
        return top.keySet().stream().anyMatch(TOP_KEYS::contains);
    }

    // ---------------------------------------------------------------- reading

    static Yaml safeYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit((int) MAX_BYTES);
        return new Yaml(new SafeConstructor(options));
    }

    private static Doc read(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new UserError(file + ": a scenario file may be at most 1 MB, this one is " + Files.size(file) + " bytes");
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": scenario file not found");
        } catch (CharacterCodingException e) {
            throw new UserError(file + ": not UTF-8 text — save the scenario file as UTF-8");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the scenario file: " + e.getMessage(), e);
        }
        Object loaded;
        Map<String, Mark> marks = new HashMap<>();
        try {
            loaded = safeYaml().load(text);
            Node root = safeYaml().compose(new java.io.StringReader(text));
            if (root != null) {
                collectChildren(root, "", marks);
            }
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = m == null ? "" : ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            if (problem.contains("tag is not allowed") || problem.contains("could not determine a constructor")) {
                // SnakeYAML 2 refuses global tags (!!java.…) before construction; SafeConstructor
                // would refuse any that got through. Either way nothing is instantiated.
                problem = problem.replace("could not determine a constructor for the tag", "Global tag is not allowed:")
                        + " — scenario files may hold only plain values: numbers, text, lists and maps";
            }
            throw new UserError(file + where + ": invalid YAML: " + problem.strip()
                    + (m == null ? "" : " (line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ")"), e);
        } catch (YAMLException e) {
            throw new UserError(file + ": invalid YAML: " + e.getMessage(), e);
        }
        if (loaded == null) {
            loaded = new LinkedHashMap<String, Object>();
        }
        Doc doc = new Doc(file, marks, null);
        return new Doc(file, marks, doc.map(loaded, ""));
    }

    private static void collectChildren(Node node, String path, Map<String, Mark> marks) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    String child = path.isEmpty() ? k.getValue() : path + "." + k.getValue();
                    marks.putIfAbsent(child, k.getStartMark());
                    collectChildren(t.getValueNode(), child, marks);
                }
            }
        } else if (node instanceof SequenceNode s) {
            for (int i = 0; i < s.getValue().size(); i++) {
                String child = path + "[" + i + "]";
                marks.putIfAbsent(child, s.getValue().get(i).getStartMark());
                collectChildren(s.getValue().get(i), child, marks);
            }
        }
    }

    // ---------------------------------------------------------------- validation

    /** One file being read: where its keys are, and how to turn its values into a scenario. */
    private record Doc(Path file, Map<String, Mark> marks, Map<String, Object> top) {

        UserError error(String path, String message) {
            Mark m = marks.get(path);
            String where = m == null ? "" : ":" + (m.getLine() + 1);
            String field = path.isEmpty() ? "" : path + ": ";
            return new UserError(file + where + ": " + field + message);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(Object o, String path) {
            if (o instanceof Map<?, ?> m) {
                for (Object k : m.keySet()) {
                    if (!(k instanceof String)) {
                        throw error(path, "keys must be text, got " + show(k));
                    }
                }
                return (Map<String, Object>) m;
            }
            throw error(path, "expected a map of key: value lines, got " + show(o));
        }

        List<?> list(Object o, String path) {
            if (o instanceof List<?> l) {
                return l;
            }
            throw error(path, "expected a list (- item lines or [a, b]), got " + show(o));
        }

        /**
         * {@code s} with the keys of {@code m} applied; {@code path} is the prefix for messages.
         * Offload and harvest belong to named what-if scenarios only.
         */
        Scenario apply(Scenario s, Map<String, Object> m, String path) {
            Builder b = new Builder(WhatIfPoint.of(s, "base"));
            for (Map.Entry<String, Object> e : m.entrySet()) {
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (e.getKey().equals("offload") || e.getKey().equals("harvest")) {
                    throw error(p, e.getKey() + " is a what-if of its own: put it in a named scenario under scenarios: "
                            + "(e.g. - name: offload-idle) and run greenpack whatif");
                }
                set(b, e.getKey(), e.getValue(), p);
            }
            return b.build();
        }

        /** A named what-if scenario: {@code p} with the keys of {@code m}, offload and harvest included. */
        WhatIfPoint applyPoint(WhatIfPoint p, Map<String, Object> m, String path) {
            Builder b = new Builder(p);
            for (Map.Entry<String, Object> e : m.entrySet()) {
                set(b, e.getKey(), e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
            }
            if (b.offload != null && b.harvest != null) {
                throw error(path, "a scenario is either an offload or a harvest, not both: write two scenarios");
            }
            return b.point(p.kind());
        }

        /** Applies one key through its row of {@link #TABLE}; an unknown key gets the closest known one. */
        void set(Builder b, String key, Object v, String path) {
            Key k = BY_NAME.get(key);
            if (k == null) {
                // At top level of a flat file the structure keys are candidates too ("sweeps:").
                List<String> candidates = new ArrayList<>(KEYS);
                if (path.equals(key)) {
                    candidates.addAll(TOP_KEYS);
                }
                throw error(path, "unknown key '" + key + "'" + suggest(key, candidates));
            }
            k.setter().set(this, b, v, path);
        }

        String name(Object v, String path) {
            String n = text(v, path);
            if (n.isBlank() || n.length() > 80) {
                throw error(path, "expected a name of 1 to 80 characters, got " + show(v));
            }
            return n;
        }

        String currency(Object v, String path) {
            String c = text(v, path);
            if (c.isBlank() || c.length() > 8) {
                throw error(path, "expected a currency code or symbol (EUR, USD, €), got " + show(v));
            }
            return c;
        }

        /** One intensity, or 24 (hour of day, UTC) whose mean becomes the single figure. */
        void grid(Builder b, Object v, String path) {
            if (v instanceof List<?> l) {
                if (l.size() != 24) {
                    throw error(path, "expected one number or a list of 24 numbers (hour of day 0–23, UTC), got a list of "
                            + l.size());
                }
                List<Double> hourly = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    hourly.add(number(l.get(i), path + "[" + i + "]", 0, 2000, "gCO2e per kWh in [0, 2000]"));
                }
                b.hourlyGrid = hourly;
                b.grid = hourly.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            } else {
                b.grid = number(v, path, 0, 2000, "gCO2e per kWh in [0, 2000]");
                b.hourlyGrid = List.of();
            }
        }

        double percentile(Object v, String path) {
            double p = numberValue(v, path);
            if (!(p >= 1 && p <= 100)) {
                throw error(path, "expected a percentile in [1, 100], got " + show(v)
                        + (p > 0 && p < 1 ? " — was it a fraction? (p95 is 95)" : ""));
            }
            return p;
        }

        void hypervisor(Builder b, Object v, String path) {
            Map<String, Object> h = map(v, path);
            for (Map.Entry<String, Object> e : h.entrySet()) {
                setHypervisor(b, e.getKey(), e.getValue(), path + "." + e.getKey());
            }
        }

        IdlePolicy idlePolicy(Object v, String path) {
            String p = text(v, path);
            List<String> keys = Arrays.stream(IdlePolicy.values()).map(IdlePolicy::key).toList();
            if (!keys.contains(p)) {
                throw error(path, "expected one of " + String.join(", ", keys) + ", got " + show(v) + suggest(p, keys));
            }
            return IdlePolicy.fromKey(p);
        }

        Harvest harvest(Object v, String path) {
            Map<String, Object> h = map(v, path);
            for (String k : h.keySet()) {
                if (!k.equals("share")) {
                    throw error(path + "." + k, "unknown key '" + k + "'" + suggest(k, Harvest.KEYS));
                }
            }
            if (!h.containsKey("share")) {
                throw error(path, "a harvest needs share: the fraction of the freed capacity batch work uses, in [0, 1] "
                        + "(e.g. harvest: {share: 0.5})");
            }
            return new Harvest(share(h.get("share"), path + ".share"));
        }

        double share(Object v, String path) {
            double f = numberValue(v, path);
            if (!(f >= 0 && f <= 1)) {
                String hint = f > 1 && f <= 100 ? " — was it a percentage? (" + plain(v) + " % is " + plain(f / 100) + ")" : "";
                throw error(path, "expected a fraction in [0, 1], got " + show(v) + hint);
            }
            return f;
        }

        Offload offload(Map<String, Object> m, String path) {
            List<String> apps = List.of();
            List<String> owners = List.of();
            List<String> classes = List.of();
            Double core = null;
            double gb = 0;
            List<String> classKeys = Arrays.stream(WorkloadClass.values()).map(WorkloadClass::key).toList();
            for (Map.Entry<String, Object> e : m.entrySet()) {
                String p = path + "." + e.getKey();
                switch (e.getKey()) {
                    case "apps" -> apps = names(e.getValue(), p, "app names (or [all])");
                    case "owners" -> owners = names(e.getValue(), p, "owners from apps.csv");
                    case "classes" -> {
                        classes = names(e.getValue(), p, "workload classes");
                        for (int i = 0; i < classes.size(); i++) {
                            if (!classKeys.contains(classes.get(i))) {
                                throw error(p, "expected workload classes from " + String.join(", ", classKeys) + ", got '"
                                        + classes.get(i) + "'" + suggest(classes.get(i), classKeys));
                            }
                        }
                    }
                    case "price_per_core_hour" -> core = number(e.getValue(), p, 0, 1000, "a price per core-hour in [0, 1000]");
                    case "price_per_gb_hour" -> gb = number(e.getValue(), p, 0, 1000, "a price per GB-hour in [0, 1000]");
                    default -> throw error(p, "unknown key '" + e.getKey() + "'" + suggest(e.getKey(), Offload.KEYS));
                }
            }
            if (apps.isEmpty() && owners.isEmpty() && classes.isEmpty()) {
                throw error(path, "an offload names what moves out: apps, owners or classes (e.g. classes: [idle])");
            }
            if (core == null) {
                throw error(path, "an offload needs price_per_core_hour (and optionally price_per_gb_hour), in the scenario's currency");
            }
            return new Offload(apps, owners, classes, core, gb);
        }

        List<String> names(Object v, String path, String what) {
            List<String> out = new ArrayList<>();
            if (v instanceof List<?> l) {
                for (int i = 0; i < l.size(); i++) {
                    out.add(text(l.get(i), path + "[" + i + "]"));
                }
            } else {
                out.add(text(v, path));
            }
            if (out.isEmpty() || out.stream().anyMatch(String::isBlank)) {
                throw error(path, "expected a list of " + what + ", got " + show(v));
            }
            return List.copyOf(out);
        }

        void setHypervisor(Builder b, String key, Object v, String path) {
            switch (key) {
                case "cpu_overhead" -> b.cpuOverhead = fraction(v, path);
                case "mem_overhead_gb" -> b.memOverheadGb = number(v, path, 0, 1024, "GB per VM in [0, 1024]");
                default -> throw error(path, "unknown key '" + key + "'" + suggest(key, HYPERVISOR_KEYS));
            }
        }

        List<WhatIfPoint> sweep(Scenario base, Map<String, Object> sweep) {
            List<String> keys = new ArrayList<>(sweep.keySet());
            List<List<?>> values = new ArrayList<>();
            for (String k : keys) {
                String path = "sweep." + k;
                Key key = BY_NAME.get(k);
                if (key == null && !k.startsWith("hypervisor.")) {
                    List<String> candidates = new ArrayList<>(KEYS);
                    TABLE.stream().filter(x -> x.nested() && x.notSwept() == null).forEach(x -> candidates.add(x.name()));
                    throw error(path, "unknown key '" + k + "'" + suggest(k, candidates));
                }
                if (key != null && key.notSwept() != null) {
                    throw error(path, key.notSwept());
                }
                List<?> l = list(sweep.get(k), path);
                if (l.isEmpty()) {
                    throw error(path, "expected a non-empty list of values to sweep");
                }
                values.add(l);
            }
            List<WhatIfPoint> out = new ArrayList<>();
            if (keys.isEmpty()) {
                return out;
            }
            // Counted before expanding: 10^9 points would otherwise expand for minutes, then run out of memory.
            long points = 1;
            for (List<?> l : values) {
                points = Math.min(points * l.size(), (long) MAX_SWEEP_POINTS + 1);
            }
            if (points > MAX_SWEEP_POINTS) {
                throw error("sweep", "the sweep has " + sweepSize(values) + " points (the product of the list lengths "
                        + values.stream().map(l -> String.valueOf(l.size())).toList() + "); the limit is "
                        + String.format(java.util.Locale.ROOT, "%,d", MAX_SWEEP_POINTS)
                        + " points per file: sweep fewer values, or split it over several files");
            }
            int[] index = new int[keys.size()];
            while (true) {
                Builder b = new Builder(WhatIfPoint.of(base, "sweep"));
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < keys.size(); i++) {
                    Object v = values.get(i).get(index[i]);
                    set(b, keys.get(i), v, "sweep." + keys.get(i) + "[" + index[i] + "]");
                    parts.add(keys.get(i) + "=" + plain(v));
                }
                b.name = String.join(",", parts);
                out.add(b.point("sweep"));
                // odometer: the last key varies fastest, the first slowest
                int i = keys.size() - 1;
                while (i >= 0 && ++index[i] == values.get(i).size()) {
                    index[i] = 0;
                    i--;
                }
                if (i < 0) {
                    return out;
                }
            }
        }

        double fraction(Object v, String path) {
            double f = numberValue(v, path);
            if (!(f >= 0 && f < 1)) {
                String hint = f >= 1 && f <= 100 ? " — was it a percentage? (" + plain(v) + " % is " + plain(f / 100) + ")" : "";
                throw error(path, "expected a fraction in [0,1), got " + show(v) + hint);
            }
            return f;
        }

        double number(Object v, String path, double min, double max, String expected) {
            double d = numberValue(v, path);
            if (!(d >= min && d <= max)) {
                throw error(path, "expected " + expected + ", got " + show(v));
            }
            return d;
        }

        double numberValue(Object v, String path) {
            if (v instanceof Number n && !(v instanceof Double d && !Double.isFinite(d))) {
                return n.doubleValue();
            }
            throw error(path, "expected a number, got " + show(v));
        }

        String text(Object v, String path) {
            if (v instanceof String s) {
                return s;
            }
            if (v instanceof Number || v instanceof Boolean) {
                return String.valueOf(v); // a model called 2024 is still a name
            }
            throw error(path, "expected text, got " + show(v));
        }

        boolean bool(Object v, String path) {
            if (v instanceof Boolean b) {
                return b;
            }
            throw error(path, "expected true or false, got " + show(v));
        }
    }

    /** A value as a message shows it: numbers plainly, text in quotes, lists and maps by kind. */
    static String show(Object v) {
        if (v == null) {
            return "nothing (an empty value)";
        }
        if (v instanceof String s) {
            return "'" + (s.length() > 60 ? s.substring(0, 60) + "…" : s) + "'";
        }
        if (v instanceof Number) {
            return plain(v);
        }
        if (v instanceof List<?> l) {
            return "a list of " + l.size();
        }
        if (v instanceof Map<?, ?>) {
            return "a map";
        }
        return String.valueOf(v);
    }

    /** 30 → "30", 0.3 → "0.3", 1e-4 → "0.0001". */
    static String plain(Object v) {
        if (v instanceof Double d) {
            if (!Double.isFinite(d)) {
                return String.valueOf(d);
            }
            return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
            return v.toString();
        }
        return String.valueOf(v);
    }

    /** " — did you mean 'headroom'?" when a known key is close, else the list of known keys. */
    static String suggest(String key, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = levenshtein(key.toLowerCase(Locale.ROOT), k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        if (best != null && bestDistance <= Math.max(2, best.length() / 3)) {
            return " — did you mean '" + best + "'?";
        }
        return " (known keys: " + String.join(", ", known) + ")";
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Mutable while a scenario is assembled from keys; {@link #build} validates through Scenario. */
    private static final class Builder {
        String name;
        double tariff;
        String currency;
        double grid;
        List<Double> hourlyGrid;
        double pue;
        double headroom;
        double percentile;
        boolean hourlySizing;
        double cpuOverhead;
        double memOverheadGb;
        List<String> targets;
        double horizonYears;
        IdlePolicy idlePolicy;
        double migrationGbps;
        double licencePerCore;
        double licencePerSocket;
        double costPerMove;
        Offload offload;
        Harvest harvest;

        Builder(WhatIfPoint p) {
            Scenario s = p.scenario();
            offload = p.offload();
            harvest = p.harvest();
            name = s.name();
            tariff = s.tariffPerKwh();
            currency = s.currency();
            grid = s.gridGco2ePerKwh();
            hourlyGrid = s.hourlyGridGco2ePerKwh();
            pue = s.pue();
            headroom = s.headroom();
            percentile = s.percentile();
            hourlySizing = s.hourlySizing();
            cpuOverhead = s.hypervisorCpuOverhead();
            memOverheadGb = s.hypervisorMemGb();
            targets = s.targets();
            horizonYears = s.horizonYears();
            idlePolicy = s.idlePolicy();
            migrationGbps = s.migrationGbps();
            licencePerCore = s.costs().licencePerCorePerYear();
            licencePerSocket = s.costs().licencePerSocketPerYear();
            costPerMove = s.costs().costPerMove();
        }

        Scenario build() {
            return new Scenario(name, tariff, currency, grid, hourlyGrid, pue, headroom, percentile, hourlySizing,
                    cpuOverhead, memOverheadGb, targets, horizonYears, idlePolicy, migrationGbps,
                    new OwnershipCosts(licencePerCore, licencePerSocket, costPerMove));
        }

        WhatIfPoint point(String kind) {
            return new WhatIfPoint(build(), kind, offload, harvest);
        }
    }
}
