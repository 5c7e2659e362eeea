package dev.perfgate.core.fuzz;

import dev.perfgate.core.InputException;
import dev.perfgate.core.baseline.BaselineStore;
import dev.perfgate.core.history.HistoryStore;
import dev.perfgate.core.jmh.JmhJsonReader;
import dev.perfgate.core.model.PlatformKey;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Real files broken in every way {@link Mutations} knows: real JMH output (written by JMH, see
 * {@code scripts/regenerate-jmh-fixtures.sh}), baselines and history lines as perfgate writes them.
 * Every case must be read, or refused with an {@link InputException} whose one-line message names
 * the file; any other exception, or a read that takes more than {@value #SECONDS} seconds, fails.
 *
 * <p>Tries per property: {@code jqwik.tries.default} in junit-platform.properties for the normal
 * suite; the {@code reliability} Maven profile raises it.
 */
class InputFuzzTest {

    private static final int SECONDS = 10;
    private static final PlatformKey LINUX = PlatformKey.parse("linux-x86_64");
    private static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-read");
        t.setDaemon(true);
        return t;
    });
    private static final Path DIR = tempDir();

    @Provide
    Arbitrary<String> jmhFiles() {
        return Arbitraries.of("jmh/gc-params-forks.json", "jmh/modes.json", "jmh/single-fork.json", "jmh/old-jmh.json");
    }

    @Provide
    Arbitrary<String> baselineFiles() {
        return Arbitraries.of("golden/baseline.json", "schema/baseline-v1.json");
    }

    @Property
    void jmhOutputIsReadOrRefusedWithAnInputError(@ForAll("jmhFiles") String fixture, @ForAll long seed)
            throws Exception {
        Path file = DIR.resolve("results.json");
        Files.write(file, Mutations.mutate(resource(fixture), seed));

        expectReadOrInputError(file, () -> new JmhJsonReader().read(file));
    }

    @Property
    void baselineIsReadOrRefusedWithAnInputError(@ForAll("baselineFiles") String fixture, @ForAll long seed)
            throws Exception {
        BaselineStore store = new BaselineStore(DIR);
        Path file = store.path(LINUX);
        Files.createDirectories(file.getParent());
        Files.write(file, Mutations.mutate(resource(fixture), seed));

        expectReadOrInputError(file, () -> store.read(LINUX));
    }

    @Property
    void historyLineIsReadOrRefusedWithAnInputErrorNamingItsLine(@ForAll long seed) throws Exception {
        HistoryStore store = new HistoryStore(DIR, Clock.systemUTC());
        Path file = store.path(LINUX);
        Files.createDirectories(file.getParent());
        byte[] golden = resource("golden/history.jsonl");
        String[] lines = new String(golden, StandardCharsets.UTF_8).split("\n");
        byte[] line = lines[(int) Math.floorMod(seed, (long) lines.length)].getBytes(StandardCharsets.UTF_8);
        byte[] mutated = Mutations.mutate(line, seed);
        try (var out = Files.newOutputStream(file)) {
            out.write(golden);
            out.write(mutated);
            out.write('\n');
            out.write(golden);
        }

        InputException e = expectReadOrInputError(file, () -> store.stream(file, (n, r) -> { }));
        expectReadOrInputError(file, () -> store.verify(file, LINUX));
        if (e != null && !new String(mutated, StandardCharsets.ISO_8859_1).contains("\n")) {
            assertThat(e.location()).startsWith("line 3");
        }
    }

    @AfterContainer
    static void removeTempDir() throws IOException {
        try (Stream<Path> files = Files.walk(DIR)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A read that may throw. */
    @FunctionalInterface
    interface Read {
        Object run() throws Exception;
    }

    /** Runs the read with a time limit; returns its InputException, or null when it read the file. */
    private static InputException expectReadOrInputError(Path file, Read read) throws InterruptedException {
        Future<Object> result = EXECUTOR.submit(read::run);
        try {
            result.get(SECONDS, TimeUnit.SECONDS);
            return null;
        } catch (TimeoutException e) {
            result.cancel(true);
            return fail("reading %s took more than %d s: a hang", file, SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (!(cause instanceof InputException input)) {
                throw new AssertionError("reading the mutated file threw " + cause + ", not an InputException", cause);
            }
            assertThat(input.getMessage()).startsWith(file.toString()).doesNotContain("\n", "\r");
            assertThat(input.problem()).isNotBlank();
            return input;
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = InputFuzzTest.class.getResourceAsStream("/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("perfgate-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
