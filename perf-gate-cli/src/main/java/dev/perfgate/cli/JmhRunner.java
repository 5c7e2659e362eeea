package dev.perfgate.cli;

import dev.perfgate.cli.child.KeepingLauncher;
import dev.perfgate.core.InputException;
import dev.perfgate.core.files.SafeFiles;
import dev.perfgate.core.stats.RunPlan;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Runs JMH in a child JVM, whether the benchmarks are the bundled kernels or a user's jar with its
 * own JMH version, and turns JMH's console output into progress lines ({@link ForkProgress}): one
 * per fork, with the time left measured from the forks so far, and one when a fork has been quiet
 * for a while. JMH's full output goes to {@code jmh.log} beside the results file; its JSON results
 * file is kept exactly as JMH wrote it.
 *
 * <p>The child JVM runs {@link KeepingLauncher} (copied next to the jar), which runs JMH as its
 * main does and also keeps every finished benchmark in {@code NAME.partial.json}; while JMH runs, a
 * {@link StopHook} stops the child JVM and JMH's forks when perf-gate is stopped, and the finished
 * benchmarks stay ({@link PartialResults}), as they do when JMH fails.
 */
final class JmhRunner {

    private static final String JMH_MAIN = "org.openjdk.jmh.Main";
    private static final Pattern PARAM_LINE = Pattern.compile("^\\s+param \"[^\"]*\" = \\{(.*)}$");

    private final PrintWriter progress;
    /** JMH's listings by classpath and include pattern: a run of many invocations lists each once. */
    private final java.util.Map<List<String>, List<Listed>> listings = new java.util.HashMap<>();

    /**
     * Where one JMH invocation stands in a run of several (the groups of a calibrated run, one JMH
     * invocation per set of settings), so that the progress lines count benchmarks and time over
     * the whole run: benchmark i of all, percent of the whole run's expected time, and the time left
     * for this invocation plus the expected time of the groups after it; and what a stopped run keeps.
     *
     * @param group            this invocation's number, from 1
     * @param groups           invocations in the run, >= 1
     * @param benchmarksBefore benchmark methods run by earlier invocations
     * @param benchmarksTotal  benchmark methods in the whole run
     * @param secondsBefore    expected seconds of the earlier invocations
     * @param seconds          expected seconds of this one
     * @param secondsAfter     expected seconds of the later ones
     * @param log              file name of JMH's output beside the results file
     * @param earlier          the results files of the earlier invocations
     * @param whole            the run's results file, whose partial file a stopped run keeps; null: this
     *                         invocation's own
     */
    record Stage(int group, int groups, int benchmarksBefore, int benchmarksTotal, double secondsBefore,
                 double seconds, double secondsAfter, String log, List<Path> earlier, Path whole) {

        /** A run of one invocation: JMH's own counts. */
        static final Stage ALONE = new Stage(1, 1, 0, 0, 0, 0, 0, "jmh.log", List.of(), null);

        Stage {
            earlier = List.copyOf(earlier);
        }

        boolean alone() {
            return groups == 1;
        }
    }

    /**
     * A benchmark as JMH lists it ({@code -lp}): its name, once per mode, and how many combinations
     * of parameter values it runs.
     */
    record Listed(String name, int combinations) {
    }

    /** @param progress where progress lines go (standard error, so reports on standard output stay clean) */
    JmhRunner(PrintWriter progress) {
        this.progress = progress;
    }

    /**
     * Runs the benchmarks and writes JMH's JSON results to {@code out}.
     *
     * @throws InputException     when the benchmarks jar does not exist
     * @throws UsageException     when the include pattern is invalid or matches nothing
     * @throws RunFailedException when JMH fails
     */
    Duration run(RunOptions options, Path out) throws InputException, UsageException, RunFailedException, IOException {
        String classpath = classpath(options);
        String include = include(options);
        return run(options, out, classpath, include, listOrRefuse(classpath, include), Stage.ALONE);
    }

    /**
     * Runs exactly these benchmark methods (a shard) and writes JMH's JSON results to {@code out}.
     *
     * @param methods JMH benchmark names ({@code package.Class.method}) as {@link #methods} lists them;
     *                not empty
     */
    Duration run(RunOptions options, Path out, List<String> methods)
            throws InputException, UsageException, RunFailedException, IOException {
        return run(options, out, methods, Stage.ALONE);
    }

    /**
     * Runs exactly these benchmark methods as one stage of a run of several JMH invocations and
     * writes JMH's JSON results to {@code out}.
     *
     * @return the wall time of the JMH invocation
     */
    Duration run(RunOptions options, Path out, List<String> methods, Stage stage)
            throws InputException, UsageException, RunFailedException, IOException {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("methods must not be empty");
        }
        String classpath = classpath(options);
        List<Listed> listed = listed(classpath, exactly(methods));
        if (listed.isEmpty()) {
            listed = methods.stream().map(m -> new Listed(m, 1)).toList();
        }
        return run(options, out, classpath, exactly(methods), listed, stage);
    }

    /** A JMH include pattern that selects exactly these benchmark methods. */
    static String exactly(List<String> methods) {
        return methods.stream().map(Pattern::quote).collect(Collectors.joining("|", "^(?:", ")$"));
    }

    /**
     * The distinct benchmark methods JMH would run with these options (after {@code --include}),
     * sorted by name. A method JMH lists once per mode is listed once.
     *
     * @throws InputException     when the benchmarks jar does not exist
     * @throws UsageException     when the include pattern is invalid or matches nothing
     * @throws RunFailedException when JMH cannot list the benchmarks
     */
    List<String> methods(RunOptions options) throws InputException, UsageException, RunFailedException, IOException {
        String classpath = classpath(options);
        return listOrRefuse(classpath, include(options)).stream().map(Listed::name).distinct().sorted().toList();
    }

    /**
     * What the bundled kernel benchmarks run by default: the optimized kernels, without the scalar
     * references and the memory floor, which are yardsticks for docs/kernels.md, not code to gate.
     */
    static final String BUNDLED_DEFAULT_INCLUDE = "^(?!.*(?:[Rr]eference|memoryFloor)).*";

    private static String include(RunOptions options) throws UsageException {
        String include = options.include == null
                ? options.benchmarksJar == null ? BUNDLED_DEFAULT_INCLUDE : ""
                : options.include;
        if (!include.isEmpty()) {
            try {
                Pattern.compile(include);
            } catch (PatternSyntaxException e) {
                throw new UsageException("--include: invalid regular expression '" + include + "': "
                        + e.getDescription());
            }
        }
        return include;
    }

    private List<Listed> listOrRefuse(String classpath, String include)
            throws UsageException, RunFailedException, IOException {
        List<Listed> benchmarks = listed(classpath, include);
        if (benchmarks.isEmpty()) {
            throw new UsageException(include.isEmpty() ? "the benchmarks jar holds no JMH benchmarks"
                    : "no benchmark matches --include '" + include + "'");
        }
        return benchmarks;
    }

    private Duration run(RunOptions options, Path out, String classpath, String include, List<Listed> listed,
                         Stage stage) throws UsageException, RunFailedException, IOException {
        Path absoluteOut = out.toAbsolutePath();
        Files.createDirectories(absoluteOut.getParent());
        // JMH writes its -rff file only at the end (it creates it empty at the start); the launcher
        // keeps the finished benchmarks meanwhile.
        Path jmhResults = absoluteOut.resolveSibling(absoluteOut.getFileName() + ".jmh");
        Path finished = PartialResults.pathFor(absoluteOut);
        Path whole = stage.whole() != null ? stage.whole().toAbsolutePath() : absoluteOut;
        Files.deleteIfExists(jmhResults);
        Files.deleteIfExists(finished);
        Files.deleteIfExists(PartialResults.pathFor(whole));
        Path log = absoluteOut.resolveSibling(stage.log());
        Path launcher = Files.createTempDirectory("perf-gate-launcher");
        try {
            List<String> command = javaCommand(classpath + File.pathSeparator + copyLauncher(launcher),
                    KeepingLauncher.class.getName());
            command.add(finished.toString());
            if (!include.isEmpty()) {
                command.add(include);
            }
            List<String> settings = options.settings();
            command.addAll(settings);
            command.addAll(List.of("-prof", "gc", "-foe", "true", "-rf", "json", "-rff", jmhResults.toString()));
            if (!options.jvmArgs.isEmpty()) {
                command.add("-jvmArgsAppend");
                command.add(String.join(" ", options.jvmArgs));
            }
            List<String> benchmarks = listed.stream().map(Listed::name).distinct().toList();
            progress.println("perf-gate: running " + benchmarks.size() + " benchmark" + (benchmarks.size() == 1 ? "" : "s")
                    + " (" + options.profile().label() + " profile" + (stage.alone() ? ""
                    : String.format(java.util.Locale.ROOT, ", group %d/%d", stage.group(), stage.groups())) + ": "
                    + String.join(" ", settings) + "); JMH output in " + log);
            progress.flush();
            int forks = Integer.parseInt(setting(settings, "-f"));
            ForkProgress.Plan plan = new ForkProgress.Plan(benchmarks,
                    (long) forks * listed.stream().mapToInt(Listed::combinations).sum(),
                    options.fixedForkTime().toMillis() / 1000.0, Integer.parseInt(setting(settings, "-wi")),
                    Integer.parseInt(setting(settings, "-i")), setting(settings, "-r"), options.timeout);
            long start = System.nanoTime();
            int exit;
            try (StopHook stop = StopHook.install(progress, () -> {
                deleteTree(launcher);
                // JMH creates its results file empty at the start and fills it only at the end.
                Files.deleteIfExists(jmhResults);
                return PartialResults.keep(stage.earlier(), finished, whole);
            })) {
                exit = execute(command, log, new ForkProgress(plan, stage, System::nanoTime), stop::stopping);
                if (stop.stopping()) {
                    stop.awaitStop();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while JMH ran", e);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (exit != 0 || !Files.isRegularFile(jmhResults)) {
                Files.deleteIfExists(jmhResults);
                String kept;
                try {
                    kept = PartialResults.keep(stage.earlier(), finished, whole);
                } catch (InputException e) {
                    kept = "could not keep the finished benchmarks: " + e.getMessage();
                }
                throw new RunFailedException("JMH exited with code " + exit + "; see " + log + "; " + kept);
            }
            SafeFiles.writeAtomically(absoluteOut, Files.readAllBytes(jmhResults));
            Files.deleteIfExists(jmhResults);
            Files.deleteIfExists(finished);
            return elapsed;
        } finally {
            deleteTree(launcher);
        }
    }

    private static String setting(List<String> settings, String flag) {
        return settings.get(settings.indexOf(flag) + 1);
    }

    /** Copies the launcher's class file into {@code dir} (a classpath root) and returns {@code dir}. */
    private static String copyLauncher(Path dir) throws IOException {
        String resource = KeepingLauncher.class.getName().replace('.', '/') + ".class";
        Path target = dir.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = KeepingLauncher.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("perf-gate's own " + resource + " is missing from its jar");
            }
            Files.copy(in, target);
        }
        return dir.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String classpath(RunOptions options) throws InputException {
        if (options.benchmarksJar == null) {
            return System.getProperty("java.class.path");
        }
        Path jar = options.benchmarksJar;
        if (Files.isDirectory(jar)) {
            throw new InputException(jar.toString(), null, "is a directory, expected a JMH benchmarks jar");
        }
        if (!Files.isRegularFile(jar)) {
            throw new InputException(jar.toString(), null, "no such file (expected a JMH benchmarks jar)");
        }
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            if (file.getEntry("org/openjdk/jmh/Main.class") == null) {
                throw new InputException(jar.toString(), null, "is not a JMH benchmarks jar (it does not contain "
                        + "JMH; build it with JMH bundled, e.g. with the shade plugin as JMH's archetype does)");
            }
        } catch (java.io.IOException e) {
            throw new InputException(jar.toString(), null, "is not a jar file");
        }
        return jar.toAbsolutePath().toString();
    }

    private static List<String> javaCommand(String classpath, String main) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // JMH keeps its lock (one benchmark run per machine at a time) in the temporary directory:
        // perf-gate's, so that -Djava.io.tmpdir given to perf-gate reaches JMH.
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.add("-cp");
        command.add(classpath);
        command.add(main);
        return command;
    }

    private List<Listed> listed(String classpath, String include) throws IOException, RunFailedException {
        List<String> key = List.of(classpath, include);
        List<Listed> listed = listings.get(key);
        if (listed == null) {
            listed = list(classpath, include);
            listings.put(key, listed);
        }
        return listed;
    }

    /** The benchmarks JMH would run, from {@code -lp}: one entry per name and mode, with its parameters. */
    private static List<Listed> list(String classpath, String include) throws IOException, RunFailedException {
        List<String> command = javaCommand(classpath, JMH_MAIN);
        command.add("-lp");
        if (!include.isEmpty()) {
            command.add(include);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = waitFor(process);
        if (exit != 0) {
            throw new RunFailedException("JMH could not list the benchmarks (exit code " + exit + "): "
                    + lastLines(output.lines().toList(), 3));
        }
        List<Listed> listed = new ArrayList<>();
        boolean listing = false;
        for (String line : output.lines().toList()) {
            Matcher param = PARAM_LINE.matcher(line);
            if (line.startsWith("Benchmarks:")) {
                listing = true;
            } else if (listing && param.matches() && !listed.isEmpty()) {
                Listed last = listed.remove(listed.size() - 1);
                int values = param.group(1).isBlank() ? 1 : param.group(1).split(", ").length;
                listed.add(new Listed(last.name(), last.combinations() * values));
            } else if (listing && !line.isBlank()) {
                listed.add(new Listed(line.strip(), 1));
            }
        }
        return listed;
    }

    /**
     * Runs the command, writes its output to {@code log} and prints the progress lines; a watchdog
     * thread asks the progress every second whether a fork has been quiet too long. Once perf-gate is
     * {@code stopping}, nothing more of JMH's is printed: its complaints about the forks the stop
     * ended are expected, and still in the log.
     */
    private int execute(List<String> command, Path log, ForkProgress forks, BooleanSupplier stopping)
            throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Deque<String> tail = new ArrayDeque<>();
        Thread watchdog = new Thread(() -> {
            try {
                while (process.isAlive()) {
                    Thread.sleep(1000);
                    forks.quiet().filter(l -> !stopping.getAsBoolean()).ifPresent(this::print);
                }
            } catch (InterruptedException done) {
                Thread.currentThread().interrupt();
            }
        }, "perf-gate-quiet-forks");
        watchdog.setDaemon(true);
        watchdog.start();
        try (Reader reader = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8);
             Writer logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            StringBuilder current = new StringBuilder();
            char[] buffer = new char[8192];
            int n;
            while ((n = reader.read(buffer)) >= 0) {
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    if (c != '\n') {
                        current.append(c);
                        continue;
                    }
                    String line = current.toString().replace("\r", "");
                    current.setLength(0);
                    logWriter.write(line);
                    logWriter.write('\n');
                    tail.addLast(line);
                    if (tail.size() > 20) {
                        tail.removeFirst();
                    }
                    forks.line(line).filter(l -> !stopping.getAsBoolean()).ifPresent(this::print);
                }
                if (!current.isEmpty()) {
                    forks.partial(current.toString());
                }
            }
            logWriter.write(current.toString());
        } finally {
            watchdog.interrupt();
        }
        int exit = waitFor(process);
        if (exit != 0 && !stopping.getAsBoolean()) {
            progress.println("perf-gate: last lines of JMH's output:");
            tail.forEach(l -> progress.println("  " + l));
            progress.flush();
        }
        return exit;
    }

    private synchronized void print(String line) {
        progress.println(line);
        progress.flush();
    }

    private static int waitFor(Process process) throws IOException {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            StopHook.stopDescendants(StopHook.GRACE);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for JMH", e);
        }
    }

    private static String lastLines(List<String> lines, int n) {
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
}
