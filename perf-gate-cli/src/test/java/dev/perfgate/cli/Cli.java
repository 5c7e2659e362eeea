package dev.perfgate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs perf-gate in-process, capturing its exit code, standard output and standard error. */
final class Cli {

    /** One invocation's outcome. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** The real-JMH fixture jar built by the fixture-benchmarks module. */
    static Path fixtureJar() {
        String path = System.getProperty("perfgate.fixtureJar");
        if (path == null) {
            throw new IllegalStateException("system property perfgate.fixtureJar is not set (run through Maven)");
        }
        return Path.of(path);
    }

    /** A real JMH JSON file written by JMH from the fixture benchmarks (see scripts/regenerate-jmh-fixtures.sh). */
    static Path jmhFixture(String name) {
        return Path.of("..", "perf-core", "src", "test", "resources", "jmh", name).toAbsolutePath().normalize();
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cmd = PerfGate.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs a command with {@code --project-dir dir --platform platform} before its other arguments. */
    static Result inProject(Path dir, String platform, String command, String... args) {
        String[] all = new String[args.length + 5];
        all[0] = command;
        all[1] = "--project-dir";
        all[2] = dir.toString();
        all[3] = "--platform";
        all[4] = platform;
        System.arraycopy(args, 0, all, 5, args.length);
        return run(all);
    }

    private Cli() {
    }
}
