package dev.perfgate.cli;

import dev.perfgate.core.InputException;
import dev.perfgate.core.files.SafeFiles;
import dev.perfgate.core.jmh.JmhJsonMerger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The results a stopped or failed run keeps: the benchmarks that finished, in JMH's JSON format, in
 * {@code NAME.partial.json} beside the results file {@code NAME.json} the run would have written
 * ({@code --out}). The name is what marks them partial: {@code check}, {@code merge} and
 * {@code approve} read such a file like any JMH JSON and say that it is partial, and {@code check}
 * reports the baseline's benchmarks that did not run and never passes it.
 */
final class PartialResults {

    private static final String SUFFIX = ".partial.json";

    private PartialResults() {
    }

    /** {@code x.partial.json} for {@code x.json}; {@code x.partial.json} for any other name {@code x}. */
    static Path pathFor(Path results) {
        String name = results.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return results.resolveSibling(stem + SUFFIX);
    }

    /** Whether a results file holds the kept results of a stopped or failed run. */
    static boolean isPartial(Path results) {
        return results.getFileName().toString().endsWith(SUFFIX);
    }

    /**
     * Keeps what a stopped or failed JMH invocation measured: the complete results of the run's
     * earlier invocations (groups) and the finished benchmarks of this one ({@code finished}, written
     * by {@link dev.perfgate.cli.child.KeepingLauncher}), in the partial file of the run's results.
     *
     * @param earlier  complete results files of earlier invocations of the same run (deleted once kept)
     * @param finished this invocation's finished benchmarks (may not exist)
     * @param results  the run's results file ({@code --out})
     * @return a sentence for the user: what was kept, and where
     */
    static String keep(List<Path> earlier, Path finished, Path results) throws IOException, InputException {
        Files.deleteIfExists(finished.resolveSibling(finished.getFileName() + ".tmp"));
        List<Path> files = new ArrayList<>(earlier);
        if (Files.isRegularFile(finished)) {
            files.add(finished);
        }
        Path target = pathFor(results.toAbsolutePath());
        if (files.isEmpty()) {
            return "no benchmark had finished, so no results were kept";
        }
        JmhJsonMerger.Merged merged = new JmhJsonMerger().merge(files);
        if (!files.equals(List.of(target))) {
            // A file of JMH's own stays as JMH wrote it; several are merged, each result kept whole.
            SafeFiles.writeAtomically(target, merged.json());
            for (Path file : files) {
                if (!file.equals(target)) {
                    Files.deleteIfExists(file);
                }
            }
        }
        int n = merged.results().size();
        return "kept the " + n + " benchmark" + (n == 1 ? "" : "s") + " that finished in " + target
                + " (the others did not run; check, merge and approve read it as a partial result)";
    }
}
