package dev.perfgate.analyzer;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The release workflow builds, checks and packages the analyzer for every platform promised. */
class ReleaseWorkflowTest {

    private static final Path RELEASE = Path.of("..", ".github", "workflows", "release.yml");

    @Test
    void everyPlatformGetsAJarCheckedForItsNatives() throws Exception {
        String workflow = Files.readString(RELEASE);
        PlatformNatives.PLATFORMS.forEach((name, platform) ->
                assertThat(workflow).as(name).contains(platform.classifier() + ":" + name));
        assertThat(workflow).contains("java perf-analyzer-fx/src/test/java/dev/perfgate/analyzer/PlatformNatives.java")
                .contains("-Djavafx.platform=\"$classifier\"", "-Danalyzer.jarName=\"perf-analyzer-$platform\"");
    }

    @Test
    void eachOperatingSystemGetsAnAppImageAndTheReleaseHasChecksums() throws Exception {
        String workflow = Files.readString(RELEASE);
        assertThat(workflow).contains("runner: ubuntu-latest", "runner: macos-14", "runner: windows-latest",
                "jpackage --type app-image", "sha256sum", "gh release create");
    }
}
