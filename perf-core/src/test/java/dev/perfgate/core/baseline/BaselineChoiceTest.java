package dev.perfgate.core.baseline;

import dev.perfgate.core.model.HostClass;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.model.HostSpeed;
import dev.perfgate.core.platform.HostFile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BaselineChoiceTest {

    private static final HostIdentity AVX512 = new HostIdentity(new HostClass(BaselineFixtures.LINUX, List.of("avx",
            "avx2", "avx512bw", "avx512dq", "avx512f", "avx512vl", "bmi1", "bmi2", "fma", "sse4.2"), 512, 16, 17),
            "17.0.15+6-LTS", Map.of("MaxVectorSize", "64", "UseAVX", "3"), "", new HostSpeed(Map.of(
            "vector_fma", new HostSpeed.Probe(0.0130, 0.01))));

    private static HostFile.Entry measuredOn(HostIdentity host, String results) {
        return new HostFile.Entry(results, BaselineFixtures.FINGERPRINT, host);
    }

    @Test
    void theSetOfTheHostsClassMakesVerdictsCount() {
        BaselineChoice choice = BaselineChoice.of(BaselineFixtures.file(),
                List.of(measuredOn(BaselineFixtures.HOST, "results.json")));

        assertThat(choice.set()).isEqualTo(BaselineFixtures.baseline());
        assertThat(choice.advisoryReason()).isEmpty();
        assertThat(choice.notes()).isEmpty();
    }

    @Test
    void withoutASetOfTheHostsClassVerdictsAreAdviceNamingWhatDiffers() {
        BaselineChoice choice = BaselineChoice.of(BaselineFixtures.file(), List.of(measuredOn(AVX512, "results.json")));

        assertThat(choice.set()).isEqualTo(BaselineFixtures.baseline());
        assertThat(choice.advisoryReason()).startsWith("no baseline for this host class (linux-x86_64, AVX-512, "
                + "512-bit vectors, 16 cores, JDK 17)").contains(
                "avx512bw, avx512dq, avx512f, avx512vl here, not in the baseline",
                "vector width 512 bits here, 256 bits in the baseline", "perf-gate ab");
        assertThat(choice.notes()).contains("this host runs the vector FMA probe 55% faster than the baseline's host");
    }

    @Test
    void approvingOnTheOtherClassGivesItsOwnSet() {
        Baseline avx512Set = new Baseline(BaselineFixtures.LINUX, AVX512, BaselineFixtures.FINGERPRINT,
                BaselineFixtures.TIMESTAMP, List.of(BaselineFixtures.matrixEntry()));
        BaselineFile both = BaselineFixtures.file().with(avx512Set);

        assertThat(BaselineChoice.of(both, List.of(measuredOn(AVX512, "r.json"))).set()).isEqualTo(avx512Set);
        assertThat(BaselineChoice.of(both, List.of(measuredOn(BaselineFixtures.HOST, "r.json"))).set())
                .isEqualTo(BaselineFixtures.baseline());
    }

    @Test
    void shardsOfDifferentClassesAreNeverBinding() {
        BaselineChoice choice = BaselineChoice.of(BaselineFixtures.file(), List.of(
                measuredOn(BaselineFixtures.HOST, "shard-1.json"), measuredOn(AVX512, "shard-2.json")));

        assertThat(choice.advisoryReason()).contains("hosts of 2 different classes", "shard-1.json", "shard-2.json");
    }

    @Test
    void aSetOfUnknownClassIsNeverBinding() {
        Baseline old = BaselineFixtures.baseline();
        BaselineFile v1 = BaselineFile.of(new Baseline(old.platform(), null, old.fingerprint(), old.timestamp(),
                old.entries()));

        BaselineChoice choice = BaselineChoice.of(v1, List.of(measuredOn(BaselineFixtures.HOST, "r.json")));

        assertThat(choice.advisoryReason()).contains("host class unknown");
    }
}
