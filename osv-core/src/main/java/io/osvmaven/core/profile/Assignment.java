package io.osvmaven.core.profile;

/** A {@code conf_drivers_<driver>?=<0|1>} line of a profile. */
public record Assignment(String driver, boolean enabled, Origin origin) implements ProfileStatement {}
