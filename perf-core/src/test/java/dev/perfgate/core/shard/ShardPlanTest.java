package dev.perfgate.core.shard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ShardPlanTest {

    private static final long SEED = 20261127L;
    private static final double TOLERANCE = 1e-9;

    /** 37 methods (not a multiple of any shard count tried) with seeded expected times of 0.5 to 60. */
    private static Map<String, Double> randomTimes(Random random) {
        Map<String, Double> times = new LinkedHashMap<>();
        for (int i = 0; i < 37; i++) {
            times.put(String.format("com.acme.Bench%02d.method", i), 0.5 + random.nextDouble() * 59.5);
        }
        return times;
    }

    private static List<String> allShards(ShardPlan plan) {
        List<String> all = new ArrayList<>();
        IntStream.rangeClosed(1, plan.shardCount()).forEach(s -> all.addAll(plan.methods(s)));
        return all;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyMethodIsInExactlyOneShard(int shards) {
        Map<String, Double> times = randomTimes(new Random(SEED + shards));

        ShardPlan plan = ShardPlan.of(times.keySet(), times, shards);

        assertThat(plan.shardCount()).isEqualTo(shards);
        assertThat(allShards(plan)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(times.keySet());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void planIsTheSameWhateverTheOrderOfTheInputs(int shards) {
        Map<String, Double> times = randomTimes(new Random(SEED + shards));
        List<String> shuffled = new ArrayList<>(times.keySet());
        Collections.shuffle(shuffled, new Random(SEED));
        Map<String, Double> otherMap = new HashMap<>(times);

        ShardPlan first = ShardPlan.of(times.keySet(), times, shards);
        ShardPlan second = ShardPlan.of(shuffled, otherMap, shards);

        for (int s = 1; s <= shards; s++) {
            assertThat(second.methods(s)).as("shard %d", s).isEqualTo(first.methods(s));
            assertThat(second.load(s)).isEqualTo(first.load(s));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void heaviestShardExceedsTheLightestByAtMostTheLargestMethod(int shards) {
        Map<String, Double> times = randomTimes(new Random(SEED + shards));
        double largest = Collections.max(times.values());

        ShardPlan plan = ShardPlan.of(times.keySet(), times, shards);

        double[] loads = IntStream.rangeClosed(1, shards).mapToDouble(plan::load).toArray();
        double heaviest = java.util.Arrays.stream(loads).max().orElseThrow();
        double lightest = java.util.Arrays.stream(loads).min().orElseThrow();
        assertThat(heaviest).isLessThanOrEqualTo(lightest + largest);
        assertThat(plan.totalLoad()).isCloseTo(times.values().stream().mapToDouble(Double::doubleValue).sum(),
                within(TOLERANCE));
        for (int s = 1; s <= shards; s++) {
            assertThat(plan.load(s)).isCloseTo(plan.methods(s).stream().mapToDouble(times::get).sum(),
                    within(TOLERANCE));
        }
    }

    @Test
    void longestMethodsGoFirstEachToTheLeastLoadedShard() {
        Map<String, Double> times = Map.of("a", 5.0, "b", 4.0, "c", 3.0, "d", 3.0, "e", 2.0);

        ShardPlan plan = ShardPlan.of(times.keySet(), times, 2);

        // a(5) -> 1; b(4) -> 2; c(3) -> 2 (4 < 5); d(3, after c by name) -> 1 (5 < 7); e(2) -> 2 (7 < 8)
        assertThat(plan.methods(1)).containsExactly("a", "d");
        assertThat(plan.methods(2)).containsExactly("b", "c", "e");
        assertThat(plan.load(1)).isEqualTo(8.0);
        assertThat(plan.load(2)).isEqualTo(9.0);
    }

    @Test
    void equalTimesAreDealtByNameStartingWithTheLowestShard() {
        ShardPlan plan = ShardPlan.of(List.of("m5", "m3", "m1", "m4", "m2"), Map.of(), 2);

        assertThat(plan.methods(1)).containsExactly("m1", "m3", "m5");
        assertThat(plan.methods(2)).containsExactly("m2", "m4");
        assertThat(plan.expectedTimes()).containsOnlyKeys("m1", "m2", "m3", "m4", "m5").allSatisfy(
                (name, time) -> assertThat(time).isEqualTo(1.0));
    }

    @Test
    void unknownMethodsGetTheMedianOfTheKnownOnes() {
        ShardPlan odd = ShardPlan.of(List.of("a", "b", "c", "new"), Map.of("a", 1.0, "b", 3.0, "c", 10.0), 2);
        ShardPlan even = ShardPlan.of(List.of("a", "b", "new"), Map.of("a", 1.0, "b", 3.0), 2);

        assertThat(odd.expectedTimes()).containsEntry("new", 3.0);
        assertThat(even.expectedTimes()).containsEntry("new", 2.0);
    }

    @Test
    void knownTimesOfMethodsNotPlannedAreIgnored() {
        ShardPlan plan = ShardPlan.of(List.of("a", "new"), Map.of("a", 1.0, "removed", 100.0), 2);

        assertThat(plan.expectedTimes()).containsOnlyKeys("a", "new").containsEntry("new", 1.0);
    }

    @Test
    void moreShardsThanMethodsLeavesTheLastShardsEmpty() {
        ShardPlan plan = ShardPlan.of(List.of("a", "b"), Map.of(), 4);

        assertThat(plan.methods(1)).containsExactly("a");
        assertThat(plan.methods(2)).containsExactly("b");
        assertThat(plan.methods(3)).isEmpty();
        assertThat(plan.methods(4)).isEmpty();
        assertThat(plan.load(4)).isZero();
    }

    @Test
    void duplicateMethodNamesCountOnce() {
        ShardPlan plan = ShardPlan.of(List.of("work", "other", "work"), Map.of(), 1);

        assertThat(plan.methods(1)).containsExactly("other", "work");
    }

    @Test
    void invalidShardCountsAndTimesAreRefusedWithTheirBounds() {
        assertThatThrownBy(() -> ShardPlan.of(List.of("a"), Map.of(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("shards must be >= 1 but was 0");
        assertThatThrownBy(() -> ShardPlan.of(List.of("a"), Map.of("a", Double.NaN), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected time of a")
                .hasMessageContaining(">= 0");
        assertThatThrownBy(() -> ShardPlan.of(List.of("a"), Map.of("a", -1.0), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected time of a");
        assertThatThrownBy(() -> ShardPlan.of(List.of("a"), Map.of(), 2).methods(3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("shard must be between 1 and 2 but was 3");
    }
}
