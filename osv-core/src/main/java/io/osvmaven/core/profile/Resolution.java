package io.osvmaven.core.profile;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A resolved drivers selection: every driver of the architecture with its value and reason, in header
 * order. The set of enabled drivers is closed under the architecture's implication rules.
 *
 * @param profile the selected profile's name
 * @param profileLocation where the profile came from (a built-in resource or the user's file)
 * @param warnings things that do not stop the build but probably should be fixed
 */
public record Resolution(Arch arch, String profile, String profileLocation, List<String> includes,
    List<String> excludes, List<DriverDecision> drivers, List<String> warnings) {

  public Resolution {
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    drivers = List.copyOf(drivers);
    warnings = List.copyOf(warnings);
  }

  public boolean isEnabled(String driver) {
    return drivers.stream().anyMatch(d -> d.driver().equals(driver) && d.enabled());
  }

  public SortedSet<String> enabledDrivers() {
    SortedSet<String> on = new TreeSet<>();
    drivers.stream().filter(DriverDecision::enabled).forEach(d -> on.add(d.driver()));
    return on;
  }
}
