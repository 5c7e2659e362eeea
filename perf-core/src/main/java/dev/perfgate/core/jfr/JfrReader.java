package dev.perfgate.core.jfr;

import dev.perfgate.core.InputException;
import java.io.IOException;
import java.nio.file.Path;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JDK Flight Recorder file ({@code .jfr}) into a {@link JfrSummary}: GC pauses from
 * {@code jdk.GarbageCollection}, allocation from {@code jdk.ObjectAllocationSample} (or the TLAB
 * events), CPU load from {@code jdk.CPULoad} and hot methods from {@code jdk.ExecutionSample}.
 * Events the recording lacks leave their part of the summary empty; events with missing or
 * oddly typed fields are read with neutral defaults rather than refused.
 *
 * <p>The file is streamed event by event with the JDK's {@link RecordingFile}, so memory grows with
 * the number of distinct methods and classes, not with the recording's length. A missing file, a
 * directory, a file that is not a recording, a truncated or corrupt recording: each is an
 * {@link InputException} whose one-line message starts with the file.
 *
 * <p>Instances are immutable and may be shared between threads.
 *
 * <pre>{@code
 * JfrSummary s = new JfrReader(10).read(Path.of("target/perf-gate/profile.jfr"));
 * s.hotMethods().forEach(m -> System.out.printf("%5.1f%% %s%n", 100 * m.selfShare(), m.method()));
 * }</pre>
 */
public final class JfrReader {

    /** How many hot methods and allocating classes a summary keeps unless told otherwise. */
    public static final int DEFAULT_TOP = 20;

    private final int top;

    /** A reader keeping the {@value #DEFAULT_TOP} hottest methods and most allocating classes. */
    public JfrReader() {
        this(DEFAULT_TOP);
    }

    /**
     * @param top how many hot methods and allocating classes a summary keeps, at least 1
     */
    public JfrReader(int top) {
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1, was " + top);
        }
        this.top = top;
    }

    /** How many hot methods and allocating classes a summary keeps. */
    public int top() {
        return top;
    }

    /**
     * Reads and summarises a recording.
     *
     * @throws InputException when the file is missing, unreadable, a directory, not a JFR file,
     *                        truncated or corrupt
     */
    public JfrSummary read(Path file) throws InputException {
        String source = file.toString();
        JfrFileCheck.check(file, source);
        SummaryBuilder builder = new SummaryBuilder(top);
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                builder.accept(recording.readEvent());
            }
        } catch (IOException e) {
            throw corrupt(source, e);
        } catch (RuntimeException e) {
            // The JDK's parser throws unchecked exceptions (e.g. ArrayIndexOutOfBounds) on damaged data.
            throw corrupt(source, e);
        }
        return builder.summary(source);
    }

    private static InputException corrupt(String source, Exception e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new InputException(source, null, "is not a readable JDK Flight Recorder file (" + detail + ")", e);
    }
}
