package io.greenpack.architecture;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import org.junit.jupiter.api.Test;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No method or constructor in the product, its tests or its benchmarks runs over
 * {@value #MAX_LINES} lines, counted from its first line (annotations and signature) to its
 * closing brace. Measured on the source with the JDK's own parser, so text blocks, lambdas and
 * nested classes are counted as javac sees them.
 */
class MethodLengthTest {
    static final int MAX_LINES = 80;

    @Test
    void noMethodIsLongerThanTheLimit() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/test/java", "src/bench/java")) {
            tooLong.addAll(longMethods(Path.of(root)));
        }
        assertThat(tooLong).as("methods over " + MAX_LINES + " lines").isEmpty();
    }

    @Test
    void aLongMethodIsFound(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        StringBuilder body = new StringBuilder("class Long {\n  void shortOne() {\n  }\n  void longOne() {\n");
        for (int i = 0; i < MAX_LINES; i++) {
            body.append("    int x").append(i).append(" = ").append(i).append(";\n");
        }
        body.append("  }\n}\n");
        Files.writeString(tmp.resolve("Long.java"), body, StandardCharsets.UTF_8);

        assertThat(longMethods(tmp)).singleElement().asString().contains("Long.java:4 longOne").contains("82 lines");
    }

    static List<String> longMethods(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> out = new ArrayList<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            JavacTask task = (JavacTask) javac.getTask(null, fm, d -> { }, List.of("-proc:none"), null, units);
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree unit : task.parse()) {
                new Scanner(unit, positions, out).scan(unit, null);
            }
        }
        return out;
    }

    private static final class Scanner extends TreePathScanner<Void, Void> {
        private final CompilationUnitTree unit;
        private final SourcePositions positions;
        private final List<String> out;

        Scanner(CompilationUnitTree unit, SourcePositions positions, List<String> out) {
            this.unit = unit;
            this.positions = positions;
            this.out = out;
        }

        @Override
        public Void visitMethod(MethodTree method, Void unused) {
            LineMap lines = unit.getLineMap();
            long first = lines.getLineNumber(positions.getStartPosition(unit, method));
            long last = lines.getLineNumber(positions.getEndPosition(unit, method));
            long count = last - first + 1;
            if (count > MAX_LINES) {
                String file = Path.of(unit.getSourceFile().toUri()).getFileName().toString();
                out.add(file + ":" + first + " " + method.getName() + " (" + count + " lines)");
            }
            return super.visitMethod(method, unused);
        }
    }
}
