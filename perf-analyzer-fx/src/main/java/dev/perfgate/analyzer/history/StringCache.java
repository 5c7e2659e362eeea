package dev.perfgate.analyzer.history;

import java.util.Arrays;

/** Canonical strings for repeated values, without creating a string for a value already seen. */
final class StringCache {
    private static final int LIMIT = 1 << 16;
    private String[] table = new String[1 << 10];
    private int size;

    String get(char[] chars, int offset, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + chars[offset + i];
        }
        int mask = table.length - 1;
        int slot = (h ^ (h >>> 16)) & mask;
        while (true) {
            String s = table[slot];
            if (s == null) {
                return insert(slot, new String(chars, offset, length));
            }
            if (s.hashCode() == h && s.length() == length && equal(s, chars, offset)) {
                return s;
            }
            slot = (slot + 1) & mask;
        }
    }

    String intern(String s) {
        char[] chars = s.toCharArray();
        return get(chars, 0, chars.length);
    }

    private static boolean equal(String s, char[] chars, int offset) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private String insert(int slot, String s) {
        if (size >= LIMIT) {
            // Values that never repeat (unusual files) must not grow the cache without bound.
            Arrays.fill(table, null);
            size = 0;
            return s;
        }
        table[slot] = s;
        if (++size * 2 > table.length) {
            String[] old = table;
            table = new String[old.length * 2];
            size = 0;
            for (String o : old) {
                if (o != null) {
                    rehash(o);
                }
            }
        }
        return s;
    }

    private void rehash(String s) {
        int h = s.hashCode();
        int mask = table.length - 1;
        int slot = (h ^ (h >>> 16)) & mask;
        while (table[slot] != null) {
            slot = (slot + 1) & mask;
        }
        table[slot] = s;
        size++;
    }
}
