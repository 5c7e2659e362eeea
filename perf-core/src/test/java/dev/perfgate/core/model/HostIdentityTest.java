package dev.perfgate.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** When verdicts between two hosts are advice: the host classes decide; where neither is known, the fingerprints. */
class HostIdentityTest {

    private static final PlatformKey LINUX = PlatformKey.parse("linux-x86_64");
    private static final List<String> AVX2 = List.of("sse4.2", "avx", "avx2", "fma", "bmi1", "bmi2");
    private static final List<String> AVX512 = List.of("sse4.2", "avx", "avx2", "fma", "bmi1", "bmi2", "avx512f",
            "avx512bw", "avx512vl", "avx512dq");

    private static HostIdentity host(List<String> isa, int vectorBits) {
        return new HostIdentity(new HostClass(LINUX, isa, vectorBits, 2, 17), "17.0.15+6", Map.of(), "", null);
    }

    private static Fingerprint jvm(String cpu, String jdk) {
        return new Fingerprint(cpu, 2, "Eclipse Adoptium", jdk, List.of(), "Linux", "6.1.0");
    }

    @Test
    void hostsOfOneClassWhoseCpusAreNamedDifferentlyMayFailABuild() {
        String reason = HostIdentity.advisoryReason(host(AVX2, 256), jvm("AMD EPYC 7763 64-Core Processor", "17.0.15"),
                host(AVX2, 256), jvm("AMD EPYC", "17.0.2"), "the baseline");

        assertThat(reason).isEmpty();
    }

    @Test
    void hostsOfDifferentClassesGiveAdviceNamingWhatDiffers() {
        String reason = HostIdentity.advisoryReason(host(AVX2, 256), jvm("AMD EPYC", "17.0.15"), host(AVX512, 512),
                jvm("AMD EPYC", "17.0.15"), "the baseline");

        assertThat(reason).isEqualTo("measured on different host classes: avx512bw, avx512dq, avx512f, avx512vl in "
                + "the baseline, not here; vector width 256 bits here, 512 bits in the baseline");
    }

    @Test
    void aHostKnownOnOneSideOnlyGivesAdvice() {
        assertThat(HostIdentity.advisoryReason(host(AVX2, 256), jvm("AMD EPYC", "17.0.15"), null,
                jvm("AMD EPYC", "17.0.15"), "the baseline"))
                .isEqualTo("no host class recorded for the baseline, so nothing shows that both sides ran on hosts "
                        + "of one class");
        assertThat(HostIdentity.advisoryReason(null, jvm("AMD EPYC", "17.0.15"), host(AVX2, 256),
                jvm("AMD EPYC", "17.0.15"), "the baseline")).startsWith("no host class recorded here");
    }

    @Test
    void withNeitherHostTheFingerprintsDecideAsBeforeHostClasses() {
        assertThat(HostIdentity.advisoryReason(null, jvm("AMD EPYC 9R14", "21.0.5"), null,
                jvm("AMD EPYC 9R14", "17.0.15"), "the base")).isEqualTo("JDK 21 here, JDK 17 in the base");
        assertThat(HostIdentity.advisoryReason(null, jvm("Apple M1 Pro", "17.0.15"), null,
                jvm("AMD EPYC 9R14", "17.0.2"), "the base")).isEqualTo("CPU Apple M1 Pro here, AMD EPYC 9R14 in the base");
        assertThat(HostIdentity.advisoryReason(null, jvm("AMD EPYC 9R14", "17.0.15"), null,
                jvm("AMD EPYC 9R14", "17.0.2"), "the base")).isEmpty();
        assertThat(HostIdentity.advisoryReason(null, jvm("", ""), null, jvm("AMD EPYC 9R14", "17.0.15"), "the base"))
                .isEmpty();
    }
}
