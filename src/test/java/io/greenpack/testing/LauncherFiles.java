package io.greenpack.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the {@code ./greenpack} launcher runs, as written by {@code mvn package}:
 * {@code target/greenpack.jar}, the runtime classpath {@code target/greenpack.classpath} and the
 * JVM options {@code target/jvm.args}. Integration tests start child JVMs from these, so they
 * run exactly what a user runs (failsafe runs after {@code package}, so the files exist).
 */
public record LauncherFiles(Path root, Path jar, List<Path> classpath, Path jvmArgs) {

    /** The files of the checkout at {@code greenpack.home}; fails clearly when they were not built. */
    public static LauncherFiles of(Path root) throws IOException {
        Path target = root.resolve("target");
        Path jar = target.resolve("greenpack.jar");
        Path cp = target.resolve("greenpack.classpath");
        Path args = target.resolve("jvm.args");
        for (Path p : List.of(jar, cp, args)) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException(p + " is missing: run 'mvn -DskipTests package' first "
                        + "(mvn verify builds it before integration tests)");
            }
        }
        List<Path> entries = Arrays.stream(Files.readString(cp, StandardCharsets.UTF_8).strip().split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).toList();
        return new LauncherFiles(root, jar, entries, args);
    }

    /** The java binary of this JVM (the same Java 17 for every process of a test). */
    public static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** {@code java -Xmx<heap> @jvm.args -D... -cp <cp> <main> <args...>}. */
    public List<String> command(String heap, Map<String, String> properties, boolean withAppJar,
                                String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java().toString());
        cmd.add("-Xmx" + heap);
        cmd.add("@" + jvmArgs);
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-cp");
        List<String> cp = new ArrayList<>();
        if (withAppJar) {
            cp.add(jar.toString());
        }
        classpath.forEach(p -> cp.add(p.toString()));
        cmd.add(String.join(java.io.File.pathSeparator, cp));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** {@code ./greenpack <args>} as the launcher runs it. */
    public List<String> greenpack(String heap, Map<String, String> properties, List<String> args) {
        Map<String, String> props = new java.util.LinkedHashMap<>();
        props.put("java.awt.headless", "true");
        props.put("greenpack.home", root.toString());
        props.putAll(properties);
        return command(heap, props, true, "io.greenpack.cli.Main", args);
    }
}
