package dev.perfgate.core.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SafeFilesTest {

    @TempDir
    Path dir;

    @Test
    void writeAtomicallyCreatesParentsAndReplacesTheContent() throws Exception {
        Path target = dir.resolve("a/b/file.json");

        SafeFiles.writeAtomically(target, "first\n");
        SafeFiles.writeAtomically(target, "second \u00e9\n");

        assertThat(Files.readString(target)).isEqualTo("second \u00e9\n");
        assertThat(names(target.getParent())).containsExactly("file.json");
    }

    @Test
    void streamedContentThatFailsHalfwayLeavesTheOldFileAndNoTemporary() throws Exception {
        Path target = dir.resolve("history.jsonl");
        SafeFiles.writeAtomically(target, "old line\n");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SafeFiles.writeAtomically(target, out -> {
            out.write(new byte[200_000]); // past the stream's buffer, so part of it reached the temporary file
            throw new java.io.IOException("disk full");
        })).hasMessageContaining("disk full");

        assertThat(Files.readString(target)).isEqualTo("old line\n");
        assertThat(names(dir)).containsExactly("history.jsonl");
    }

    @Test
    void streamedContentReplacesTheFile() throws Exception {
        Path target = dir.resolve("history.jsonl");
        SafeFiles.writeAtomically(target, "old line\n");

        SafeFiles.writeAtomically(target, out -> out.write("new line\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(Files.readString(target)).isEqualTo("new line\n");
        assertThat(names(dir)).containsExactly("history.jsonl");
    }

    @Test
    void withLockRunsTheActionAndLeavesOnlyTheLockFile() throws Exception {
        Path target = dir.resolve("x.json");

        String result = SafeFiles.withLock(target, () -> "done");

        assertThat(result).isEqualTo("done");
        assertThat(names(dir)).containsExactly(".x.json.lock");
    }

    /** Two approvals in one JVM (an IDE, the analyzer, a test suite) must take turns, like two processes. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void withLockSerializesThreadsOfOneJvm() throws Exception {
        Path target = dir.resolve("x.json");
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return SafeFiles.withLock(target, () -> {
                        maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        Thread.sleep(50);
                        inside.decrementAndGet();
                        return 1;
                    });
                }));
            }
            start.countDown();
            for (Future<Integer> f : futures) {
                assertThat(f.get(8, TimeUnit.SECONDS)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(maxInside.get()).isEqualTo(1);
    }

    private static List<String> names(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
