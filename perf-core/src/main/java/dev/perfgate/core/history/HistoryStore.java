package dev.perfgate.core.history;

import dev.perfgate.core.InputException;
import dev.perfgate.core.files.SafeFiles;
import dev.perfgate.core.model.PlatformKey;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
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
import java.util.List;
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
        byte[] tail = java.util.Arrays.copyOf(fragment.array(), fragment.position());
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
            return parse(file.toString(), 0, line) != null;
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

    /** All records of a platform's history; empty when there is no history yet. */
    public List<HistoryRecord> readAll(PlatformKey platform) throws InputException {
        List<HistoryRecord> out = new ArrayList<>();
        stream(path(platform), (lineNo, record) -> out.add(record));
        return out;
    }

    /**
     * Streams a history file record by record, without loading it whole. Blank lines are skipped.
     * A last line with no line end that does not parse (or is cut inside a UTF-8 character) is a
     * torn append: it is skipped and reported in the summary. A missing file reads as empty.
     */
    public ReadSummary stream(Path file, Visitor visitor) throws InputException {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(source, null, "is a directory, expected a history file (.jsonl)");
        }
        long records = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
            long lineNo = 0;
            while (true) {
                int b = in.read();
                if (b != '\n' && b != -1) {
                    line.write(b);
                    continue;
                }
                boolean complete = b == '\n';
                if (!complete && line.size() == 0) {
                    return new ReadSummary(records, false);
                }
                lineNo++;
                try {
                    HistoryRecord record = parse(source, lineNo, line.toByteArray());
                    if (record != null) {
                        visitor.visit(lineNo, record);
                        records++;
                    }
                } catch (InputException e) {
                    if (!complete) {
                        return new ReadSummary(records, true);
                    }
                    throw e;
                }
                if (!complete) {
                    return new ReadSummary(records, false);
                }
                line.reset();
            }
        } catch (NoSuchFileException e) {
            return new ReadSummary(0, false);
        } catch (AccessDeniedException e) {
            throw new InputException(source, null, "permission denied");
        } catch (IOException e) {
            throw new InputException(source, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** One line's record; null for a blank line. */
    private HistoryRecord parse(String source, long lineNo, byte[] bytes) throws InputException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(source, "line " + lineNo, "is not valid UTF-8 text");
        }
        return text.isBlank() ? null : codec.read(source, lineNo, text);
    }
}
