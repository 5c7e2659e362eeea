/** The overview a project opens on: every benchmark's latest verdict, trend, last change point and host class. */
package dev.perfgate.analyzer.overview;
