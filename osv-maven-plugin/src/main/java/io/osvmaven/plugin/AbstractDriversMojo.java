package io.osvmaven.plugin;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.OsvException;
import io.osvmaven.core.profile.ProfileException;
import io.osvmaven.core.profile.ProfileRequest;
import io.osvmaven.core.profile.Profiles;
import io.osvmaven.core.profile.Resolution;
import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/** Goals that need the resolved drivers selection. */
public abstract class AbstractDriversMojo extends AbstractOsvMojo {

  /**
   * The OSv drivers profile, as in {@code conf/profiles/<arch>/<name>.mk}: {@code all} (OSv's default),
   * {@code aws}, {@code base}, {@code cloud_hypervisor}, {@code hyperv}, {@code microvm}, {@code nvme},
   * {@code vbox}, {@code virtio-mmio}, {@code virtio-pci}, {@code vmware}, {@code xen} on x64;
   * {@code all}, {@code aws}, {@code base}, {@code microvm}, {@code nvme}, {@code virtio-mmio},
   * {@code virtio-pci}, {@code xen} on aarch64. Ignored when {@code profileFile} is set.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.driversProfile", defaultValue = ProfileRequest.DEFAULT_PROFILE)
  protected String driversProfile;

  /**
   * Drivers to turn on in addition to the profile's, e.g. {@code hpet}. Drivers they need are turned on
   * too (pvscsi turns on pci and scsi). On the command line: {@code -Dosv.includes=hpet,nvme}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.includes")
  protected List<String> includes;

  /**
   * Drivers to turn off. Excluding a driver that another selected driver needs fails the build and
   * names both. On the command line: {@code -Dosv.excludes=virtio_fs}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.excludes")
  protected List<String> excludes;

  /**
   * Your own profile, in OSv's {@code .mk} profile syntax: {@code conf_drivers_<name>?=0|1} lines and
   * {@code include conf/profiles/$(arch)/<profile>.mk} lines (looked up next to the file first, then
   * among the built-in profiles). Replaces {@code driversProfile} when set.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.profileFile")
  protected File profileFile;

  protected Resolution resolveDrivers(BuildListener listener) {
    ProfileRequest request = new ProfileRequest(arch, driversProfile, includes, excludes,
        profileFile == null ? null : profileFile.toPath());
    return Profiles.resolve(request, listener);
  }

  @Override
  protected String pomElement(OsvException e) {
    if (!(e instanceof ProfileException p)) {
      return super.pomElement(e);
    }
    return switch (p.subject()) {
      case ARCH -> "<arch>";
      case PROFILE -> "<driversProfile>";
      case PROFILE_FILE -> profileFile != null ? "<profileFile>" : "<driversProfile>";
      case INCLUDES -> "<includes>";
      case EXCLUDES -> "<excludes>";
    };
  }
}
