package dev.perfgate.core.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkIdTest {

    @Test
    void displaySortsParamsByKey() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("b", "2");
        params.put("a", "1");

        BenchmarkId id = BenchmarkId.of("Name.m", Mode.AVERAGE_TIME, params);

        assertThat(id.display()).isEqualTo("Name.m[a=1,b=2]");
        assertThat(id.displayWithMode()).isEqualTo("Name.m[a=1,b=2] (avgt)");
        assertThat(id.paramsText()).isEqualTo("a=1,b=2");
    }

    @Test
    void displayWithoutParamsIsTheName() {
        BenchmarkId id = BenchmarkId.of("dev.x.Bench.run", Mode.THROUGHPUT, null);

        assertThat(id.display()).isEqualTo("dev.x.Bench.run");
        assertThat(id.shortName()).isEqualTo("Bench.run");
        assertThat(id.params()).isEmpty();
    }

    @Test
    void sameNameAndParamsInAnotherModeIsAnotherBenchmark() {
        BenchmarkId avgt = BenchmarkId.of("dev.x.Bench.run", Mode.AVERAGE_TIME, Map.of("n", "1"));
        BenchmarkId thrpt = BenchmarkId.of("dev.x.Bench.run", Mode.THROUGHPUT, Map.of("n", "1"));

        assertThat(avgt).isNotEqualTo(thrpt);
        assertThat(avgt).isEqualTo(BenchmarkId.of("dev.x.Bench.run", Mode.AVERAGE_TIME, Map.of("n", "1")));
    }

    @Test
    void orderIsByNameThenParamsThenMode() {
        BenchmarkId b = BenchmarkId.of("B.run", Mode.AVERAGE_TIME, Map.of());
        BenchmarkId a2 = BenchmarkId.of("A.run", Mode.AVERAGE_TIME, Map.of("n", "2"));
        BenchmarkId a1Thrpt = BenchmarkId.of("A.run", Mode.THROUGHPUT, Map.of("n", "1"));
        BenchmarkId a1Avgt = BenchmarkId.of("A.run", Mode.AVERAGE_TIME, Map.of("n", "1"));
        List<BenchmarkId> ids = new ArrayList<>(List.of(b, a2, a1Thrpt, a1Avgt));

        ids.sort(null);

        assertThat(ids).containsExactly(a1Thrpt, a1Avgt, a2, b);
    }

    @Test
    void paramsCannotBeChangedAfterwards() {
        Map<String, String> params = new LinkedHashMap<>(Map.of("n", "1"));
        BenchmarkId id = BenchmarkId.of("A.run", Mode.AVERAGE_TIME, params);
        params.put("m", "2");

        assertThat(id.params()).containsOnlyKeys("n");
        assertThatThrownBy(() -> id.params().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void blankNameIsRejected() {
        assertThatThrownBy(() -> BenchmarkId.of(" ", Mode.AVERAGE_TIME, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    }
}
