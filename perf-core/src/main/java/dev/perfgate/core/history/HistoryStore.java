package dev.perfgate.core.history;

import dev.perfgate.core.InputException;
import dev.perfgate.core.files.SafeFiles;
import dev.perfgate.core.model.PlatformKey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The append-only run history of a project: {@code <projectDir>/history/<platform>.jsonl}, one
 * JSON object per line, UTF-8, {@code \n} line ends.
 *
 * <p>Appends hold an exclusive file lock, write the whole line in one write and force it to disk,
 * so concurrent writers never interleave and a success means the line is stored. A line torn by
 * a crash (the file not ending in {@code \n}, and the tail not a whole record) is moved aside to
 * {@code <platform>.jsonl.torn-<time>} by the next append, which reports it, so nothing is lost
 * and the file is whole again. Readers skip such a torn last line and report it; any other bad
 * line is an {@link InputException} naming its line number.
 */
public final class HistoryStore {

    private static final DateTimeFormatter TORN_SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path projectDir;
    private final Clock clock;
    private final HistoryCodec codec = new HistoryCodec();
    private final HistoryReader reader = new HistoryReader();

    /**
     * @param projectDir directory holding {@code history/}
     * @param clock      used to name set-aside torn fragments
     */
    public HistoryStore(Path projectDir, Clock clock) {
        this.projectDir = projectDir;
        this.clock = clock;
    }

    /** {@code <projectDir>/history/<platform>.jsonl}. */
    public Path path(PlatformKey platform) {
        return projectDir.resolve("history").resolve(platform + ".jsonl");
    }

    /**
     * Appends a record.
     *
     * @return where a torn last line found in the file was moved, if there was one
     */
    public Optional<Path> append(PlatformKey platform, HistoryRecord record) throws IOException {
        return append(path(platform), record);
    }

    /** Appends a record to a history file; see {@link #append(PlatformKey, HistoryRecord)}. */
    public Optional<Path> append(Path file, HistoryRecord record) throws IOException {
        byte[] line = (codec.write(record) + "\n").getBytes(StandardCharsets.UTF_8);
        return SafeFiles.withLock(file, () -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                Optional<Path> torn = setAsideTornTail(file, channel);
                channel.position(channel.size());
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
                return torn;
            }
        });
    }

    private Optional<Path> setAsideTornTail(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0 || lastByte(channel, size - 1) == '\n') {
            return Optional.empty();
        }
        long keep = size - 1;
        while (keep > 0 && lastByte(channel, keep - 1) != '\n') {
            keep--;
        }
        ByteBuffer fragment = ByteBuffer.allocate((int) Math.min(size - keep, Integer.MAX_VALUE - 8));
        channel.read(fragment, keep);
        byte[] tail = Arrays.copyOf(fragment.array(), fragment.position());
        if (isRecord(file, tail)) {
            channel.write(ByteBuffer.wrap(new byte[] {'\n'}), size);
            return Optional.empty();
        }
        Path aside = file.resolveSibling(file.getFileName() + ".torn-" + TORN_SUFFIX.format(clock.instant()));
        SafeFiles.writeAtomically(aside, tail);
        channel.truncate(keep);
        channel.force(true);
        return Optional.of(aside);
    }

    /** Whether a line without its line end is a complete record written by some other writer. */
    private boolean isRecord(Path file, byte[] line) {
        try {
            return reader.parse(file.toString(), 0, line) != null;
        } catch (InputException e) {
            return false;
        }
    }

    private static byte lastByte(FileChannel channel, long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        channel.read(one, position);
        return one.get(0);
    }

    /** Receives records while a history file is streamed. */
    @FunctionalInterface
    public interface Visitor {
        /** Called once per record, in file order. */
        void visit(long lineNo, HistoryRecord record) throws InputException;
    }

    /** What a read found besides the records. */
    public record ReadSummary(long records, boolean tornLastLine) {
    }

    /** The reader of this store's files. */
    public HistoryReader reader() {
        return reader;
    }

    /** All records of a platform's history, in full; empty when there is no history yet. */
    public List<HistoryRecord> readAll(PlatformKey platform) throws InputException {
        List<HistoryRecord> out = new ArrayList<>();
        stream(path(platform), (lineNo, record) -> out.add(record));
        return out;
    }

    /**
     * Streams a history file record by record, in full (with per-fork samples), without loading it
     * whole; see {@link HistoryReader} for blank, torn and missing files.
     */
    public ReadSummary stream(Path file, Visitor visitor) throws InputException {
        HistoryReader.Summary summary = reader.read(file, HistoryReader.Detail.FULL,
                (lineNo, offset, length, record) -> visitor.visit(lineNo, record));
        return new ReadSummary(summary.records(), summary.tornLastLine());
    }

    /**
     * What {@link #verify} found.
     *
     * @param lines        lines read, blank ones included
     * @param records      records that parsed
     * @param badLines     how many lines are bad
     * @param problems     one message per bad line (file, line number, JSON path, problem), in file
     *                     order, the first {@value #MAX_PROBLEMS} of them
     * @param tornLastLine whether the last line is a torn append, which the next append moves aside
     */
    public record Verification(long lines, long records, long badLines, List<String> problems, boolean tornLastLine) {

        /** Problems kept in a verification; the rest are counted. */
        public static final int MAX_PROBLEMS = 1000;

        /** Whether every line but a torn last one is a valid record. */
        public boolean ok() {
            return badLines == 0;
        }
    }

    /**
     * Checks every line of a history file and goes on after a bad one: each must be a record of a
     * schema version this perfgate reads ({@link HistoryCodec} decides, samples included), a run
     * must be of {@code platform} (when given) and no run id may appear twice. A missing file
     * verifies as empty.
     *
     * @param platform the platform the file holds, or null not to check it
     */
    public Verification verify(Path file, PlatformKey platform) throws InputException {
        String source = file.toString();
        List<String> problems = new ArrayList<>();
        Map<String, Long> runIds = new HashMap<>();
        long[] bad = {0};
        java.util.function.Consumer<String> problem = message -> {
            if (bad[0]++ < Verification.MAX_PROBLEMS) {
                problems.add(message);
            }
        };
        HistoryReader.Summary summary = reader.read(file, HistoryReader.Detail.SUMMARY, new HistoryReader.Visitor() {
            @Override
            public void visit(long lineNo, long offset, int length, HistoryRecord record) {
                if (record instanceof HistoryRecord.RunRecord r) {
                    if (platform != null && !platform.equals(r.run().platform())) {
                        problem.accept(new InputException(source, "line " + lineNo + ", $.platform", "a run of "
                                + r.run().platform() + " in the history of " + platform).getMessage());
                    }
                    Long first = runIds.putIfAbsent(r.run().runId(), lineNo);
                    if (first != null) {
                        problem.accept(new InputException(source, "line " + lineNo + ", $.run_id", "run "
                                + r.run().runId() + " is already on line " + first).getMessage());
                    }
                }
            }

            @Override
            public void bad(long lineNo, InputException e) {
                problem.accept(e.getMessage());
            }
        });
        return new Verification(summary.lines(), summary.records(), bad[0], List.copyOf(problems),
                summary.tornLastLine());
    }
}
