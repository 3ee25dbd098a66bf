package io.osvmaven.core.profile;

/** "When {@code ifDriver} is on, {@code thenDriver} is on too" (a rule of OSv's profiles/base.mk). */
public record ImplicationRule(String ifDriver, String thenDriver, Origin origin) {}
