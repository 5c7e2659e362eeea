package dev.perfgate.cli.doctor;

import dev.perfgate.core.InputException;
import dev.perfgate.core.baseline.Baseline;
import dev.perfgate.core.baseline.BaselineFile;
import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.HostClass;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.platform.HostFile;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HostCheckTest {

    private static final PlatformKey LINUX = PlatformKey.parse("linux-x86_64");
    private static final List<String> AVX2 = List.of("avx", "avx2", "fma", "sse4.2");
    private static final List<String> AVX512 = List.of("avx", "avx2", "avx512f", "fma", "sse4.2");
    private static final Fingerprint FINGERPRINT = new Fingerprint("AMD EPYC", 2, "Debian", "17.0.15", List.of(),
            "Linux", "6.1");

    private static HostIdentity host(List<String> isa, int bits) {
        return new HostIdentity(new HostClass(LINUX, isa, bits, 2, 17), "17.0.15+6", Map.of(), "", null);
    }

    private static HostFile.Entry here(List<String> isa, int bits) {
        return new HostFile.Entry("doctor", FINGERPRINT, host(isa, bits));
    }

    private static Optional<BaselineFile> baselineOf(HostIdentity host) {
        return Optional.of(BaselineFile.of(new Baseline(LINUX, host, FINGERPRINT, Instant.EPOCH, List.of())));
    }

    @Test
    void aSetOfThisClassMakesVerdictsCount() {
        Finding f = HostCheck.of(here(AVX2, 256), "baselines/linux-x86_64.json", baselineOf(host(AVX2, 256)));

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.message()).isEqualTo("this host: linux-x86_64, AVX2, 256-bit vectors, 2 cores, JDK 17 "
                + "(JDK build 17.0.15+6); baselines/linux-x86_64.json has a set of this class: check's verdicts count");
        assertThat(f.details()).containsEntry("advisory", false);
    }

    @Test
    void anotherClassMakesThemAdvisoryAndSaysWhatDiffers() {
        Finding f = HostCheck.of(here(AVX512, 512), "baselines/linux-x86_64.json", baselineOf(host(AVX2, 256)));

        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("check's verdicts here are advisory (exit 0 unless --strict)",
                "avx512f here, not in the baseline", "vector width 512 bits here, 256 bits in the baseline");
    }

    @Test
    void noBaselineFileWarns() {
        Finding f = HostCheck.of(here(AVX2, 256), "baselines/linux-x86_64.json", Optional.empty());

        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).endsWith("baselines/linux-x86_64.json does not exist, so check has nothing to compare with");
    }

    @Test
    void aBrokenBaselineFileFailsNamingTheFileAndPlace() {
        Finding f = HostCheck.unreadable(here(AVX2, 256),
                new InputException("baselines/linux-x86_64.json", "line 3", "unexpected end of input"));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("baselines/linux-x86_64.json", "line 3");
    }
}
