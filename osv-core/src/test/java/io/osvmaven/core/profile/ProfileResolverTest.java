package io.osvmaven.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.BuildListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProfileResolverTest {

  @TempDir
  Path dir;

  private static Resolution resolve(String arch, String profile, List<String> inc, List<String> exc) {
    return Profiles.resolve(new ProfileRequest(arch, profile, inc, exc, null), BuildListener.NONE);
  }

  static List<SpecTable.Row> specRows() {
    return SpecTable.rows();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specRows")
  void everyBuiltInProfileGivesTheSpecTablesDrivers(SpecTable.Row row) {
    Resolution r = resolve(row.arch(), row.profile(), List.of(), List.of());
    assertThat(r.enabledDrivers()).containsExactlyElementsOf(row.enabled());
    assertThat(r.drivers()).extracting(DriverDecision::driver).containsExactlyElementsOf(row.allDrivers());
  }

  @Test
  void theSpecTableCoversEveryBuiltInProfile() {
    for (Arch arch : Arch.values()) {
      List<String> inTable = specRows().stream().filter(r -> r.arch().equals(arch.osvName()))
          .map(SpecTable.Row::profile).sorted().toList();
      assertThat(DriverCatalog.builtIn(arch).profileNames()).containsExactlyElementsOf(inTable);
    }
  }

  @Test
  void explainsEachDriver() {
    Resolution r = resolve("x64", "vmware", List.of(), List.of());
    assertThat(reason(r, "pvscsi")).isEqualTo("set by profile vmware at x64/vmware.mk:5");
    assertThat(reason(r, "xen")).startsWith("off by default (x64/base.mk:");
    // via the all profile, the vmware line is reported with the include chain
    Resolution all = resolve("x64", "all", List.of(), List.of());
    assertThat(reason(all, "pvscsi")).isEqualTo("set by profile vmware at x64/vmware.mk:5 (via all -> vmware)");
    Resolution micro = resolve("x64", "microvm", List.of("hpet"), List.of());
    assertThat(reason(micro, "virtio")).startsWith("implied by virtio_blk (rule x64/base.mk:");
    assertThat(reason(micro, "hpet")).isEqualTo("included by the user");
    assertThat(reason(micro, "acpi")).startsWith("implied by hpet");
    assertThat(reason(micro, "pci")).startsWith("implied by acpi");
  }

  private static String reason(Resolution r, String driver) {
    return r.drivers().stream().filter(d -> d.driver().equals(driver)).findFirst().orElseThrow().reason().describe();
  }

  @Test
  void includesAreClosedUnderTheRules() {
    Resolution r = resolve("x64", "base", List.of("pvscsi"), List.of());
    assertThat(r.enabledDrivers()).containsExactly("pci", "pvscsi", "scsi");
  }

  @Test
  void excludeOfADriverNobodyNeedsTurnsItOff() {
    Resolution r = resolve("x64", "virtio-pci", List.of(), List.of("virtio_fs", "virtio_rng"));
    assertThat(r.isEnabled("virtio_fs")).isFalse();
    assertThat(r.isEnabled("virtio")).isTrue();
  }

  @Test
  void excludingADriverThatASelectedOneNeedsIsAnErrorNamingBoth() {
    assertThatThrownBy(() -> resolve("x64", "microvm", List.of(), List.of("virtio")))
        .isInstanceOfSatisfying(ProfileException.class, e -> {
          assertThat(e.subject()).isEqualTo(ProfileException.Subject.EXCLUDES);
          assertThat(e.getMessage())
              .contains("driver 'virtio' is excluded by the user, but virtio_blk needs it")
              .contains("virtio_blk is set by profile microvm at x64/microvm.mk:3");
          assertThat(e.hint()).isPresent();
        });
  }

  @Test
  void includeAndExcludeOfTheSameDriverIsAnError() {
    assertThatThrownBy(() -> resolve("x64", "base", List.of("pci"), List.of("pci")))
        .hasMessageContaining("'pci' is both included and excluded");
  }

  @Test
  void unknownProfileSuggestsTheClosestName() {
    assertThatThrownBy(() -> resolve("x64", "virtio-pc", List.of(), List.of()))
        .isInstanceOfSatisfying(ProfileException.class, e -> {
          assertThat(e.subject()).isEqualTo(ProfileException.Subject.PROFILE);
          assertThat(e.getMessage()).isEqualTo("unknown drivers profile 'virtio-pc' for x64");
          assertThat(e.hint()).contains("did you mean virtio-pci?");
        });
    assertThatThrownBy(() -> resolve("aarch64", "vmware", List.of(), List.of()))
        .hasMessage("unknown drivers profile 'vmware' for aarch64");
  }

  @Test
  void unknownDriverSuggestsTheClosestName() {
    assertThatThrownBy(() -> resolve("x64", "base", List.of("virtio-blk"), List.of()))
        .isInstanceOfSatisfying(ProfileException.class, e -> {
          assertThat(e.subject()).isEqualTo(ProfileException.Subject.INCLUDES);
          assertThat(e.getMessage()).isEqualTo("unknown driver 'virtio-blk' for x64");
          assertThat(e.hint()).contains("did you mean virtio_blk?");
        });
  }

  @Test
  void driverOfTheOtherArchIsNamedAsSuch() {
    assertThatThrownBy(() -> resolve("aarch64", "base", List.of("vmxnet3"), List.of()))
        .hasMessage("driver 'vmxnet3' does not exist on aarch64 (it is a x64 driver)");
    assertThatThrownBy(() -> resolve("x64", "base", List.of(), List.of("cadence")))
        .isInstanceOfSatisfying(ProfileException.class,
            e -> assertThat(e.subject()).isEqualTo(ProfileException.Subject.EXCLUDES))
        .hasMessage("driver 'cadence' does not exist on x64 (it is a aarch64 driver)");
  }

  @Test
  void unknownArchIsAnError() {
    assertThatThrownBy(() -> resolve("riscv64", "all", List.of(), List.of()))
        .isInstanceOfSatisfying(ProfileException.class,
            e -> assertThat(e.subject()).isEqualTo(ProfileException.Subject.ARCH))
        .hasMessage("unknown architecture 'riscv64'");
    assertThat(Arch.of("x86_64")).isEqualTo(Arch.X64);
    assertThat(Arch.of("amd64")).isEqualTo(Arch.X64);
    assertThat(Arch.of("arm64")).isEqualTo(Arch.AARCH64);
  }

  @Test
  void userProfileFileWithIncludesOfBuiltInsAndSiblings() throws IOException {
    Files.writeString(dir.resolve("storage.mk"), "conf_drivers_nvme?=1\n");
    Path mine = dir.resolve("mine.mk");
    Files.writeString(mine, String.join("\n",
        "# my cloud",
        "include conf/profiles/$(arch)/microvm.mk",
        "include conf/profiles/$(arch)/storage.mk",
        "export conf_drivers_hpet ?= 1   # clock under TCG",
        "conf_drivers_virtio_net?=0",
        ""));
    Resolution r = Profiles.resolve(new ProfileRequest("x64", null, List.of(), List.of(), mine), BuildListener.NONE);
    assertThat(r.profile()).isEqualTo("mine");
    // virtio_net?=0 comes after microvm's virtio_net?=1: the first assignment wins, as in make
    assertThat(r.enabledDrivers()).containsExactly("acpi", "hpet", "mmio", "nvme", "pci", "virtio",
        "virtio_blk", "virtio_net");
    assertThat(reason(r, "nvme")).isEqualTo("set by profile storage at " + dir.resolve("storage.mk") + ":1 (via mine -> storage)");
  }

  @Test
  void userProfileTurningOffANeededDriverIsAnErrorWithFileAndLine() throws IOException {
    Path bad = dir.resolve("bad.mk");
    Files.writeString(bad, "conf_drivers_scsi?=0\nconf_drivers_pvscsi?=1\n");
    assertThatThrownBy(() -> Profiles.resolve(new ProfileRequest("x64", null, List.of(), List.of(), bad), BuildListener.NONE))
        .isInstanceOfSatisfying(ProfileException.class,
            e -> assertThat(e.subject()).isEqualTo(ProfileException.Subject.PROFILE_FILE))
        .hasMessageContaining("driver 'scsi' is set by profile bad at " + bad + ":1, but pvscsi needs it");
  }

  @Test
  void userProfileSyntaxErrorsNameFileAndLine() throws IOException {
    Path bad = dir.resolve("bad.mk");
    Files.writeString(bad, "conf_drivers_pci?=1\n\nCXXFLAGS += -O3\n");
    assertThatThrownBy(() -> ProfileFiles.read(bad))
        .hasMessageStartingWith(bad + ":3: unsupported line 'CXXFLAGS += -O3'");
    Files.writeString(bad, "conf_drivers_pci=1\n");
    assertThatThrownBy(() -> ProfileFiles.read(bad))
        .isInstanceOfSatisfying(ProfileException.class, e -> assertThat(e.hint().orElseThrow()).contains("conf_drivers_pci?=1"))
        .hasMessageStartingWith(bad + ":1: 'conf_drivers_pci=1' uses '='");
    Files.writeString(bad, "conf_drivers_pci?=yes\n");
    assertThatThrownBy(() -> ProfileFiles.read(bad)).hasMessage(bad + ":1: driver value must be 0 or 1, got 'yes'");
    Files.writeString(bad, "conf_drivers_pcie?=1\n");
    assertThatThrownBy(() -> Profiles.resolve(new ProfileRequest("x64", null, null, null, bad), BuildListener.NONE))
        .hasMessage(bad + ":1: unknown driver 'pcie' for x64");
    Files.writeString(bad, "include conf/profiles/$(arch)/virtio-pcie.mk\n");
    assertThatThrownBy(() -> Profiles.resolve(new ProfileRequest("x64", null, null, null, bad), BuildListener.NONE))
        .isInstanceOfSatisfying(ProfileException.class, e -> assertThat(e.hint()).contains("did you mean virtio-pci?"))
        .hasMessage(bad + ":1: includes unknown profile 'virtio-pcie' for x64");
  }

  @Test
  void includeCyclesAreReported() throws IOException {
    Files.writeString(dir.resolve("a.mk"), "include conf/profiles/$(arch)/b.mk\n");
    Files.writeString(dir.resolve("b.mk"), "include conf/profiles/$(arch)/a.mk\n");
    assertThatThrownBy(() -> Profiles.resolve(new ProfileRequest("x64", null, null, null, dir.resolve("a.mk")), BuildListener.NONE))
        .hasMessage("profiles include each other in a cycle: a -> b -> a");
  }

  @Test
  void missingProfileFileIsAnError() {
    Path none = dir.resolve("none.mk");
    assertThatThrownBy(() -> Profiles.resolve(new ProfileRequest("x64", null, null, null, none), BuildListener.NONE))
        .hasMessageStartingWith("cannot read profile file " + none);
  }

  @Test
  void closesChainsWhoseRulesAreNotInDependencyOrder() {
    // c => d is listed before b => c: make's single pass would leave d off
    List<ImplicationRule> rules = List.of(
        new ImplicationRule("c", "d", new Origin("t.mk", 1)),
        new ImplicationRule("a", "b", new Origin("t.mk", 2)),
        new ImplicationRule("b", "c", new Origin("t.mk", 3)));
    ProfileSource p = new ProfileSource("p", List.of(new Assignment("a", true, new Origin("p.mk", 1))), "p.mk", null);
    DriverCatalog catalog = DriverCatalog.of(Arch.X64, List.of("a", "b", "c", "d", "e"), rules, Map.of("p", p));
    Resolution r = new ProfileResolver(catalog).resolve("p", List.of(), List.of(), BuildListener.NONE);
    assertThat(r.enabledDrivers()).containsExactly("a", "b", "c", "d");
    assertThat(reason(r, "d")).isEqualTo("implied by c (rule t.mk:1)");
  }

  @Test
  void warnsAboutAMissingClockSourceOnX64() {
    List<String> warnings = new ArrayList<>();
    BuildListener l = new BuildListener() {
      @Override
      public void info(String m) {}

      @Override
      public void warn(String m) {
        warnings.add(m);
      }
    };
    Profiles.resolve(new ProfileRequest("x64", "virtio-pci", null, null, null), l);
    assertThat(warnings).singleElement().asString().startsWith("no hpet driver");
    warnings.clear();
    Profiles.resolve(new ProfileRequest("x64", "virtio-pci", List.of("hpet"), null, null), l);
    assertThat(warnings).isEmpty();
  }
}
