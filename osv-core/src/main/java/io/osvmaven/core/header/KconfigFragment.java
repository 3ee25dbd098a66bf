package io.osvmaven.core.header;

import io.osvmaven.core.profile.Arch;
import io.osvmaven.core.profile.Resolution;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The profile choice as kconfig {@code .config} lines (OSv runs kconfig with {@code CONFIG_=CONF_}):
 * {@code CONF_drivers_profile_<name>=y} for the chosen profile and {@code # CONF_drivers_profile_<x> is
 * not set} for the others of the "Devices Profile" choice, in menu order.
 *
 * <p>kconfig knows profiles only by name, not single drivers. When the selection is not exactly a
 * profile kconfig offers (user includes or excludes, a user profile file, or nvme/aws, which kconfig
 * does not offer), the fragment selects {@code base} and the driver values must come from the make
 * fragment on the command line; a comment in the fragment says so.
 */
public final class KconfigFragment {

  private KconfigFragment() {}

  public static String render(Resolution resolution) {
    List<String> choice = kconfigProfiles(resolution.arch());
    boolean exact = resolution.includes().isEmpty() && resolution.excludes().isEmpty()
        && DriversMakeFragment.makeProfileName(resolution).equals(resolution.profile())
        && choice.contains(resolution.profile());
    String selected = exact ? resolution.profile() : "base";
    StringBuilder out = new StringBuilder();
    out.append("# Devices Profile for ").append(resolution.arch()).append(" (kconfig choice).\n");
    if (!exact) {
      out.append("# The selection (profile ").append(resolution.profile())
          .append(includesText(resolution)).append(") is not a kconfig profile: base is selected here and\n")
          .append("# the conf_drivers_* values of the make fragment must be given on the build command line.\n");
    }
    for (String name : choice) {
      if (name.equals(selected)) {
        out.append("CONF_drivers_profile_").append(name).append("=y\n");
      } else {
        out.append("# CONF_drivers_profile_").append(name).append(" is not set\n");
      }
    }
    return out.toString();
  }

  private static String includesText(Resolution r) {
    StringBuilder s = new StringBuilder();
    if (!r.includes().isEmpty()) {
      s.append(" + ").append(String.join(" ", r.includes()));
    }
    if (!r.excludes().isEmpty()) {
      s.append(" - ").append(String.join(" ", r.excludes()));
    }
    return s.toString();
  }

  /** The names of the kconfig choice for {@code arch}, from this package's resource. */
  static List<String> kconfigProfiles(Arch arch) {
    String resource = "/io/osvmaven/core/profile/kconfig-profiles.txt";
    try (InputStream in = KconfigFragment.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> names = new ArrayList<>();
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        if (l.startsWith(arch.osvName() + ":")) {
          names.addAll(Arrays.asList(l.substring(arch.osvName().length() + 1).strip().split("\\s+")));
        }
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
