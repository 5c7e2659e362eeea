package dev.perfgate.analyzer;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check the release runs on each platform's analyzer jar, on OpenJFX's own graphics jar of every
 * platform (copied beside the build by Maven): each holds its natives for its processor, and the
 * check tells a jar of another platform or processor apart.
 */
class PlatformNativesTest {

    private static Path openjfx(String classifier) {
        return Path.of("target", "javafx-platforms", "javafx-graphics-21.0.11-" + classifier + ".jar");
    }

    @Test
    void openJfxShipsTheNativesOfEveryPlatformPromised() throws Exception {
        for (var platform : PlatformNatives.PLATFORMS.entrySet()) {
            assertThat(PlatformNatives.problems(openjfx(platform.getValue().classifier()), platform.getKey()))
                    .as(platform.getKey()).isEmpty();
        }
    }

    @Test
    void aJarOfAnotherProcessorOrSystemIsRefused() throws Exception {
        assertThat(PlatformNatives.problems(openjfx("mac"), "macos-aarch64"))
                .contains(openjfx("mac") + ": libglass.dylib is built for x86_64, not aarch64");
        assertThat(PlatformNatives.problems(openjfx("linux-aarch64"), "linux-x86_64"))
                .contains(openjfx("linux-aarch64") + ": libglass.so is built for aarch64, not x86_64");
        assertThat(PlatformNatives.problems(openjfx("linux"), "windows-x86_64"))
                .contains(openjfx("linux") + ": no glass.dll", openjfx("linux") + ": no com/sun/glass/ui/win/WinApplication.class");
    }
}
