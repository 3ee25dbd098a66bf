package io.osvmaven.core.runtime;

import io.osvmaven.core.OsvException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The {@code release} file at the top of a JDK or of a jlinked runtime ({@code KEY="value"} lines). */
public record JdkRelease(Map<String, String> properties) {

  public JdkRelease {
    properties = Map.copyOf(properties);
  }

  public static JdkRelease read(Path home) {
    Path file = home.resolve("release");
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new OsvException("cannot read " + file + ": " + e.getMessage(),
          "point the JDK setting at a JDK home (the directory holding bin/ and release)", e);
    }
    Map<String, String> props = new TreeMap<>();
    for (String line : lines) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        String value = line.substring(eq + 1).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        props.put(line.substring(0, eq).strip(), value);
      }
    }
    return new JdkRelease(props);
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(properties.get(key));
  }

  /** JAVA_VERSION, e.g. "17.0.15". */
  public String javaVersion() {
    return get("JAVA_VERSION").orElseThrow(() -> new OsvException(
        "the JDK's release file has no JAVA_VERSION", "use a JDK 11 or newer"));
  }

  /** The feature release (17 for "17.0.15"), what jdeps --multi-release wants. */
  public int featureVersion() {
    String v = javaVersion();
    String first = v.split("[.+-]")[0];
    try {
      int feature = Integer.parseInt(first);
      return feature == 1 ? Integer.parseInt(v.split("\\.")[1]) : feature;
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      throw new OsvException("cannot parse JAVA_VERSION \"" + v + "\" of the JDK's release file", null, e);
    }
  }

  /** The MODULES list, in the file's order (jlink writes them in dependency order). */
  public List<String> modules() {
    return get("MODULES").map(m -> Arrays.stream(m.split("\\s+")).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }
}
