package io.osvmaven.core.header;

import static org.assertj.core.api.Assertions.assertThat;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.profile.ProfileRequest;
import io.osvmaven.core.profile.Profiles;
import io.osvmaven.core.profile.Resolution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FragmentsTest {

  @TempDir
  Path dir;

  @Test
  void makeFragmentGivesTheProfileAndEveryDriver() {
    Resolution r = Profiles.resolve(new ProfileRequest("aarch64", "xen", null, null, null), BuildListener.NONE);
    String mk = DriversMakeFragment.render(r);
    List<String> assignments = mk.lines().filter(l -> !l.startsWith("#")).toList();
    assertThat(assignments).containsExactly("conf_drivers_profile=xen", "conf_drivers_cadence=0",
        "conf_drivers_ena=0", "conf_drivers_mmio=0", "conf_drivers_nvme=0", "conf_drivers_pci=1",
        "conf_drivers_scsi=0", "conf_drivers_virtio=0", "conf_drivers_virtio_blk=0", "conf_drivers_virtio_fs=0",
        "conf_drivers_virtio_net=0", "conf_drivers_virtio_rng=0", "conf_drivers_virtio_scsi=0", "conf_drivers_xen=1");
  }

  @Test
  void userProfileFilePointsMakeAtBase() throws IOException {
    Path mine = dir.resolve("mine.mk");
    Files.writeString(mine, "conf_drivers_nvme?=1\n");
    Resolution r = Profiles.resolve(new ProfileRequest("x64", null, null, null, mine), BuildListener.NONE);
    assertThat(DriversMakeFragment.render(r)).contains("\nconf_drivers_profile=base\n").contains("\nconf_drivers_nvme=1\n");
    assertThat(KconfigFragment.render(r)).contains("\nCONF_drivers_profile_base=y\n");
  }

  @Test
  void kconfigSelectsTheProfileInMenuOrder() {
    Resolution r = Profiles.resolve(new ProfileRequest("x64", "microvm", null, null, null), BuildListener.NONE);
    assertThat(KconfigFragment.render(r).lines().filter(l -> l.contains("CONF_")).toList()).containsExactly(
        "# CONF_drivers_profile_base is not set",
        "# CONF_drivers_profile_all is not set",
        "# CONF_drivers_profile_aws_nitro is not set",
        "# CONF_drivers_profile_cloud_hypervisor is not set",
        "# CONF_drivers_profile_hyperv is not set",
        "CONF_drivers_profile_microvm=y",
        "# CONF_drivers_profile_vbox is not set",
        "# CONF_drivers_profile_virtio-mmio is not set",
        "# CONF_drivers_profile_virtio-pci is not set",
        "# CONF_drivers_profile_vmware is not set",
        "# CONF_drivers_profile_xen is not set");
  }

  @Test
  void kconfigFallsBackToBaseWhenTheSelectionIsNotAKconfigProfile() {
    Resolution nvme = Profiles.resolve(new ProfileRequest("x64", "nvme", null, null, null), BuildListener.NONE);
    assertThat(KconfigFragment.render(nvme)).contains("\nCONF_drivers_profile_base=y\n")
        .contains("is not a kconfig profile");
    Resolution plus = Profiles.resolve(new ProfileRequest("x64", "microvm", List.of("hpet"), null, null), BuildListener.NONE);
    assertThat(KconfigFragment.render(plus)).contains("\nCONF_drivers_profile_base=y\n")
        .contains("# CONF_drivers_profile_microvm is not set");
  }
}
