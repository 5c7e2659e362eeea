package dev.perfgate.core.jfr;

import java.time.Instant;
import java.util.Objects;

/**
 * One {@code jdk.CPULoad} sample: how busy the CPUs were since the previous sample, as fractions
 * of all logical CPUs of the machine (1.0 = every CPU fully busy). Each value is in [0, 1], or
 * NaN when the recording did not hold it.
 *
 * @param time         when the sample was taken
 * @param jvmUser      share spent by the recorded JVM in user mode
 * @param jvmSystem    share spent by the recorded JVM in the kernel
 * @param machineTotal share spent by all processes of the machine, the JVM included
 */
public record CpuLoadSample(Instant time, double jvmUser, double jvmSystem, double machineTotal) {

    public CpuLoadSample {
        Objects.requireNonNull(time, "time");
        Checks.fractionOrNaN(jvmUser, "jvmUser");
        Checks.fractionOrNaN(jvmSystem, "jvmSystem");
        Checks.fractionOrNaN(machineTotal, "machineTotal");
    }

    /** The JVM's user plus system share, at most 1; NaN when either is unknown. */
    public double jvmTotal() {
        return Math.min(1.0, jvmUser + jvmSystem);
    }
}
