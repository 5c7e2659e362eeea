package dev.perfgate.cli.doctor;

import dev.perfgate.core.platform.HostDetector;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks {@code java} and {@code jvm-flags}: which JVM will run the benchmarks, and whether it
 * runs with flags that make scores meaningless or different from a normal run. The JVM is asked
 * itself ({@code -XX:+PrintFlagsFinal -XshowSettings:properties -version}, with the benchmark
 * arguments and this process's environment, so {@code JAVA_TOOL_OPTIONS} and friends apply), and
 * the arguments are read for what leaves no trace in the flags (agents).
 */
public final class JvmCheck {

    /** The environment variables every JVM (or every {@code java} launch) started from here picks up. */
    public static final List<String> ENV_OPTIONS = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    /** A max heap below this makes the collector run far more often than in a normal run. */
    static final long SMALL_HEAP_BYTES = 256L << 20;

    private static final Pattern PROPERTY = Pattern.compile("^ {4}([\\w.]+) = (.*)$");
    private static final Pattern FLAG = Pattern.compile("^\\s*\\S+\\s+(\\w+)\\s+:?=\\s+(\\S+)\\s+\\{.*$");

    /**
     * What the benchmark JVM said about itself.
     *
     * @param properties system properties ({@code java.vm.name}, {@code java.vendor}, ...)
     * @param flags      final values of its {@code -XX} flags
     */
    public record JvmSettings(Map<String, String> properties, Map<String, String> flags) {

        public JvmSettings {
            properties = Map.copyOf(properties);
            flags = Map.copyOf(flags);
        }

        /** Reads the output of {@code java -XX:+PrintFlagsFinal -XshowSettings:properties -version}. */
        public static JvmSettings parse(List<String> lines) {
            Map<String, String> properties = new HashMap<>();
            Map<String, String> flags = new HashMap<>();
            for (String line : lines) {
                Matcher property = PROPERTY.matcher(line);
                Matcher flag = FLAG.matcher(line);
                if (property.matches()) {
                    properties.put(property.group(1), property.group(2).strip());
                } else if (flag.matches()) {
                    flags.put(flag.group(1), flag.group(2));
                }
            }
            return new JvmSettings(properties, flags);
        }

        /** The JVM's maximum heap in bytes, 0 when unknown. */
        public long maxHeapBytes() {
            try {
                return Long.parseLong(flags.getOrDefault("MaxHeapSize", "0"));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    private JvmCheck() {
    }

    /**
     * Starts {@code java} with the benchmark arguments and asks it about itself.
     *
     * @throws IOException when it does not start, fails (the message quotes it) or takes over a minute
     */
    public static JvmSettings ask(String java, List<String> jvmArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmArgs);
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-XshowSettings:properties", "-version"));
        return JvmSettings.parse(HostDetector.run(command));
    }

    /** The {@code java} finding when the benchmark JVM does not start with its arguments. */
    public static Finding notStarting(String java, IOException problem) {
        return new Finding("java", Status.FAIL, java + " does not start with the benchmark JVM arguments: "
                + problem.getMessage(), "fix or remove the offending --jvm-arg or environment option; every "
                + "benchmark run would fail the same way");
    }

    /** The {@code java} finding: version, vendor, VM and mode of the benchmark JVM. */
    public static Finding java(String java, JvmSettings jvm) {
        Map<String, String> p = jvm.properties();
        String vm = p.getOrDefault("java.vm.name", "unknown VM");
        String text = vm + " " + p.getOrDefault("java.runtime.version", p.getOrDefault("java.version", "?"))
                + " (" + p.getOrDefault("java.vendor", "unknown vendor") + "), " + p.getOrDefault("java.vm.info", "")
                + ": " + java;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("executable", java);
        details.put("version", p.getOrDefault("java.runtime.version", ""));
        details.put("vendor", p.getOrDefault("java.vendor", ""));
        details.put("vm", vm);
        details.put("vm_info", p.getOrDefault("java.vm.info", ""));
        if (!vm.contains("HotSpot") && !vm.contains("OpenJDK")) {
            return new Finding("java", Status.WARN, text + "; not a HotSpot VM",
                    "perf-gate's host class reads HotSpot's CPU features and vector width; on this VM they are "
                            + "taken from the OS and the vector width is unknown", details);
        }
        return new Finding("java", Status.OK, text, "", details);
    }

    /**
     * The {@code jvm-flags} finding.
     *
     * @param jvm     what the JVM said about itself
     * @param jvmArgs the benchmark JVM arguments given to perf-gate ({@code --jvm-arg})
     * @param env     the environment the benchmark JVMs inherit
     */
    public static Finding flags(JvmSettings jvm, List<String> jvmArgs, Map<String, String> env) {
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> args = new ArrayList<>(jvmArgs);
        List<String> envSet = new ArrayList<>();
        for (String name : ENV_OPTIONS) {
            String value = env.getOrDefault(name, "").strip();
            if (!value.isEmpty()) {
                envSet.add(name);
                warnings.add(name + "='" + value + "' reaches every benchmark JVM and is not recorded with the results");
                args.addAll(List.of(value.split("\\s+")));
            }
        }
        Map<String, String> flags = jvm.flags();
        String info = jvm.properties().getOrDefault("java.vm.info", "");
        if (info.contains("interpreted mode") || "false".equals(flags.get("UseCompiler"))) {
            failures.add("interpreter only (-Xint): scores measure the interpreter, not compiled code");
        }
        if (info.contains("compiled mode")) {
            warnings.add("-Xcomp: methods are compiled before a profile is collected, so the code differs from a normal run");
        }
        int stopAt = parseInt(flags.get("TieredStopAtLevel"), 4);
        if ("true".equals(flags.get("TieredCompilation")) && stopAt < 4) {
            failures.add("-XX:TieredStopAtLevel=" + stopAt + ": C2 never compiles, so scores measure "
                    + (stopAt == 0 ? "the interpreter" : "C1's code"));
        }
        if ("false".equals(flags.get("TieredCompilation"))) {
            warnings.add("-XX:-TieredCompilation: C2 only, warm-up differs from a normal run");
        }
        for (String arg : args) {
            String a = arg.toLowerCase(Locale.ROOT);
            if (a.startsWith("-agentlib:jdwp") || a.startsWith("-xrunjdwp") || a.equals("-xdebug")) {
                warnings.add("a debugger agent (" + arg + "): it can keep the JIT from some optimizations and stop "
                        + "threads at breakpoints");
            } else if (a.startsWith("-javaagent:") || a.startsWith("-agentpath:") || a.startsWith("-agentlib:")) {
                warnings.add("an agent (" + arg + "): agents that instrument or sample code change what is measured");
            } else if (a.startsWith("-xx:startflightrecording")) {
                warnings.add("JFR always on (" + arg + "): its events cost time and allocation in every fork; "
                        + "profile a single run with JMH's -prof jfr instead");
            }
        }
        long heap = jvm.maxHeapBytes();
        if (heap > 0 && heap < SMALL_HEAP_BYTES) {
            warnings.add("a max heap of " + (heap >> 20) + " MiB: the collector runs far more often than in a normal run");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("jvm_args", jvmArgs);
        details.put("environment_options", envSet);
        details.put("max_heap_bytes", heap);
        details.put("tiered_stop_at_level", stopAt);
        if (failures.isEmpty() && warnings.isEmpty()) {
            return new Finding("jvm-flags", Status.OK, "no -Xint, -Xcomp, TieredStopAtLevel below 4, agent or "
                    + "always-on JFR; max heap " + (heap > 0 ? (heap >> 20) + " MiB" : "unknown") + "; "
                    + String.join(", ", ENV_OPTIONS) + " not set", "", details);
        }
        List<String> all = new ArrayList<>(failures);
        all.addAll(warnings);
        return new Finding("jvm-flags", failures.isEmpty() ? Status.WARN : Status.FAIL, String.join("; ", all),
                "run benchmarks without them: drop them from --jvm-arg" + (envSet.isEmpty() ? ""
                        : " and unset " + String.join(", ", envSet) + " for the run"), details);
    }

    private static int parseInt(String text, int otherwise) {
        try {
            return text == null ? otherwise : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
