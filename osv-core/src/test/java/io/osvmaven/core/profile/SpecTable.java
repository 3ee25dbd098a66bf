package io.osvmaven.core.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The spec's table of effective drivers per profile (test resource expected-drivers.txt). */
public final class SpecTable {

  /** Driver names per arch as the spec lists them (osv-formats.md §1.5). */
  public static final List<String> X64_DRIVERS = List.of("acpi", "ahci", "ena", "hpet", "hyperv", "ide",
      "mmio", "nvme", "pci", "pvpanic", "pvscsi", "scsi", "vga", "virtio", "virtio_blk", "virtio_fs",
      "virtio_net", "virtio_rng", "virtio_scsi", "vmxnet3", "xen");
  public static final List<String> AARCH64_DRIVERS = List.of("cadence", "ena", "mmio", "nvme", "pci",
      "scsi", "virtio", "virtio_blk", "virtio_fs", "virtio_net", "virtio_rng", "virtio_scsi", "xen");

  public record Row(String arch, String profile, Set<String> enabled) {
    public List<String> allDrivers() {
      return arch.equals("x64") ? X64_DRIVERS : AARCH64_DRIVERS;
    }

    @Override
    public String toString() {
      return arch + " " + profile;
    }
  }

  private SpecTable() {}

  public static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        SpecTable.class.getResourceAsStream("expected-drivers.txt"), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] halves = line.split("\\|", -1);
        String[] key = halves[0].trim().split(" ");
        Set<String> enabled = new TreeSet<>();
        if (!halves[1].isBlank()) {
          enabled.addAll(Arrays.asList(halves[1].trim().split(" ")));
        }
        rows.add(new Row(key[0], key[1], enabled));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
