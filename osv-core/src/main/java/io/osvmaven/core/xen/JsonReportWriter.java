package io.osvmaven.core.xen;

import io.osvmaven.core.json.JsonWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report as JSON, for tools: the same facts as the Markdown report, keys in a fixed order. */
final class JsonReportWriter {

  static final String FILE = "xen-tools-report.json";

  private JsonReportWriter() {}

  static String render(XenToolsSelection s) {
    XenToolsRequest r = s.request();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("xenVersion", s.version().toString());
    root.put("preset", r.preset());
    root.put("includes", r.includes().stream().sorted().toList());
    root.put("excludes", r.excludes().stream().sorted().toList());
    root.put("arch", r.arch());
    root.put("strict", r.strict());
    root.put("graph", s.graph().origin());
    root.put("consistent", s.isConsistent());
    List<Object> components = new ArrayList<>();
    for (XenComponent c : s.available().values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", c.id());
      m.put("docName", c.docName().orElse(null));
      m.put("packages", c.packages());
      m.put("kind", c.kind().label());
      m.put("included", s.isSelected(c.id()));
      m.put("reason", s.isSelected(c.id()) ? s.selected().get(c.id()).describe()
          : s.notSelected().get(c.id()));
      m.put("chain", s.whyChain(c.id()));
      m.put("needs", s.needs().get(c.id()).stream().map(Dependency::target).toList());
      m.put("switch", c.switchText());
      m.put("sources", c.sources(s.version()));
      m.put("rationale", c.rationale());
      m.put("remark", c.remark());
      components.add(m);
    }
    root.put("components", components);
    root.put("unavailable", s.unavailable());
    List<Object> contradictions = new ArrayList<>();
    for (Contradiction c : s.contradictions()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("chain", c.chain());
      m.put("layer", c.need().layer().label());
      m.put("need", c.need().note());
      m.put("blocked", c.blocked());
      m.put("fixes", c.fixes());
      contradictions.add(m);
    }
    root.put("contradictions", contradictions);
    List<Object> issues = new ArrayList<>();
    for (OrderIssue o : s.orderIssues()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("location", o.location().toString());
      m.put("message", o.message());
      issues.add(m);
    }
    root.put("orderIssues", issues);
    root.put("libsBuildOrder", entries(s.libsBuildOrder()));
    root.put("toolsSubdirs", entries(s.toolsSubdirs()));
    root.put("alsoBuilt", s.alsoBuilt());
    root.put("packages", s.packages());
    root.put("configureFlags", s.configureFlags());
    root.put("makeVariables", s.makeVariables());
    root.put("packageConfig", s.packageConfig());
    List<Object> sizes = new ArrayList<>();
    for (KnownSize k : s.sizes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("preset", k.preset());
      m.put("what", k.what());
      m.put("kib", k.kib());
      m.put("text", k.text());
      sizes.add(m);
    }
    root.put("knownSizes", sizes);
    return JsonWriter.write(root);
  }

  private static List<Object> entries(List<SubdirEntry> entries) {
    List<Object> out = new ArrayList<>();
    for (SubdirEntry e : entries) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("dir", e.dir());
      m.put("condition", e.condition());
      out.add(m);
    }
    return out;
  }
}
