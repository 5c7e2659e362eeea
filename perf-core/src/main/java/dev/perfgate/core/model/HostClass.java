package dev.perfgate.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stable part of a host's identity: what changes the code the JIT generates, or the speed a
 * benchmark can reach, and does not change from one machine of a fleet to the next. Two hosts of
 * one class run the same generated code on the same vector width, so their scores can be held to
 * the same baseline; hosts of different classes cannot (an AVX-512 host and an AVX2 host both call
 * themselves "AMD EPYC", yet the same vector kernel runs twice as fast on one of them).
 *
 * <p>The CPU model string is deliberately not part of the class: cloud runners of one class report
 * several model names, and a model-name match would make every check advisory on a mixed fleet.
 *
 * @param platform   the platform key
 * @param isa        the instruction-set features the JIT uses, as the benchmark JVM reports them
 *                   (x86: {@link #X86_FEATURES}; aarch64: {@link #AARCH64_FEATURES}); sorted, unique.
 *                   Features a JVM flag switched off (e.g. {@code -XX:UseAVX=2} drops AVX-512) are absent.
 * @param vectorBits the widest vector the benchmark JVM's compiler will use, in bits
 *                   ({@code MaxVectorSize} x 8: 512 with AVX-512, 256 with AVX2, 128 with NEON);
 *                   0 when unknown
 * @param cores      logical processors available to the benchmark JVM, 0 when unknown
 * @param jdkMajor   the JDK feature version, e.g. 17; 0 when unknown
 */
public record HostClass(PlatformKey platform, List<String> isa, int vectorBits, int cores, int jdkMajor) {

    /** The x86 features that define a class: those C2 chooses instructions by. */
    public static final Set<String> X86_FEATURES = Set.of("sse4.2", "avx", "avx2", "avx512f", "avx512bw",
            "avx512vl", "avx512dq", "fma", "bmi1", "bmi2");

    /** The aarch64 features that define a class. */
    public static final Set<String> AARCH64_FEATURES = Set.of("asimd", "sve", "sve2");

    public HostClass {
        Objects.requireNonNull(platform, "platform");
        isa = List.copyOf(new TreeSet<>(isa));
        if (vectorBits < 0 || cores < 0 || jdkMajor < 0) {
            throw new IllegalArgumentException("vectorBits, cores and jdkMajor must be >= 0 but were "
                    + vectorBits + ", " + cores + ", " + jdkMajor);
        }
    }

    /**
     * The class-defining features of a JVM's or the OS's feature list, in the JVM's spelling:
     * {@code sse4_2} (Linux) becomes {@code sse4.2}, {@code simd} (newer JDKs on aarch64) becomes
     * {@code asimd}; everything not in the platform's set is dropped.
     */
    public static List<String> classFeatures(String arch, List<String> features) {
        Set<String> wanted = "aarch64".equals(arch) ? AARCH64_FEATURES : X86_FEATURES;
        Set<String> out = new TreeSet<>();
        for (String f : features) {
            String name = f.strip().toLowerCase(Locale.ROOT).replace("sse4_2", "sse4.2");
            if (name.equals("simd")) {
                name = "asimd";
            }
            if (wanted.contains(name)) {
                out.add(name);
            }
        }
        return List.copyOf(out);
    }

    /**
     * A short description for reports, e.g. {@code "linux-x86_64, AVX-512, 512-bit vectors, 2 cores, JDK 17"}.
     */
    public String label() {
        List<String> parts = new ArrayList<>();
        parts.add(platform.toString());
        parts.add(isaLevel());
        if (vectorBits > 0) {
            parts.add(vectorBits + "-bit vectors");
        }
        if (cores > 0) {
            parts.add(cores + (cores == 1 ? " core" : " cores"));
        }
        if (jdkMajor > 0) {
            parts.add("JDK " + jdkMajor);
        }
        return String.join(", ", parts);
    }

    /** The highest vector extension present, e.g. {@code AVX-512}, {@code AVX2}, {@code SVE}; "no SIMD features known" without any. */
    public String isaLevel() {
        for (String[] level : new String[][] {{"avx512f", "AVX-512"}, {"avx2", "AVX2"}, {"avx", "AVX"},
                {"sse4.2", "SSE4.2"}, {"sve2", "SVE2"}, {"sve", "SVE"}, {"asimd", "ASIMD"}}) {
            if (isa.contains(level[0])) {
                return level[1];
            }
        }
        return "no SIMD features known";
    }

    /**
     * What differs from another class, in words a user can act on, e.g.
     * {@code "avx512bw, avx512dq, avx512f, avx512vl here, not in the baseline"} or
     * {@code "vector width 256 bits here, 512 in the baseline"}; empty when the classes are equal.
     *
     * @param base  the other class (the baseline's)
     * @param there what to call the other side, e.g. {@code "the baseline"}
     */
    public List<String> differencesFrom(HostClass base, String there) {
        List<String> out = new ArrayList<>();
        if (!platform.equals(base.platform)) {
            out.add("platform " + platform + " here, " + base.platform + " in " + there);
        }
        List<String> onlyHere = new ArrayList<>(isa);
        onlyHere.removeAll(base.isa);
        List<String> onlyThere = new ArrayList<>(base.isa);
        onlyThere.removeAll(isa);
        if (!onlyHere.isEmpty()) {
            out.add(String.join(", ", onlyHere) + " here, not in " + there);
        }
        if (!onlyThere.isEmpty()) {
            out.add(String.join(", ", onlyThere) + " in " + there + ", not here");
        }
        if (vectorBits != base.vectorBits) {
            out.add("vector width " + bits(vectorBits) + " here, " + bits(base.vectorBits) + " in " + there);
        }
        if (cores != base.cores) {
            out.add(known(cores) + " cores here, " + known(base.cores) + " in " + there);
        }
        if (jdkMajor != base.jdkMajor) {
            out.add("JDK " + known(jdkMajor) + " here, JDK " + known(base.jdkMajor) + " in " + there);
        }
        return out;
    }

    private static String bits(int bits) {
        return bits == 0 ? "unknown" : bits + " bits";
    }

    private static String known(int n) {
        return n == 0 ? "unknown" : String.valueOf(n);
    }
}
