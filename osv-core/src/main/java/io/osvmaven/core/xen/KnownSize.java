package io.osvmaven.core.xen;

/** A size somebody measured: only whole-preset totals exist (the RFC document's table). */
public record KnownSize(String preset, String what, long kib, String text) {}
