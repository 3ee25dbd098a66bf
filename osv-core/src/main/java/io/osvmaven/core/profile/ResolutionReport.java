package io.osvmaven.core.profile;

import io.osvmaven.core.json.JsonWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The resolution explained: every driver with its value and the reason, as text and as JSON. */
public final class ResolutionReport {

  private ResolutionReport() {}

  public static String text(Resolution r) {
    StringBuilder out = new StringBuilder();
    out.append("arch: ").append(r.arch()).append('\n');
    out.append("profile: ").append(r.profile()).append(" (").append(r.profileLocation()).append(")\n");
    if (!r.includes().isEmpty()) {
      out.append("includes: ").append(String.join(" ", r.includes())).append('\n');
    }
    if (!r.excludes().isEmpty()) {
      out.append("excludes: ").append(String.join(" ", r.excludes())).append('\n');
    }
    out.append("enabled: ").append(String.join(" ", r.enabledDrivers())).append('\n');
    int width = r.drivers().stream().mapToInt(d -> d.driver().length()).max().orElse(0);
    out.append('\n');
    for (DriverDecision d : r.drivers()) {
      out.append(String.format("%-" + width + "s  %s  %s%n", d.driver(), d.enabled() ? "on " : "off",
          d.reason().describe()));
    }
    for (String w : r.warnings()) {
      out.append("\nwarning: ").append(w).append('\n');
    }
    return out.toString().replace(System.lineSeparator(), "\n");
  }

  public static String json(Resolution r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("arch", r.arch().osvName());
    root.put("profile", r.profile());
    root.put("profileLocation", r.profileLocation());
    root.put("includes", r.includes());
    root.put("excludes", r.excludes());
    root.put("enabled", new ArrayList<>(r.enabledDrivers()));
    List<Object> drivers = new ArrayList<>();
    for (DriverDecision d : r.drivers()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("driver", d.driver());
      m.put("enabled", d.enabled());
      m.put("reason", d.reason().kind());
      m.put("explanation", d.reason().describe());
      if (d.reason() instanceof Reason.Implied i) {
        m.put("impliedBy", i.byDriver());
      }
      if (d.reason() instanceof Reason.ByProfile p) {
        m.put("profileChain", p.chain());
        m.put("origin", p.origin().toString());
      }
      drivers.add(m);
    }
    root.put("drivers", drivers);
    root.put("warnings", r.warnings());
    return JsonWriter.write(root);
  }
}
