package io.osvmaven.core.xen;

import io.osvmaven.core.OsvException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements GNU make would read from a makefile, as far as the SUBDIRS and USELIBS parsers
 * need them: backslash-newline continuations joined (a logical line keeps the number of its first
 * physical line), comments removed, {@code define}/{@code endef} bodies and rule recipes skipped, and
 * conditional directives evaluated. Conditions are evaluated the way make does with the given
 * variables and every other variable unset (empty): {@code ifeq ($(CONFIG_RUMP),y)} is false,
 * {@code ifneq "$(MAKECMDGOALS)" "distclean"} is true. A condition that calls a make function cannot
 * be evaluated; it is taken as false and reported in {@link Result#notes()}.
 */
final class MakeStatements {

  /** One logical line outside every inactive conditional branch. */
  record Statement(String text, Location location) {}

  record Result(List<Statement> statements, List<String> notes) {}

  private static final Pattern VAR = Pattern.compile("\\$[({]([A-Za-z0-9_.-]+)[)}]");
  private static final Pattern RULE = Pattern.compile("^[^=#]*?[^:=!?+]:(?![:=])(.*)$");

  private MakeStatements() {}

  private static final class Frame {
    final boolean parentActive;
    boolean taken;
    boolean active;
    final Location opened;

    Frame(boolean parentActive, boolean condition, Location opened) {
      this.parentActive = parentActive;
      this.active = parentActive && condition;
      this.taken = condition;
      this.opened = opened;
    }
  }

  static Result read(String file, String text, Map<String, String> variables) {
    List<Statement> out = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Deque<Frame> frames = new ArrayDeque<>();
    String[] physical = text.split("\n", -1);
    int defineDepth = 0;
    Location defineAt = null;
    boolean inRule = false;
    for (int i = 0; i < physical.length; i++) {
      int first = i;
      StringBuilder logical = new StringBuilder(stripCr(physical[i]));
      while (endsWithContinuation(logical) && i + 1 < physical.length) {
        logical.setLength(logical.length() - 1);
        trimTrailing(logical);
        logical.append(' ').append(stripCr(physical[++i]).stripLeading());
      }
      Location at = new Location(file, first + 1);
      String raw = logical.toString();
      boolean recipe = raw.startsWith("\t") && inRule;
      String line = stripComment(raw).strip();
      String word = line.split("\\s+", 2)[0];
      if (defineDepth > 0) {
        if (word.equals("endef")) {
          defineDepth--;
        } else if (word.equals("define")) {
          defineDepth++;
        }
        continue;
      }
      if (recipe || line.isEmpty()) {
        continue;
      }
      boolean active = frames.isEmpty() || frames.peek().active;
      switch (word) {
        case "define" -> {
          defineDepth = 1;
          defineAt = at;
          continue;
        }
        case "ifeq", "ifneq", "ifdef", "ifndef" -> {
          Boolean value = condition(line, variables);
          if (value == null) {
            notes.add(at + ": condition '" + line + "' cannot be evaluated; taken as false");
            value = false;
          }
          frames.push(new Frame(active, value, at));
          if (active && !value) {
            notes.add(at + ": skipped the branch of '" + line + "' (variables taken as unset)");
          }
          continue;
        }
        case "else" -> {
          Frame f = frames.peek();
          if (f == null) {
            throw new OsvException(at + ": 'else' without a matching if", null);
          }
          String rest = line.substring(4).strip();
          boolean value;
          if (rest.isEmpty()) {
            value = !f.taken;
          } else {
            Boolean c = f.taken ? Boolean.FALSE : condition(rest, variables);
            if (c == null) {
              notes.add(at + ": condition '" + rest + "' cannot be evaluated; taken as false");
              c = false;
            }
            value = c;
          }
          f.active = f.parentActive && value;
          f.taken |= value;
          continue;
        }
        case "endif" -> {
          if (frames.isEmpty()) {
            throw new OsvException(at + ": 'endif' without a matching if", null);
          }
          frames.pop();
          continue;
        }
        default -> {
        }
      }
      inRule = !raw.startsWith("\t") && RULE.matcher(line).matches() && !isAssignment(line);
      if (active && !inRule) {
        out.add(new Statement(line, at));
      }
    }
    if (defineDepth > 0) {
      throw new OsvException(defineAt + ": 'define' without a matching 'endef'", null);
    }
    if (!frames.isEmpty()) {
      throw new OsvException(frames.peek().opened + ": conditional without a matching 'endif'", null);
    }
    return new Result(out, notes);
  }

  private static boolean isAssignment(String line) {
    return line.matches("^[A-Za-z0-9_.$(){}-]+\\s*(\\+=|:=|::=|\\?=|!=|=).*");
  }

  private static String stripCr(String s) {
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  private static boolean endsWithContinuation(CharSequence s) {
    int n = 0;
    for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
      n++;
    }
    return n % 2 == 1;
  }

  private static void trimTrailing(StringBuilder s) {
    while (s.length() > 0 && Character.isWhitespace(s.charAt(s.length() - 1))) {
      s.setLength(s.length() - 1);
    }
  }

  /** Removes a comment: '#' up to the end, unless escaped as '\#'. */
  static String stripComment(String line) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '#') {
        out.append('#');
        i++;
      } else if (c == '#') {
        break;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Evaluates an ifeq/ifneq/ifdef/ifndef line; null when it cannot. */
  private static Boolean condition(String line, Map<String, String> vars) {
    String[] kw = line.split("\\s+", 2);
    String args = kw.length > 1 ? kw[1].strip() : "";
    switch (kw[0]) {
      case "ifdef", "ifndef" -> {
        if (!args.matches("[A-Za-z0-9_.-]+")) {
          return null;
        }
        boolean defined = !vars.getOrDefault(args, "").isEmpty();
        return kw[0].equals("ifdef") == defined;
      }
      case "ifeq", "ifneq" -> {
        String[] pair = operands(args);
        if (pair == null) {
          return null;
        }
        String a = expand(pair[0], vars);
        String b = expand(pair[1], vars);
        if (a == null || b == null) {
          return null;
        }
        return kw[0].equals("ifeq") == a.equals(b);
      }
      default -> {
        return null;
      }
    }
  }

  /** Splits {@code (a,b)}, {@code "a" "b"} or {@code 'a' 'b'} into its two operands. */
  private static String[] operands(String args) {
    if (args.startsWith("(") && args.endsWith(")")) {
      String inner = args.substring(1, args.length() - 1);
      int depth = 0;
      for (int i = 0; i < inner.length(); i++) {
        char c = inner.charAt(i);
        if (c == '(' || c == '{') {
          depth++;
        } else if (c == ')' || c == '}') {
          depth--;
        } else if (c == ',' && depth == 0) {
          return new String[] {inner.substring(0, i).strip(), inner.substring(i + 1).strip()};
        }
      }
      return null;
    }
    Matcher m = Pattern.compile("^([\"'])(.*?)\\1\\s+([\"'])(.*?)\\3$").matcher(args);
    return m.matches() ? new String[] {m.group(2), m.group(4)} : null;
  }

  /** Expands plain variable references; null if a function call or nested reference remains. */
  private static String expand(String s, Map<String, String> vars) {
    Matcher m = VAR.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(vars.getOrDefault(m.group(1), "")));
    }
    m.appendTail(out);
    String r = out.toString().replace("$$", "\u0000");
    return r.contains("$") ? null : r.replace('\u0000', '$');
  }
}
