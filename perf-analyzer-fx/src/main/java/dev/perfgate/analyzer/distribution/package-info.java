/** The Distributions tab: forks and iterations of both sides of a comparison. */
package dev.perfgate.analyzer.distribution;
