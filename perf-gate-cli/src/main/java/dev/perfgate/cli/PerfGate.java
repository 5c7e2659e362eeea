package dev.perfgate.cli;

import dev.perfgate.core.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * {@code perf-gate}: the headless performance-regression gate for JMH benchmarks.
 *
 * <pre>
 * java -jar perf-gate.jar check                 # run the bundled benchmarks, compare with the baseline
 * java -jar perf-gate.jar approve --reason "..." # accept new values, prints the baseline diff
 * </pre>
 */
@Command(name = "perf-gate",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Runs JMH benchmarks, compares them with reviewed per-platform baselines and fails "
                + "the build on a real regression.",
        subcommands = {RunCommand.class, MergeCommand.class, CheckCommand.class, CompareCommand.class, AbCommand.class, CalibrateCommand.class,
            RecordCommand.class, ApproveCommand.class, HistoryCommand.class, InitCommand.class, DoctorCommand.class,
            CommandLine.HelpCommand.class})
public final class PerfGate {

    private PerfGate() {
    }

    /** Entry point: runs the command and exits with its exit code. */
    public static void main(String[] args) {
        CommandLine cmd = commandLine();
        int exitCode;
        try {
            exitCode = cmd.execute(args);
        } catch (OutOfMemoryError e) {
            cmd.getOut().flush();
            cmd.getErr().println("perf-gate: out of memory with a maximum heap of " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MB; give the JVM more, e.g. java -Xmx1g -jar perf-gate.jar ... (files it writes are replaced whole or not at all)");
            exitCode = ExitCodes.BAD_INPUT;
        }
        cmd.getOut().flush();
        cmd.getErr().flush();
        System.exit(exitCode);
    }

    /** The configured command line; tests call {@code execute} on it with their own writers. */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new PerfGate());
        documentExitCodes(cmd);
        cmd.setExecutionExceptionHandler(PerfGate::handle);
        cmd.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("perf-gate: " + oneLine(e.getMessage()));
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.BAD_INPUT;
        });
        return cmd;
    }

    private static void documentExitCodes(CommandLine cmd) {
        java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
        for (String entry : ExitCodes.LIST) {
            int colon = entry.indexOf(':');
            codes.put(entry.substring(0, colon), entry.substring(colon + 1));
        }
        if (cmd.getCommandSpec().usageMessage().exitCodeList().isEmpty()) {
            // A command whose codes mean something else (doctor) declares its own.
            cmd.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        }
        cmd.getCommandSpec().versionProvider(new Version());
        cmd.getSubcommands().values().forEach(PerfGate::documentExitCodes);
    }

    private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (e instanceof InputException || e instanceof UsageException) {
            err.println("perf-gate: " + oneLine(e.getMessage()));
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof RunFailedException) {
            err.println("perf-gate: benchmark run failed: " + oneLine(e.getMessage()));
            return ExitCodes.RUN_FAILED;
        }
        if (e instanceof IOException) {
            err.println("perf-gate: " + oneLine(String.valueOf(e.getMessage())));
            return ExitCodes.BAD_INPUT;
        }
        err.println("perf-gate: unexpected error: " + oneLine(e.toString())
                + " (please report it with the command line that caused it)");
        return ExitCodes.BAD_INPUT;
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
