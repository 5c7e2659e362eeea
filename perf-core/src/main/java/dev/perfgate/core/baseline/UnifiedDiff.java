package dev.perfgate.core.baseline;

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
        Patch<String> patch = DiffUtils.diff(original, revised);
        String from = before.isEmpty() ? "/dev/null" : "a/" + path;
        List<String> diff = new java.util.ArrayList<>(
                UnifiedDiffUtils.generateUnifiedDiff(from, "b/" + path, original, patch, 3));
        if (original.isEmpty() && diff.size() > 2) {
            // java-diff-utils numbers an empty original "-1,0"; diff and git say "-0,0".
            diff.set(2, diff.get(2).replaceFirst("^@@ -1,0 ", "@@ -0,0 "));
        }
        return String.join("\n", diff) + "\n";
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Arrays.asList(body.split("\n", -1));
    }
}
