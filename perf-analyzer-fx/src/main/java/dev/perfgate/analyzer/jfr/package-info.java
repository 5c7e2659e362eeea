/** The JFR tab: summaries of JDK Flight Recorder recordings and their diff. */
package dev.perfgate.analyzer.jfr;
