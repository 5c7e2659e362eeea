package dev.perfgate.core.history;

import dev.perfgate.core.InputException;
import dev.perfgate.core.model.Run;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.DoubleConsumer;

/**
 * Reads history files ({@code history/<platform>.jsonl}): the one reader behind {@code perf-gate
 * history}, {@code history verify}, the HTML page, {@code record --from-history} and the analyzer.
 *
 * <p>A file is read in chunks of whole lines, several at a time on a pool of threads, and the
 * records are handed on in file order; a few chunks are in flight at once, so memory stays bounded
 * however long the file. Every line is a {@link HistoryCodec} record: that codec is the one
 * definition of a valid line. With {@link Detail#SUMMARY} (trends, verification, the analyzer) a
 * line's per-fork samples are checked by a byte scan ({@link LineFilter}) and left out, and the
 * rest of the line is read by the codec; a line the scan is not sure of, and any line refused that
 * way, is read as it is by the codec, so a line is accepted or refused, with the same message,
 * whichever way it is read. That is what makes a long history quick to read: the samples are 80%
 * and more of its bytes.
 *
 * <p>Blank lines are skipped. A last line without a line end that is not a record (a torn append,
 * which the next append moves aside) is skipped and reported in the {@link Summary}. A missing file
 * reads as empty.
 *
 * <pre>{@code
 * new HistoryReader().read(file, Detail.SUMMARY, (lineNo, offset, length, record) -> ...);
 * HistoryIndex index = new HistoryReader(cache).index(file, fraction -> { });
 * }</pre>
 */
public final class HistoryReader {

    /** What a read keeps of each run. */
    public enum Detail {
        /** Everything but the per-fork samples, which are checked and left out. */
        SUMMARY,
        /** Everything. */
        FULL
    }

    /** Receives the records of a history in file order. */
    @FunctionalInterface
    public interface Visitor {
        /**
         * Called once per record.
         *
         * @param lineNo 1-based line number
         * @param offset byte offset of the line's first byte
         * @param length the line's length in bytes, without its line end
         */
        void visit(long lineNo, long offset, int length, HistoryRecord record) throws InputException;

        /** Called for a bad line (other than a torn last one); by default the read stops with its error. */
        default void bad(long lineNo, InputException problem) throws InputException {
            throw problem;
        }
    }

    /**
     * What a read found besides the records.
     *
     * @param lines         lines read, blank ones included (from the first line read)
     * @param records       records handed on
     * @param completeEnd   offset after the last line end
     * @param completeLines lines that ended in a line end, counted from the file's start
     * @param tornLastLine  whether the last line was a torn append, skipped
     */
    public record Summary(long lines, long records, long completeEnd, long completeLines, boolean tornLastLine) {
    }

    /** A chunk is about this many bytes of whole lines, or less in a short read (a sixteenth of it, at least {@link #MIN_CHUNK}). */
    private static final int CHUNK = 1 << 21;
    private static final int MIN_CHUNK = 1 << 16;

    private final HistoryCodec codec = new HistoryCodec();
    private final HistoryIndexCache cache;
    private final int threads;

    /** A reader without an index cache. */
    public HistoryReader() {
        this(null);
    }

    /**
     * @param cache where {@link #index} remembers indexes between reads, so that a history is read
     *              again only from where it grew; null for none
     */
    public HistoryReader(HistoryIndexCache cache) {
        this.cache = cache;
        this.threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** Reads a whole history file. */
    public Summary read(Path file, Detail detail, Visitor visitor) throws InputException {
        return read(file, detail, 0, 0, visitor, fraction -> { });
    }

    /**
     * Reads a history file from {@code from}, a line start.
     *
     * @param firstLine how many lines come before {@code from}
     * @param progress  receives the fraction read so far, on the calling thread
     */
    public Summary read(Path file, Detail detail, long from, long firstLine, Visitor visitor, DoubleConsumer progress)
            throws InputException {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(source, null, "is a directory, expected a history file (.jsonl)");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(source, channel, detail, from, firstLine, visitor, progress);
        } catch (NoSuchFileException e) {
            return new Summary(0, 0, 0, 0, false);
        } catch (AccessDeniedException e) {
            throw new InputException(source, null, "permission denied");
        } catch (IOException e) {
            throw new InputException(source, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    private Summary read(String source, FileChannel channel, Detail detail, long from, long firstLine,
                         Visitor visitor, DoubleConsumer progress) throws IOException, InputException {
        long size = channel.size();
        // A short read (the end of a history) is cut finer, so that every thread has a share.
        long chunkBytes = Math.max(MIN_CHUNK, Math.min(CHUNK, (size - from) / 16));
        ExecutorService pool = threads > 1 && size - from > chunkBytes ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "history-reader");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            ArrayDeque<Future<Chunk>> pending = new ArrayDeque<>();
            long next = from;
            long lineBase = firstLine;
            long records = 0;
            long completeEnd = from;
            long completeLines = firstLine;
            boolean torn = false;
            while (next < size || !pending.isEmpty()) {
                while (next < size && pending.size() < 2 * threads) {
                    long start = next;
                    long end = chunkEnd(channel, start, size, chunkBytes);
                    next = end;
                    if (pool == null) {
                        try {
                            pending.add(java.util.concurrent.CompletableFuture.completedFuture(
                                    chunk(source, channel, start, end, detail)));
                        } catch (UncheckedIOException e) {
                            throw e.getCause();
                        }
                    } else {
                        pending.add(pool.submit(() -> chunk(source, channel, start, end, detail)));
                    }
                }
                Chunk chunk = take(pending.removeFirst());
                for (Line line : chunk.lines) {
                    long lineNo = lineBase + line.number;
                    if (line.record != null) {
                        visitor.visit(lineNo, line.offset, line.length, line.record);
                        records++;
                        continue;
                    }
                    InputException problem = problem(source, lineNo, line.raw);
                    if (!line.complete) {
                        torn = true;
                    } else if (problem != null) {
                        visitor.bad(lineNo, problem);
                    }
                }
                lineBase += chunk.count();
                completeLines += chunk.completeLines;
                completeEnd = Math.max(completeEnd, chunk.completeEnd);
                progress.accept((double) (chunk.end - from) / Math.max(1, size - from));
            }
            return new Summary(lineBase - firstLine, records, completeEnd, completeLines, torn);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static Chunk take(Future<Chunk> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The end of the chunk starting at {@code start}: after the first line end {@code bytes} on. */
    private static long chunkEnd(FileChannel channel, long start, long size, long bytes) throws IOException {
        long end = size - start <= bytes ? size : afterLineEnd(channel, start + bytes, size);
        if (end - start > Integer.MAX_VALUE - 8) {
            throw new IOException("a line at byte " + start + " is longer than 2 GB");
        }
        return end;
    }

    /** Just past the first line end at or after {@code at}; the size when there is none. */
    private static long afterLineEnd(FileChannel channel, long at, long size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 12);
        while (at < size) {
            buffer.clear();
            int n = channel.read(buffer, at);
            if (n <= 0) {
                break;
            }
            for (int k = 0; k < n; k++) {
                if (buffer.get(k) == '\n') {
                    return at + k + 1;
                }
            }
            at += n;
        }
        return size;
    }

    /**
     * One line of a chunk: its record, or the line's bytes when it is not one (to be refused with its
     * file-wide line number, or skipped as torn).
     *
     * @param number   1-based line number within the chunk
     * @param complete whether it ended in a line end
     */
    private record Line(long number, long offset, int length, HistoryRecord record, byte[] raw, boolean complete) {
    }

    /**
     * The non-blank lines of {@code [start, end)}, how many lines it had in all, how many ended in a
     * line end, and the offset after the last line end.
     */
    private record Chunk(List<Line> lines, long end, long completeLines, long completeEnd, long count) {
    }

    private Chunk chunk(String source, FileChannel channel, long start, long end, Detail detail) {
        byte[] bytes = new byte[Math.toIntExact(end - start)];
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long position = start;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position);
                if (n < 0) {
                    throw new IOException("the file became shorter while it was read");
                }
                position += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LineFilter filter = detail == Detail.SUMMARY ? new LineFilter() : null;
        List<Line> lines = new ArrayList<>();
        long count = 0;
        long completeLines = 0;
        long completeEnd = start;
        int at = 0;
        int n = bytes.length;
        while (at < n) {
            count++;
            int lineEnd;
            HistoryRecord record = null;
            boolean blank = blank(bytes, at, n);
            if (!blank && filter != null) {
                // Filtered up to its own end, so that the filter's buffer is the size of a line, not a chunk.
                int stop = at;
                while (stop < n && bytes[stop] != '\n') {
                    stop++;
                }
                lineEnd = filter.filter(bytes, at, stop);
                // Jackson reads the bytes; a line that does not start with '{' (a byte order mark, say)
                // is read as text, as the codec reads it, since Jackson treats such bytes otherwise.
                if (!filter.handOver() && filter.length() > 0 && filter.bytes()[0] == '{'
                        && (!filter.nonAscii() || utf8(bytes, at, lineEnd) != null)) {
                    try {
                        record = codec.read(source, filter.bytes(), filter.length());
                    } catch (InputException e) {
                        record = null;
                    }
                }
            } else {
                lineEnd = at;
                while (lineEnd < n && bytes[lineEnd] != '\n') {
                    lineEnd++;
                }
            }
            boolean complete = lineEnd < n;
            if (!blank) {
                if (record == null) {
                    String text = utf8(bytes, at, lineEnd);
                    record = text == null ? null : readOrNull(source, text);
                }
                lines.add(new Line(count, start + at, lineEnd - at, record,
                        record == null ? java.util.Arrays.copyOfRange(bytes, at, lineEnd) : null, complete));
            }
            if (complete) {
                completeLines++;
                completeEnd = start + lineEnd + 1;
            }
            at = lineEnd + 1;
        }
        return new Chunk(lines, end, completeLines, completeEnd, count);
    }

    private HistoryRecord readOrNull(String source, String text) {
        try {
            return codec.read(source, 0, text);
        } catch (InputException e) {
            return null;
        }
    }

    /**
     * Why a line is not a record, with its line number; null when it is one after all (it is read
     * again only to say what is wrong, and the codec decides).
     */
    private InputException problem(String source, long lineNo, byte[] raw) {
        String text = utf8(raw, 0, raw.length);
        if (text == null) {
            return new InputException(source, "line " + lineNo, "is not valid UTF-8 text");
        }
        try {
            codec.read(source, lineNo, text);
            return null;
        } catch (InputException e) {
            return e;
        }
    }

    /**
     * Whether {@code [from, to)} up to its line end is blank as {@link String#isBlank()} says: only
     * white space. Lines with bytes outside ASCII are decoded to decide.
     */
    private static boolean blank(byte[] bytes, int from, int limit) {
        for (int i = from; i < limit && bytes[i] != '\n'; i++) {
            byte b = bytes[i];
            if (b < 0) {
                int end = i;
                while (end < limit && bytes[end] != '\n') {
                    end++;
                }
                String text = utf8(bytes, from, end);
                return text != null && text.isBlank();
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    /** The bytes as text, or null when they are not valid UTF-8. */
    private static String utf8(byte[] bytes, int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * An index of a history for plotting ({@link HistoryIndex}): the runs, every benchmark's series
     * and the approvals. With a cache, a history read before is read again only from where it grew.
     *
     * @param progress receives the fraction read so far
     * @throws InputException for a bad line (other than a torn last one), naming file and line
     */
    public HistoryIndex index(Path file, DoubleConsumer progress) throws InputException {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(source, null, "is a directory, expected a history file (.jsonl)");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            Optional<HistoryIndexCache.Hit> hit = cache == null ? Optional.empty() : cache.lookup(file, channel);
            if (hit.isPresent() && hit.get().bytes() == size) {
                progress.accept(1);
                return hit.get().index();
            }
            SeriesBuilder builder = hit.map(h -> new SeriesBuilder(h.index())).orElseGet(SeriesBuilder::new);
            Summary summary = read(source, channel, Detail.SUMMARY, hit.map(HistoryIndexCache.Hit::bytes).orElse(0L),
                    hit.map(HistoryIndexCache.Hit::lines).orElse(0L), builder::add, progress);
            HistoryIndex index = builder.build(file, summary.tornLastLine());
            // Only whole files of complete lines are cached: a last line without a line end (torn, or
            // being written) is read again next time.
            if (cache != null && summary.completeEnd() == size && size > 0) {
                cache.store(file, channel, index, size, summary.completeLines());
            }
            return index;
        } catch (NoSuchFileException e) {
            return HistoryIndex.empty(file);
        } catch (AccessDeniedException e) {
            throw new InputException(source, null, "permission denied");
        } catch (IOException e) {
            throw new InputException(source, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** {@link #index(Path, DoubleConsumer)} without progress. */
    public HistoryIndex index(Path file) throws InputException {
        return index(file, fraction -> { });
    }

    /**
     * How many bytes of a history {@link #index} would read: its size, less what a valid cached
     * index covers. Reads only the cache file's header.
     */
    public long bytesToIndex(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return channel.size() - (cache == null ? 0 : cache.covered(file, channel));
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * An index of the end of a history: the lines that start in its last {@code bytes} bytes, for a
     * first look at a long history while the whole of it is read. Its series hold only those runs,
     * and its line numbers count from the first of those lines, not from the file's start; nothing
     * is cached. The whole file's {@link #index} is the one to keep.
     *
     * @throws InputException for a bad line among them, as {@link #index} would report it
     */
    public HistoryIndex indexTail(Path file, long bytes) throws InputException {
        String source = file.toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            // The first line that starts in the last bytes: just past the line end before them.
            long from = size <= bytes ? 0 : afterLineEnd(channel, size - bytes - 1, size);
            SeriesBuilder builder = new SeriesBuilder();
            Summary summary = read(source, channel, Detail.SUMMARY, from, 0, builder::add, fraction -> { });
            return builder.build(file, summary.tornLastLine());
        } catch (NoSuchFileException e) {
            return HistoryIndex.empty(file);
        } catch (IOException e) {
            throw new InputException(source, null, "cannot be read: " + e.getMessage(), e);
        }
    }


    /**
     * The full run (with per-fork samples and secondary metrics) of an indexed run, read from its line.
     *
     * @throws InputException when the file changed so that the line no longer holds that run
     */
    public Run readRun(Path file, RunInfo info) throws InputException {
        String source = file.toString();
        byte[] bytes = new byte[info.length()];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long position = info.offset();
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position);
                if (n < 0) {
                    break;
                }
                position += n;
            }
        } catch (IOException e) {
            throw new InputException(source, "line " + info.lineNo(), "cannot be read: " + e.getMessage(), e);
        }
        String text = utf8(bytes, 0, bytes.length);
        HistoryRecord record = text == null ? null : readOrNull(source, text);
        if (record instanceof HistoryRecord.RunRecord r && r.run().runId().equals(info.runId())) {
            return r.run();
        }
        throw new InputException(source, "line " + info.lineNo(), "no longer holds run " + info.runId()
                + ": the file changed since it was opened; reopen it");
    }

    /** Parses one line as it is (for appends, which check a tail they found). */
    HistoryRecord parse(String source, long lineNo, byte[] bytes) throws InputException {
        String text = utf8(bytes, 0, bytes.length);
        if (text == null) {
            throw new InputException(source, "line " + lineNo, "is not valid UTF-8 text");
        }
        return text.isBlank() ? null : codec.read(source, lineNo, text);
    }
}
