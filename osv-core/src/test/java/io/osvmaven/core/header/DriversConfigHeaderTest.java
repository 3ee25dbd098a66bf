package io.osvmaven.core.header;

import static org.assertj.core.api.Assertions.assertThat;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.profile.ProfileRequest;
import io.osvmaven.core.profile.Profiles;
import io.osvmaven.core.profile.Resolution;
import io.osvmaven.core.profile.SpecTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DriversConfigHeaderTest {

  @TempDir
  Path dir;

  private static Resolution resolve(String arch, String profile) {
    return Profiles.resolve(new ProfileRequest(arch, profile, null, null, null), BuildListener.NONE);
  }

  @Test
  void microvmOnX64IsTheSpecsExampleByteForByte() {
    String expected = """
        /* This file is generated automatically. */
        #ifndef OSV_DRIVERS_CONFIG_H
        #define OSV_DRIVERS_CONFIG_H

        #define CONF_drivers_acpi 0
        #define CONF_drivers_ahci 0
        #define CONF_drivers_ena 0
        #define CONF_drivers_hpet 0
        #define CONF_drivers_hyperv 0
        #define CONF_drivers_ide 0
        #define CONF_drivers_mmio 1
        #define CONF_drivers_nvme 0
        #define CONF_drivers_pci 0
        #define CONF_drivers_pvpanic 0
        #define CONF_drivers_pvscsi 0
        #define CONF_drivers_scsi 0
        #define CONF_drivers_vga 0
        #define CONF_drivers_virtio 1
        #define CONF_drivers_virtio_blk 1
        #define CONF_drivers_virtio_fs 0
        #define CONF_drivers_virtio_net 1
        #define CONF_drivers_virtio_rng 0
        #define CONF_drivers_virtio_scsi 0
        #define CONF_drivers_vmxnet3 0
        #define CONF_drivers_xen 0

        #endif
        """;
    assertThat(DriversConfigHeader.render(resolve("x64", "microvm"))).isEqualTo(expected);
  }

  static List<SpecTable.Row> specRows() {
    return SpecTable.rows();
  }

  /** The layout of osv-formats.md §1.7 filled with the values of the §1.5 table. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("specRows")
  void everyProfileMatchesWhatOsvsScriptWrites(SpecTable.Row row) {
    StringBuilder expected = new StringBuilder("/* This file is generated automatically. */\n"
        + "#ifndef OSV_DRIVERS_CONFIG_H\n#define OSV_DRIVERS_CONFIG_H\n\n");
    for (String d : row.allDrivers()) {
      expected.append("#define CONF_drivers_").append(d).append(row.enabled().contains(d) ? " 1\n" : " 0\n");
    }
    expected.append("\n#endif\n");
    assertThat(DriversConfigHeader.render(resolve(row.arch(), row.profile()))).isEqualTo(expected.toString());
  }

  @Test
  void unchangedContentKeepsTheFileAndItsMtime() throws IOException {
    Path header = dir.resolve("gen/include/osv/drivers_config.h");
    assertThat(DriversConfigHeader.write(resolve("x64", "microvm"), header)).isTrue();
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(header, old);

    assertThat(DriversConfigHeader.write(resolve("x64", "microvm"), header)).isFalse();
    assertThat(Files.getLastModifiedTime(header)).isEqualTo(old);

    assertThat(DriversConfigHeader.write(resolve("x64", "virtio-mmio"), header)).isFalse(); // same drivers
    assertThat(DriversConfigHeader.write(resolve("x64", "vmware"), header)).isTrue();
    assertThat(Files.getLastModifiedTime(header)).isNotEqualTo(old);
    assertThat(Files.readString(header, StandardCharsets.US_ASCII)).contains("#define CONF_drivers_pvscsi 1\n");
    try (var files = Files.list(header.getParent())) {
      assertThat(files).containsExactly(header); // no temporary files left behind
    }
  }
}
