package io.osvmaven.core.xen;

import io.osvmaven.core.OsvException;
import io.osvmaven.core.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The component catalogue: every component of the minimal xen-tools design table, with its real
 * Yocto package, kind, sources, build and runtime needs, switch and the Xen versions it exists in,
 * plus the built-in Xen build graph (tools/Makefile and tools/libs/Makefile order).
 *
 * <p>It is data, loaded from the resource {@code io/osvmaven/core/xen/xen-tools.catalog}, whose
 * header comment is the format's reference. In short: a directive starts in column 1
 * ({@code versions}, {@code arches}, {@code tools-subdir[@R] DIR SWITCH},
 * {@code libs-subdir[@R] LIB SWITCH}, {@code size PRESET WHAT KIB TEXT}, {@code component ID}); an
 * indented line {@code KEY[@R] VALUE} is a field of the last component. {@code R} is a Xen version
 * range ({@code 4.19}, {@code 4.21-}, {@code -4.20}, {@code 4.19-4.20}); only {@code uselibs},
 * {@code links}, {@code builds-with}, {@code rdepends}, {@code needs}, {@code source},
 * {@code subdir}, {@code configure-on}, {@code configure-off}, {@code make-off} and
 * {@code fix-hint} take one. Parse errors name resource:line.
 */
public final class XenToolsCatalog {

  public static final String RESOURCE = "io/osvmaven/core/xen/xen-tools.catalog";

  private static volatile XenToolsCatalog builtIn;

  private final String origin;
  private final List<XenVersion> versions;
  private final List<String> arches;
  private final List<CatalogField> toolsSubdirs;
  private final List<CatalogField> libsSubdirs;
  private final List<KnownSize> sizes;
  private final Map<String, XenComponent> components;
  private final Map<String, String> names;

  private XenToolsCatalog(String origin, List<XenVersion> versions, List<String> arches,
      List<CatalogField> toolsSubdirs, List<CatalogField> libsSubdirs, List<KnownSize> sizes,
      Map<String, XenComponent> components, Map<String, String> names) {
    this.origin = origin;
    this.versions = List.copyOf(versions);
    this.arches = List.copyOf(arches);
    this.toolsSubdirs = List.copyOf(toolsSubdirs);
    this.libsSubdirs = List.copyOf(libsSubdirs);
    this.sizes = List.copyOf(sizes);
    this.components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
    this.names = Collections.unmodifiableMap(new TreeMap<>(names));
  }

  /** The catalogue shipped in the engine (parsed once). */
  public static XenToolsCatalog builtIn() {
    XenToolsCatalog c = builtIn;
    if (c == null) {
      try (InputStream in = XenToolsCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("resource " + RESOURCE + " is missing from the engine");
        }
        c = parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      builtIn = c;
    }
    return c;
  }

  /** Parses a catalogue in the documented format; {@code resource} is the name used in errors. */
  public static XenToolsCatalog parse(String resource, String text) {
    return CatalogParser.parse(resource, text);
  }

  static XenToolsCatalog validated(String origin, List<XenVersion> versions, List<String> arches,
      List<CatalogField> toolsSubdirs, List<CatalogField> libsSubdirs, List<KnownSize> sizes,
      Map<String, XenComponent> components) {
    Map<String, String> names = new LinkedHashMap<>();
    for (XenComponent c : components.values()) {
      claim(names, c.id(), c, components);
      for (String a : c.aliases()) {
        claim(names, a, c, components);
      }
      for (String p : c.packages()) {
        claim(names, p, c, components);
      }
      for (String a : c.arches()) {
        if (!arches.contains(a)) {
          throw new OsvException(c.lines("arch").get(0).location() + ": arch '" + a
              + "' is not in the arches directive " + arches);
        }
      }
    }
    XenToolsCatalog catalog = new XenToolsCatalog(origin, versions, arches, toolsSubdirs,
        libsSubdirs, sizes, components, names);
    for (XenVersion v : versions) {
      catalog.checkReferences(v);
    }
    return catalog;
  }

  private static void claim(Map<String, String> names, String name, XenComponent c,
      Map<String, XenComponent> components) {
    String owner = names.putIfAbsent(name, c.id());
    if (owner != null && !owner.equals(c.id())) {
      throw new OsvException(c.location() + ": name '" + name + "' of component " + c.id()
          + " is already used by component " + owner + " (" + components.get(owner).location() + ")");
    }
  }

  /** Every reference must point at something that exists in the same version. */
  private void checkReferences(XenVersion v) {
    Map<String, XenComponent> libs = librariesIn(v);
    for (XenComponent c : components.values()) {
      if (!c.existsIn(v)) {
        continue;
      }
      if (c.lib().isEmpty() && !c.lines("uselibs").isEmpty()) {
        throw new OsvException(c.lines("uselibs").get(0).location()
            + ": uselibs on " + c.id() + ", which has no 'lib' (only tools/libs libraries have USELIBS)");
      }
      for (String key : List.of("uselibs", "links")) {
        for (CatalogField f : c.lines(key)) {
          if (!f.appliesTo(v)) {
            continue;
          }
          for (String s : f.words()) {
            if (!libs.containsKey(s)) {
              throw new OsvException(f.location() + ": " + key + " names library '" + s
                  + "', which no component provides in Xen " + v);
            }
          }
        }
      }
      for (Dependency d : c.declaredNeeds(v)) {
        XenComponent t = components.get(d.target());
        if (t == null || !t.existsIn(v)) {
          CatalogField f = c.lines(d.layer() == DependencyLayer.BUILD ? "builds-with"
              : d.layer() == DependencyLayer.RDEPENDS ? "rdepends" : "needs").get(0);
          throw new OsvException(f.location() + ": " + c.id() + " needs '" + d.target()
              + "', which is not a component of Xen " + v);
        }
      }
    }
    for (CatalogField f : libsSubdirs) {
      if (f.appliesTo(v) && !libs.containsKey(f.words().get(0))) {
        throw new OsvException(f.location() + ": libs-subdir '" + f.words().get(0)
            + "' is not the lib of any component in Xen " + v);
      }
    }
  }

  /** Components that are tools/libs libraries in {@code v}, by LIBS_LIBS short name. */
  Map<String, XenComponent> librariesIn(XenVersion v) {
    Map<String, XenComponent> libs = new LinkedHashMap<>();
    for (XenComponent c : components.values()) {
      if (c.lib().isPresent() && c.existsIn(v)) {
        libs.put(c.lib().get(), c);
      }
    }
    return libs;
  }

  /** Where the catalogue was read from (resource name). */
  public String origin() {
    return origin;
  }

  public List<XenVersion> versions() {
    return versions;
  }

  public List<String> arches() {
    return arches;
  }

  public List<KnownSize> sizes() {
    return sizes;
  }

  /** All components in catalogue order. */
  public List<XenComponent> components() {
    return List.copyOf(components.values());
  }

  /** The components that exist in {@code version}, in catalogue order. */
  public List<XenComponent> components(XenVersion version) {
    return components.values().stream().filter(c -> c.existsIn(version)).toList();
  }

  public Optional<XenComponent> component(String id) {
    return Optional.ofNullable(components.get(id));
  }

  /**
   * The component a user-given name means: its id, an alias (a design-table name such as
   * {@code consold}, a LIBS_LIBS short name such as {@code toollog}) or a Yocto package name.
   *
   * @param setting what to name in the error ("includes", "excludes")
   * @throws OsvException for an unknown name, with a "did you mean" hint when one is close
   */
  public XenComponent resolve(String name, String setting) {
    String id = names.get(name == null ? "" : name.trim());
    if (id == null) {
      Optional<String> near = Suggestions.closest(String.valueOf(name).trim(), names.keySet());
      throw new OsvException(setting + ": unknown xen-tools component '" + name + "'",
          near.map(n -> "did you mean '" + n + "'" + (n.equals(names.get(n)) ? "" : " ("
              + names.get(n) + ")") + "?").orElse("see the component list (osv xen list)"));
    }
    return components.get(id);
  }

  /** Every name {@link #resolve} accepts, mapped to its component id, sorted. */
  public Map<String, String> names() {
    return names;
  }

  /** Checks that {@code text} names a version this catalogue describes. */
  public XenVersion supportedVersion(String text, String setting) {
    XenVersion v = XenVersion.parse(text, setting);
    if (!versions.contains(v)) {
      throw new OsvException(setting + ": Xen " + v + " is not described by the xen-tools catalogue",
          "supported versions: " + versions.stream().map(XenVersion::toString)
              .collect(Collectors.joining(", ")));
    }
    return v;
  }

  /** The tools/Makefile SUBDIRS list of {@code v}, in file order. */
  public List<SubdirEntry> toolsOrder(XenVersion v) {
    return entries(toolsSubdirs, v);
  }

  /** The tools/libs/Makefile SUBDIRS list of {@code v}, in file order. */
  public List<SubdirEntry> libsOrder(XenVersion v) {
    return entries(libsSubdirs, v);
  }

  private static List<SubdirEntry> entries(List<CatalogField> fields, XenVersion v) {
    List<SubdirEntry> out = new ArrayList<>();
    for (CatalogField f : fields) {
      if (f.appliesTo(v)) {
        out.add(new SubdirEntry(f.words().get(0), f.words().get(1), f.location()));
      }
    }
    return out;
  }
}
