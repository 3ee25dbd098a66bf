package io.osvmaven.core.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a user's own profile file, written in OSv's {@code .mk} profile syntax. */
public final class ProfileFiles {

  private ProfileFiles() {}

  /** The profile's name is the file name without {@code .mk}, as with OSv's profiles. */
  public static ProfileSource read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ProfileException(ProfileException.Subject.PROFILE_FILE,
          "cannot read profile file " + file + ": " + e.getMessage(), "check the path");
    }
    String fileName = file.getFileName().toString();
    String name = fileName.endsWith(".mk") ? fileName.substring(0, fileName.length() - 3) : fileName;
    Path dir = file.toAbsolutePath().getParent();
    return MkProfileParser.parseProfile(name, file.toString(), dir, lines);
  }
}
