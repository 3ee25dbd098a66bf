package io.osvmaven.core.profile;

import io.osvmaven.core.BuildListener;

/** The engine's entry point for drivers profiles: request in, resolution out. */
public final class Profiles {

  private Profiles() {}

  public static Resolution resolve(ProfileRequest request, BuildListener listener) {
    Arch arch = request.resolvedArch();
    ProfileResolver resolver = new ProfileResolver(DriverCatalog.builtIn(arch));
    Resolution resolution = request.profileFile() != null
        ? resolver.resolve(ProfileFiles.read(request.profileFile()), request.includes(), request.excludes(), listener)
        : resolver.resolve(request.resolvedProfile(), request.includes(), request.excludes(), listener);
    listener.info("Drivers for " + arch + ", profile " + resolution.profile() + ": "
        + String.join(" ", resolution.enabledDrivers()));
    return resolution;
  }
}
