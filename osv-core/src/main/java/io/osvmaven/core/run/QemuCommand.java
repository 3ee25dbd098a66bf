package io.osvmaven.core.run;

import io.osvmaven.core.OsvException;
import io.osvmaven.core.profile.Arch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The QEMU command line that boots an OSv image, after the one OSv's own run script uses: virtio-blk
 * disk (snapshot mode, so a run never changes the built image), virtio-rng, user-mode networking with
 * the requested port forwards, serial console on the terminal, no reboot (QEMU exits when OSv powers off).
 */
public final class QemuCommand {

  private static final Pattern PORT = Pattern.compile("(\\d{1,5}):(\\d{1,5})");

  private QemuCommand() {}

  /** The arguments, starting with the QEMU binary. */
  public static List<String> build(RunRequest r, boolean kvm) {
    List<String> args = new ArrayList<>();
    args.add(r.qemu() == null || r.qemu().isBlank() ? defaultBinary(r.arch()) : r.qemu());
    if (r.arch() == Arch.AARCH64) {
      args.addAll(List.of("-machine", "virt", "-cpu", kvm ? "host" : "cortex-a57"));
    }
    args.addAll(List.of("-m", r.memory(), "-smp", Integer.toString(r.cpus()), "-nographic", "-no-reboot"));
    if (kvm) {
      args.addAll(List.of("-enable-kvm", "-cpu", "host"));
    }
    if (!r.bootable()) {
      Path kernel = r.directKernel().orElseThrow(() -> new OsvException(
          r.disk() + " has no kernel of its own (it was built without one)",
          "give a direct-boot kernel (loader-stripped.elf on x64, loader.img on aarch64), or build the image with a kernel"));
      args.addAll(List.of("-kernel", kernel.toString(), "-append", r.commandLine()));
    }
    String format = r.disk().getFileName().toString().endsWith(".qcow2") ? "qcow2" : "raw";
    args.addAll(List.of("-device", "virtio-blk-pci,drive=hd0",
        "-drive", "file=" + r.disk() + ",if=none,id=hd0,format=" + format + ",snapshot=on",
        "-device", "virtio-rng-pci"));
    args.addAll(List.of("-netdev", "user,id=net0" + hostForwards(r.ports()), "-device", "virtio-net-pci,netdev=net0"));
    args.addAll(r.extraArgs());
    return args;
  }

  static String defaultBinary(Arch arch) {
    return arch == Arch.AARCH64 ? "qemu-system-aarch64" : "qemu-system-x86_64";
  }

  private static String hostForwards(List<String> ports) {
    StringBuilder s = new StringBuilder();
    for (String p : ports) {
      var m = PORT.matcher(p.strip());
      if (!m.matches() || Integer.parseInt(m.group(1)) > 65535 || Integer.parseInt(m.group(2)) > 65535) {
        throw new OsvException("port forward '" + p + "' is not hostPort:guestPort", "e.g. 8080:8080");
      }
      s.append(",hostfwd=tcp::").append(m.group(1)).append("-:").append(m.group(2));
    }
    return s.toString();
  }

  /** Renders the arguments as one shell command line, quoting where needed. */
  public static String render(List<String> args) {
    List<String> quoted = new ArrayList<>();
    for (String a : args) {
      quoted.add(a.matches("[A-Za-z0-9_./:=,+@%-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
    }
    return String.join(" ", quoted);
  }

  static String normaliseAccel(String accel) {
    String a = accel == null ? "auto" : accel.strip().toLowerCase(Locale.ROOT);
    if (!a.equals("auto") && !a.equals("kvm") && !a.equals("tcg")) {
      throw new OsvException("accel must be auto, kvm or tcg, got '" + accel + "'");
    }
    return a;
  }
}
