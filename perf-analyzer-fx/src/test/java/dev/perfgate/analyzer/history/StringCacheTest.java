package dev.perfgate.analyzer.history;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StringCacheTest {

    @Test
    void returnsTheSameInstanceForEqualText() {
        StringCache cache = new StringCache();
        char[] a = "xxdev.perfgate.Sum.sumyy".toCharArray();

        String first = cache.get(a, 2, 20);
        String second = cache.get("dev.perfgate.Sum.sum".toCharArray(), 0, 20);

        assertThat(first).isEqualTo("dev.perfgate.Sum.sum").isSameAs(second);
        assertThat(cache.get("us/op".toCharArray(), 0, 5)).isEqualTo("us/op").isNotSameAs(first);
    }

    @Test
    void keepsWorkingWhenManyDifferentValuesFillIt() {
        StringCache cache = new StringCache();
        for (int i = 0; i < 200_000; i++) {
            char[] text = ("v" + i).toCharArray();
            assertThat(cache.get(text, 0, text.length)).isEqualTo("v" + i);
        }
        String again = cache.get("same".toCharArray(), 0, 4);
        assertThat(cache.get("same".toCharArray(), 0, 4)).isSameAs(again);
    }
}
