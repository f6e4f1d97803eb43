package io.greenpack.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-way flow of DESIGN §1, checked on the compiled product classes: which greenpack
 * packages each package may use, no cycle between packages, and no Spark in the pure-Java stages
 * and the renderers. A new package must be added to {@link #ALLOWED} with the packages it may use.
 * One vocabulary, checked on the product, test and benchmark classes together: no two top-level
 * classes share a simple name, so a name in a stack trace, an import or a search means one thing.
 */
class ArchitectureTest {
    private static final String ROOT = "io.greenpack";

    /**
     * package → the greenpack packages it may depend on (besides itself). Read top-down: leaves
     * first, then the stages in pipeline order, then the renderers, then what runs them.
     */
    static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    static {
        allow("util");
        allow("model", "util");
        allow("csv", "util");
        allow("spark", "util");
        allow("config", "model", "util");
        allow("ingest", "csv", "spark", "model", "util");
        // generate builds seeded packing instances (CloudBalancing) as optimize problems.
        allow("generate", "optimize", "csv", "model", "util");
        allow("importer", "ingest", "csv", "model", "util");
        allow("correlate", "ingest", "config", "model", "util");
        allow("classify", "correlate", "ingest", "config", "model", "util");
        allow("size", "classify", "correlate", "ingest", "config", "model", "util");
        allow("optimize", "csv", "model", "util");
        allow("savings", "optimize", "config", "model", "util");
        allow("consolidate", "size", "classify", "correlate", "ingest", "optimize", "savings", "config", "model", "util");
        allow("whatif", "consolidate", "size", "correlate", "ingest", "optimize", "savings", "config", "model", "util");
        allow("table", "consolidate", "size", "classify", "correlate", "ingest", "optimize", "savings", "config", "model",
                "csv", "util");
        allow("chart", "model", "util");
        allow("report", "table", "chart", "whatif", "consolidate", "size", "classify", "correlate", "ingest", "optimize",
                "savings", "config", "model", "csv", "util");
        allow("pipeline", "report", "table", "chart", "whatif", "consolidate", "size", "classify", "correlate", "ingest",
                "optimize", "savings", "config", "spark", "model", "csv", "util");
        allow("cli", "pipeline", "report", "table", "chart", "whatif", "consolidate", "size", "classify", "correlate",
                "ingest", "importer", "generate", "optimize", "savings", "config", "spark", "model", "csv", "util");
    }

    /**
     * The ingest's parts → the other parts they may use. The stage itself ({@code Ingest},
     * {@code IngestOptions}, {@code IngestResult} in {@code ingest}) uses them all; no part uses
     * the stage. Leaves first: the input files, then reading rows, then what is built from rows.
     */
    static final Map<String, Set<String>> INGEST_PARTS = new LinkedHashMap<>();

    static {
        INGEST_PARTS.put("files", Set.of());
        INGEST_PARTS.put("read", Set.of("files"));
        INGEST_PARTS.put("series", Set.of("read", "files"));
        INGEST_PARTS.put("catalog", Set.of("read", "files"));
    }

    /** Packages that must run without Spark: the optimizer, the savings, and what renders. */
    static final Set<String> NO_SPARK = Set.of("optimize", "savings", "chart", "report");

    private static JavaClasses classes;

    private static void allow(String pkg, String... uses) {
        ALLOWED.put(pkg, new TreeSet<>(Set.of(uses)));
    }

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(ROOT);
    }

    @Test
    void everyPackageIsListed() {
        Set<String> found = new TreeSet<>();
        classes.forEach(c -> {
            String rest = c.getPackageName().substring(ROOT.length());
            if (rest.startsWith(".")) {
                found.add(rest.substring(1).split("\\.")[0]);
            }
        });
        assertThat(ALLOWED.keySet()).as("packages with a rule in ALLOWED").containsAll(found);
    }

    @Test
    void packagesUseOnlyTheirAllowedPackages() {
        List<ArchRule> rules = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : ALLOWED.entrySet()) {
            String[] forbidden = ALLOWED.keySet().stream()
                    .filter(p -> !p.equals(e.getKey()) && !e.getValue().contains(p))
                    .map(p -> ROOT + "." + p + "..").toArray(String[]::new);
            if (forbidden.length == 0) {
                continue;
            }
            rules.add(noClasses().that().resideInAPackage(ROOT + "." + e.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                    .as(e.getKey() + " uses only " + e.getValue())
                    .allowEmptyShould(true));
        }
        // One composite rule, so that a failure lists every package's violations at once.
        CompositeArchRule.of(rules).check(classes);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noTwoClassesShareASimpleName() {
        JavaClasses withTests = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(ROOT);
        Map<String, Set<String>> byName = new TreeMap<>();
        withTests.stream().filter(JavaClass::isTopLevelClass).filter(c -> !c.getSimpleName().equals("package-info"))
                .forEach(c -> byName.computeIfAbsent(c.getSimpleName(), k -> new TreeSet<>()).add(c.getName()));
        Map<String, Set<String>> shared = new TreeMap<>(byName);
        shared.values().removeIf(names -> names.size() < 2);
        assertThat(shared).as("simple names of more than one class (src/main, src/test and src/bench together)").isEmpty();
    }

    @Test
    void noSparkInTheOptimizerSavingsChartsOrReport() {
        for (String pkg : NO_SPARK) {
            noClasses().that().resideInAPackage(ROOT + "." + pkg + "..")
                    .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                    .as(pkg + " runs without Spark")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void everyIngestPartIsListed() {
        String ingest = ROOT + ".ingest.";
        Set<String> found = new TreeSet<>();
        classes.forEach(c -> {
            if (c.getPackageName().startsWith(ingest)) {
                found.add(c.getPackageName().substring(ingest.length()).split("\\.")[0]);
            }
        });
        assertThat(INGEST_PARTS.keySet()).as("ingest parts with a rule in INGEST_PARTS").containsAll(found);
    }

    @Test
    void ingestPartsUseOnlyTheirAllowedPartsAndNeverTheStage() {
        String ingest = ROOT + ".ingest";
        List<ArchRule> rules = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : INGEST_PARTS.entrySet()) {
            List<String> forbidden = new ArrayList<>(List.of(ingest));
            INGEST_PARTS.keySet().stream()
                    .filter(p -> !p.equals(e.getKey()) && !e.getValue().contains(p))
                    .forEach(p -> forbidden.add(ingest + "." + p + ".."));
            rules.add(noClasses().that().resideInAPackage(ingest + "." + e.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .as("ingest." + e.getKey() + " uses only " + new TreeSet<>(e.getValue()) + " of the ingest's parts")
                    .allowEmptyShould(true));
        }
        CompositeArchRule.of(rules).check(classes);
    }

    @Test
    void noCyclesBetweenIngestParts() {
        slices().matching(ROOT + ".ingest.(*)..").should().beFreeOfCycles().check(classes);
    }
}
