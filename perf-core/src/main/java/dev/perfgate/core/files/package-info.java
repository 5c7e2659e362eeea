/** Crash-safe and concurrency-safe file writing shared by baselines, history and reports. */
package dev.perfgate.core.files;
