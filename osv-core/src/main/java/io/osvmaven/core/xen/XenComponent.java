package io.osvmaven.core.xen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One component of the catalogue (a row of the design table, or a component those rows need), read
 * from {@code xen-tools.catalog}. Fields that differ between Xen versions are kept as versioned lines
 * and resolved for one version by the accessors that take a {@link XenVersion}.
 */
public record XenComponent(String id, Location location, Map<String, List<CatalogField>> fields) {

  public XenComponent {
    fields = Map.copyOf(fields);
  }

  /** The name in the RFC design table, or empty when the table does not list it. */
  public Optional<String> docName() {
    String d = text("doc");
    return d.isEmpty() || d.equals("-") ? Optional.empty() : Optional.of(d);
  }

  public List<String> aliases() {
    return allWords("alias");
  }

  /** Yocto packages; empty when the component ships in no package (fuzz, libacpi). */
  public List<String> packages() {
    return allWords("package");
  }

  public ComponentKind kind() {
    return ComponentKind.valueOf(text("kind").toUpperCase(Locale.ROOT));
  }

  /** The LIBS_LIBS short name when this is a tools/libs library. */
  public Optional<String> lib() {
    String l = text("lib");
    return l.isEmpty() ? Optional.empty() : Optional.of(l);
  }

  /** FILENAME_x: the library file's base name ({@code xlutil} for util, else {@code xen<lib>}). */
  public Optional<String> filename() {
    String f = text("filename");
    return f.isEmpty() ? lib().map(l -> "xen" + l) : Optional.of(f);
  }

  public VersionRange versions() {
    List<CatalogField> v = fields.getOrDefault("versions", List.of());
    return v.isEmpty() ? VersionRange.ALL
        : VersionRange.parse(v.get(0).value(), v.get(0).location().toString());
  }

  /** Architectures it exists on; empty means every architecture. */
  public List<String> arches() {
    return allWords("arch");
  }

  public boolean existsIn(XenVersion version) {
    return versions().contains(version);
  }

  public boolean existsOn(String arch) {
    return arch == null || arches().isEmpty() || arches().contains(arch);
  }

  /** The design table's "included" column, which is the {@code minimal} preset. */
  public boolean minimal() {
    return text("minimal").equals("yes");
  }

  public String docIncluded() {
    return text("doc-included");
  }

  public String rationale() {
    return text("rationale");
  }

  public String remark() {
    return text("remark");
  }

  /**
   * An extra way out when this component needs {@code target} in {@code v} and cannot have it. The
   * field's first word lists the targets it is about, comma-separated.
   */
  public Optional<String> fixHint(String target, XenVersion v) {
    for (CatalogField f : fields.getOrDefault("fix-hint", List.of())) {
      String[] h = f.value().trim().split("\\s+", 2);
      if (f.appliesTo(v) && h.length == 2 && List.of(h[0].split(",")).contains(target)) {
        return Optional.of(h[1]);
      }
    }
    return Optional.empty();
  }

  public String switchText() {
    return text("switch");
  }

  public String external() {
    return text("external");
  }

  public List<String> configureOn(XenVersion v) {
    return words("configure-on", v);
  }

  public List<String> configureOff(XenVersion v) {
    return words("configure-off", v);
  }

  public List<String> makeOff(XenVersion v) {
    return words("make-off", v);
  }

  public List<String> packageConfig() {
    return allWords("packageconfig");
  }

  public List<String> sources(XenVersion v) {
    return words("source", v);
  }

  /** The tools/Makefile entries that build it. */
  public List<String> subdirs(XenVersion v) {
    return words("subdir", v);
  }

  /** USELIBS of the catalogue (a source tree's uselibs.mk takes precedence). */
  public List<String> uselibs(XenVersion v) {
    return words("uselibs", v);
  }

  /** Whether the catalogue states USELIBS for this version (an empty list is a statement). */
  public boolean hasUselibs(XenVersion v) {
    return fields.getOrDefault("uselibs", List.of()).stream().anyMatch(f -> f.appliesTo(v));
  }

  public List<String> links(XenVersion v) {
    return words("links", v);
  }

  /** builds-with, rdepends and needs lines for this version, in that order. */
  public List<Dependency> declaredNeeds(XenVersion v) {
    List<Dependency> out = new ArrayList<>();
    addNeeds(out, "builds-with", DependencyLayer.BUILD, v);
    addNeeds(out, "rdepends", DependencyLayer.RDEPENDS, v);
    addNeeds(out, "needs", DependencyLayer.RUNTIME, v);
    return out;
  }

  private void addNeeds(List<Dependency> out, String key, DependencyLayer layer, XenVersion v) {
    for (CatalogField f : fields.getOrDefault(key, List.of())) {
      if (f.appliesTo(v)) {
        String[] parts = f.value().trim().split("\\s+", 2);
        out.add(new Dependency(parts[0], layer, parts.length > 1 ? parts[1] : ""));
      }
    }
  }

  /** All field lines of a key whatever their version (for validation). */
  public List<CatalogField> lines(String key) {
    return fields.getOrDefault(key, List.of());
  }

  private String text(String key) {
    List<CatalogField> f = fields.getOrDefault(key, List.of());
    return f.isEmpty() ? "" : f.get(0).value().trim();
  }

  private List<String> allWords(String key) {
    List<String> out = new ArrayList<>();
    for (CatalogField f : fields.getOrDefault(key, List.of())) {
      out.addAll(f.words());
    }
    return out;
  }

  private List<String> words(String key, XenVersion v) {
    List<String> out = new ArrayList<>();
    for (CatalogField f : fields.getOrDefault(key, List.of())) {
      if (f.appliesTo(v)) {
        out.addAll(f.words());
      }
    }
    return out;
  }
}
