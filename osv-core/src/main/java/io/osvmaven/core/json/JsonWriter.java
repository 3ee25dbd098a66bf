package io.osvmaven.core.json;

import java.util.Collection;
import java.util.Map;

/**
 * Renders reports as JSON: maps (kept in their iteration order, so use sorted or linked maps for
 * reproducible output), collections, strings, numbers, booleans and null. Two-space indentation and a
 * final newline, so reports diff well.
 */
public final class JsonWriter {

  private JsonWriter() {}

  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0);
    return out.append('\n').toString();
  }

  private static void write(StringBuilder out, Object value, int depth) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      quote(out, s);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Enum<?> e) {
      quote(out, e.name());
    } else if (value instanceof Map<?, ?> map) {
      writeMap(out, map, depth);
    } else if (value instanceof Collection<?> list) {
      writeList(out, list, depth);
    } else {
      quote(out, value.toString());
    }
  }

  private static void writeMap(StringBuilder out, Map<?, ?> map, int depth) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append("{\n");
    int i = 0;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      indent(out, depth + 1);
      quote(out, String.valueOf(e.getKey()));
      out.append(": ");
      write(out, e.getValue(), depth + 1);
      out.append(++i < map.size() ? ",\n" : "\n");
    }
    indent(out, depth);
    out.append('}');
  }

  private static void writeList(StringBuilder out, Collection<?> list, int depth) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append("[\n");
    int i = 0;
    for (Object item : list) {
      indent(out, depth + 1);
      write(out, item, depth + 1);
      out.append(++i < list.size() ? ",\n" : "\n");
    }
    indent(out, depth);
    out.append(']');
  }

  private static void indent(StringBuilder out, int depth) {
    out.append("  ".repeat(depth));
  }

  /** Appends {@code s} as a JSON string literal. */
  public static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
