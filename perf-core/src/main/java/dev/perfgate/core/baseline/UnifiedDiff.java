package dev.perfgate.core.baseline;

import com.github.difflib.algorithm.Change;
import com.github.difflib.algorithm.DiffAlgorithmI;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.patch.DeltaType;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

import java.util.Arrays;
import java.util.List;

/**
 * The unified diff ({@code diff -u}, three lines of context) between two versions of a text file,
 * as a reviewer sees it in {@code git diff}. Built with java-diff-utils.
 */
public final class UnifiedDiff {

    private UnifiedDiff() {
    }

    /**
     * The diff; empty when the texts are equal.
     *
     * @param path   the file's path relative to the project, shown as {@code a/<path>} and {@code b/<path>}
     * @param before the old text; empty for a new file
     * @param after  the new text
     */
    public static String of(String path, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> original = lines(before);
        List<String> revised = lines(after);
        Patch<String> patch = DiffUtils.diff(original, revised, new TrimmedMyers());
        String from = before.isEmpty() ? "/dev/null" : "a/" + path;
        List<String> diff = new java.util.ArrayList<>(
                UnifiedDiffUtils.generateUnifiedDiff(from, "b/" + path, original, patch, 3));
        if (original.isEmpty() && diff.size() > 2) {
            // java-diff-utils numbers an empty original "-1,0"; diff and git say "-0,0".
            diff.set(2, diff.get(2).replaceFirst("^@@ -1,0 ", "@@ -0,0 "));
        }
        return String.join("\n", diff) + "\n";
    }

    /**
     * Myers' algorithm on what lies between the common first and last lines only. Myers costs
     * O((N + M) D) for D differing lines, which for a new baseline of 20,000 benchmarks (1.5 million
     * lines, all inserted) would take hours; an approval changes a few entries of a file whose other
     * lines stay put, so trimming leaves little to diff. When more than {@value #MAX_MYERS_LINES}
     * lines differ in between, they are shown as one replaced block: still a correct diff, if not
     * the smallest.
     */
    static final class TrimmedMyers implements DiffAlgorithmI<String> {

        static final int MAX_MYERS_LINES = 20_000;

        @Override
        public List<Change> computeDiff(List<String> source, List<String> target, DiffAlgorithmListener progress) {
            int min = Math.min(source.size(), target.size());
            int prefix = 0;
            while (prefix < min && source.get(prefix).equals(target.get(prefix))) {
                prefix++;
            }
            int suffix = 0;
            while (suffix < min - prefix
                    && source.get(source.size() - 1 - suffix).equals(target.get(target.size() - 1 - suffix))) {
                suffix++;
            }
            int sourceEnd = source.size() - suffix;
            int targetEnd = target.size() - suffix;
            if (prefix == sourceEnd && prefix == targetEnd) {
                return List.of();
            }
            if (prefix == sourceEnd || prefix == targetEnd
                    || (sourceEnd - prefix) + (targetEnd - prefix) > MAX_MYERS_LINES) {
                DeltaType type = prefix == sourceEnd ? DeltaType.INSERT
                        : prefix == targetEnd ? DeltaType.DELETE : DeltaType.CHANGE;
                return List.of(new Change(type, prefix, sourceEnd, prefix, targetEnd));
            }
            List<Change> middle = new MyersDiff<String>().computeDiff(source.subList(prefix, sourceEnd),
                    target.subList(prefix, targetEnd), progress);
            int offset = prefix;
            return middle.stream().map(c -> new Change(c.deltaType, c.startOriginal + offset, c.endOriginal + offset,
                    c.startRevised + offset, c.endRevised + offset)).toList();
        }
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Arrays.asList(body.split("\n", -1));
    }
}
