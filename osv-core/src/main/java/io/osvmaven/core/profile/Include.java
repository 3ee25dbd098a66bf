package io.osvmaven.core.profile;

/** An {@code include conf/profiles/$(arch)/<profile>.mk} line of a profile. */
public record Include(String profile, Origin origin) implements ProfileStatement {}
