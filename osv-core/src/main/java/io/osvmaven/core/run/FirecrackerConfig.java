package io.osvmaven.core.run;

import io.osvmaven.core.io.AtomicFiles;
import io.osvmaven.core.json.JsonWriter;
import io.osvmaven.core.profile.Arch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Firecracker VM configuration ({@code firecracker --config-file}) for an OSv image, as OSv's
 * {@code scripts/firecracker.py} sets it up: the kernel ELF booted directly, the raw disk as a
 * virtio-mmio block device (OSv reads the partitions from its MBR), {@code --nopci} in front of the
 * command line (on aarch64 also {@code console=tty}).
 */
public final class FirecrackerConfig {

  private FirecrackerConfig() {}

  public static String render(Path kernel, Path rawDisk, String commandLine, Arch arch, int cpus, int memoryMib) {
    Map<String, Object> boot = new LinkedHashMap<>();
    boot.put("kernel_image_path", kernel.toString());
    boot.put("boot_args", (arch == Arch.AARCH64 ? "console=tty " : "") + "--nopci " + commandLine);
    Map<String, Object> drive = new LinkedHashMap<>();
    drive.put("drive_id", "rootfs");
    drive.put("path_on_host", rawDisk.toString());
    drive.put("is_root_device", false);
    drive.put("is_read_only", false);
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("vcpu_count", cpus);
    machine.put("mem_size_mib", memoryMib);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("boot-source", boot);
    root.put("drives", List.of(drive));
    root.put("machine-config", machine);
    return JsonWriter.write(root);
  }

  public static boolean write(Path file, Path kernel, Path rawDisk, String commandLine, Arch arch, int cpus,
      int memoryMib) throws IOException {
    return AtomicFiles.writeIfChanged(file,
        render(kernel, rawDisk, commandLine, arch, cpus, memoryMib).getBytes(StandardCharsets.UTF_8));
  }

  /** QEMU memory syntax (512M, 1G, 1024) in MiB. */
  public static int mebibytes(String memory) {
    String m = memory.strip().toUpperCase(java.util.Locale.ROOT);
    long factor = 1;
    if (m.endsWith("G")) {
      factor = 1024;
      m = m.substring(0, m.length() - 1);
    } else if (m.endsWith("M")) {
      m = m.substring(0, m.length() - 1);
    }
    try {
      return Math.toIntExact(Long.parseLong(m) * factor);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new io.osvmaven.core.OsvException("memory must look like 512M or 1G, got '" + memory + "'");
    }
  }
}
