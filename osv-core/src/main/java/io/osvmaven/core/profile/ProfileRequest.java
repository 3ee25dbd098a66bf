package io.osvmaven.core.profile;

import java.nio.file.Path;
import java.util.List;

/**
 * What the user asked for.
 *
 * @param arch architecture name; null or blank means the host's
 * @param profile built-in profile name; null or blank means {@code all}, OSv's default
 * @param includes drivers to turn on in addition to the profile's
 * @param excludes drivers to turn off
 * @param profileFile the user's own profile file; when set it replaces {@code profile}
 */
public record ProfileRequest(String arch, String profile, List<String> includes, List<String> excludes,
    Path profileFile) {

  public static final String DEFAULT_PROFILE = "all";

  public ProfileRequest {
    includes = includes == null ? List.of() : clean(includes);
    excludes = excludes == null ? List.of() : clean(excludes);
  }

  private static List<String> clean(List<String> names) {
    return names.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).distinct().toList();
  }

  public Arch resolvedArch() {
    return arch == null || arch.isBlank() ? Arch.host() : Arch.of(arch);
  }

  public String resolvedProfile() {
    return profile == null || profile.isBlank() ? DEFAULT_PROFILE : profile.strip();
  }
}
