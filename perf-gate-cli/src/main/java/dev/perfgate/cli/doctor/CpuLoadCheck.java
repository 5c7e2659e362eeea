package dev.perfgate.cli.doctor;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The check {@code cpu-load}: how much CPU other processes use, sampled from Linux's {@code /proc}
 * over a short interval (the CPU time of every process and of the whole machine, before and after),
 * with the load average and the top consumers. A benchmark shares the cores with them, and so do
 * its JIT and GC threads. On a virtual machine, time stolen by the hypervisor counts too. Elsewhere
 * the check says what could not be checked and shows the JVM's load average where it has one.
 */
public final class CpuLoadCheck {

    /** Other processes using at least this much of one core draw a warning. */
    static final double WARN_CORES = 0.1;
    /** Other processes using at least this share of all cores fail the check. */
    static final double FAIL_SHARE = 0.5;
    /** Time stolen by the hypervisor above this share draws a warning. */
    static final double WARN_STEAL = 0.05;

    /** Waits between the two samples; tests replace it to change the fake {@code /proc} in between. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration interval) throws InterruptedException;
    }

    private final Path proc;
    private final Duration interval;
    private final long selfPid;
    private final Pause pause;

    /**
     * @param proc     Linux's {@code /proc}, or a directory laid out like it
     * @param interval how long to sample, e.g. 1 s
     * @param selfPid  this process, left out of the consumers
     * @param pause    waits for the interval ({@code d -> Thread.sleep(d.toMillis())})
     */
    public CpuLoadCheck(Path proc, Duration interval, long selfPid, Pause pause) {
        this.proc = proc;
        this.interval = interval;
        this.selfPid = selfPid;
        this.pause = pause;
    }

    /** CPU time of the whole machine: all ticks and the stolen ones, and the core count. */
    private record Machine(long total, long steal, int cores) {
    }

    /** Samples, waits the interval, samples again. */
    public Finding run() throws InterruptedException {
        Optional<Machine> before = machine();
        if (before.isEmpty()) {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return new Finding("cpu-load", Status.SKIP, "other processes' CPU use not checked: no " + proc.resolve("stat")
                    + " on this OS" + (load >= 0 ? String.format(Locale.ROOT, "; load average %.2f (the JVM's view)", load)
                    : ""), "look at top, Activity Monitor or Task Manager before benchmarking");
        }
        Map<Long, Long> processesBefore = processTicks();
        pause.pause(interval);
        Optional<Machine> after = machine();
        Map<Long, Long> processesAfter = processTicks();
        if (after.isEmpty() || after.get().total() <= before.get().total()) {
            return new Finding("cpu-load", Status.SKIP, "no CPU time passed in " + proc.resolve("stat")
                    + " while sampling", "");
        }
        int cores = after.get().cores();
        double tickPerCore = (after.get().total() - before.get().total()) / (double) cores;
        double steal = (after.get().steal() - before.get().steal()) / (tickPerCore * cores);
        List<Map.Entry<Long, Double>> users = new ArrayList<>();
        double others = 0;
        for (Map.Entry<Long, Long> p : processesAfter.entrySet()) {
            Long was = processesBefore.get(p.getKey());
            if (was != null && p.getKey() != selfPid && p.getValue() > was) {
                double used = (p.getValue() - was) / tickPerCore;
                others += used;
                users.add(Map.entry(p.getKey(), used));
            }
        }
        users.sort(Map.Entry.<Long, Double>comparingByValue(Comparator.reverseOrder()));
        List<String> top = new ArrayList<>();
        List<Map<String, Object>> topDetails = new ArrayList<>();
        for (Map.Entry<Long, Double> user : users.subList(0, Math.min(3, users.size()))) {
            if (user.getValue() >= 0.01) {
                String name = name(user.getKey());
                top.add(String.format(Locale.ROOT, "%s (pid %d) %.0f%%", name, user.getKey(), user.getValue() * 100));
                topDetails.add(Map.of("pid", user.getKey(), "name", name, "cores", round(user.getValue())));
            }
        }
        String load = read(proc.resolve("loadavg")).map(l -> l.split("\\s+")[0]).orElse("unknown");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("interval_ms", interval.toMillis());
        details.put("cores", cores);
        details.put("other_processes_cores", round(others));
        details.put("steal_share", round(steal));
        details.put("load_average_1m", load);
        details.put("top", topDetails);
        String text = String.format(Locale.ROOT, "other processes used %.2f of %d cores over %.1f s (load average %s)",
                others, cores, interval.toMillis() / 1000.0, load) + (top.isEmpty() ? "" : ": " + String.join(", ", top))
                + (steal >= WARN_STEAL ? String.format(Locale.ROOT, "; the hypervisor took %.0f%% of the time", steal * 100) : "");
        Status status = others >= FAIL_SHARE * cores ? Status.FAIL
                : others >= WARN_CORES || steal >= WARN_STEAL ? Status.WARN : Status.OK;
        String advice = status == Status.OK ? "" : "benchmark on an idle machine: stop or wait for the processes above"
                + (steal >= WARN_STEAL ? "; on a virtual machine, a dedicated host or a larger instance steals less" : "");
        return new Finding("cpu-load", status, text, advice, details);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** The first line of {@code /proc/stat} and the number of {@code cpuN} lines. */
    private Optional<Machine> machine() {
        List<String> lines;
        try {
            lines = Files.readAllLines(proc.resolve("stat"), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        long[] all = null;
        int cores = 0;
        for (String line : lines) {
            String[] words = line.strip().split("\\s+");
            if (words[0].equals("cpu")) {
                all = numbers(words);
            } else if (words[0].matches("cpu\\d+")) {
                cores++;
            }
        }
        if (all == null || all.length < 4 || cores == 0) {
            return Optional.empty();
        }
        long total = 0;
        // user nice system idle iowait irq softirq steal [guest guest_nice]: guest time is already in user.
        for (int i = 0; i < Math.min(all.length, 8); i++) {
            total += all[i];
        }
        return Optional.of(new Machine(total, all.length > 7 ? all[7] : 0, cores));
    }

    private static long[] numbers(String[] words) {
        long[] out = new long[words.length - 1];
        for (int i = 1; i < words.length; i++) {
            out[i - 1] = words[i].matches("\\d{1,18}") ? Long.parseLong(words[i]) : 0;
        }
        return out;
    }

    /** User plus system ticks of every process, by pid; processes that vanish while read are left out. */
    private Map<Long, Long> processTicks() {
        Map<Long, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> p.getFileName().toString()
                .matches("\\d{1,10}"))) {
            for (Path pid : pids) {
                read(pid.resolve("stat")).ifPresent(stat -> {
                    // The name may hold spaces and parentheses: the fields start after the last ')'.
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 1).strip().split("\\s+");
                    // fields[0] is the state (field 3 of proc(5)); utime and stime are fields 14 and 15.
                    if (fields.length > 12 && fields[11].matches("\\d{1,18}") && fields[12].matches("\\d{1,18}")) {
                        ticks.put(Long.parseLong(pid.getFileName().toString()),
                                Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            // What was read so far still counts.
        }
        return ticks;
    }

    /** The process's name; for a JVM, with its main class or jar, since every JVM is called "java". */
    private String name(long pid) {
        Path dir = proc.resolve(Long.toString(pid));
        String comm = read(dir.resolve("comm")).orElse("?");
        if (!comm.equals("java")) {
            return comm;
        }
        List<String> args = read(dir.resolve("cmdline")).map(c -> List.of(c.split("\0"))).orElse(List.of());
        return javaMain(args).map(main -> comm + " " + main).orElse(comm);
    }

    /** The main class or {@code -jar} file of a {@code java} command line. */
    static Optional<String> javaMain(List<String> args) {
        Set<String> withValue = Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path", "--add-opens",
                "--add-exports", "--add-modules", "--add-reads", "--patch-module", "--upgrade-module-path");
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-jar") || arg.equals("-m") || arg.equals("--module")) {
                return i + 1 < args.size() ? Optional.of(Path.of(args.get(i + 1)).getFileName().toString()) : Optional.empty();
            }
            if (withValue.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-") && !arg.startsWith("@")) {
                return Optional.of(arg);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
