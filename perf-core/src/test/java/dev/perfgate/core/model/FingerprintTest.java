package dev.perfgate.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FingerprintTest {

    private static Fingerprint of(String cpu, String jdk) {
        return new Fingerprint(cpu, 16, "Eclipse Adoptium", jdk, List.of("-Xmx2g"), "Linux", "6.1.0");
    }

    @Test
    void featureVersionIsReadFromOldAndNewVersionStrings() {
        assertThat(of("", "1.8.0_402").jdkFeatureVersion()).isEqualTo(8);
        assertThat(of("", "21").jdkFeatureVersion()).isEqualTo(21);
        assertThat(of("", "17-ea").jdkFeatureVersion()).isEqualTo(17);
        assertThat(of("", "").jdkFeatureVersion()).isZero();
    }

    @Test
    void differencesNameWhatDiffers() {
        assertThat(of("Apple M1 Pro", "21.0.5").differencesFrom(of("AMD EPYC 9R14", "17.0.15"))).containsExactly(
                "CPU: AMD EPYC 9R14 (baseline) vs Apple M1 Pro (current)",
                "JDK: 17.0.15 (baseline) vs 21.0.5 (current)");
        assertThat(of("x", "17").differencesFrom(of("x", "17"))).isEmpty();
    }

    @Test
    void negativeCoresAreRejected() {
        assertThatThrownBy(() -> new Fingerprint("", -1, "", "", null, "", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("logicalCores");
    }
}
