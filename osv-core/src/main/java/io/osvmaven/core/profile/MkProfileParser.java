package io.osvmaven.core.profile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the subset of GNU make that OSv's drivers profiles are written in. A profile may contain only
 * {@code [export] conf_drivers_<name> ?= 0|1} and {@code include conf/profiles/$(arch)/<name>.mk} lines
 * (plus comments); a rules file (base.mk) adds {@code ifeq ($(conf_drivers_<name>),1) ... endif}
 * blocks of implications. Anything else is an error naming the file and line: we would rather refuse a
 * profile than silently build a kernel with other drivers than make would.
 */
final class MkProfileParser {

  private static final Pattern ASSIGNMENT =
      Pattern.compile("(?:export\\s+)?conf_drivers_([A-Za-z0-9_]+)\\s*(\\?=|:=|::=|=|\\+=)\\s*(\\S*)");
  private static final Pattern INCLUDE =
      Pattern.compile("-?include\\s+conf/profiles/\\$[({]arch[)}]/([A-Za-z0-9_.-]+)\\.mk");
  private static final Pattern IFEQ =
      Pattern.compile("ifeq\\s*\\(\\s*\\$\\(conf_drivers_([A-Za-z0-9_]+)\\)\\s*,\\s*1\\s*\\)");

  private MkProfileParser() {}

  /** The rules and defaults of a base.mk. */
  record Rules(List<ImplicationRule> implications, List<Assignment> defaults) {}

  static ProfileSource parseProfile(String name, String location, Path directory, List<String> lines) {
    List<ProfileStatement> statements = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Origin origin = new Origin(location, i + 1);
      String line = strip(lines.get(i));
      if (line.isEmpty()) {
        continue;
      }
      Matcher include = INCLUDE.matcher(line);
      if (include.matches()) {
        statements.add(new Include(include.group(1), origin));
        continue;
      }
      statements.add(assignment(line, origin, name));
    }
    return new ProfileSource(name, statements, location, directory);
  }

  static Rules parseRules(String location, List<String> lines) {
    List<ImplicationRule> implications = new ArrayList<>();
    List<Assignment> defaults = new ArrayList<>();
    String condition = null;
    Origin conditionOrigin = null;
    for (int i = 0; i < lines.size(); i++) {
      Origin origin = new Origin(location, i + 1);
      String line = strip(lines.get(i));
      if (line.isEmpty()) {
        continue;
      }
      Matcher ifeq = IFEQ.matcher(line);
      if (ifeq.matches()) {
        if (condition != null) {
          throw syntax(origin, line, "nested ifeq blocks are not supported in a rules file");
        }
        condition = ifeq.group(1);
        conditionOrigin = origin;
      } else if (line.equals("endif")) {
        if (condition == null) {
          throw syntax(origin, line, "endif without ifeq");
        }
        condition = null;
      } else {
        Assignment a = assignment(line, origin, "base");
        if (condition != null) {
          if (!a.enabled()) {
            throw syntax(origin, line, "a rule can only turn a driver on (?=1)");
          }
          implications.add(new ImplicationRule(condition, a.driver(), origin));
        } else if (a.enabled()) {
          throw syntax(origin, line, "outside an ifeq block a rules file only gives defaults (?=0)");
        } else {
          defaults.add(a);
        }
      }
    }
    if (condition != null) {
      throw syntax(conditionOrigin, "ifeq", "ifeq block is not closed with endif");
    }
    return new Rules(implications, defaults);
  }

  private static Assignment assignment(String line, Origin origin, String profile) {
    Matcher m = ASSIGNMENT.matcher(line);
    if (!m.matches()) {
      throw syntax(origin, line, "a profile may only contain 'conf_drivers_<name>?=0|1' assignments and "
          + "'include conf/profiles/$(arch)/<profile>.mk' lines");
    }
    if (!m.group(2).equals("?=")) {
      throw new ProfileException(ProfileException.Subject.PROFILE_FILE,
          origin + ": '" + line + "' uses '" + m.group(2) + "'; profiles assign with '?='",
          "write conf_drivers_" + m.group(1) + "?=" + m.group(3)
              + " (the first assignment of a driver wins, as in OSv's make files)");
    }
    String value = m.group(3);
    if (!value.equals("0") && !value.equals("1")) {
      throw new ProfileException(ProfileException.Subject.PROFILE_FILE,
          origin + ": driver value must be 0 or 1, got '" + value + "'", null);
    }
    return new Assignment(m.group(1), value.equals("1"), origin);
  }

  private static ProfileException syntax(Origin origin, String line, String why) {
    return new ProfileException(ProfileException.Subject.PROFILE_FILE,
        origin + ": unsupported line '" + line + "': " + why, null);
  }

  /** Removes a make comment and surrounding blanks. */
  private static String strip(String line) {
    int hash = line.indexOf('#');
    return (hash >= 0 ? line.substring(0, hash) : line).strip();
  }
}
