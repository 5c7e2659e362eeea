package dev.perfgate.core.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.perfgate.core.InputException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not complete recordings: each is an {@link InputException} whose message is one
 * line starting with the file, never an exception from the JDK's parser.
 */
class JfrReaderBadInputTest {

    @TempDir
    static Path shared;

    private static byte[] recording;

    @TempDir
    Path tmp;

    private final JfrReader reader = new JfrReader();

    @BeforeAll
    static void record() throws Exception {
        Path file = Recordings.record(shared.resolve("short.jfr"), Recordings::profiling,
                // A second, not less: on a loaded machine the sampler can start late and miss a shorter workload.
                () -> Workloads.runFor(Duration.ofSeconds(1), seed -> Workloads.burnCpu(seed, 100_000)));
        recording = Files.readAllBytes(file);
    }

    private InputException readFails(Path file) {
        InputException e = catchThrowableOfType(InputException.class, () -> reader.read(file));
        assertThat(e).as("reading %s", file).isNotNull();
        assertThat(e.getMessage()).startsWith(file.toString() + ": ").doesNotContain("\n", "\r");
        assertThat(e.source()).isEqualTo(file.toString());
        return e;
    }

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(tmp.resolve(name), content);
    }

    @Test
    void theUntouchedRecordingReads() throws Exception {
        assertThat(reader.read(write("whole.jfr", recording)).executionSamples()).isPositive();
    }

    @Test
    void missingFileSaysSo() {
        assertThat(readFails(tmp.resolve("absent.jfr")).problem()).isEqualTo("no such file");
    }

    @Test
    void directoryIsRefused() {
        assertThat(readFails(tmp).problem()).startsWith("is a directory");
    }

    @Test
    void emptyFileIsRefused() throws Exception {
        assertThat(readFails(write("empty.jfr", new byte[0])).problem()).startsWith("is empty");
    }

    @Test
    void textFileRenamedToJfrIsNotARecording() throws Exception {
        Path file = write("notes.jfr", "these are notes,\nnot a flight recording\n".getBytes(StandardCharsets.UTF_8));

        assertThat(readFails(file).problem()).startsWith("is not a JDK Flight Recorder file");
    }

    @Test
    void recordingTruncatedToHalfIsReportedAsTruncated() throws Exception {
        Path file = write("half.jfr", Arrays.copyOf(recording, recording.length / 2));

        assertThat(readFails(file).problem()).startsWith("is truncated (" + recording.length / 2 + " bytes)");
    }

    @Test
    void recordingMissingItsLastByteIsReportedAsTruncated() throws Exception {
        Path file = write("short-by-one.jfr", Arrays.copyOf(recording, recording.length - 1));

        assertThat(readFails(file).problem()).startsWith("is truncated");
    }

    @Test
    void recordingCutInsideItsHeaderIsReportedAsTruncated() throws Exception {
        Path file = write("header-only.jfr", Arrays.copyOf(recording, 10));

        assertThat(readFails(file).problem()).contains("header is incomplete");
    }

    @Test
    void garbageAfterTheRecordingIsReportedAsCorrupt() throws Exception {
        byte[] withTail = Arrays.copyOf(recording, recording.length + 32);

        assertThat(readFails(write("tail.jfr", withTail)).problem()).startsWith("is corrupt: chunk 2");
    }

    @Test
    void chunkWithValidHeaderButNoContentIsNotReadable() throws Exception {
        ByteBuffer chunk = ByteBuffer.allocate(200);
        chunk.put(new byte[] {'F', 'L', 'R', 0}).putShort((short) 2).putShort((short) 0).putLong(200);

        InputException e = readFails(write("hollow.jfr", chunk.array()));

        assertThat(e.problem()).startsWith("is not a readable JDK Flight Recorder file (");
        assertThat(e.getCause()).isNotNull();
    }
}
