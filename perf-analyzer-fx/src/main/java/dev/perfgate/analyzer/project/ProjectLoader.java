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

/**
 * Opens what the user points at: a project directory (with {@code baselines/} and/or
 * {@code history/}), a baseline or history file inside one, a lone history ({@code .jsonl}) or a
 * JMH results file ({@code .json} holding a JMH array). Every problem is an {@link InputException}
 * whose message names the file and the place in it.
 */
public final class ProjectLoader {

    private final HistoryReader historyReader;
    private final Optional<PlatformKey> thisPlatform;

    /**
     * @param historyReader reads histories
     * @param thisPlatform  the platform of this machine, preferred when a project has several
     */
    public ProjectLoader(HistoryReader historyReader, Optional<PlatformKey> thisPlatform) {
        this.historyReader = historyReader;
        this.thisPlatform = thisPlatform;
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
        return open(path, current, fraction -> { });
    }

    /** As {@link #open(Path, Workspace)}, reporting the progress of reading a history. */
    public Workspace open(Path path, Workspace current, java.util.function.DoubleConsumer progress)
            throws InputException {
        if (!Files.exists(path)) {
            throw new InputException(path.toString(), null, "no such file or directory");
        }
        Optional<Path> projectOfFile = projectOf(path);
        if (projectOfFile.isPresent()) {
            return openProject(projectOfFile.get(), Optional.of(platformOfFile(path)), progress);
        }
        return switch (Kind.of(path)) {
            case PROJECT -> openProject(path, Optional.empty(), progress);
            case HISTORY -> openHistory(path, progress);
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
        return openProject(dir, platform, fraction -> { });
    }

    /** As {@link #openProject(Path, Optional)}, reporting the progress of reading the history. */
    public Workspace openProject(Path dir, Optional<PlatformKey> platform, java.util.function.DoubleConsumer progress)
            throws InputException {
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
            java.util.concurrent.CompletableFuture<Optional<Baseline>> baselineRead =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            return new BaselineStore(dir).read(key).flatMap(BaselineFile::latest);
                        } catch (InputException e) {
                            throw new java.util.concurrent.CompletionException(e);
                        }
                    });
            Path historyFile = dir.resolve("history").resolve(key + ".jsonl");
            history = Files.exists(historyFile) ? Optional.of(historyReader.index(historyFile, progress)) : Optional.empty();
            try {
                baseline = baselineRead.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof InputException input) {
                    throw input;
                }
                throw e;
            }
        }
        return new Workspace(Optional.of(dir), platforms, shown, baseline, history, List.of());
    }

    /** Opens a lone history file; its platform is its file name's, when that is a platform key. */
    private Workspace openHistory(Path file, java.util.function.DoubleConsumer progress) throws InputException {
        HistoryIndex history = historyReader.index(file, progress);
        Optional<PlatformKey> platform = parsePlatform(stripExtension(String.valueOf(file.getFileName())));
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
