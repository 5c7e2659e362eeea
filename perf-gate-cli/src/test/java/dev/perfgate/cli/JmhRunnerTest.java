package dev.perfgate.cli;

import dev.perfgate.cli.child.KeepingLauncher;
import dev.perfgate.fixtures.SpinBenchmark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** JmhRunner with real JMH runs of the fixture jar, at tiny settings. */
class JmhRunnerTest {

    @Test
    void launcherKeepsTheFinishedBenchmarksExactlyAsJmhWritesThem(@TempDir Path dir) throws Exception {
        Path kept = dir.resolve("kept.json");
        Path jmh = dir.resolve("jmh.json");
        String launcher = Path.of(KeepingLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + dir, "-cp", Cli.fixtureJar() + File.pathSeparator + launcher,
                KeepingLauncher.class.getName(), kept.toString(), "AllocBenchmark|ParamsBenchmark.sum",
                "-p", "size=10", "-f", "2", "-wi", "1", "-w", "100ms", "-i", "2", "-r", "100ms", "-prof", "gc",
                "-rf", "json", "-rff", jmh.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();

        assertThat(process.waitFor()).as(Files.readString(dir.resolve("out.txt"))).isZero();
        assertThat(Files.readString(kept)).isEqualTo(Files.readString(jmh));
        assertThat(CommandSupport.read(kept)).hasSize(3)
                .allSatisfy(r -> assertThat(r.primary().forks()).hasSize(2));
    }

    /**
     * Each fork's setup sleeps 1 s ({@link SpinBenchmark#SETUP_MILLIS_PROPERTY}), which no iteration
     * time accounts for: a fork then takes about three times its nominal 0.6 s (0.1 s of iterations
     * plus 0.5 s of JVM start), and the estimate after the first fork must be near the time the rest
     * then takes, not the nominal one. The run also passes {@code --timeout} to JMH. The tolerance is
     * wide (a factor of two) since the machine is shared.
     */
    @Test
    void estimateAfterTheFirstForkIsNearTheRealTimeLeft(@TempDir Path dir) throws Exception {
        List<long[]> times = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        Writer timed = new Writer() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public synchronized void write(char[] chars, int off, int len) {
                for (int i = off; i < off + len; i++) {
                    if (chars[i] == '\n') {
                        lines.add(line.toString());
                        times.add(new long[]{System.nanoTime()});
                        line.setLength(0);
                    } else {
                        line.append(chars[i]);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        var cmd = PerfGate.commandLine();
        cmd.setErr(new PrintWriter(timed, true));
        cmd.setOut(new PrintWriter(Writer.nullWriter()));
        int exit = cmd.execute("run", "--project-dir", dir.toString(), "--benchmarks", Cli.fixtureJar().toString(),
                "--include", "SpinBenchmark", "--forks", "4", "--warmup-iterations", "0", "--iterations", "1",
                "--iteration-time", "100ms", "--timeout", "1min",
                "--jvm-arg=-D" + SpinBenchmark.SETUP_MILLIS_PROPERTY + "=1000", "--out",
                dir.resolve("r.json").toString());
        assertThat(exit).as(String.join("\n", lines)).isZero();
        assertThat(lines.get(0)).contains("-to 1min");
        assertThat(Files.readString(dir.resolve("jmh.log"))).contains("# Timeout: 1 min per iteration");

        Pattern eta = Pattern.compile("fork (\\d)/4 .*ETA (\\d\\d):(\\d\\d):(\\d\\d) \\((\\w+)");
        double nominal = -1;
        double estimate = -1;
        long secondForkAt = 0;
        long completeAt = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = eta.matcher(lines.get(i));
            if (m.find()) {
                double seconds = Integer.parseInt(m.group(2)) * 3600 + Integer.parseInt(m.group(3)) * 60
                        + Integer.parseInt(m.group(4));
                if (m.group(1).equals("1")) {
                    assertThat(m.group(5)).isEqualTo("nominal");
                    nominal = seconds * 3 / 4;
                } else if (m.group(1).equals("2")) {
                    assertThat(m.group(5)).isEqualTo("measured");
                    estimate = seconds;
                    secondForkAt = times.get(i)[0];
                }
            } else if (lines.get(i).startsWith("perf-gate: Run complete.")) {
                completeAt = times.get(i)[0];
            }
        }
        double actual = (completeAt - secondForkAt) / 1e9;
        String report = "nominal " + nominal + " s, estimate " + estimate + " s, actual " + actual + " s\n"
                + String.join("\n", lines);
        assertThat(estimate).as(report).isBetween(actual / 2, actual * 2);
        assertThat(Math.abs(Math.log(estimate / actual))).as(report)
                .isLessThan(Math.abs(Math.log(Math.max(nominal, 0.5) / actual)));
    }
}
