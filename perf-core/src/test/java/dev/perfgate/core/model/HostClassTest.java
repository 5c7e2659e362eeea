package dev.perfgate.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HostClassTest {

    private static final PlatformKey LINUX = PlatformKey.parse("linux-x86_64");
    private static final List<String> AVX2 = List.of("sse4.2", "avx", "avx2", "fma", "bmi1", "bmi2");
    private static final List<String> AVX512 = List.of("sse4.2", "avx", "avx2", "fma", "bmi1", "bmi2", "avx512f",
            "avx512bw", "avx512vl", "avx512dq");

    @Test
    void classFeaturesKeepOnlyWhatTheJitChoosesByInTheJvmSpelling() {
        List<String> cpuinfo = List.of("fpu", "sse4_1", "sse4_2", "avx", "avx2", "fma", "avx512f", "avx512cd", "sha_ni");

        assertThat(HostClass.classFeatures("x86_64", cpuinfo)).containsExactly("avx", "avx2", "avx512f", "fma", "sse4.2");
        assertThat(HostClass.classFeatures("aarch64", List.of("fp", "simd", "crc", "sve", "sve2")))
                .containsExactly("asimd", "sve", "sve2");
    }

    @Test
    void anAvx512HostAndAnAvx2HostAreDifferentClassesAndTheDifferenceIsNamed() {
        HostClass here = new HostClass(LINUX, AVX512, 512, 2, 17);
        HostClass baseline = new HostClass(LINUX, AVX2, 256, 2, 17);

        assertThat(here).isNotEqualTo(baseline);
        assertThat(here.differencesFrom(baseline, "the baseline")).containsExactly(
                "avx512bw, avx512dq, avx512f, avx512vl here, not in the baseline",
                "vector width 512 bits here, 256 bits in the baseline");
        assertThat(baseline.differencesFrom(here, "the baseline")).containsExactly(
                "avx512bw, avx512dq, avx512f, avx512vl in the baseline, not here",
                "vector width 256 bits here, 512 bits in the baseline");
    }

    @Test
    void featureOrderDoesNotMakeAnotherClass() {
        assertThat(new HostClass(LINUX, AVX2, 256, 2, 17))
                .isEqualTo(new HostClass(LINUX, List.of("bmi2", "bmi1", "fma", "avx2", "avx", "sse4.2"), 256, 2, 17));
    }

    @Test
    void labelNamesTheHighestVectorExtension() {
        assertThat(new HostClass(LINUX, AVX512, 512, 2, 17).label())
                .isEqualTo("linux-x86_64, AVX-512, 512-bit vectors, 2 cores, JDK 17");
        assertThat(new HostClass(PlatformKey.parse("macos-aarch64"), List.of("asimd"), 128, 8, 21).label())
                .isEqualTo("macos-aarch64, ASIMD, 128-bit vectors, 8 cores, JDK 21");
    }

    @Test
    void aProbeMovedOnlyBeyondItsNoiseAndTheFloor() {
        HostSpeed base = new HostSpeed(Map.of("vector_fma", new HostSpeed.Probe(0.0200, 0.01),
                "scalar_chain", new HostSpeed.Probe(1.15, 0.01)));
        HostSpeed faster = new HostSpeed(Map.of("vector_fma", new HostSpeed.Probe(0.0130, 0.01),
                "scalar_chain", new HostSpeed.Probe(1.20, 0.01)));

        assertThat(faster.movedFrom(base, "the baseline's host"))
                .containsExactly("this host runs the vector FMA probe 54% faster than the baseline's host");
    }

    @Test
    void aNoisyProbeIsNotSaidToHaveMoved() {
        HostSpeed base = new HostSpeed(Map.of("read_memory", new HostSpeed.Probe(35, 0.08)));
        HostSpeed now = new HostSpeed(Map.of("read_memory", new HostSpeed.Probe(45, 0.08)));

        assertThat(now.movedFrom(base, "the baseline's host")).isEmpty();
    }
}
