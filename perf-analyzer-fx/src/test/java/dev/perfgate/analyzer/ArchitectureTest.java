package dev.perfgate.analyzer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MVVM rules, checked on the sources (as JabRef checks its layers): view models and
 * everything but the views use no JavaFX controls, scenes or windows, and only view models and
 * services reach into perf-core's writing side.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "perfgate", "analyzer");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    private static boolean isView(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith("View.java") || name.endsWith("Chart.java") || name.equals("AlignedAxis.java")
                || name.equals("AnalyzerApp.java") || name.equals("FxDialogService.java")
                || name.equals("PngExporter.java") || name.equals("Launcher.java") || name.equals("Analyzer.java");
    }

    @Test
    void viewModelsAndModelsUseNoControlsScenesOrWindows() throws IOException {
        for (Path file : sources()) {
            if (isView(file)) {
                continue;
            }
            String text = Files.readString(file);
            assertThat(text).as(file.toString())
                    .doesNotContain("import javafx.scene.")
                    .doesNotContain("import javafx.stage.");
        }
    }

    @Test
    void viewsDoNotCallPerfCoreServicesDirectly() throws IOException {
        for (Path file : sources()) {
            if (!file.getFileName().toString().endsWith("View.java")) {
                continue;
            }
            String text = Files.readString(file);
            assertThat(text).as(file.toString())
                    .doesNotContain("import dev.perfgate.core.baseline.")
                    .doesNotContain("import dev.perfgate.core.history.")
                    .doesNotContain("import dev.perfgate.core.gate.Gate;")
                    .doesNotContain("JfrReader");
        }
    }

    @Test
    void everyPublicTypeHasJavadoc() throws IOException {
        for (Path file : sources()) {
            String text = Files.readString(file);
            if (file.getFileName().toString().equals("package-info.java")) {
                continue;
            }
            int type = indexOfType(text);
            assertThat(type).as(file + " declares a type").isGreaterThan(0);
            String before = text.substring(0, type).stripTrailing();
            assertThat(before).as(file + " has Javadoc on its type").endsWith("*/");
        }
    }

    private static int indexOfType(String text) {
        for (String kind : new String[] {"public final class ", "public class ", "public interface ", "public record ",
            "public enum ", "public sealed interface ", "final class ", "record ", "class "}) {
            int i = text.indexOf("\n" + kind);
            if (i >= 0) {
                return i + 1;
            }
        }
        return -1;
    }
}
