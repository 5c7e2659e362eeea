package dev.perfgate.cli.init;

import dev.perfgate.core.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds out, by reading a repository's build files, how it builds its JMH benchmarks jar: the
 * build tool (Maven's {@code pom.xml}, Gradle's {@code build.gradle} or {@code build.gradle.kts};
 * their wrapper scripts {@code mvnw} and {@code gradlew} preferred when present), the command that
 * builds the jar, where the jar lands and the JDK to use. Nothing is run.
 *
 * <pre>
 * Detection d = BuildDetector.detect(Path.of("."));
 * d.benchmarksJar().value();   // "target/benchmarks.jar", or null with d.benchmarksJar().note() saying why
 * </pre>
 */
public final class BuildDetector {

    /** The JDK feature version perf-gate itself needs, and the one used when the build names none. */
    static final int MIN_JAVA = 17;

    private BuildDetector() {
    }

    /**
     * Reads the build files in {@code root}.
     *
     * @throws InputException when a {@code pom.xml} is not well-formed, naming the file and line
     * @throws IOException    when a build file cannot be read
     */
    public static Detection detect(Path root) throws InputException, IOException {
        boolean maven = Files.isRegularFile(root.resolve("pom.xml"));
        boolean gradle = GradleDetector.isGradleBuild(root);
        Detection mavenDetection = maven ? MavenDetector.detect(root) : null;
        if (mavenDetection != null && (mavenDetection.benchmarksJar().found() || !gradle)) {
            return mavenDetection;
        }
        if (gradle) {
            Detection gradleDetection = GradleDetector.detect(root);
            if (gradleDetection.benchmarksJar().found() || mavenDetection == null) {
                return gradleDetection;
            }
            return mavenDetection;
        }
        String lookedFor = "found no build in " + root.toAbsolutePath().normalize()
                + ": looked for pom.xml (Maven), build.gradle or build.gradle.kts (Gradle)";
        return new Detection(Finding.none(lookedFor), Finding.none(lookedFor), Finding.none(lookedFor),
                Finding.of(String.valueOf(MIN_JAVA), "the default"), List.of());
    }

    /**
     * The command that runs a build tool: its wrapper script when the repository has one (a note
     * when the script is not executable, as CI would then fail to run it), else the tool itself.
     */
    static String launcher(Path root, String wrapper, String tool, List<String> notes) {
        Path script = root.resolve(wrapper);
        if (!Files.isRegularFile(script)) {
            return tool;
        }
        if (!Files.isExecutable(script)) {
            notes.add(wrapper + " is not executable, so CI cannot run ./" + wrapper + ": make it executable with "
                    + "'git update-index --chmod=+x " + wrapper + "' and commit");
        }
        return "./" + wrapper;
    }

    /** How a build was found, with the launcher it runs. */
    static String toolNote(String buildFiles, String launcher, String wrapper) {
        return buildFiles + (launcher.startsWith("./") ? ", wrapper " + launcher
                : "; no " + wrapper + ", so " + launcher + " from the PATH");
    }

    private static final Pattern FEATURE = Pattern.compile("(?:1\\.)?(\\d{1,3})");

    /**
     * The JDK to build and run with, from the Java version a build file declares: that version when
     * it is {@value #MIN_JAVA} or later, else {@value #MIN_JAVA} (perf-gate's own minimum).
     *
     * @param declared the version as written (e.g. {@code 21}, {@code 1.8}), empty when none is
     * @param where    where it was found (e.g. {@code maven.compiler.release in pom.xml}), or, without a
     *                 version, which file names none
     */
    static Finding javaVersion(Optional<String> declared, String where) {
        String min = String.valueOf(MIN_JAVA);
        if (declared.isEmpty()) {
            return Finding.of(min, "the default: " + where + " names no Java version");
        }
        Matcher m = FEATURE.matcher(declared.get().strip());
        if (!m.matches()) {
            return Finding.of(min, "the default: " + where + " is '" + declared.get() + "', not a Java version");
        }
        int feature = Integer.parseInt(m.group(1));
        return feature >= MIN_JAVA ? Finding.of(String.valueOf(feature), where)
                : Finding.of(min, where + " is Java " + feature + "; perf-gate runs on " + MIN_JAVA + " or later");
    }

    /** A path relative to the root, '/'-separated; empty for the root itself. */
    static String relative(Path root, Path dir) {
        return root.toAbsolutePath().normalize().relativize(dir.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
    }
}
