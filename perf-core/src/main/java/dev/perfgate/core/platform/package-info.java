/** Detecting the platform key ({@code linux-x86_64}, ...) and the machine's fingerprint. */
package dev.perfgate.core.platform;
