package io.osvmaven.core.profile;

/** The resolved value of one driver and why it has it. */
public record DriverDecision(String driver, boolean enabled, Reason reason) {}
