package dev.perfgate.core.platform;

import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.model.RunSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformDetectorTest {

    @TempDir
    Path dir;

    private static Properties system(String osName, String osArch) {
        Properties p = new Properties();
        p.setProperty("os.name", osName);
        p.setProperty("os.arch", osArch);
        p.setProperty("os.version", "6.1.0-18-amd64");
        p.setProperty("java.vendor", "Eclipse Adoptium");
        p.setProperty("java.version", "17.0.15");
        return p;
    }

    private Path cpuInfo(String content) throws IOException {
        Path file = dir.resolve("cpuinfo");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void linuxCpuModelIsTheModelNameOfProcCpuinfo() throws IOException {
        Path file = cpuInfo("processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 25\n"
                + "model\t\t: 17\nmodel name\t: AMD EPYC 9R14 96-Core Processor\nstepping\t: 1\n\n"
                + "processor\t: 1\nmodel name\t: AMD EPYC 9R14 96-Core Processor\n");

        PlatformDetector detector = new PlatformDetector(system("Linux", "amd64"), Map.of(), file, 16);

        assertThat(detector.cpuModel()).isEqualTo("AMD EPYC 9R14 96-Core Processor");
        assertThat(detector.platformKey()).isEqualTo(PlatformKey.parse("linux-x86_64"));
    }

    @Test
    void armCpuWithoutModelNameFallsBackToCpuPart() throws IOException {
        Path file = cpuInfo("processor\t: 0\nBogoMIPS\t: 243.75\nCPU implementer\t: 0x41\nCPU part\t: 0xd0c\n");

        assertThat(new PlatformDetector(system("Linux", "aarch64"), Map.of(), file, 4).cpuModel()).isEqualTo("0xd0c");
    }

    @Test
    void missingCpuinfoGivesAnEmptyModel() {
        PlatformDetector detector = new PlatformDetector(system("Linux", "amd64"), Map.of(),
                dir.resolve("no-such-file"), 2);

        assertThat(detector.cpuModel()).isEmpty();
    }

    @Test
    void windowsCpuModelComesFromTheEnvironment() {
        PlatformDetector detector = new PlatformDetector(system("Windows 11", "amd64"),
                Map.of("PROCESSOR_IDENTIFIER", " Intel64 Family 6 Model 154 Stepping 3, GenuineIntel "),
                dir.resolve("none"), 8);

        assertThat(detector.cpuModel()).isEqualTo("Intel64 Family 6 Model 154 Stepping 3, GenuineIntel");
        assertThat(detector.platformKey()).hasToString("windows-x86_64");
    }

    @Test
    void unknownPlatformSuggestsThePlatformOption() {
        PlatformDetector detector = new PlatformDetector(system("SunOS", "sparcv9"), Map.of(), dir.resolve("none"), 1);

        assertThatThrownBy(detector::platformKey).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--platform");
    }

    @Test
    void fingerprintTakesTheJdkOfTheBenchmarkedJvm() throws IOException {
        Path file = cpuInfo("model name\t: Test CPU\n");
        RunSettings settings = new RunSettings("1.37", "/opt/jdk21/bin/java", "21.0.5", "OpenJDK 64-Bit Server VM",
                "21.0.5+11", List.of("-Xmx1g"), 1, 5, 3, 5);

        Fingerprint fingerprint = new PlatformDetector(system("Linux", "amd64"), Map.of(), file, 8)
                .fingerprint(settings);

        assertThat(fingerprint).as("the vendor of another JDK than this one is unknown")
                .isEqualTo(new Fingerprint("Test CPU", 8, "", "21.0.5", List.of("-Xmx1g"), "Linux", "6.1.0-18-amd64"));
    }

    @Test
    void theTemporaryDirectoryPerfGateGivesJmhIsNotAJvmFlagOfTheRun() throws IOException {
        RunSettings settings = new RunSettings("1.37", "", "17.0.15", "", "", List.of("-Djava.io.tmpdir=/tmp",
                "-XX:UseAVX=2"), 1, 5, 3, 5);

        Fingerprint fingerprint = new PlatformDetector(system("Linux", "amd64"), Map.of(), cpuInfo("model name : X\n"), 2)
                .fingerprint(settings);

        assertThat(fingerprint.jvmFlags()).containsExactly("-XX:UseAVX=2");
    }

    @Test
    void fingerprintWithUnknownSettingsDescribesThisJvm() throws IOException {
        Fingerprint fingerprint = new PlatformDetector(system("Linux", "amd64"), Map.of(),
                cpuInfo("model name : X\n"), 8).fingerprint(RunSettings.UNKNOWN);

        assertThat(fingerprint.jdkVersion()).isEqualTo("17.0.15");
        assertThat(fingerprint.jdkVendor()).isEqualTo("Eclipse Adoptium");
        assertThat(fingerprint.jvmFlags()).isEmpty();
    }
}
