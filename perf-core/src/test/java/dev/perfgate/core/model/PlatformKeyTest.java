package dev.perfgate.core.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformKeyTest {

    @Test
    void parseReadsOsAndArch() {
        PlatformKey key = PlatformKey.parse("linux-x86_64");

        assertThat(key.os()).isEqualTo("linux");
        assertThat(key.arch()).isEqualTo("x86_64");
        assertThat(key).hasToString("linux-x86_64");
    }

    @Test
    void parseRejectsAPathWithAMessageShowingTheForm() {
        assertThatThrownBy(() -> PlatformKey.parse("../../x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<os>-<arch>").hasMessageContaining("linux-x86_64")
                .hasMessageContaining("'../../x'");
    }

    @Test
    void parseRejectsAnUnknownArchitectureNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> PlatformKey.parse("linux-sparc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x86_64").hasMessageContaining("aarch64").hasMessageContaining("'sparc'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../-x86_64", "linux-x86_64/../../etc", "Linux-x86_64", "linux-", "-x86_64", "",
            "solaris-x86_64", "linux-x86_64\n"})
    void parseRejectsAnythingOutsideTheClosedSets(String text) {
        assertThatThrownBy(() -> PlatformKey.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseRejectsNull() {
        assertThatThrownBy(() -> PlatformKey.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownOsNamesTheAcceptedOnes() {
        assertThatThrownBy(() -> PlatformKey.parse("solaris-x86_64"))
                .hasMessageContaining("linux").hasMessageContaining("macos").hasMessageContaining("windows");
    }

    @ParameterizedTest
    @CsvSource({
        "Linux, amd64, linux-x86_64",
        "Linux, aarch64, linux-aarch64",
        "Mac OS X, aarch64, macos-aarch64",
        "Mac OS X, x86_64, macos-x86_64",
        "Windows 11, amd64, windows-x86_64",
        "Windows Server 2022, arm64, windows-aarch64"})
    void fromSystemMapsJvmPropertiesToAKey(String osName, String osArch, String expected) {
        assertThat(PlatformKey.fromSystem(osName, osArch)).hasToString(expected);
    }

    @Test
    void fromSystemRejectsAnUnknownMachine() {
        assertThatThrownBy(() -> PlatformKey.fromSystem("SunOS", "sparcv9"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
