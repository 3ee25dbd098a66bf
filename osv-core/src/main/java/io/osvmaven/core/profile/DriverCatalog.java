package io.osvmaven.core.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything known about one architecture's drivers: their names, the implication rules, the defaults
 * and the built-in profiles. The built-in catalogs are read from this package's resources, which are
 * written in OSv's own profile syntax.
 */
public final class DriverCatalog {

  private static final String RESOURCES = "/io/osvmaven/core/profile/";
  private static final Map<Arch, DriverCatalog> BUILT_IN = Collections.synchronizedMap(new EnumMap<>(Arch.class));

  private final Arch arch;
  private final SortedSet<String> drivers;
  private final List<ImplicationRule> rules;
  private final Map<String, List<ImplicationRule>> rulesByCondition;
  private final Map<String, Assignment> defaults;
  private final Map<String, ProfileSource> profiles;

  private DriverCatalog(Arch arch, Collection<String> drivers, List<ImplicationRule> rules,
      Collection<Assignment> defaults, Map<String, ProfileSource> profiles) {
    this.arch = arch;
    this.drivers = Collections.unmodifiableSortedSet(new TreeSet<>(drivers));
    this.rules = List.copyOf(rules);
    Map<String, List<ImplicationRule>> byCondition = new HashMap<>();
    for (ImplicationRule r : rules) {
      byCondition.computeIfAbsent(r.ifDriver(), k -> new ArrayList<>()).add(r);
    }
    this.rulesByCondition = byCondition;
    Map<String, Assignment> d = new HashMap<>();
    for (Assignment a : defaults) {
      d.putIfAbsent(a.driver(), a);
    }
    this.defaults = d;
    this.profiles = Collections.unmodifiableMap(new TreeMap<>(profiles));
  }

  /**
   * A catalog from explicit parts (custom hardware catalogs, tests, benchmarks). Rule and profile
   * driver names must be among {@code drivers}.
   */
  public static DriverCatalog of(Arch arch, Collection<String> drivers, List<ImplicationRule> rules,
      Map<String, ProfileSource> profiles) {
    for (ImplicationRule r : rules) {
      if (!drivers.contains(r.ifDriver()) || !drivers.contains(r.thenDriver())) {
        throw new IllegalArgumentException(r.origin() + ": rule names an unknown driver");
      }
    }
    return new DriverCatalog(arch, drivers, rules, List.of(), profiles);
  }

  /** The catalog OSv's own profiles define for {@code arch}. */
  public static DriverCatalog builtIn(Arch arch) {
    return BUILT_IN.computeIfAbsent(arch, DriverCatalog::load);
  }

  private static DriverCatalog load(Arch arch) {
    String dir = arch.osvName() + "/";
    MkProfileParser.Rules base = MkProfileParser.parseRules(dir + "base.mk", readResource(dir + "base.mk"));
    // As OSv's gen-drivers-config-header: the names are those base.mk exports.
    List<String> names = new ArrayList<>();
    base.defaults().forEach(a -> names.add(a.driver()));
    base.implications().forEach(r -> names.add(r.thenDriver()));
    Map<String, ProfileSource> profiles = new LinkedHashMap<>();
    for (String line : readResource(dir + "profiles.index")) {
      String name = line.strip();
      if (name.isEmpty() || name.startsWith("#")) {
        continue;
      }
      List<String> lines = name.equals("base") ? List.of() : readResource(dir + name + ".mk");
      profiles.put(name, MkProfileParser.parseProfile(name, dir + name + ".mk", null, lines));
    }
    return new DriverCatalog(arch, names, base.implications(), base.defaults(), profiles);
  }

  static List<String> readResource(String name) {
    try (InputStream in = DriverCatalog.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCES + name);
      }
      List<String> lines = new ArrayList<>();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String l = r.readLine(); l != null; l = r.readLine()) {
          lines.add(l);
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Arch arch() {
    return arch;
  }

  /** Driver names in the order OSv's header lists them ({@code sort | uniq}). */
  public SortedSet<String> drivers() {
    return drivers;
  }

  public boolean knows(String driver) {
    return drivers.contains(driver);
  }

  /** Implication rules in file order. */
  public List<ImplicationRule> rules() {
    return rules;
  }

  /** Rules whose condition is {@code driver}, in file order. */
  List<ImplicationRule> rulesFrom(String driver) {
    return rulesByCondition.getOrDefault(driver, List.of());
  }

  /** The explicit default-off line of a driver, if the rules file has one. */
  Optional<Assignment> defaultOf(String driver) {
    return Optional.ofNullable(defaults.get(driver));
  }

  /** Built-in profile names, sorted. */
  public SortedSet<String> profileNames() {
    return new TreeSet<>(profiles.keySet());
  }

  public Optional<ProfileSource> profile(String name) {
    return Optional.ofNullable(profiles.get(name));
  }
}
