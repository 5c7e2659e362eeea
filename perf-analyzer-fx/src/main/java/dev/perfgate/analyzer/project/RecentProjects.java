package dev.perfgate.analyzer.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The projects and files opened most recently, newest first, kept in a {@link Preferences} node
 * (the application uses {@code Preferences.userNodeForPackage(AnalyzerApp.class)}; tests pass a
 * node of their own and remove it afterwards).
 */
public final class RecentProjects {

    /** How many entries are kept. */
    public static final int MAX = 8;
    private static final String KEY = "recent.";

    private final Preferences node;

    /** @param node where the list is stored */
    public RecentProjects(Preferences node) {
        this.node = node;
    }

    /** The entries, newest first. */
    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String value = node.get(KEY + i, null);
            if (value != null && !value.isBlank()) {
                out.add(Path.of(value));
            }
        }
        return out;
    }

    /** Puts a path first (moving it if already listed), dropping the oldest beyond {@link #MAX}. */
    public List<Path> add(Path path) {
        Path normal = path.toAbsolutePath().normalize();
        List<Path> entries = new ArrayList<>(list());
        entries.remove(normal);
        entries.add(0, normal);
        for (int i = 0; i < MAX; i++) {
            if (i < entries.size()) {
                node.put(KEY + i, entries.get(i).toString());
            } else {
                node.remove(KEY + i);
            }
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Remembering recent projects is a convenience: the list still holds for this session.
        }
        return list();
    }
}
