package dev.perfgate.cli.doctor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryCheckTest {

    private static final long GIB = 1L << 30;

    @TempDir
    Path dir;

    private MemoryCheck withAvailableKib(long kib) throws IOException {
        Path memInfo = dir.resolve("meminfo");
        Files.writeString(memInfo, "MemTotal:       16000000 kB\nMemFree:          100000 kB\nMemAvailable:   "
                + kib + " kB\nBuffers:           1000 kB\n");
        return new MemoryCheck(memInfo);
    }

    @Test
    void enoughForTheHeapPasses() throws IOException {
        Finding f = withAvailableKib(8 * 1024 * 1024).run(GIB);

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.message()).isEqualTo("8192 MiB available (MemAvailable) of 15625 MiB; the benchmark JVM's max heap is 1024 MiB");
    }

    @Test
    void lessThanTheHeapWarns() throws IOException {
        assertThat(withAvailableKib(2 * 1024 * 1024).run(4 * GIB).status()).isEqualTo(Status.WARN);
    }

    @Test
    void lessThanAJvmNeedsFails() throws IOException {
        assertThat(withAvailableKib(100 * 1024).run(0).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void withoutMeminfoTheJvmsViewIsUsed() {
        Finding f = new MemoryCheck(dir.resolve("none")).run(0);

        assertThat(f.message()).contains("the JVM's view");
    }
}
