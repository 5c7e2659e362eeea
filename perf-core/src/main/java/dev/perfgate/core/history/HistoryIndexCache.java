package dev.perfgate.core.history;

import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.HostClass;
import dev.perfgate.core.model.Mode;
import dev.perfgate.core.model.PlatformKey;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Remembers the index of each history file the analyzer read, so that opening it again reads
 * only the lines appended since (a history is append-only: CI adds one line per run). One file
 * per history in a cache directory ({@code ~/.cache/perf-analyzer} in the application), named by a
 * hash of the history's absolute path.
 *
 * <p>A cached index is used only when the history still starts with the bytes it was built from:
 * the file is at least as long, and checksums of its first 64 KiB and of the 4 KiB before the end
 * of the indexed part match. Anything else (a rewritten or truncated history, an unreadable or
 * outdated cache file) reads the whole history again. The cache is a convenience: failing to read
 * or write it is never an error.
 */
public final class HistoryIndexCache {

    private static final int FORMAT = 4;
    private static final String MAGIC = "perf-analyzer history index";
    private static final int HEAD = 64 * 1024;
    private static final int TAIL = 4 * 1024;

    private final Path dir;

    /** @param dir where cache files are kept; created when first needed */
    public HistoryIndexCache(Path dir) {
        this.dir = dir;
    }

    /** The cache directory of this user: {@code $XDG_CACHE_HOME/perf-analyzer} or {@code ~/.cache/perf-analyzer}. */
    public static Path defaultDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("perf-analyzer");
    }

    /**
     * A cached index of the history's first {@code bytes} bytes ({@code lines} lines, each ending in
     * a line end).
     */
    record Hit(HistoryIndex index, long bytes, long lines) {
    }

    /** The cached index of a history, if there is a valid one. */
    Optional<Hit> lookup(Path history, FileChannel channel) {
        return read(history, channel, true);
    }

    /**
     * How many of the history's first bytes a valid cached index covers (0 when none), without
     * reading the index itself.
     */
    long covered(Path history, FileChannel channel) {
        return read(history, channel, false).map(Hit::bytes).orElse(0L);
    }

    /** The cache file's header checked against the history, and its index read when {@code withIndex}. */
    private Optional<Hit> read(Path history, FileChannel channel, boolean withIndex) {
        Path file = fileFor(history);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file),
                withIndex ? 1 << 20 : 8192))) {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT
                    || !in.readUTF().equals(history.toAbsolutePath().normalize().toString())) {
                return Optional.empty();
            }
            long bytes = in.readLong();
            long lines = in.readLong();
            long head = in.readLong();
            long tail = in.readLong();
            if (channel.size() < bytes || checksum(channel, 0, Math.min(HEAD, bytes)) != head
                    || checksum(channel, Math.max(0, bytes - TAIL), bytes) != tail) {
                return Optional.empty();
            }
            return Optional.of(new Hit(withIndex ? readIndex(in, history) : null, bytes, lines));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Stores the index of a history's first {@code bytes} bytes ({@code lines} complete lines).
     * Does nothing when the index cannot be stored.
     */
    void store(Path history, FileChannel channel, HistoryIndex index, long bytes, long lines) {
        try {
            Files.createDirectories(dir);
            Path file = fileFor(history);
            Path temp = Files.createTempFile(dir, "index", ".tmp");
            try (OutputStream raw = Files.newOutputStream(temp);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 20))) {
                out.writeUTF(MAGIC);
                out.writeInt(FORMAT);
                out.writeUTF(history.toAbsolutePath().normalize().toString());
                out.writeLong(bytes);
                out.writeLong(lines);
                out.writeLong(checksum(channel, 0, Math.min(HEAD, bytes)));
                out.writeLong(checksum(channel, Math.max(0, bytes - TAIL), bytes));
                writeIndex(out, index);
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // The cache only saves time; the index in memory is right regardless.
        }
    }

    /** The cache file of a history. */
    Path fileFor(Path history) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(
                    history.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(hash, 0, 12) + ".idx");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static long checksum(FileChannel channel, long from, long to) throws IOException {
        CRC32 crc = new CRC32();
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(0, to - from));
        long position = from;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                break;
            }
            position += n;
        }
        buffer.flip();
        crc.update(buffer);
        return crc.getValue();
    }

    private static void writeIndex(DataOutputStream out, HistoryIndex index) throws IOException {
        out.writeInt(index.runs().size());
        for (RunInfo r : index.runs()) {
            out.writeUTF(r.runId());
            out.writeLong(r.timestamp().getEpochSecond());
            out.writeInt(r.timestamp().getNano());
            out.writeUTF(r.commit());
            out.writeUTF(r.branch());
            out.writeLong(r.lineNo());
            out.writeLong(r.offset());
            out.writeInt(r.length());
        }
        List<TrendSeries> all = index.series().values().stream().flatMap(List::stream).toList();
        out.writeInt(all.size());
        for (TrendSeries s : all) {
            writeId(out, s.id());
            writeHostClass(out, s.hostClass());
            out.writeUTF(s.unit());
            int n = s.size();
            out.writeInt(n);
            // Arrays as blocks, read back with bulk gets.
            ByteBuffer block = ByteBuffer.allocate(n * 28);
            for (int i = 0; i < n; i++) {
                block.putLong(s.time(i));
            }
            for (int i = 0; i < n; i++) {
                block.putDouble(s.score(i));
            }
            for (int i = 0; i < n; i++) {
                block.putDouble(s.error(i));
            }
            for (int i = 0; i < n; i++) {
                block.putInt(s.run(i).index());
            }
            out.write(block.array());
        }
        out.writeInt(index.approvals().size());
        for (HistoryRecord.ApprovalRecord a : index.approvals()) {
            out.writeLong(a.timestamp().getEpochSecond());
            out.writeInt(a.timestamp().getNano());
            out.writeUTF(a.approver());
            out.writeUTF(a.reason());
            out.writeUTF(a.commit());
            out.writeUTF(a.runId());
            out.writeInt(a.benchmarks().size());
            for (BenchmarkId id : a.benchmarks()) {
                writeId(out, id);
            }
        }
    }

    private static HistoryIndex readIndex(DataInputStream in, Path history) throws IOException {
        int runCount = in.readInt();
        List<RunInfo> runs = new ArrayList<>(runCount);
        for (int i = 0; i < runCount; i++) {
            runs.add(new RunInfo(i, in.readUTF(), Instant.ofEpochSecond(in.readLong(), in.readInt()), in.readUTF(),
                    in.readUTF(), in.readLong(), in.readLong(), in.readInt()));
        }
        int seriesCount = in.readInt();
        TreeMap<BenchmarkId, List<TrendSeries>> series = new TreeMap<>();
        for (int k = 0; k < seriesCount; k++) {
            BenchmarkId id = readId(in);
            HostClass hostClass = readHostClass(in);
            String unit = in.readUTF();
            int n = in.readInt();
            byte[] bytes = new byte[Math.multiplyExact(n, 28)];
            in.readFully(bytes);
            ByteBuffer block = ByteBuffer.wrap(bytes);
            long[] times = new long[n];
            double[] scores = new double[n];
            double[] errors = new double[n];
            int[] runIndex = new int[n];
            block.asLongBuffer().get(times);
            block.position(n * 8);
            block.slice().asDoubleBuffer().get(scores);
            block.position(n * 16);
            block.slice().asDoubleBuffer().get(errors);
            block.position(n * 24);
            block.slice().asIntBuffer().get(runIndex);
            RunInfo[] pointRuns = new RunInfo[n];
            for (int i = 0; i < n; i++) {
                pointRuns[i] = runs.get(runIndex[i]);
            }
            series.computeIfAbsent(id, i -> new ArrayList<>())
                    .add(new TrendSeries(id, hostClass, unit, times, scores, errors, pointRuns));
        }
        int approvalCount = in.readInt();
        List<HistoryRecord.ApprovalRecord> approvals = new ArrayList<>(approvalCount);
        for (int k = 0; k < approvalCount; k++) {
            Instant time = Instant.ofEpochSecond(in.readLong(), in.readInt());
            String approver = in.readUTF();
            String reason = in.readUTF();
            String commit = in.readUTF();
            String runId = in.readUTF();
            int ids = in.readInt();
            List<BenchmarkId> benchmarks = new ArrayList<>(ids);
            for (int i = 0; i < ids; i++) {
                benchmarks.add(readId(in));
            }
            approvals.add(new HistoryRecord.ApprovalRecord(time, approver, reason, commit, runId, benchmarks));
        }
        return new HistoryIndex(history, runs, series, approvals, false);
    }

    private static void writeId(DataOutputStream out, BenchmarkId id) throws IOException {
        out.writeUTF(id.name());
        out.writeUTF(id.mode().label());
        out.writeInt(id.params().size());
        for (var p : id.params().entrySet()) {
            out.writeUTF(p.getKey());
            out.writeUTF(p.getValue());
        }
    }

    private static void writeHostClass(DataOutputStream out, HostClass hostClass) throws IOException {
        out.writeBoolean(hostClass != null);
        if (hostClass != null) {
            out.writeUTF(hostClass.platform().toString());
            out.writeInt(hostClass.isa().size());
            for (String feature : hostClass.isa()) {
                out.writeUTF(feature);
            }
            out.writeInt(hostClass.vectorBits());
            out.writeInt(hostClass.cores());
            out.writeInt(hostClass.jdkMajor());
        }
    }

    private static HostClass readHostClass(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        PlatformKey platform = PlatformKey.parse(in.readUTF());
        int n = in.readInt();
        List<String> isa = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            isa.add(in.readUTF());
        }
        return new HostClass(platform, isa, in.readInt(), in.readInt(), in.readInt());
    }

    private static BenchmarkId readId(DataInputStream in) throws IOException {
        String name = in.readUTF();
        Mode mode = Mode.fromLabel(in.readUTF()).orElseThrow(() -> new IOException("unknown mode"));
        int n = in.readInt();
        TreeMap<String, String> params = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            params.put(in.readUTF(), in.readUTF());
        }
        return new BenchmarkId(name, mode, params);
    }

    /** For tests: whether a cache file exists for the history. */
    boolean has(Path history) {
        return Files.isRegularFile(fileFor(history));
    }
}
