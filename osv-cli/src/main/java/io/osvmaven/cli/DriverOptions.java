package io.osvmaven.cli;

import com.beust.jcommander.Parameter;
import io.osvmaven.core.profile.ProfileException;
import io.osvmaven.core.profile.ProfileRequest;
import io.osvmaven.core.profile.Profiles;
import io.osvmaven.core.profile.Resolution;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The drivers-selection options shared by {@code profile resolve} and {@code header}. */
final class DriverOptions {

  @Parameter(names = "--arch", description = "x64 or aarch64 (default: this machine's)")
  String arch;

  @Parameter(names = "--profile", description = "drivers profile (default: all)")
  String profile;

  @Parameter(names = "--include", description = "turn a driver on (repeatable)")
  List<String> includes = new ArrayList<>();

  @Parameter(names = "--exclude", description = "turn a driver off (repeatable)")
  List<String> excludes = new ArrayList<>();

  @Parameter(names = "--profile-file", description = "your own profile in OSv's .mk syntax (replaces --profile)")
  Path profileFile;

  Resolution resolve(Console console) {
    return Profiles.resolve(new ProfileRequest(arch, profile, includes, excludes, profileFile), console);
  }

  /** The option a profile error is about, for the error message. */
  static String option(ProfileException e) {
    return switch (e.subject()) {
      case ARCH -> "--arch";
      case PROFILE -> "--profile";
      case PROFILE_FILE -> "--profile-file";
      case INCLUDES -> "--include";
      case EXCLUDES -> "--exclude";
    };
  }
}
