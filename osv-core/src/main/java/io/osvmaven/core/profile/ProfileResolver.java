package io.osvmaven.core.profile;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.Suggestions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves a profile plus user includes/excludes into the closed set of drivers.
 *
 * <p>Same answer as OSv's make evaluation: explicit values first (user, then the profile's lines in
 * order, includes expanded where they stand; the first value of a driver wins), then the implication
 * rules in file order, then everything else off. Unlike make we then close the set completely (a rule
 * that would fire only after a later one is still applied), and we refuse what make would silently
 * build: a driver that is off although a driver that is on needs it.
 */
public final class ProfileResolver {

  private final DriverCatalog catalog;
  private final Function<Arch, DriverCatalog> otherArchs;

  public ProfileResolver(DriverCatalog catalog) {
    this(catalog, DriverCatalog::builtIn);
  }

  ProfileResolver(DriverCatalog catalog, Function<Arch, DriverCatalog> otherArchs) {
    this.catalog = catalog;
    this.otherArchs = otherArchs;
  }

  /** Resolves a built-in profile by name. */
  public Resolution resolve(String profileName, List<String> includes, List<String> excludes,
      BuildListener listener) {
    ProfileSource profile = catalog.profile(profileName).orElseThrow(() -> new ProfileException(
        ProfileException.Subject.PROFILE,
        "unknown drivers profile '" + profileName + "' for " + catalog.arch(),
        Suggestions.hint(profileName, catalog.profileNames())));
    return resolve(profile, includes, excludes, listener);
  }

  /** Resolves a parsed profile (built-in or the user's own file). */
  public Resolution resolve(ProfileSource profile, List<String> includes, List<String> excludes,
      BuildListener listener) {
    Map<String, DriverDecision> decided = new HashMap<>();
    for (String d : includes) {
      checkUserDriver(d, ProfileException.Subject.INCLUDES);
      decided.put(d, new DriverDecision(d, true, new Reason.ByUser(true)));
    }
    for (String d : excludes) {
      checkUserDriver(d, ProfileException.Subject.EXCLUDES);
      if (decided.containsKey(d)) {
        throw new ProfileException(ProfileException.Subject.EXCLUDES,
            "driver '" + d + "' is both included and excluded", "remove it from one of the two lists");
      }
      decided.put(d, new DriverDecision(d, false, new Reason.ByUser(false)));
    }
    applyProfile(profile, new ArrayList<>(), decided);

    List<String> contradictions = new ArrayList<>();
    ProfileException.Subject contradictionSubject = null;
    // First pass in file order: the reasons match what OSv's make would say.
    for (ImplicationRule rule : catalog.rules()) {
      if (isOn(decided, rule.ifDriver())) {
        imply(rule, decided, contradictions);
      }
    }
    // Then the full closure, for chains whose rules are not in dependency order.
    Deque<String> work = new ArrayDeque<>();
    decided.values().stream().filter(DriverDecision::enabled).map(DriverDecision::driver).sorted()
        .forEach(work::add);
    while (!work.isEmpty()) {
      String on = work.poll();
      for (ImplicationRule rule : catalog.rulesFrom(on)) {
        if (imply(rule, decided, contradictions)) {
          work.add(rule.thenDriver());
        }
      }
    }
    if (!contradictions.isEmpty()) {
      boolean byUser = contradictions.get(0).contains("excluded by the user");
      contradictionSubject = byUser ? ProfileException.Subject.EXCLUDES : ProfileException.Subject.PROFILE_FILE;
      throw new ProfileException(contradictionSubject, String.join("\n", contradictions),
          "turn the needed driver back on, or also turn off every driver that needs it");
    }

    List<DriverDecision> all = new ArrayList<>();
    for (String d : catalog.drivers()) {
      DriverDecision decision = decided.get(d);
      all.add(decision != null ? decision
          : new DriverDecision(d, false, new Reason.Default(catalog.defaultOf(d).map(Assignment::origin).orElse(null))));
    }
    Resolution resolution = new Resolution(catalog.arch(), profile.name(), profile.location(), includes,
        excludes, all, warnings(all));
    resolution.warnings().forEach(listener::warn);
    return resolution;
  }

  /** Sets {@code rule.thenDriver()} on if unset; records a contradiction if it is off. */
  private boolean imply(ImplicationRule rule, Map<String, DriverDecision> decided, List<String> contradictions) {
    String target = rule.thenDriver();
    DriverDecision existing = decided.get(target);
    if (existing == null) {
      decided.put(target, new DriverDecision(target, true, new Reason.Implied(rule.ifDriver(), rule.origin())));
      return true;
    }
    if (!existing.enabled()) {
      String message = "driver '" + target + "' is " + existing.reason().describe() + ", but "
          + rule.ifDriver() + " needs it (rule " + rule.origin() + "); " + rule.ifDriver() + " is "
          + decided.get(rule.ifDriver()).reason().describe();
      if (!contradictions.contains(message)) {
        contradictions.add(message);
      }
    }
    return false;
  }

  private static boolean isOn(Map<String, DriverDecision> decided, String driver) {
    DriverDecision d = decided.get(driver);
    return d != null && d.enabled();
  }

  private void applyProfile(ProfileSource profile, List<String> chain, Map<String, DriverDecision> decided) {
    if (chain.contains(profile.name())) {
      List<String> cycle = new ArrayList<>(chain);
      cycle.add(profile.name());
      throw new ProfileException(ProfileException.Subject.PROFILE_FILE,
          "profiles include each other in a cycle: " + String.join(" -> ", cycle), null);
    }
    chain.add(profile.name());
    for (ProfileStatement statement : profile.statements()) {
      if (statement instanceof Assignment a) {
        if (!catalog.knows(a.driver())) {
          throw new ProfileException(ProfileException.Subject.PROFILE_FILE,
              a.origin() + ": " + unknownDriver(a.driver()), hintFor(a.driver()));
        }
        decided.putIfAbsent(a.driver(), new DriverDecision(a.driver(), a.enabled(),
            new Reason.ByProfile(chain, a.origin())));
      } else if (statement instanceof Include inc) {
        applyProfile(included(profile, inc), chain, decided);
      }
    }
    chain.remove(chain.size() - 1);
  }

  private ProfileSource included(ProfileSource from, Include inc) {
    if (from.directory() != null) {
      Path sibling = from.directory().resolve(inc.profile() + ".mk");
      if (Files.isRegularFile(sibling)) {
        return ProfileFiles.read(sibling);
      }
    }
    return catalog.profile(inc.profile()).orElseThrow(() -> new ProfileException(
        ProfileException.Subject.PROFILE_FILE,
        inc.origin() + ": includes unknown profile '" + inc.profile() + "' for " + catalog.arch(),
        Suggestions.hint(inc.profile(), catalog.profileNames())));
  }

  private void checkUserDriver(String driver, ProfileException.Subject subject) {
    if (!catalog.knows(driver)) {
      throw new ProfileException(subject, unknownDriver(driver), hintFor(driver));
    }
  }

  private String unknownDriver(String driver) {
    Optional<Arch> elsewhere = otherArch(driver);
    return elsewhere.map(a -> "driver '" + driver + "' does not exist on " + catalog.arch()
            + " (it is a " + a + " driver)")
        .orElse("unknown driver '" + driver + "' for " + catalog.arch());
  }

  private String hintFor(String driver) {
    if (otherArch(driver).isPresent()) {
      return catalog.arch() + " drivers: " + String.join(", ", catalog.drivers());
    }
    return Suggestions.hint(driver, catalog.drivers());
  }

  private Optional<Arch> otherArch(String driver) {
    for (Arch a : Arch.values()) {
      if (a != catalog.arch() && otherArchs.apply(a).knows(driver)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  private List<String> warnings(List<DriverDecision> all) {
    List<String> warnings = new ArrayList<>();
    if (catalog.arch() == Arch.X64 && catalog.knows("hpet")) {
      LinkedHashSet<String> clocks = new LinkedHashSet<>();
      for (DriverDecision d : all) {
        if (d.enabled() && (d.driver().equals("hpet") || d.driver().equals("xen") || d.driver().equals("hyperv"))) {
          clocks.add(d.driver());
        }
      }
      if (clocks.isEmpty()) {
        warnings.add("no hpet driver: this kernel's only clock source is kvmclock, so it boots only under "
            + "KVM; under QEMU without KVM (TCG) it crashes right after the banner. Include hpet if it "
            + "may run without KVM.");
      }
    }
    return warnings;
  }
}
