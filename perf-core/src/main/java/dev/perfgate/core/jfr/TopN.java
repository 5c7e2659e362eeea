package dev.perfgate.core.jfr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/** Picks the largest entries of a map without sorting all of it. */
final class TopN {

    private TopN() {
    }

    /**
     * The {@code n} entries with the largest values, largest first; ties ordered by key so the
     * result does not depend on hash order.
     */
    static <K extends Comparable<K>, V extends Comparable<V>> List<Map.Entry<K, V>> largest(Map<K, V> map, int n) {
        return largest(map, n, Map.Entry.comparingByValue());
    }

    /** The {@code n} entries that {@code order} ranks highest, highest first, ties by key. */
    static <K extends Comparable<K>, V> List<Map.Entry<K, V>> largest(Map<K, V> map, int n,
                                                                       Comparator<Map.Entry<K, V>> order) {
        Comparator<Map.Entry<K, V>> ascending = order.thenComparing(Map.Entry.<K, V>comparingByKey().reversed());
        PriorityQueue<Map.Entry<K, V>> smallestOnTop = new PriorityQueue<>(ascending);
        for (Map.Entry<K, V> e : map.entrySet()) {
            smallestOnTop.add(e);
            if (smallestOnTop.size() > n) {
                smallestOnTop.poll();
            }
        }
        List<Map.Entry<K, V>> result = new ArrayList<>(smallestOnTop);
        result.sort(ascending.reversed());
        return result;
    }
}
