/** Opening projects (baselines/ and history/) and files, and remembering recent ones. */
package dev.perfgate.analyzer.project;
