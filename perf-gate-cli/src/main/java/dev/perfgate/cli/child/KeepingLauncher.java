package dev.perfgate.cli.child;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The main class of the JVM in which perf-gate runs JMH: JMH's own run ({@link Runner}, as
 * {@code org.openjdk.jmh.Main} runs it, with JMH's console output), plus a results file that holds
 * every benchmark finished so far, rewritten atomically as each one ends, in JMH's own JSON format.
 * JMH writes its {@code -rff} file only when the whole run is done; this file is what a stopped or
 * failed run keeps.
 *
 * <p>It runs on the classpath of the user's benchmarks jar, with the user's JMH (1.21 to 1.37 use
 * the same API for everything here), so it depends on JMH and the JDK only and is one class: perf-gate
 * copies its class file next to the jar. JMH calls the console output once per iteration with its
 * result, also for the iterations of forked JVMs; the launcher collects the measurement iterations of
 * each fork into a {@link BenchmarkResult}, as JMH's runner does, and on {@code endBenchmark} turns
 * the benchmark's forks into a {@link RunResult}. The console output is a {@link Proxy}, so that
 * every method of the user's JMH version's {@link OutputFormat} reaches JMH's console format.
 *
 * <p>Usage: {@code java -cp benchmarks.jar:launcher-dir dev.perfgate.cli.child.KeepingLauncher
 * RESULTS.json JMH-ARGUMENTS...}
 */
public final class KeepingLauncher implements InvocationHandler {

    private final OutputFormat console;
    private final Path results;
    private final List<RunResult> finished = new ArrayList<>();
    private final List<BenchmarkResult> forks = new ArrayList<>();
    private final List<IterationResult> iterations = new ArrayList<>();
    private BenchmarkParams benchmark;
    private boolean warmupFork;

    private KeepingLauncher(OutputFormat console, Path results) {
        this.console = console;
        this.results = results;
    }

    /**
     * Runs JMH with {@code args[1..]} and keeps the finished benchmarks in {@code args[0]}; exits
     * with 1, as JMH's main does, when JMH fails or its arguments are wrong.
     */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: KeepingLauncher RESULTS.json JMH-ARGUMENTS...");
            System.exit(1);
        }
        try {
            CommandLineOptions options = new CommandLineOptions(Arrays.copyOfRange(args, 1, args.length));
            PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
            OutputFormat console = OutputFormatFactory.createFormatInstance(stdout,
                    options.verbosity().orElse(VerboseMode.NORMAL));
            OutputFormat keeping = (OutputFormat) Proxy.newProxyInstance(OutputFormat.class.getClassLoader(),
                    new Class<?>[]{OutputFormat.class}, new KeepingLauncher(console, Path.of(args[0])));
            new Runner(options, keeping).run();
        } catch (CommandLineOptionException e) {
            System.err.println("Error parsing command line:");
            System.err.println(" " + e.getMessage());
            System.exit(1);
        } catch (RunnerException e) {
            System.err.print("ERROR: ");
            e.printStackTrace(System.err);
            System.exit(1);
        } catch (IOException e) {
            System.err.println("ERROR: " + e);
            System.exit(1);
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(this, args);
        }
        Object value;
        try {
            value = method.invoke(console, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        switch (method.getName()) {
            case "startBenchmark" -> {
                benchmark = (BenchmarkParams) args[0];
                warmupFork = false;
                forks.clear();
                iterations.clear();
            }
            case "println" -> {
                String line = String.valueOf(args[0]);
                if (line.startsWith("# Fork:") || line.startsWith("# Warmup Fork:")) {
                    warmupFork = line.startsWith("# Warmup Fork:");
                    iterations.clear();
                }
            }
            case "iterationResult" -> iterationEnded((IterationParams) args[1], (Integer) args[2],
                    (IterationResult) args[3]);
            case "endBenchmark" -> benchmarkEnded();
            default -> {
            }
        }
        if (!method.getName().equals("flush") && !method.getName().equals("close")) {
            // An iteration's line is printed in two parts; its start shows while it runs.
            console.flush();
        }
        return value;
    }

    private void iterationEnded(IterationParams params, int iteration, IterationResult result) {
        if (params.getType() != IterationType.MEASUREMENT || warmupFork || benchmark == null) {
            return;
        }
        iterations.add(result);
        if (iteration == params.getCount()) {
            forks.add(new BenchmarkResult(benchmark, new ArrayList<>(iterations)));
            iterations.clear();
        }
    }

    private void benchmarkEnded() {
        if (benchmark != null && !forks.isEmpty()) {
            finished.add(new RunResult(benchmark, new ArrayList<>(forks)));
            finished.sort(RunResult.DEFAULT_SORT_COMPARATOR);
            try {
                write();
            } catch (IOException | RuntimeException e) {
                console.println("perf-gate: could not keep the finished benchmarks in " + results + ": " + e);
            }
        }
        benchmark = null;
        forks.clear();
        iterations.clear();
    }

    /** Writes the finished benchmarks to a temporary file and moves it over the results file. */
    private void write() throws IOException {
        Path temp = results.resolveSibling(results.getFileName() + ".tmp");
        try (OutputStream file = Files.newOutputStream(temp);
             PrintStream out = new PrintStream(file, false, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(finished);
            out.flush();
            file.flush();
            if (out.checkError()) {
                throw new IOException("writing " + temp + " failed");
            }
        }
        Files.move(temp, results, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
