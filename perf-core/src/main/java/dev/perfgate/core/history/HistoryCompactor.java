package dev.perfgate.core.history;

import dev.perfgate.core.InputException;
import dev.perfgate.core.files.SafeFiles;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.model.Run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drops the per-fork, per-iteration samples of old runs from a history file ({@code perf-gate history
 * compact}), keeping each run's summary: score, error and unit of each benchmark and of its allocation,
 * the number of forks and iterations, identity, time, commit, branch and host class (see
 * {@link CompactedRuns} for what else goes).
 *
 * <p>Kept whole, whatever their age: runs an approval record of the file names, runs an entry of the
 * baseline names, and the run at each change point of every trend and the run just before it (from
 * {@link Trends} with {@link ChangePoints#defaults()}). Approval lines, blank lines and lines of runs
 * kept whole are copied byte for byte; a compacted run's line is written by {@link HistoryCodec} and
 * must read back as the compacted run exactly, or the line is kept whole. So the scores every trend
 * is drawn from are unchanged, and so are its change points; compacting a compacted file changes
 * nothing.
 *
 * <p>The whole read and rewrite hold the lock appends take ({@link SafeFiles#withLock}), so an append
 * waits and then goes to the new file; the new file replaces the old in one atomic rename. A file with
 * a bad line, a run of another platform or a run id appearing twice is refused (an
 * {@link InputException} naming the line) before anything is written. A torn last line is moved aside
 * to {@code <file>.torn-<time>}, as the next append would.
 */
public final class HistoryCompactor {

    private static final DateTimeFormatter TORN_SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * Which runs keep their samples: those less than {@code days} days older than the newest run of the
     * file, or the newest {@code runs} runs (by time, then by line).
     */
    public record KeepSamples(int days, int runs) {

        private static final Pattern SYNTAX = Pattern.compile("(\\d{1,6})(d?)");

        public KeepSamples {
            if (!(days > 0 && runs == -1 || days == 0 && runs >= 0)) {
                throw new IllegalArgumentException("exactly one of days (> 0) and runs (>= 0) is given");
            }
        }

        /** Runs less than this many days older than the newest run keep their samples. */
        public static KeepSamples days(int days) {
            return new KeepSamples(days, -1);
        }

        /** The newest this many runs keep their samples. */
        public static KeepSamples runs(int runs) {
            return new KeepSamples(0, runs);
        }

        /**
         * Parses {@code 90d} (days) or {@code 20} (runs).
         *
         * @throws IllegalArgumentException naming the accepted forms
         */
        public static KeepSamples parse(String text) {
            Matcher m = SYNTAX.matcher(text == null ? "" : text.strip());
            if (!m.matches() || m.group(2).equals("d") && Integer.parseInt(m.group(1)) == 0) {
                throw new IllegalArgumentException("expected a number of days such as 90d, or of runs such as 20, "
                        + "but was '" + text + "'");
            }
            int n = Integer.parseInt(m.group(1));
            return m.group(2).equals("d") ? days(n) : runs(n);
        }

        @Override
        public String toString() {
            return days > 0 ? days + "d" : Integer.toString(runs);
        }
    }

    /**
     * What a compaction did.
     *
     * @param lines            lines of the file, blank ones and a torn last one included
     * @param runs             run records
     * @param approvals        approval records
     * @param compacted        runs whose samples were dropped now
     * @param keptWhole        runs with samples that kept them, for one reason or more
     * @param recent           of those, runs within {@code --keep-samples}
     * @param approved         of those, runs an approval record names
     * @param inBaseline       of those, runs a baseline entry names
     * @param atChangePoint    of those, runs at a change point or just before one
     * @param unreproducible   of those, runs whose line would not read back the same once compacted (numbers
     *                         written with more digits than perfgate writes)
     * @param alreadyCompact   runs without samples (compacted before, or recorded without them)
     * @param newest           time of the newest run; null without runs
     * @param bytesBefore      size of the file before
     * @param bytesAfter       size after
     * @param tornMovedTo      where a torn last line was moved
     * @param written          whether the file was rewritten (false when nothing changed)
     */
    public record Outcome(long lines, long runs, long approvals, long compacted, long keptWhole, long recent,
                          long approved, long inBaseline, long atChangePoint, long unreproducible, long alreadyCompact,
                          Instant newest, long bytesBefore, long bytesAfter, Optional<Path> tornMovedTo,
                          boolean written) {
    }

    private final HistoryStore store;
    private final Clock clock;
    private final HistoryCodec codec = new HistoryCodec();

    /**
     * @param store the store whose files are compacted (for reading them as {@link Trends} does)
     * @param clock names a set-aside torn line
     */
    public HistoryCompactor(HistoryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** One run of the file, as the first pass found it. */
    private record RunLine(long lineNo, String runId, Instant timestamp, boolean hasSamples) {
    }

    /**
     * Compacts a history file.
     *
     * @param file           the history file
     * @param platform       the platform its runs must be of; null not to check
     * @param keep           which runs keep their samples by age or number
     * @param baselineRunIds ids of the runs the baseline's entries were approved from; kept whole
     * @throws InputException when the file is missing or has a bad line; nothing is written then
     * @throws IOException    when the file cannot be written; it is unchanged then
     */
    public Outcome compact(Path file, PlatformKey platform, KeepSamples keep, Set<String> baselineRunIds)
            throws InputException, IOException {
        return SafeFiles.withLock(file, () -> compactLocked(file, platform, keep, baselineRunIds));
    }

    private Outcome compactLocked(Path file, PlatformKey platform, KeepSamples keep, Set<String> baselineRunIds)
            throws InputException, IOException {
        String source = file.toString();
        if (!Files.exists(file)) {
            throw new InputException(source, null, "no such history file");
        }
        long bytesBefore = Files.size(file);
        List<RunLine> runs = new ArrayList<>();
        Map<String, Long> lineOfRun = new HashMap<>();
        Set<String> approvedRuns = new HashSet<>();
        long[] approvals = {0};
        HistoryStore.ReadSummary read = store.stream(file, (lineNo, record) -> {
            if (record instanceof HistoryRecord.ApprovalRecord a) {
                approvals[0]++;
                if (!a.runId().isEmpty()) {
                    approvedRuns.add(a.runId());
                }
                return;
            }
            Run run = ((HistoryRecord.RunRecord) record).run();
            if (platform != null && !platform.equals(run.platform())) {
                throw new InputException(source, "line " + lineNo + ", $.platform", "a run of " + run.platform()
                        + " in the history of " + platform);
            }
            Long first = lineOfRun.putIfAbsent(run.runId(), lineNo);
            if (first != null) {
                throw new InputException(source, "line " + lineNo + ", $.run_id", "run " + run.runId()
                        + " is already on line " + first + "; resolve it (see perf-gate history verify) first");
            }
            runs.add(new RunLine(lineNo, run.runId(), run.timestamp(), CompactedRuns.hasSamples(run)));
        });
        Set<String> changePointRuns = new HashSet<>();
        for (Trend trend : new Trends(store, ChangePoints.defaults()).read(file, id -> true, 0).trends()) {
            for (ChangePoints.ChangePoint cp : trend.changePoints()) {
                changePointRuns.add(trend.points().get(cp.index()).runId());
                if (cp.index() > 0) {
                    changePointRuns.add(trend.points().get(cp.index() - 1).runId());
                }
            }
        }
        Instant newest = runs.stream().map(RunLine::timestamp).max(Comparator.naturalOrder()).orElse(null);
        Set<Long> recentLines = recent(runs, keep, newest);

        long[] kept = new long[5]; // keptWhole, recent, approved, inBaseline, atChangePoint
        long alreadyCompact = 0;
        Set<Long> toCompact = new HashSet<>();
        for (RunLine r : runs) {
            if (!r.hasSamples()) {
                alreadyCompact++;
                continue;
            }
            boolean isRecent = recentLines.contains(r.lineNo());
            boolean isApproved = approvedRuns.contains(r.runId());
            boolean isBaseline = baselineRunIds.contains(r.runId());
            boolean isChangePoint = changePointRuns.contains(r.runId());
            if (isRecent || isApproved || isBaseline || isChangePoint) {
                kept[0]++;
                kept[1] += isRecent ? 1 : 0;
                kept[2] += isApproved ? 1 : 0;
                kept[3] += isBaseline ? 1 : 0;
                kept[4] += isChangePoint ? 1 : 0;
            } else {
                toCompact.add(r.lineNo());
            }
        }
        boolean endsInLineEnd = bytesBefore == 0 || lastByte(file, bytesBefore - 1) == '\n';
        long lines = countLines(file);
        if (toCompact.isEmpty() && endsInLineEnd) {
            return new Outcome(lines, runs.size(), approvals[0], 0, kept[0], kept[1], kept[2], kept[3], kept[4], 0,
                    alreadyCompact, newest, bytesBefore, bytesBefore, Optional.empty(), false);
        }
        Optional<Path> aside = Optional.empty();
        if (read.tornLastLine()) {
            // Saved before the file is replaced, so that a crash between the two loses nothing.
            Path fragment = file.resolveSibling(file.getFileName() + ".torn-" + TORN_SUFFIX.format(clock.instant()));
            SafeFiles.writeAtomically(fragment, tail(file, bytesBefore));
            aside = Optional.of(fragment);
        }
        SafeFiles.removeStaleTemporaries(file);
        long[] rewritten = {0, 0}; // compacted, unreproducible
        boolean dropLast = read.tornLastLine();
        SafeFiles.writeAtomically(file, out -> rewrite(file, toCompact, dropLast, out, rewritten));
        return new Outcome(lines, runs.size(), approvals[0], rewritten[0], kept[0] + rewritten[1], kept[1], kept[2],
                kept[3], kept[4], rewritten[1], alreadyCompact, newest, bytesBefore, Files.size(file), aside, true);
    }

    /** The lines of the runs that keep their samples by {@code keep}. */
    private static Set<Long> recent(List<RunLine> runs, KeepSamples keep, Instant newest) {
        Set<Long> lines = new HashSet<>();
        if (keep.days() > 0) {
            Instant since = newest == null ? Instant.MAX : newest.minus(Duration.ofDays(keep.days()));
            runs.stream().filter(r -> r.timestamp().isAfter(since)).forEach(r -> lines.add(r.lineNo()));
        } else {
            runs.stream().sorted(Comparator.comparing(RunLine::timestamp).thenComparingLong(RunLine::lineNo).reversed())
                    .limit(keep.runs()).forEach(r -> lines.add(r.lineNo()));
        }
        return lines;
    }

    /**
     * Copies the file line by line into {@code out}: lines in {@code toCompact} as their compacted run
     * (when that reads back exactly), every other line byte for byte, each with its line end; the last
     * line is left out when it is torn.
     */
    private void rewrite(Path file, Set<Long> toCompact, boolean dropLast, OutputStream out, long[] counts)
            throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            byte[] line = new byte[4096];
            int length = 0;
            long lineNo = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        line = append(line, length, buffer, start, i - start);
                        length += i - start;
                        start = i + 1;
                        writeLine(file, ++lineNo, line, length, toCompact, out, counts);
                        length = 0;
                    }
                }
                line = append(line, length, buffer, start, n - start);
                length += n - start;
            }
            if (length > 0 && !dropLast) {
                writeLine(file, ++lineNo, line, length, toCompact, out, counts);
            }
        }
    }

    private void writeLine(Path file, long lineNo, byte[] line, int length, Set<Long> toCompact, OutputStream out,
                           long[] counts) throws IOException {
        if (toCompact.contains(lineNo)) {
            byte[] compacted = compactLine(file, lineNo, new String(line, 0, length, StandardCharsets.UTF_8));
            if (compacted != null) {
                out.write(compacted);
                out.write('\n');
                counts[0]++;
                return;
            }
            counts[1]++;
        }
        out.write(line, 0, length);
        out.write('\n');
    }

    /** The line of the compacted run; null when it would not read back as exactly that run. */
    private byte[] compactLine(Path file, long lineNo, String text) throws IOException {
        try {
            Run run = ((HistoryRecord.RunRecord) codec.read(file.toString(), lineNo, text)).run();
            HistoryRecord.RunRecord compacted = new HistoryRecord.RunRecord(CompactedRuns.compact(run));
            String line = codec.write(compacted);
            return codec.read(file.toString(), lineNo, line).equals(compacted)
                    ? line.getBytes(StandardCharsets.UTF_8) : null;
        } catch (InputException | ClassCastException e) {
            // The first pass read this line under the same lock; only a writer ignoring the lock gets here.
            throw new IOException(file + ": line " + lineNo + " changed while it was compacted: " + e.getMessage(), e);
        }
    }

    private static byte[] append(byte[] line, int length, byte[] from, int start, int count) {
        byte[] out = length + count <= line.length ? line
                : Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        System.arraycopy(from, start, out, length, count);
        return out;
    }

    /** Lines of the file: its line ends, and one more for text after the last. */
    private static long countLines(Path file) throws IOException {
        long lines = 0;
        int last = '\n';
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
        }
        return last == '\n' ? lines : lines + 1;
    }

    private static byte lastByte(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            return one.get(0);
        }
    }

    /** The bytes after the file's last line end. */
    private static byte[] tail(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long start = size;
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
            search:
            while (start > 0) {
                chunk.clear();
                long from = Math.max(0, start - chunk.capacity());
                chunk.limit((int) (start - from));
                while (chunk.hasRemaining() && channel.read(chunk, from + chunk.position()) > 0) {
                    // reads the whole chunk
                }
                for (int i = chunk.position() - 1; i >= 0; i--) {
                    if (chunk.get(i) == '\n') {
                        start = from + i + 1;
                        break search;
                    }
                }
                start = from;
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(size - start, Integer.MAX_VALUE - 8));
            while (bytes.hasRemaining() && channel.read(bytes, start + bytes.position()) > 0) {
                // reads the whole tail
            }
            return Arrays.copyOf(bytes.array(), bytes.position());
        }
    }
}
