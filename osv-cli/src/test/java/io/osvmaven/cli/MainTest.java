package io.osvmaven.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir
  Path dir;

  record Result(int code, String out, String err) {}

  static Result osv(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void profileListNamesProfilesAndDrivers() {
    Result r = osv("profile", "list", "--arch", "aarch64");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(
        "aarch64 profiles: all aws base microvm nvme virtio-mmio virtio-pci xen\n"
            + "aarch64 drivers: cadence ena mmio nvme pci scsi virtio virtio_blk virtio_fs virtio_net virtio_rng virtio_scsi xen\n");
  }

  @Test
  void profileShowListsTheLinesAndRules() {
    Result r = osv("profile", "show", "--arch", "x64", "cloud_hypervisor");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("profile cloud_hypervisor (x64/cloud_hypervisor.mk)\n")
        .contains("  include virtio-pci    # x64/cloud_hypervisor.mk:2\n")
        .contains("  pvpanic=1    # x64/cloud_hypervisor.mk:3\n")
        .contains("  acpi => pci    # x64/base.mk:");
  }

  @Test
  void profileResolveExplainsInEveryFormat() {
    Result text = osv("profile", "resolve", "--arch", "x64", "--profile", "nvme", "--include", "hpet");
    assertThat(text.code()).isZero();
    assertThat(text.out()).contains("enabled: acpi hpet nvme pci\n");
    Result json = osv("profile", "resolve", "--arch", "x64", "--profile", "nvme", "--format", "json");
    assertThat(json.out()).contains("\"enabled\": [\n    \"nvme\",\n    \"pci\"\n  ]");
    Result mk = osv("profile", "resolve", "--arch", "x64", "--profile", "nvme", "--format", "mk");
    assertThat(mk.out()).contains("\nconf_drivers_profile=nvme\n").contains("\nconf_drivers_nvme=1\n");
    Result bad = osv("profile", "resolve", "--format", "yaml");
    assertThat(bad.code()).isEqualTo(Main.USAGE_ERROR);
  }

  @Test
  void headerWritesOnlyWhenChanged() throws IOException {
    Path header = dir.resolve("drivers_config.h");
    Result first = osv("header", "--arch", "x64", "--profile", "microvm", "--output", header.toString());
    assertThat(first.code()).isZero();
    assertThat(first.err()).contains("Wrote " + header);
    assertThat(Files.readString(header)).contains("#define CONF_drivers_virtio_net 1\n");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(header, old);
    Result second = osv("header", "--arch", "x64", "--profile", "microvm", "--output", header.toString());
    assertThat(second.err()).contains("Unchanged, kept " + header);
    assertThat(Files.getLastModifiedTime(header)).isEqualTo(old);
  }

  @Test
  void buildErrorsExitWithOneAndNameTheOption() {
    Result r = osv("header", "--arch", "x64", "--profile", "virtio-pc", "--output", dir.resolve("h").toString());
    assertThat(r.code()).isEqualTo(Main.BUILD_ERROR);
    assertThat(r.err()).contains("osv: --profile: unknown drivers profile 'virtio-pc' for x64")
        .contains("hint: did you mean virtio-pci?");
    assertThat(dir.resolve("h")).doesNotExist();
    Result excl = osv("profile", "resolve", "--arch", "x64", "--profile", "microvm", "--exclude", "virtio");
    assertThat(excl.code()).isEqualTo(Main.BUILD_ERROR);
    assertThat(excl.err()).contains("osv: --exclude: driver 'virtio' is excluded by the user, but virtio_blk needs it");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(osv().code()).isEqualTo(Main.USAGE_ERROR);
    assertThat(osv("frobnicate").code()).isEqualTo(Main.USAGE_ERROR);
    assertThat(osv("profile").code()).isEqualTo(Main.USAGE_ERROR);
    Result missing = osv("header", "--arch", "x64");
    assertThat(missing.code()).isEqualTo(Main.USAGE_ERROR);
    assertThat(missing.err()).contains("--output");
    Result help = osv("--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("Usage: osv");
  }
}
