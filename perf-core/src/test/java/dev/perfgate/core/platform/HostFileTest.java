package dev.perfgate.core.platform;

import dev.perfgate.core.InputException;
import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.HostClass;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.model.HostSpeed;
import dev.perfgate.core.model.PlatformKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostFileTest {

    private static final PlatformKey LINUX = PlatformKey.parse("linux-x86_64");
    static final HostIdentity HOST = new HostIdentity(new HostClass(LINUX, List.of("avx", "avx2", "fma"), 256, 2, 17),
            "17.0.15+6", Map.of("UseAVX", "2", "MaxVectorSize", "32"), "L1d 48 KiB",
            new HostSpeed(Map.of("vector_fma", new HostSpeed.Probe(0.02, 0.01))));
    static final Fingerprint FINGERPRINT = new Fingerprint("AMD EPYC", 2, "Debian", "17.0.15", List.of("-Xmx1g"),
            "Linux", "6.1");

    @TempDir
    Path dir;

    @Test
    void theHostFileSitsBesideItsResults() {
        assertThat(HostFile.pathFor(Path.of("target", "results.json"))).isEqualTo(Path.of("target", "results.host.json"));
        assertThat(HostFile.pathFor(Path.of("out"))).isEqualTo(Path.of("out.host.json"));
    }

    @Test
    void whatIsWrittenReadsBackEntryForEntry() throws Exception {
        Path results = dir.resolve("merged.json");
        List<HostFile.Entry> entries = List.of(new HostFile.Entry("shard-1.json", FINGERPRINT, HOST),
                new HostFile.Entry("shard-2.json", FINGERPRINT, HOST));

        HostFile.write(results, entries);

        assertThat(HostFile.read(results, LINUX)).contains(entries);
        assertThat(Files.readString(HostFile.pathFor(results))).contains("\"label\" : \"linux-x86_64, AVX2,");
    }

    @Test
    void resultsWithoutAHostFileHaveNone() throws InputException {
        assertThat(HostFile.read(dir.resolve("results.json"), LINUX)).isEmpty();
    }

    @Test
    void aBadHostFileIsRefusedNamingTheFileAndPlace() throws Exception {
        Path results = dir.resolve("results.json");
        Files.writeString(HostFile.pathFor(results), "{\"schema\":1,\"hosts\":[{\"results\":\"r.json\",\"host\":{}}]}");

        assertThatThrownBy(() -> HostFile.read(results, LINUX)).isInstanceOf(InputException.class)
                .hasMessageContaining("results.host.json").hasMessageContaining("$.hosts[0].host.class");
    }
}
