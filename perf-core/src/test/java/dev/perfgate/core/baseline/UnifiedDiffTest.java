package dev.perfgate.core.baseline;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class UnifiedDiffTest {

    @Test
    void trimmingTheCommonEndsKeepsTheDiffCorrectAndAsSmallAsPlainMyers() throws Exception {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            List<String> before = IntStream.range(0, 1 + random.nextInt(60)).mapToObj(i -> "line " + random.nextInt(8))
                    .toList();
            List<String> after = new ArrayList<>(before);
            for (int edit = random.nextInt(4); edit >= 0; edit--) {
                int at = random.nextInt(after.size() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> after.add(at, "new " + random.nextInt(8));
                    case 1 -> { if (at < after.size()) { after.remove(at); } }
                    default -> { if (at < after.size()) { after.set(at, "changed " + random.nextInt(8)); } }
                }
            }
            if (after.isEmpty()) {
                continue;
            }
            String a = String.join("\n", before) + "\n";
            String b = String.join("\n", after) + "\n";

            String diff = UnifiedDiff.of("x.json", a, b);

            assertThat(changedLines(diff)).as("trial %d", trial).isEqualTo(changedLines(plain(before, after)));
            if (!diff.isEmpty()) {
                assertThat(DiffUtils.patch(before, UnifiedDiffUtils.parseUnifiedDiff(Arrays.asList(diff.split("\n")))))
                        .as("trial %d", trial).isEqualTo(after);
            }
        }
    }

    @Test
    @Timeout(20)
    void aNewFileOfAMillionLinesIsDiffedAtOnce() {
        String after = IntStream.range(0, 1_000_000).mapToObj(i -> "  \"score\" : " + i).collect(Collectors.joining(
                "\n", "", "\n"));

        String diff = UnifiedDiff.of("baselines/linux-x86_64.json", "", after);

        assertThat(diff).startsWith("--- /dev/null\n+++ b/baselines/linux-x86_64.json\n@@ -0,0 +1,1000000 @@\n");
    }

    @Test
    @Timeout(20)
    void aRewriteOfEveryLineOfALargeFileIsOneReplacedBlock() throws Exception {
        List<String> before = IntStream.range(0, 30_000).mapToObj(i -> "old " + i).toList();
        List<String> after = new ArrayList<>(before);
        after.set(0, "header");
        for (int i = 1; i < after.size() - 1; i += 2) {
            after.set(i, "new " + i);
        }

        String diff = UnifiedDiff.of("b.json", String.join("\n", before) + "\n", String.join("\n", after) + "\n");
        List<String> lines = Arrays.asList(diff.split("\n"));

        assertThat(lines.get(2)).isEqualTo("@@ -1,30000 +1,30000 @@");
        // Lines 0 to 29,997 replaced as one block, the last two unchanged lines as context.
        assertThat(lines).hasSize(3 + 29_998 * 2 + 2);
        assertThat(DiffUtils.patch(before, UnifiedDiffUtils.parseUnifiedDiff(lines))).isEqualTo(after);
    }

    private static long changedLines(String diff) {
        return diff.lines().filter(l -> (l.startsWith("+") || l.startsWith("-")) && !l.startsWith("+++")
                && !l.startsWith("---")).count();
    }

    private static String plain(List<String> before, List<String> after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a/x.json", "b/x.json", before,
                DiffUtils.diff(before, after), 3);
        return String.join("\n", diff) + "\n";
    }
}
