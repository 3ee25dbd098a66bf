package io.osvmaven.core.profile;

import java.util.Locale;

/** The architectures OSv builds for, named as OSv names them ({@code arch=x64|aarch64}). */
public enum Arch {
  X64("x64"),
  AARCH64("aarch64");

  private final String osvName;

  Arch(String osvName) {
    this.osvName = osvName;
  }

  /** The name OSv uses: in {@code conf/profiles/<arch>/}, {@code build/release.<arch>}, {@code arch=}. */
  public String osvName() {
    return osvName;
  }

  /**
   * Parses an architecture name. Besides OSv's names this accepts what {@code uname -m} and the JVM's
   * {@code os.arch} report (x86_64, amd64, arm64), so the host's name works as is.
   *
   * @throws ProfileException for anything else
   */
  public static Arch of(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "x64", "x86_64", "amd64", "x86-64" -> X64;
      case "aarch64", "arm64" -> AARCH64;
      default -> throw new ProfileException(ProfileException.Subject.ARCH,
          "unknown architecture '" + name + "'",
          "use x64 or aarch64 (x86_64, amd64 and arm64 are accepted as aliases)");
    };
  }

  /** The architecture of the JVM we run on, which is the default target. */
  public static Arch host() {
    return of(System.getProperty("os.arch"));
  }

  @Override
  public String toString() {
    return osvName;
  }
}
