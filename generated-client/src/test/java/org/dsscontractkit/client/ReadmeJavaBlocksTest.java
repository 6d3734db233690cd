package org.dsscontractkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code java} block of the module's README compiles as pasted: its imports, then its statements as the body
 * of a method, against the module's test class path, with deprecation warnings as errors.
 */
class ReadmeJavaBlocksTest {

    /** One {@code java} block: where it starts in the README, its import lines and its other lines. */
    record Block(int line, List<String> imports, List<String> body) {

        /** @return the block as a class of its own, its statements in {@code main} */
        String asClass(String className) {
            StringBuilder source = new StringBuilder();
            imports.forEach(i -> source.append(i).append('\n'));
            source.append("public class ").append(className).append(" {\n")
                    .append("    public static void main(String[] args) throws Exception {\n");
            body.forEach(b -> source.append("        ").append(b).append('\n'));
            return source.append("    }\n}\n").toString();
        }
    }

    static List<Block> javaBlocks(List<String> readme) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            if (!readme.get(i).strip().equals("```java")) {
                continue;
            }
            int start = i + 1;
            List<String> imports = new ArrayList<>();
            List<String> body = new ArrayList<>();
            for (i = start; i < readme.size() && !readme.get(i).strip().equals("```"); i++) {
                String line = readme.get(i);
                (line.startsWith("import ") ? imports : body).add(line);
            }
            blocks.add(new Block(start, imports, body));
        }
        return blocks;
    }

    @Test
    void everyJavaBlockOfTheReadmeCompiles(@TempDir Path out) throws IOException {
        List<Block> blocks = javaBlocks(Files.readAllLines(Path.of("README.md")));
        assertThat(blocks).as("java blocks in README.md").hasSizeGreaterThanOrEqualTo(10);

        List<JavaFileObject> sources = new ArrayList<>();
        for (Block block : blocks) {
            String className = "ReadmeBlockAtLine" + block.line();
            sources.add(new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return block.asClass(className);
                }
            });
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            compiler.getTask(null, files, diagnostics,
                    List.of("-classpath", classPath, "-d", out.toString(), "-Xlint:deprecation", "-Werror", "-proc:none"),
                    null, sources).call();
        }

        List<String> problems = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
                        || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                .filter(d -> d.getSource() != null)
                .map(d -> "README block at line " + d.getSource().getName().replaceAll("\\D", "") + ", line "
                        + d.getLineNumber() + " of the block's class: " + d.getMessage(Locale.ROOT))
                .toList();
        assertThat(problems).as("compiling the README's java blocks").isEmpty();
    }

    @Test
    void aBlockThatDoesNotCompileIsReported(@TempDir Path out) {
        Block broken = javaBlocks(List.of("```java", "DSSClient client = new DSSClient(\"http://x\", \"k\");", "```")).get(0);

        assertThat(broken.imports()).isEmpty();
        assertThat(broken.asClass("Broken")).contains("DSSClient client");
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok = compiler.getTask(null, null, diagnostics, List.of("-d", out.toString()), null,
                List.of(new SimpleJavaFileObject(URI.create("string:///Broken.java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return broken.asClass("Broken");
                    }
                })).call();

        assertThat(ok).as("a block without its imports must not compile").isFalse();
        assertThat(diagnostics.getDiagnostics()).anyMatch(d -> d.getMessage(Locale.ROOT).contains("DSSClient"));
    }
}
