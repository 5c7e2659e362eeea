package dev.perfgate.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ForkPoolTest {

    private static BenchmarkResult result(String name, double... forkMeans) {
        List<List<Double>> forks = java.util.Arrays.stream(forkMeans).mapToObj(m -> List.of(m, m)).toList();
        return new BenchmarkResult(BenchmarkId.of("dev.perfgate.bench." + name, Mode.AVERAGE_TIME, Map.of()),
                new Measurement("us/op", forkMeans[0], Double.NaN, forks), Map.of(), RunSettings.UNKNOWN);
    }

    @Test
    void poolsEachBenchmarksForksInRunOrder() {
        List<BenchmarkResult> pooled = ForkPool.pool(List.of(List.of(result("A.a", 1), result("B.b", 10)),
                List.of(result("A.a", 3))));

        assertThat(pooled).extracting(r -> r.id().name()).containsExactly("dev.perfgate.bench.A.a",
                "dev.perfgate.bench.B.b");
        assertThat(pooled.get(0).primary().forkMeans()).containsExactly(1, 3);
        assertThat(pooled.get(0).primary().score()).isEqualTo(2);
    }

    @Test
    void unmatchedAreTheResultsWhoseBenchmarkTheOtherSideLacks() {
        BenchmarkResult a = result("A.a", 1);
        BenchmarkResult b = result("B.b", 2);
        List<BenchmarkResult> base = List.of(a, b);
        List<BenchmarkResult> head = List.of(result("A.a", 1.1));

        assertThat(ForkPool.unmatched(base, head)).containsExactly(b);
        assertThat(ForkPool.unmatched(head, base)).isEmpty();
    }
}
