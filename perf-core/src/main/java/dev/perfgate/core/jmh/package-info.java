/**
 * Reading JMH's JSON result format. perfgate writes JMH JSON unaltered, so every JMH tool can
 * read what it stores, and {@link dev.perfgate.core.jmh.JmhJsonReader} reads what JMH 1.2x-1.37
 * and other projects write.
 */
package dev.perfgate.core.jmh;
