package io.osvmaven.core.profile;

import java.nio.file.Path;
import java.util.List;

/**
 * A parsed profile: its name, its statements in file order, and where it lives. {@code directory} is set
 * for user profiles, whose includes are looked up next to them before the built-in profiles.
 */
public record ProfileSource(String name, List<ProfileStatement> statements, String location, Path directory) {

  public ProfileSource {
    statements = List.copyOf(statements);
  }
}
