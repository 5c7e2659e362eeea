package dev.perfgate.analyzer.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.perfgate.core.InputException;
import dev.perfgate.core.history.HistoryCodec;
import dev.perfgate.core.history.HistoryRecord;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a history file ({@code history/<platform>.jsonl}) for plotting, fast: each line's per-fork
 * samples, secondary metrics and fingerprint are skipped by a byte scan ({@link LineFilter}), the
 * rest is read by Jackson's streaming parser, keeping each run's identity, time and commit and
 * every benchmark's identity, unit, score and error. Large files are read in parallel parts, one
 * per processor. See docs/analyzer.md for measured times.
 *
 * <p>It accepts exactly what perf-core's {@link HistoryCodec} accepts: any line the fast path does
 * not understand is handed to the codec, so a bad line raises the same {@link InputException}
 * (naming the file and line) as {@code perf-gate history} would, and a torn last line (no line end,
 * not a whole record) is skipped and reported, as {@link dev.perfgate.core.history.HistoryStore}
 * does. Scores are converted to the first unit seen for their benchmark, as
 * {@link dev.perfgate.core.history.Trends} does; non-finite scores are left out.
 *
 * <pre>{@code
 * HistoryIndex index = new FastHistoryReader().read(Path.of("history/linux-x86_64.jsonl"));
 * Run full = new FastHistoryReader().readRun(index.file(), index.runs().get(0));
 * }</pre>
 */
public final class FastHistoryReader {

    private static final int CHUNK = 8 << 20;
    private static final long PARALLEL_THRESHOLD = 4 << 20;

    private final JsonFactory factory;
    private final HistoryCodec codec = new HistoryCodec();
    private final HistoryIndexCache cache;

    /** A reader without a cache: every read reads the whole file. */
    public FastHistoryReader() {
        this(null);
    }

    /**
     * @param cache where indexes are remembered between reads, so that a history is read again only
     *              from where it grew; null for none
     */
    public FastHistoryReader(HistoryIndexCache cache) {
        this.cache = cache;
        factory = JsonFactory.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
                .build();
        factory.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    }

    /**
     * Indexes a history file. A missing file reads as an empty history.
     *
     * @throws InputException for a bad line (other than a torn last one), naming file and line
     */
    public HistoryIndex read(Path file) throws InputException {
        return read(file, fraction -> { });
    }

    /**
     * As {@link #read(Path)}, reporting the fraction of the file read so far (from reading threads).
     */
    public HistoryIndex read(Path file, java.util.function.DoubleConsumer progress) throws InputException {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(source, null, "is a directory, expected a history file (.jsonl)");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            java.util.Optional<HistoryIndexCache.Hit> hit = cache == null ? java.util.Optional.empty()
                    : cache.lookup(file, channel);
            if (hit.isPresent() && hit.get().bytes() == size) {
                progress.accept(1);
                return hit.get().index();
            }
            long start = hit.map(HistoryIndexCache.Hit::bytes).orElse(0L);
            long[] bounds = boundaries(channel, start, size, partsFor(size - start));
            List<Part> parts = scanParts(file, bounds, new Progress(size - start, progress));
            SeriesBuilder builder = hit.map(h -> new SeriesBuilder(h.index())).orElseGet(SeriesBuilder::new);
            long lineBase = hit.map(HistoryIndexCache.Hit::lines).orElse(0L);
            HistoryIndex index = merge(file, parts, builder, lineBase);
            if (cache != null && (hit.isEmpty() || size > start)) {
                long completeLines = lineBase;
                long completeEnd = start;
                for (Part part : parts) {
                    completeLines += part.completeLines;
                    completeEnd = Math.max(completeEnd, part.completeEnd);
                }
                // Only whole files of complete lines are cached: a last line without a line end (torn, or
                // being written) is read again next time.
                if (completeEnd == size) {
                    cache.store(file, channel, index, completeEnd, completeLines);
                }
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

    /**
     * The full run (with per-fork samples and secondary metrics) of an indexed run, read from its
     * line through perf-core's codec.
     *
     * @throws InputException when the file changed so that the line no longer holds that run
     */
    public dev.perfgate.core.model.Run readRun(Path file, RunInfo info) throws InputException {
        String source = file.toString();
        byte[] bytes = new byte[info.length()];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
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
        HistoryRecord record = slowRead(source, info.lineNo(), bytes);
        if (record instanceof HistoryRecord.RunRecord r && r.run().runId().equals(info.runId())) {
            return r.run();
        }
        throw new InputException(source, "line " + info.lineNo(), "no longer holds run " + info.runId()
                + ": the file changed since it was opened; reopen it");
    }

    /** One part per processor for large files; small files are not worth a thread. */
    private static int partsFor(long size) {
        return size < PARALLEL_THRESHOLD ? 1 : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** Offsets splitting {@code [start, size)} into {@code parts} ranges that start at line starts. */
    private static long[] boundaries(FileChannel channel, long start, long size, int parts) throws IOException {
        long[] bounds = new long[parts + 1];
        bounds[0] = start;
        bounds[parts] = size;
        java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(4096);
        for (int i = 1; i < parts; i++) {
            long at = Math.max(bounds[i - 1], start + (size - start) * i / parts);
            long found = size;
            scan:
            while (at < size) {
                one.clear();
                int n = channel.read(one, at);
                if (n <= 0) {
                    break;
                }
                for (int k = 0; k < n; k++) {
                    if (one.get(k) == '\n') {
                        found = at + k + 1;
                        break scan;
                    }
                }
                at += n;
            }
            bounds[i] = found;
        }
        return bounds;
    }

    /** Reports bytes read by all parts as a fraction of the file, in steps of about 2%. */
    private static final class Progress {
        private final long total;
        private final java.util.function.DoubleConsumer sink;
        private final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong reported = new java.util.concurrent.atomic.AtomicLong();

        Progress(long total, java.util.function.DoubleConsumer sink) {
            this.total = Math.max(1, total);
            this.sink = sink;
        }

        void add(long bytes) {
            long now = done.addAndGet(bytes);
            long last = reported.get();
            if ((now - last) * 50 >= total && reported.compareAndSet(last, now)) {
                sink.accept((double) now / total);
            }
        }
    }

    private List<Part> scanParts(Path file, long[] bounds, Progress progress) throws IOException {
        int n = bounds.length - 1;
        if (n == 1) {
            return List.of(scan(file, bounds[0], bounds[1], progress));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n - 1, r -> {
            Thread t = new Thread(r, "history-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<Part>> futures = new ArrayList<>();
            for (int i = 1; i < n; i++) {
                long from = bounds[i];
                long to = bounds[i + 1];
                futures.add(pool.submit(() -> scan(file, from, to, progress)));
            }
            List<Part> parts = new ArrayList<>();
            parts.add(scan(file, bounds[0], bounds[1], progress));
            for (java.util.concurrent.Future<Part> f : futures) {
                parts.add(f.get());
            }
            return parts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading " + file);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * What one part of the file held: its records in order, how many lines it had, how many of them
     * ended in a line end, and the offset after the last line end.
     */
    private record Part(List<Item> items, long lines, long completeLines, long completeEnd) {
    }

    /**
     * A non-blank line: read by the fast path ({@code parsed} set), or left for perf-core's codec
     * ({@code raw} set).
     *
     * @param line     1-based line number within the part
     * @param complete whether the line ended in a line end (only the file's last line may not)
     */
    private record Item(long line, long offset, int length, LineParser.Parsed parsed, byte[] raw, boolean complete) {
    }

    /** Reads the lines of {@code [from, to)}, which starts at a line start. */
    private Part scan(Path file, long from, long to, Progress progress) throws IOException {
        List<Item> items = new ArrayList<>();
        LineFilter filter = new LineFilter();
        LineParser parser = new LineParser(factory);
        long lines = 0;
        long completeLines = 0;
        long completeEnd = from;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] buf = new byte[(int) Math.min(CHUNK, Math.max(16, to - from))];
            int filled = 0;
            long bufferStart = from;
            long position = from;
            while (true) {
                int n = position < to ? channel.read(java.nio.ByteBuffer.wrap(buf, filled,
                        (int) Math.min(buf.length - filled, to - position)), position) : -1;
                if (n > 0) {
                    position += n;
                    filled += n;
                    progress.add(n);
                }
                boolean end = n <= 0;
                int lineStart = 0;
                while (lineStart < filled) {
                    int lineEnd = filter.filter(buf, lineStart, filled);
                    if (lineEnd == filled && !end) {
                        break;
                    }
                    lines++;
                    boolean complete = lineEnd < filled;
                    line(buf, lineStart, lineEnd, lines, bufferStart + lineStart, complete, filter, parser, items);
                    if (complete) {
                        completeLines++;
                        completeEnd = bufferStart + lineEnd + 1;
                    }
                    lineStart = lineEnd + 1;
                }
                if (end) {
                    return new Part(items, lines, completeLines, completeEnd);
                }
                int rest = filled - lineStart;
                if (lineStart == 0 && rest == buf.length) {
                    buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                } else if (rest > 0) {
                    System.arraycopy(buf, lineStart, buf, 0, rest);
                }
                bufferStart += lineStart;
                filled = rest;
            }
        }
    }

    private static void line(byte[] buf, int from, int to, long lineNo, long offset, boolean complete,
                             LineFilter filter, LineParser parser, List<Item> items) {
        int first = from;
        while (first < to && (buf[first] == ' ' || buf[first] == '\t' || buf[first] == '\r')) {
            first++;
        }
        if (first == to) {
            return;
        }
        LineParser.Parsed parsed = filter.ok() ? parser.parse(filter.bytes(), filter.length()) : null;
        if (parsed == null) {
            // Identities are only carried over from a line both read in full.
            filter.forget();
            parser.forget();
        }
        items.add(new Item(lineNo, offset, to - from, parsed,
                parsed == null ? java.util.Arrays.copyOfRange(buf, from, to) : null, complete));
    }

    /** Puts the parts together in file order; lines the fast path left are read by perf-core's codec. */
    private HistoryIndex merge(Path file, List<Part> parts, SeriesBuilder builder, long firstLineBase)
            throws InputException {
        String source = file.toString();
        boolean torn = false;
        long lineBase = firstLineBase;
        for (Part part : parts) {
            for (Item item : part.items) {
                long lineNo = lineBase + item.line;
                if (item.parsed != null) {
                    builder.add(item.parsed, lineNo, item.offset, item.length);
                    continue;
                }
                try {
                    builder.add(slowRead(source, lineNo, item.raw), lineNo, item.offset, item.length);
                } catch (InputException e) {
                    if (item.complete) {
                        throw e;
                    }
                    torn = true;
                }
            }
            lineBase += part.lines;
        }
        return builder.build(file, torn);
    }

    private HistoryRecord slowRead(String source, long lineNo, byte[] raw) throws InputException {
        String text;
        try {
            text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(raw)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InputException(source, "line " + lineNo, "is not valid UTF-8 text");
        }
        return codec.read(source, lineNo, text);
    }
}
