package dev.perfgate.cli.doctor;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The check {@code memory}: whether the benchmark JVM's heap fits in the memory that is free now.
 * Linux's {@code MemAvailable} ({@code /proc/meminfo}) counts what the kernel can hand out without
 * swapping; elsewhere the JVM's view of free memory is used, which leaves out reclaimable caches.
 * A heap that does not fit makes the OS swap or kill the fork, and either shows as noise.
 */
public final class MemoryCheck {

    /** Below this, a JVM barely starts. */
    static final long TOO_LITTLE_BYTES = 256L << 20;
    /** What to expect free when the benchmark JVM's max heap is unknown. */
    static final long ENOUGH_WHEN_UNKNOWN_BYTES = 1L << 30;

    private final Path memInfo;

    /** @param memInfo Linux's {@code /proc/meminfo}, or a file like it; when missing, the JVM's view is used */
    public MemoryCheck(Path memInfo) {
        this.memInfo = memInfo;
    }

    /**
     * @param maxHeapBytes the benchmark JVM's maximum heap, 0 when unknown
     */
    public Finding run(long maxHeapBytes) {
        OptionalLong available = kib("MemAvailable");
        OptionalLong total = kib("MemTotal");
        long free;
        String what;
        if (available.isPresent()) {
            free = available.getAsLong() << 10;
            what = "available (MemAvailable)";
        } else if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            free = os.getFreeMemorySize();
            what = "free (the JVM's view; the OS may reclaim more from caches)";
        } else {
            return new Finding("memory", Status.SKIP, "not readable here (no " + memInfo + ", and the JVM does not "
                    + "report free memory)", "");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("available_bytes", free);
        total.ifPresent(t -> details.put("total_bytes", t << 10));
        details.put("benchmark_max_heap_bytes", maxHeapBytes);
        String text = mib(free) + " " + what + (total.isPresent() ? " of " + mib(total.getAsLong() << 10) : "")
                + "; the benchmark JVM's max heap is " + (maxHeapBytes > 0 ? mib(maxHeapBytes) : "unknown");
        if (free < TOO_LITTLE_BYTES) {
            return new Finding("memory", Status.FAIL, text, "free memory before benchmarking: forks may be killed "
                    + "or swap", details);
        }
        long wanted = maxHeapBytes > 0 ? maxHeapBytes : ENOUGH_WHEN_UNKNOWN_BYTES;
        if (free < wanted) {
            return new Finding("memory", Status.WARN, text + ": a fork that grows its heap does not fit",
                    "close other programs, or give the benchmark JVM a smaller heap (--jvm-arg=-Xmx...)", details);
        }
        return new Finding("memory", Status.OK, text, "", details);
    }

    private OptionalLong kib(String key) {
        try {
            for (String line : Files.readAllLines(memInfo, StandardCharsets.US_ASCII)) {
                String[] words = line.strip().split("\\s+");
                if (words.length >= 2 && words[0].equals(key + ":") && words[1].matches("\\d{1,15}")) {
                    return OptionalLong.of(Long.parseLong(words[1]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable: the caller falls back.
        }
        return OptionalLong.empty();
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }
}
