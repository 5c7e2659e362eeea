package dev.perfgate.cli;

import dev.perfgate.core.InputException;
import dev.perfgate.core.history.HistoryStore;
import dev.perfgate.core.model.PlatformKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code perf-gate history verify}: checks every line of history files and reports each bad one. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check every line of the history: each must be a record of a schema version this perf-gate "
                + "reads, runs must be of the file's platform, and no run may appear twice. Every bad line is "
                + "reported with its line number; exit 2 when there is one. A torn last line (an interrupted "
                + "write, moved aside by the next append) is a warning.")
final class HistoryVerifyCommand extends CommandSupport implements Callable<Integer> {

    /** Problems printed per file; the rest are counted. */
    static final int MAX_SHOWN = 50;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "History files to check (default: history/<platform>.jsonl with --platform, else every "
                    + "history/*.jsonl of the project).")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        HistoryStore store = new HistoryStore(project.projectDir, clock);
        List<Path> targets = new ArrayList<>(files);
        if (targets.isEmpty() && project.platform != null) {
            targets.add(store.path(platform()));
        } else if (targets.isEmpty()) {
            targets.addAll(historyFiles(project.projectDir.resolve("history")));
        }
        if (targets.isEmpty()) {
            err().println("perf-gate: no history files in " + project.projectDir.resolve("history"));
            return ExitCodes.OK;
        }
        boolean ok = true;
        for (Path file : targets) {
            ok &= verify(store, file);
        }
        return ok ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    private boolean verify(HistoryStore store, Path file) throws InputException {
        if (!Files.exists(file)) {
            throw new InputException(file.toString(), null, "no such history file");
        }
        String name = file.getFileName().toString();
        PlatformKey platform = null;
        try {
            platform = PlatformKey.parse(name.replaceFirst("\\.jsonl$", ""));
        } catch (IllegalArgumentException e) {
            err().println("perf-gate: " + file + ": the name is not <platform>.jsonl, so the runs' platform is not "
                    + "checked");
        }
        HistoryStore.Verification result = store.verify(file, platform);
        result.problems().stream().limit(MAX_SHOWN).forEach(p -> out().println(p));
        if (result.badLines() > MAX_SHOWN) {
            out().println(file + ": " + (result.badLines() - MAX_SHOWN) + " more bad lines not shown");
        }
        if (result.tornLastLine()) {
            err().println("perf-gate: warning: " + file + ": line " + result.lines() + " is torn (an interrupted "
                    + "write that never reported success); the next record or approve moves it aside");
        }
        out().println(file + ": " + result.records() + " records in " + result.lines() + " lines, "
                + (result.ok() ? "OK" : result.badLines() + " bad line" + (result.badLines() == 1 ? "" : "s")));
        out().flush();
        return result.ok();
    }

    private static List<Path> historyFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p))
                    .sorted().toList();
        }
    }
}
