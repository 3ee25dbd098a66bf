package io.osvmaven.core.header;

import io.osvmaven.core.profile.DriverDecision;
import io.osvmaven.core.profile.Resolution;

/**
 * The selection as make assignments in the form of OSv's {@code gen/config/kernel_conf.mk}:
 * {@code conf_drivers_profile=<name>} and one {@code conf_drivers_<name>=0|1} per driver. Every driver
 * is given explicitly, so the result does not depend on OSv's copy of the profile: the lines can be
 * included from a makefile or passed to {@code scripts/build} as they are.
 */
public final class DriversMakeFragment {

  private DriversMakeFragment() {}

  public static String render(Resolution resolution) {
    StringBuilder out = new StringBuilder();
    out.append("# Drivers for ").append(resolution.arch()).append(", profile ").append(resolution.profile());
    if (!resolution.includes().isEmpty()) {
      out.append(", including ").append(String.join(" ", resolution.includes()));
    }
    if (!resolution.excludes().isEmpty()) {
      out.append(", excluding ").append(String.join(" ", resolution.excludes()));
    }
    out.append(".\n");
    out.append("# Build OSv with them: ./scripts/build arch=").append(resolution.arch())
        .append(" $(grep -v '^#' <this file>)\n");
    out.append("conf_drivers_profile=").append(makeProfileName(resolution)).append('\n');
    for (DriverDecision d : resolution.drivers()) {
      out.append("conf_drivers_").append(d.driver()).append('=').append(d.enabled() ? '1' : '0').append('\n');
    }
    return out.toString();
  }

  /**
   * The profile make should include. A user's own profile file is not in OSv's tree, so make is
   * pointed at {@code base} (no drivers) and the explicit values carry the selection.
   */
  static String makeProfileName(Resolution resolution) {
    return resolution.profileLocation().startsWith(resolution.arch().osvName() + "/")
        ? resolution.profile()
        : "base";
  }
}
