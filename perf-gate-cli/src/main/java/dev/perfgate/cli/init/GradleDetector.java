package dev.perfgate.cli.init;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Gradle (Groovy or Kotlin DSL): the project whose build file applies the JMH plugin
 * {@code me.champeau.jmh} (or its old id {@code me.champeau.gradle.jmh}), whose {@code jmhJar}
 * task writes {@code build/libs/<name>-<version>-jmh.jar}. Build files are found by walking the
 * repository (a few levels, skipping build output and hidden folders), so that the project path
 * need not be read from the settings file; a project's Gradle path is taken to mirror its folder.
 */
final class GradleDetector {

    private static final List<String> BUILD_FILES = List.of("build.gradle", "build.gradle.kts");
    private static final Pattern JMH_PLUGIN = Pattern.compile("me\\.champeau(?:\\.gradle)?\\.jmh");
    private static final Set<String> SKIPPED = Set.of("build", "target", "out", "node_modules", "buildSrc");
    private static final int MAX_DEPTH = 4;
    private static final List<Pattern> JAVA_VERSION = List.of(
            Pattern.compile("JavaLanguageVersion\\s*\\.\\s*of\\s*\\(\\s*['\"]?(\\d+)['\"]?\\s*\\)"),
            Pattern.compile("jvmToolchain\\s*\\(\\s*(\\d+)\\s*\\)"),
            Pattern.compile("JavaVersion\\s*\\.\\s*VERSION_(?:1_)?(\\d+)"),
            Pattern.compile("(?:source|target)Compatibility\\s*=\\s*['\"]?([\\d.]+)"));

    private GradleDetector() {
    }

    static boolean isGradleBuild(Path root) {
        return Stream.of("build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts")
                .anyMatch(f -> Files.isRegularFile(root.resolve(f)));
    }

    static Detection detect(Path root) throws IOException {
        List<String> notes = new ArrayList<>();
        String gradle = BuildDetector.launcher(root, "gradlew", "gradle", notes);
        List<Path> buildFiles = buildFiles(root);
        Finding tool = Finding.of("Gradle", BuildDetector.toolNote(buildFiles.isEmpty() ? "settings.gradle"
                : BuildDetector.relative(root, buildFiles.get(0)), gradle, "gradlew"));
        List<Path> jmh = new ArrayList<>();
        for (Path file : buildFiles) {
            if (JMH_PLUGIN.matcher(read(file)).find()) {
                jmh.add(file);
            }
        }
        if (jmh.size() != 1) {
            String why = jmh.isEmpty()
                    ? "no build.gradle or build.gradle.kts of the Gradle build applies the JMH plugin me.champeau.jmh, "
                        + "whose jmhJar task builds the benchmarks jar"
                    : "several projects apply the JMH plugin me.champeau.jmh: "
                        + String.join(", ", jmh.stream().map(f -> BuildDetector.relative(root, f)).toList());
            return new Detection(tool, Finding.none(why), Finding.none(why),
                    javaVersion(root, buildFiles.isEmpty() ? null : buildFiles.get(0)), notes);
        }
        Path file = jmh.get(0);
        String project = BuildDetector.relative(root, file.getParent());
        String label = BuildDetector.relative(root, file);
        String task = project.isEmpty() ? "jmhJar" : ":" + project.replace('/', ':') + ":jmhJar";
        return new Detection(tool,
                Finding.of(gradle + " " + task, "the jmhJar task of the JMH plugin in " + label),
                Finding.of((project.isEmpty() ? "" : project + "/") + "build/libs/*-jmh.jar",
                        "what jmhJar writes (me.champeau.jmh in " + label + ")"),
                javaVersion(root, file), notes);
    }

    /** The build files of the repository, the root's first, then by depth and path. */
    private static List<Path> buildFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return !dir.equals(root) && (name.startsWith(".") || SKIPPED.contains(name))
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && BUILD_FILES.contains(file.getFileName().toString())) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.<Path>comparingInt(Path::getNameCount).thenComparing(Path::toString));
        return files;
    }

    /** The Java version the project's build file (or the root's) declares. */
    private static Finding javaVersion(Path root, Path file) throws IOException {
        List<Path> candidates = new ArrayList<>();
        if (file != null) {
            candidates.add(file);
        }
        for (String name : BUILD_FILES) {
            Path rootFile = root.resolve(name);
            if (Files.isRegularFile(rootFile) && !candidates.contains(rootFile)) {
                candidates.add(rootFile);
            }
        }
        for (Path candidate : candidates) {
            String text = read(candidate);
            for (Pattern p : JAVA_VERSION) {
                Matcher m = p.matcher(text);
                if (m.find()) {
                    return BuildDetector.javaVersion(Optional.of(m.group(1)),
                            "'" + m.group().strip() + "' in " + BuildDetector.relative(root, candidate));
                }
            }
        }
        return BuildDetector.javaVersion(Optional.empty(), file == null ? "the Gradle build"
                : BuildDetector.relative(root, file));
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
