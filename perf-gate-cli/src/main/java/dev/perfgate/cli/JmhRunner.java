package dev.perfgate.cli;

import dev.perfgate.core.InputException;
import dev.perfgate.core.files.SafeFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Runs JMH in a child JVM ({@code java -cp <jar> org.openjdk.jmh.Main ...}), whether the benchmarks
 * are the bundled kernels or a user's jar with its own JMH version, and turns JMH's console output
 * into one progress line per fork: benchmark i of n, fork f of F, percent done and time left.
 * JMH's full output goes to {@code jmh.log} beside the results file; its JSON results file is kept
 * exactly as JMH wrote it.
 */
final class JmhRunner {

    private static final String JMH_MAIN = "org.openjdk.jmh.Main";
    private static final Pattern BENCHMARK = Pattern.compile("^# Benchmark: (.+)$");
    private static final Pattern PARAMETERS = Pattern.compile("^# Parameters: \\((.*)\\)$");
    private static final Pattern PROGRESS = Pattern.compile("^# Run progress: ([0-9.]+)% complete, ETA (\\S+)$");
    private static final Pattern FORK = Pattern.compile("^# Fork: (\\d+) of (\\d+)$");

    private final PrintWriter progress;

    /**
     * Where one JMH invocation stands in a run of several (the groups of a calibrated run, one JMH
     * invocation per set of settings), so that the progress lines count benchmarks and time over
     * the whole run: benchmark i of all, percent of the whole run's expected time, and JMH's time
     * left for this invocation plus the expected time of the groups after it.
     *
     * @param group            this invocation's number, from 1
     * @param groups           invocations in the run, >= 1
     * @param benchmarksBefore benchmark methods run by earlier invocations
     * @param benchmarksTotal  benchmark methods in the whole run
     * @param secondsBefore    expected seconds of the earlier invocations
     * @param seconds          expected seconds of this one
     * @param secondsAfter     expected seconds of the later ones
     * @param log              file name of JMH's output beside the results file
     */
    record Stage(int group, int groups, int benchmarksBefore, int benchmarksTotal, double secondsBefore,
                 double seconds, double secondsAfter, String log) {

        /** A run of one invocation: JMH's own counts. */
        static final Stage ALONE = new Stage(1, 1, 0, 0, 0, 0, 0, "jmh.log");

        boolean alone() {
            return groups == 1;
        }
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
        return run(options, out, classpath(options), exactly(methods), methods, stage);
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
        return listOrRefuse(classpath, include(options)).stream().distinct().sorted().toList();
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

    private static List<String> listOrRefuse(String classpath, String include)
            throws UsageException, RunFailedException, IOException {
        List<String> benchmarks = list(classpath, include);
        if (benchmarks.isEmpty()) {
            throw new UsageException(include.isEmpty() ? "the benchmarks jar holds no JMH benchmarks"
                    : "no benchmark matches --include '" + include + "'");
        }
        return benchmarks;
    }

    private Duration run(RunOptions options, Path out, String classpath, String include, List<String> benchmarks,
                         Stage stage) throws UsageException, RunFailedException, IOException {
        Path absoluteOut = out.toAbsolutePath();
        Files.createDirectories(absoluteOut.getParent());
        Path partial = absoluteOut.resolveSibling(absoluteOut.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Path log = absoluteOut.resolveSibling(stage.log());

        List<String> command = javaCommand(classpath);
        if (!include.isEmpty()) {
            command.add(include);
        }
        command.addAll(options.settings());
        command.addAll(List.of("-prof", "gc", "-foe", "true", "-rf", "json", "-rff", partial.toString()));
        if (!options.jvmArgs.isEmpty()) {
            command.add("-jvmArgsAppend");
            command.add(String.join(" ", options.jvmArgs));
        }
        progress.println("perf-gate: running " + benchmarks.size() + " benchmark" + (benchmarks.size() == 1 ? "" : "s")
                + " (" + options.profile().label() + " profile" + (stage.alone() ? ""
                : String.format(java.util.Locale.ROOT, ", group %d/%d", stage.group(), stage.groups())) + ": "
                + String.join(" ", options.settings()) + "); JMH output in " + log);
        progress.flush();
        long start = System.nanoTime();
        int exit = execute(command, log, benchmarks, stage);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (exit != 0 || !Files.isRegularFile(partial)) {
            Files.deleteIfExists(partial);
            throw new RunFailedException("JMH exited with code " + exit + "; see " + log);
        }
        byte[] json = Files.readAllBytes(partial);
        SafeFiles.writeAtomically(absoluteOut, json);
        Files.deleteIfExists(partial);
        return elapsed;
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

    private static List<String> javaCommand(String classpath) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // JMH keeps its lock (one benchmark run per machine at a time) in the temporary directory:
        // perf-gate's, so that -Djava.io.tmpdir given to perf-gate reaches JMH.
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.add("-cp");
        command.add(classpath);
        command.add(JMH_MAIN);
        return command;
    }

    /** The benchmark names JMH would run, from {@code -l}. */
    private static List<String> list(String classpath, String include) throws IOException, RunFailedException {
        List<String> command = javaCommand(classpath);
        command.add("-l");
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
        List<String> names = new ArrayList<>();
        boolean listing = false;
        for (String line : output.lines().toList()) {
            if (line.startsWith("Benchmarks:")) {
                listing = true;
            } else if (listing && !line.isBlank()) {
                names.add(line.strip());
            }
        }
        return names;
    }

    private int execute(List<String> command, Path log, List<String> benchmarks, Stage stage) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Deque<String> tail = new ArrayDeque<>();
        String benchmark = "";
        String params = "";
        String percent = "0";
        String eta = "?";
        List<String> seen = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             Writer logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                logWriter.write(line);
                logWriter.write('\n');
                tail.addLast(line);
                if (tail.size() > 20) {
                    tail.removeFirst();
                }
                var m = BENCHMARK.matcher(line);
                if (m.matches()) {
                    benchmark = m.group(1).strip();
                    params = "";
                    if (!seen.contains(benchmark)) {
                        seen.add(benchmark);
                    }
                    continue;
                }
                if ((m = PARAMETERS.matcher(line)).matches()) {
                    params = "[" + m.group(1).replace(" = ", "=").replace(", ", ",") + "]";
                } else if ((m = PROGRESS.matcher(line)).matches()) {
                    percent = m.group(1);
                    eta = m.group(2);
                } else if ((m = FORK.matcher(line)).matches()) {
                    int index = Math.max(1, benchmarks.indexOf(benchmark) + 1);
                    double done = Double.parseDouble(percent);
                    String left = eta;
                    int total = benchmarks.size();
                    if (!stage.alone()) {
                        index += stage.benchmarksBefore();
                        total = stage.benchmarksTotal();
                        double all = stage.secondsBefore() + stage.seconds() + stage.secondsAfter();
                        done = all > 0 ? 100 * (stage.secondsBefore() + stage.seconds() * done / 100) / all : done;
                        left = plus(eta, stage.secondsAfter());
                    }
                    progress.printf("perf-gate: [%d/%d] %s%s fork %s/%s  %.0f%% done, ETA %s%n",
                            index, total, benchmark, params, m.group(1), m.group(2), done, left);
                    progress.flush();
                } else if (line.startsWith("# Run complete.")) {
                    progress.println("perf-gate: " + line.substring(2));
                    progress.flush();
                } else if (line.startsWith("<failure>") || line.contains("Exception")) {
                    progress.println("perf-gate: JMH: " + line);
                    progress.flush();
                }
            }
        }
        int exit = waitFor(process);
        if (exit != 0) {
            progress.println("perf-gate: last lines of JMH's output:");
            tail.forEach(l -> progress.println("  " + l));
            progress.flush();
        }
        return exit;
    }

    /** JMH's time left ({@code hh:mm:ss}) plus the expected seconds of the groups still to come. */
    static String plus(String eta, double seconds) {
        java.util.regex.Matcher m = Pattern.compile("(\\d+):(\\d\\d):(\\d\\d)").matcher(eta);
        if (!m.matches()) {
            return eta + (seconds > 0 ? String.format(java.util.Locale.ROOT, " + %.0f s", seconds) : "");
        }
        long total = Long.parseLong(m.group(1)) * 3600 + Long.parseLong(m.group(2)) * 60 + Long.parseLong(m.group(3))
                + Math.round(seconds);
        return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", total / 3600, total / 60 % 60, total % 60);
    }

    private static int waitFor(Process process) throws IOException {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for JMH", e);
        }
    }

    private static String lastLines(List<String> lines, int n) {
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
}
