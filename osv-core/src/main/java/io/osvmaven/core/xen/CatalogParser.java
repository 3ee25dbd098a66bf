package io.osvmaven.core.xen;

import io.osvmaven.core.OsvException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the line format documented in {@link XenToolsCatalog}; every error names resource:line. */
final class CatalogParser {

  static final Set<String> SINGLE_KEYS = Set.of("doc", "kind", "lib", "filename", "versions",
      "minimal", "doc-included", "rationale", "remark", "switch", "external");
  static final Set<String> LIST_KEYS = Set.of("alias", "package", "arch", "packageconfig");
  static final Set<String> VERSIONED_KEYS = Set.of("uselibs", "links", "builds-with", "rdepends",
      "needs", "source", "subdir", "configure-on", "configure-off", "make-off", "fix-hint");

  private final String resource;
  private final List<XenVersion> versions = new ArrayList<>();
  private final List<String> arches = new ArrayList<>();
  private final List<CatalogField> toolsSubdirs = new ArrayList<>();
  private final List<CatalogField> libsSubdirs = new ArrayList<>();
  private final List<KnownSize> sizes = new ArrayList<>();
  private final Map<String, XenComponent> components = new LinkedHashMap<>();
  private String currentId;
  private Location currentLocation;
  private Map<String, List<CatalogField>> currentFields;

  private CatalogParser(String resource) {
    this.resource = resource;
  }

  static XenToolsCatalog parse(String resource, String text) {
    CatalogParser p = new CatalogParser(resource);
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      p.line(lines[i].replace("\r", ""), new Location(resource, i + 1));
    }
    p.finishComponent();
    if (p.versions.isEmpty()) {
      throw new OsvException(resource + ": no 'versions' directive",
          "start the catalogue with: versions 4.19 4.20 ...");
    }
    return XenToolsCatalog.validated(resource, p.versions, p.arches, p.toolsSubdirs, p.libsSubdirs,
        p.sizes, p.components);
  }

  private void line(String raw, Location at) {
    String stripped = raw.strip();
    if (stripped.isEmpty() || stripped.startsWith("#")) {
      return;
    }
    String[] kv = stripped.split("\\s+", 2);
    String value = kv.length > 1 ? kv[1] : "";
    String key = kv[0];
    VersionRange range = VersionRange.ALL;
    int at2 = key.indexOf('@');
    if (at2 >= 0) {
      range = VersionRange.parse(key.substring(at2 + 1), at.toString());
      key = key.substring(0, at2);
    }
    if (Character.isWhitespace(raw.charAt(0))) {
      field(key, range, value, at, key.equals(kv[0]));
    } else {
      directive(key, range, value, at);
    }
  }

  private void directive(String key, VersionRange range, String value, Location at) {
    switch (key) {
      case "versions" -> {
        for (String v : value.split("\\s+")) {
          versions.add(XenVersion.parse(v, at.toString()));
        }
      }
      case "arches" -> arches.addAll(List.of(value.split("\\s+")));
      case "tools-subdir" -> toolsSubdirs.add(subdir(key, range, value, at));
      case "libs-subdir" -> libsSubdirs.add(subdir(key, range, value, at));
      case "size" -> sizes.add(size(value, at));
      case "component" -> {
        finishComponent();
        if (!value.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
          throw new OsvException(at + ": bad component name '" + value + "'",
              "use letters, digits, '.', '_' and '-'");
        }
        if (components.containsKey(value)) {
          throw new OsvException(at + ": component '" + value + "' is defined twice (first at "
              + components.get(value).location() + ")");
        }
        currentId = value;
        currentLocation = at;
        currentFields = new LinkedHashMap<>();
      }
      default -> throw new OsvException(at + ": unknown directive '" + key + "'",
          "directives are versions, arches, tools-subdir, libs-subdir, size and component;"
              + " component fields must be indented");
    }
  }

  private static CatalogField subdir(String key, VersionRange range, String value, Location at) {
    if (value.split("\\s+").length != 2) {
      throw new OsvException(at + ": " + key + " takes a directory and a switch ('y' if always)",
          "for example: " + key + " firmware CONFIG_X86");
    }
    return new CatalogField(key, range, value, at);
  }

  private static KnownSize size(String value, Location at) {
    String[] p = value.split("\\s+", 4);
    if (p.length < 3 || !p[2].matches("\\d+")) {
      throw new OsvException(at + ": size takes PRESET WHAT KIB [TEXT]",
          "for example: size full ipk 8216 8.1M of ipk packages");
    }
    return new KnownSize(p[0], p[1], Long.parseLong(p[2]), p.length > 3 ? p[3] : "");
  }

  private void field(String key, VersionRange range, String value, Location at, boolean unversioned) {
    if (currentFields == null) {
      throw new OsvException(at + ": indented field '" + key + "' outside a component",
          "start a component first: component NAME");
    }
    boolean single = SINGLE_KEYS.contains(key);
    if (!single && !LIST_KEYS.contains(key) && !VERSIONED_KEYS.contains(key)) {
      throw new OsvException(at + ": unknown field '" + key + "' in component " + currentId,
          "see the format description at the top of the catalogue");
    }
    if (!unversioned && !VERSIONED_KEYS.contains(key)) {
      throw new OsvException(at + ": field '" + key + "' cannot be limited to versions",
          "only " + String.join(", ", VERSIONED_KEYS.stream().sorted().toList()) + " take @RANGE");
    }
    List<CatalogField> list = currentFields.computeIfAbsent(key, k -> new ArrayList<>());
    if (single && !list.isEmpty()) {
      throw new OsvException(at + ": field '" + key + "' given twice in component " + currentId
          + " (first at " + list.get(0).location() + ")");
    }
    if ((key.equals("builds-with") || key.equals("rdepends") || key.equals("needs"))
        && value.isBlank()) {
      throw new OsvException(at + ": '" + key + "' needs a component name", null);
    }
    list.add(new CatalogField(key, range, value, at));
  }

  private void finishComponent() {
    if (currentId == null) {
      return;
    }
    require("kind", at -> {
      String k = currentFields.get("kind").get(0).value().trim();
      if (!Set.of("library", "tool", "script", "data").contains(k)) {
        throw new OsvException(at + ": kind '" + k + "' is not one of library, tool, script, data");
      }
    });
    require("minimal", at -> {
      String m = currentFields.get("minimal").get(0).value().trim();
      if (!m.equals("yes") && !m.equals("no")) {
        throw new OsvException(at + ": minimal must be yes or no, not '" + m + "'");
      }
    });
    if (currentFields.containsKey("versions")) {
      CatalogField f = currentFields.get("versions").get(0);
      VersionRange.parse(f.value().trim(), f.location().toString());
    }
    components.put(currentId, new XenComponent(currentId, currentLocation, currentFields));
    currentId = null;
    currentFields = null;
  }

  private void require(String key, java.util.function.Consumer<Location> check) {
    List<CatalogField> f = currentFields.get(key);
    if (f == null) {
      throw new OsvException(currentLocation + ": component " + currentId + " has no '" + key
          + "' field");
    }
    check.accept(f.get(0).location());
  }
}
