package dev.perfgate.core.platform;

import dev.perfgate.core.model.HostClass;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.model.HostSpeed;
import dev.perfgate.core.model.PlatformKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs the real probe JVM of this machine. */
class HostDetectorTest {

    private static final PlatformKey PLATFORM = PlatformDetector.ofThisMachine().platformKey();

    private final List<String> warnings = new ArrayList<>();
    private final HostDetector detector = new HostDetector(PLATFORM, Path.of("/proc/cpuinfo"), warnings::add);

    @Test
    void theBenchmarkJvmReportsItsFeaturesVectorWidthCoresAndSpeed() {
        HostIdentity host = detector.detect("", List.of());

        assertThat(warnings).isEmpty();
        HostClass hostClass = host.hostClass();
        assertThat(hostClass.platform()).isEqualTo(PLATFORM);
        assertThat(hostClass.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(hostClass.jdkMajor()).isEqualTo(Runtime.version().feature());
        assertThat(hostClass.vectorBits()).isIn(128, 256, 512, 1024, 2048);
        assertThat(hostClass.isa()).isNotEmpty();
        assertThat(host.jdkBuild()).isEqualTo(System.getProperty("java.vm.version"));
        assertThat(host.vmFlags()).containsKeys("MaxVectorSize", "MaxHeapSize");
        assertThat(host.gc()).isNotEmpty();
        assertThat(host.speed()).isNotNull();
        assertThat(host.speed().probes()).containsKeys("scalar_chain", "vector_fma", "read_l1", "read_l2", "read_l3")
                .allSatisfy((name, probe) -> assertThat(probe.nanos()).as(name).isPositive());
    }

    @Test
    void aJvmFlagThatNarrowsTheVectorsMakesAnotherClass() {
        HostIdentity full = detector.detect("", List.of());
        assumeTrue(full.hostClass().isa().contains("avx512f"), "needs an AVX-512 host");

        HostIdentity avx2 = detector.detect("", List.of("-XX:UseAVX=2", "-Xmx256m", "--add-modules=jdk.incubator.vector"));

        assertThat(avx2.hostClass().vectorBits()).isEqualTo(256);
        assertThat(avx2.hostClass().isa()).contains("avx2").doesNotContain("avx512f");
        assertThat(full.hostClass().differencesFrom(avx2.hostClass(), "the baseline"))
                .contains("vector width 512 bits here, 256 bits in the baseline")
                .anySatisfy(d -> assertThat(d).startsWith("avx512bw, avx512dq, avx512f, avx512vl here"));
        assertThat(avx2.vmFlags()).containsEntry("UseAVX", "2").containsEntry("MaxHeapSize", "268435456");
    }

    @Test
    void onlyFlagsThatShapeCodeOrMemoryReachTheProbeJvm() {
        assertThat(HostDetector.relevantArgs(List.of("-XX:UseAVX=2", "-Xmx1g", "-Djava.io.tmpdir=/t",
                "-XX:StartFlightRecording=filename=x.jfr", "--add-modules=jdk.incubator.vector", "-javaagent:a.jar")))
                .containsExactly("-XX:UseAVX=2", "-Xmx1g");
    }

    @Test
    void aProbeRunMeasuresOnlyTheNamedProbesInAFreshJvm() throws Exception {
        HostSpeed speed = detector.probe("", List.of(), List.of("scalar_chain"));

        assertThat(speed.probes()).containsOnlyKeys("scalar_chain");
        assertThat(speed.probes().get("scalar_chain").nanos()).isPositive();
    }

    @Test
    void aProbeRunInAJvmThatFailsSaysSo(@TempDir Path dir) throws Exception {
        Path notJava = Files.writeString(dir.resolve("java"), "#!/bin/sh\necho broken\nexit 3\n");
        assumeTrue(notJava.toFile().setExecutable(true));

        assertThatThrownBy(() -> detector.probe(notJava.toString(), List.of(), List.of("scalar_chain")))
                .isInstanceOf(IOException.class).hasMessageContaining("exit code 3");
    }

    @Test
    void aJvmThatCannotBeAskedStillGivesAnIdentityAndSaysWhy(@TempDir Path dir) throws Exception {
        Path notJava = Files.writeString(dir.resolve("java"), "#!/bin/sh\nexit 1\n");
        assumeTrue(notJava.toFile().setExecutable(true));

        HostIdentity host = detector.detect(notJava.toString(), List.of());

        assertThat(warnings).singleElement().asString().contains("could not measure the host", "exit code 1");
        assertThat(host.hostClass().vectorBits()).isZero();
        assertThat(host.speed()).isNull();
    }

    @Test
    void theJvmsCpuLineIsReadInTheFormatsOfJdk17AndAarch64() {
        HostIdentity x86 = new HostDetector(PlatformKey.parse("linux-x86_64"), Path.of("/nonexistent"), warnings::add)
                .parse(List.of("[0.016s][info][os,cpu] CPU: total 2 (initial active 2) (1 cores per cpu, 1 threads "
                        + "per core) family 26 model 2 stepping 1 microcode 0x0, cx8, sse4.2, avx, avx2, bmi1, bmi2, "
                        + "fma, avx512f, avx512dq, avx512bw, avx512vl, hv",
                        "     intx MaxVectorSize                            = 64                 {C2 product} {default}",
                        "perfgate-jvm cores=2 version=17.0.15+6-Debian-1deb12u1"));
        HostIdentity arm = new HostDetector(PlatformKey.parse("linux-aarch64"), Path.of("/nonexistent"), warnings::add)
                .parse(List.of("[0.010s][info][os,cpu] CPU: total 4 (initial active 4) 0x41:0x0:0xd0c:1, fp, asimd, "
                        + "evtstrm, aes, pmull, sha1, sha256, crc32, lse, dcpop, sve",
                        "     intx MaxVectorSize                            = 16                 {C2 product} {default}",
                        "perfgate-jvm cores=4 version=21.0.5+11-LTS"));

        assertThat(x86.hostClass()).isEqualTo(new HostClass(PlatformKey.parse("linux-x86_64"), List.of("avx", "avx2",
                "avx512bw", "avx512dq", "avx512f", "avx512vl", "bmi1", "bmi2", "fma", "sse4.2"), 512, 2, 17));
        assertThat(arm.hostClass()).isEqualTo(new HostClass(PlatformKey.parse("linux-aarch64"),
                List.of("asimd", "sve"), 128, 4, 21));
        assertThat(warnings).isEmpty();
    }
}
