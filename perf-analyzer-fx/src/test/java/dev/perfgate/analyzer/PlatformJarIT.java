package dev.perfgate.analyzer;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The analyzer jar this build made holds the JavaFX natives of the platform it was built for. */
class PlatformJarIT {

    /** OpenJFX's classifiers, by the platform names the released jars carry. */
    private static final Map<String, String> NAMES = Map.of("linux", "linux-x86_64", "linux-aarch64", "linux-aarch64",
            "mac", "macos-x86_64", "mac-aarch64", "macos-aarch64", "win", "windows-x86_64");

    @Test
    void theJarHoldsTheNativesOfItsPlatform() throws Exception {
        Path jar = Path.of(System.getProperty("analyzer.jar"));
        String classifier = System.getProperty("analyzer.classifier", "");
        // -Djavafx.platform chooses it; without, OpenJFX takes the build machine's.
        String platform = classifier.isBlank() || classifier.startsWith("$") ? thisMachine() : NAMES.get(classifier);
        assertThat(Files.isRegularFile(jar)).as(jar.toString()).isTrue();
        assertThat(platform).as("platform of classifier " + classifier).isNotNull();

        assertThat(PlatformNatives.problems(jar, platform)).isEmpty();
    }

    /** This machine's platform, as OpenJFX's POM picks it. */
    private static String thisMachine() {
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        boolean arm = System.getProperty("os.arch").contains("aarch64");
        if (os.contains("mac")) {
            return arm ? "macos-aarch64" : "macos-x86_64";
        }
        if (os.contains("win")) {
            return "windows-x86_64";
        }
        return arm ? "linux-aarch64" : "linux-x86_64";
    }
}
