package dev.perfgate.core.shard;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A deterministic, time-balanced split of benchmark methods into {@code N} shards, so that a suite
 * too long for one CI runner runs as {@code N} jobs whose results are merged again.
 *
 * <p>The unit is a JMH benchmark method ({@code package.Class.method}): all its params and modes
 * stay in one shard. Each method has an expected time in any unit shared by all methods; a method
 * without one gets the median of the known ones (1 when none is known). Assignment is
 * longest-processing-time-first: methods sorted by expected time descending, ties by name, each
 * given to the shard with the least load so far, ties to the lowest shard. The result depends only
 * on the method names, their expected times and {@code N}, so every shard of a CI matrix computes
 * the same plan; the heaviest shard's load exceeds the lightest's by at most the largest single
 * expected time.
 *
 * <pre>{@code
 * ShardPlan plan = ShardPlan.of(methods, Map.of("a.B.c", 120.0, "a.B.d", 40.0), 4);
 * List<String> mine = plan.methods(2);   // shard 2 of 4
 * }</pre>
 */
public final class ShardPlan {

    private final Map<String, Double> expected;
    private final List<List<String>> shards;
    private final double[] loads;

    private ShardPlan(Map<String, Double> expected, List<List<String>> shards, double[] loads) {
        this.expected = expected;
        this.shards = shards;
        this.loads = loads;
    }

    /**
     * Plans the shards.
     *
     * @param methods  the benchmark methods to split; duplicates count once
     * @param known    expected time of some methods (finite, >= 0, in one unit for all); others get the
     *                 median of the known times of {@code methods}, or 1 when none is known. Entries
     *                 for methods not in {@code methods} are ignored.
     * @param shards   the number of shards, at least 1 (more shards than methods leaves some empty)
     * @throws IllegalArgumentException when {@code shards < 1} or an expected time is negative or not finite
     */
    public static ShardPlan of(Collection<String> methods, Map<String, Double> known, int shards) {
        Objects.requireNonNull(methods, "methods");
        Objects.requireNonNull(known, "known");
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be >= 1 but was " + shards);
        }
        TreeSet<String> names = new TreeSet<>(methods);
        double[] knownTimes = names.stream().filter(known::containsKey)
                .mapToDouble(name -> checked(name, known.get(name))).sorted().toArray();
        double fallback = knownTimes.length == 0 ? 1 : median(knownTimes);
        Map<String, Double> expected = new TreeMap<>();
        names.forEach(name -> expected.put(name, known.getOrDefault(name, fallback)));

        List<String> order = new ArrayList<>(names);
        order.sort(Comparator.comparing((String name) -> expected.get(name)).reversed()
                .thenComparing(Comparator.naturalOrder()));
        List<List<String>> assigned = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            assigned.add(new ArrayList<>());
        }
        double[] loads = new double[shards];
        for (String name : order) {
            int lightest = 0;
            for (int s = 1; s < shards; s++) {
                if (loads[s] < loads[lightest]) {
                    lightest = s;
                }
            }
            assigned.get(lightest).add(name);
            loads[lightest] += expected.get(name);
        }
        List<List<String>> sorted = assigned.stream().map(list -> list.stream().sorted().toList()).toList();
        return new ShardPlan(Collections.unmodifiableMap(expected), sorted, loads);
    }

    private static double checked(String name, Double time) {
        if (time == null || !(time >= 0) || Double.isInfinite(time)) {
            throw new IllegalArgumentException("expected time of " + name + " must be a finite number >= 0 but was "
                    + time);
        }
        return time;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The number of shards. */
    public int shardCount() {
        return shards.size();
    }

    /**
     * The methods of a shard, sorted by name; empty when there are more shards than methods.
     *
     * @param shard 1-based, from 1 to {@link #shardCount()}
     */
    public List<String> methods(int shard) {
        return shards.get(index(shard));
    }

    /** The expected time of a shard: the sum of its methods' expected times. */
    public double load(int shard) {
        return loads[index(shard)];
    }

    /** The expected time of all shards together. */
    public double totalLoad() {
        return Arrays.stream(loads).sum();
    }

    /** Every planned method with its expected time (known or filled in), sorted by name. */
    public Map<String, Double> expectedTimes() {
        return expected;
    }

    private int index(int shard) {
        if (shard < 1 || shard > shards.size()) {
            throw new IllegalArgumentException("shard must be between 1 and " + shards.size() + " but was " + shard);
        }
        return shard - 1;
    }
}
