package dev.perfgate.analyzer.project;

import dev.perfgate.core.history.HistoryReader;
import dev.perfgate.core.history.HistoryIndex;
import dev.perfgate.core.InputException;
import dev.perfgate.core.baseline.Baseline;
import dev.perfgate.core.baseline.BaselineFile;
import dev.perfgate.core.baseline.BaselineStore;
import dev.perfgate.core.jmh.JmhJsonReader;
import dev.perfgate.core.model.PlatformKey;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * Opens what the user points at: a project directory (with {@code baselines/} and/or
 * {@code history/}), a baseline or history file inside one, a lone history ({@code .jsonl}) or a
 * JMH results file ({@code .json} holding a JMH array). Every problem is an {@link InputException}
 * whose message names the file and the place in it.
 */
public final class ProjectLoader {

    /**
     * When a history is previewed from its end before the whole of it is read (see
     * {@link #open(Path, Workspace, DoubleConsumer, Consumer)}).
     *
     * @param runs      how many of the latest runs a preview must hold; 0 for no previews
     * @param above     a history with more than this many bytes to read (after what the index cache
     *                  holds) is previewed
     * @param firstTail the first end of the history read; when it holds fewer than {@code runs} runs,
     *                  a longer end is read, as long as the runs read suggest (up to sixteen times
     *                  as long), up to a quarter of the file
     */
    public record Previews(int runs, long above, long firstTail) {

        /** No previews. */
        public static final Previews NONE = new Previews(0, Long.MAX_VALUE, 0);

        /** Previews of histories over 32 MB, from their last 256 KB on. */
        public static Previews of(int runs) {
            return new Previews(runs, 32L << 20, 256L << 10);
        }
    }

    private final HistoryReader historyReader;
    private final Optional<PlatformKey> thisPlatform;
    private final Previews previews;

    /**
     * @param historyReader reads histories
     * @param thisPlatform  the platform of this machine, preferred when a project has several
     */
    public ProjectLoader(HistoryReader historyReader, Optional<PlatformKey> thisPlatform) {
        this(historyReader, thisPlatform, Previews.NONE);
    }

    /** @param previews when long histories are previewed from their end */
    public ProjectLoader(HistoryReader historyReader, Optional<PlatformKey> thisPlatform, Previews previews) {
        this.historyReader = historyReader;
        this.thisPlatform = thisPlatform;
        this.previews = previews;
    }

    /** What kind of thing a path is, judged by its name (and, for directories, by being one). */
    public enum Kind {
        PROJECT, HISTORY, RESULTS, JFR, UNKNOWN;

        /** The kind of a path. */
        public static Kind of(Path path) {
            if (Files.isDirectory(path)) {
                return PROJECT;
            }
            String name = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
            if (name.endsWith(".jsonl")) {
                return HISTORY;
            }
            if (name.endsWith(".json")) {
                return RESULTS;
            }
            if (name.endsWith(".jfr")) {
                return JFR;
            }
            return UNKNOWN;
        }
    }

    /**
     * Opens a path (not a JFR recording) into a workspace.
     *
     * @param current what is open now: a results file is added to it, anything else replaces it
     */
    public Workspace open(Path path, Workspace current) throws InputException {
        return open(path, current, fraction -> { }, early -> { });
    }

    /**
     * As {@link #open(Path, Workspace)}, reporting the progress of reading a history. A long history
     * ({@link Previews}) is first read from its end, up to its latest runs, and that workspace handed
     * to {@code preview} (on the calling thread) before the whole file is read: its history's series
     * hold only those runs ({@link HistoryReader#indexTail}). A bad line among them gives no preview;
     * the whole read reports it.
     */
    public Workspace open(Path path, Workspace current, DoubleConsumer progress, Consumer<Workspace> preview)
            throws InputException {
        if (!Files.exists(path)) {
            throw new InputException(path.toString(), null, "no such file or directory");
        }
        Optional<Path> projectOfFile = projectOf(path);
        if (projectOfFile.isPresent()) {
            return openProject(projectOfFile.get(), Optional.of(platformOfFile(path)), progress, preview);
        }
        return switch (Kind.of(path)) {
            case PROJECT -> openProject(path, Optional.empty(), progress, preview);
            case HISTORY -> openHistory(path, progress, preview);
            case RESULTS -> current.withResults(new ResultsFile(path, new JmhJsonReader().read(path)));
            case JFR -> throw new InputException(path.toString(), null, "is a JFR recording: open it in the JFR view");
            case UNKNOWN -> throw new InputException(path.toString(), null, "cannot be opened: expected a project "
                    + "directory, JMH results (.json), a history (.jsonl) or a JFR recording (.jfr)");
        };
    }

    /** The project a baselines/P.json or history/P.jsonl file belongs to. */
    private static Optional<Path> projectOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || parent.getParent() == null || Files.isDirectory(file)) {
            return Optional.empty();
        }
        String dir = String.valueOf(parent.getFileName());
        String name = String.valueOf(file.getFileName());
        boolean baseline = dir.equals("baselines") && name.endsWith(".json");
        boolean history = dir.equals("history") && name.endsWith(".jsonl");
        if ((baseline || history) && parsePlatform(stripExtension(name)).isPresent()) {
            return Optional.of(parent.getParent());
        }
        return Optional.empty();
    }

    private static PlatformKey platformOfFile(Path file) {
        return parsePlatform(stripExtension(String.valueOf(file.getFileName()))).orElseThrow();
    }

    private static String stripExtension(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static Optional<PlatformKey> parsePlatform(String text) {
        try {
            return Optional.of(PlatformKey.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Opens a project directory showing {@code platform}, or (when empty or not in the project) this
     * machine's platform if the project has it, else the first.
     */
    public Workspace openProject(Path dir, Optional<PlatformKey> platform) throws InputException {
        return openProject(dir, platform, fraction -> { }, early -> { });
    }

    /**
     * As {@link #openProject(Path, Optional)}, reporting the progress of reading the history and
     * previewing a long one as {@link #open(Path, Workspace, DoubleConsumer, Consumer)} does.
     */
    public Workspace openProject(Path dir, Optional<PlatformKey> platform, DoubleConsumer progress,
                                 Consumer<Workspace> preview) throws InputException {
        if (!Files.isDirectory(dir.resolve("baselines")) && !Files.isDirectory(dir.resolve("history"))) {
            throw new InputException(dir.toString(), null, "is not a perfgate project: it has neither a baselines/ "
                    + "nor a history/ directory");
        }
        List<PlatformKey> platforms = platforms(dir);
        Optional<PlatformKey> shown = platform.filter(platforms::contains)
                .or(() -> thisPlatform.filter(platforms::contains))
                .or(() -> platforms.stream().findFirst());
        Optional<Baseline> baseline = Optional.empty();
        Optional<HistoryIndex> history = Optional.empty();
        if (shown.isPresent()) {
            // The baseline is parsed on another thread while the history is read.
            PlatformKey key = shown.get();
            CompletableFuture<Optional<Baseline>> baselineRead = CompletableFuture.supplyAsync(() -> {
                try {
                    return new BaselineStore(dir).read(key).flatMap(BaselineFile::latest);
                } catch (InputException e) {
                    throw new CompletionException(e);
                }
            });
            Path historyFile = dir.resolve("history").resolve(key + ".jsonl");
            Optional<HistoryIndex> early = tail(historyFile);
            if (early.isPresent()) {
                Optional<Baseline> b = join(baselineRead);
                preview.accept(new Workspace(Optional.of(dir), platforms, shown, b, early, List.of()));
            }
            history = Files.exists(historyFile) ? Optional.of(historyReader.index(historyFile, progress)) : Optional.empty();
            baseline = join(baselineRead);
        }
        return new Workspace(Optional.of(dir), platforms, shown, baseline, history, List.of());
    }

    private static Optional<Baseline> join(CompletableFuture<Optional<Baseline>> baselineRead) throws InputException {
        try {
            return baselineRead.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof InputException input) {
                throw input;
            }
            throw e;
        }
    }

    /**
     * The end of a long history, holding at least {@link Previews#runs} runs; empty for a history
     * short enough (or cached enough) to be read whole at once, when there are no previews, when a
     * quarter of the file would not hold enough runs, or when a line there is bad.
     */
    private Optional<HistoryIndex> tail(Path file) {
        if (previews.runs() == 0 || historyReader.bytesToIndex(file) <= previews.above()) {
            return Optional.empty();
        }
        try {
            long quarter = Files.size(file) / 4;
            for (long bytes = Math.min(previews.firstTail(), quarter); ; ) {
                HistoryIndex tail = historyReader.indexTail(file, bytes);
                int runs = tail.runs().size();
                if (runs >= previews.runs()) {
                    return Optional.of(tail);
                }
                if (bytes == quarter) {
                    break;
                }
                // As many bytes per run as the runs read took, and a fifth more; at most sixteen times as many.
                bytes = Math.min(quarter, runs == 0 ? 16 * bytes
                        : Math.min(16 * bytes, (long) (1.2 * bytes * previews.runs() / runs)));
            }
        } catch (IOException | InputException e) {
            // No preview: the whole read reports what is wrong.
        }
        return Optional.empty();
    }

    /** Opens a lone history file; its platform is its file name's, when that is a platform key. */
    private Workspace openHistory(Path file, DoubleConsumer progress, Consumer<Workspace> preview)
            throws InputException {
        Optional<PlatformKey> platform = parsePlatform(stripExtension(String.valueOf(file.getFileName())));
        tail(file).ifPresent(early -> preview.accept(historyWorkspace(platform, early)));
        return historyWorkspace(platform, historyReader.index(file, progress));
    }

    private static Workspace historyWorkspace(Optional<PlatformKey> platform, HistoryIndex history) {
        return new Workspace(Optional.empty(), platform.map(List::of).orElse(List.of()), platform, Optional.empty(),
                Optional.of(history), List.of());
    }

    /** The platforms with a baseline or a history in a project, sorted. */
    static List<PlatformKey> platforms(Path dir) throws InputException {
        TreeSet<String> keys = new TreeSet<>();
        collect(dir.resolve("baselines"), ".json", keys);
        collect(dir.resolve("history"), ".jsonl", keys);
        return keys.stream().map(ProjectLoader::parsePlatform).flatMap(Optional::stream).toList();
    }

    private static void collect(Path dir, String extension, TreeSet<String> keys) throws InputException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + extension)) {
            for (Path f : files) {
                String name = String.valueOf(f.getFileName());
                keys.add(name.substring(0, name.length() - extension.length()));
            }
        } catch (IOException e) {
            throw new InputException(dir.toString(), null, "cannot be listed: " + e.getMessage(), e);
        }
    }
}
