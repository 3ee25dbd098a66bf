package io.osvmaven.core.run;

import io.osvmaven.core.profile.Arch;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How to boot an image.
 *
 * @param disk the raw or qcow2 disk image
 * @param bootable true if the disk carries a BIOS-bootable loader.img (else a direct-boot kernel is needed)
 * @param commandLine the OSv command line (for direct boot; a bootable disk carries its own)
 * @param directKernel the kernel ELF for direct boot ({@code loader-stripped.elf} on x64), if any
 * @param memory guest memory in QEMU syntax, e.g. {@code 512M}
 * @param cpus number of virtual CPUs
 * @param ports TCP forwards {@code hostPort:guestPort}
 * @param accel {@code auto} (KVM when usable, else TCG), {@code kvm} or {@code tcg}
 * @param qemu the QEMU binary; empty means {@code qemu-system-x86_64} / {@code qemu-system-aarch64}
 * @param extraArgs more QEMU arguments, appended as they are
 */
public record RunRequest(Path disk, boolean bootable, String commandLine, Optional<Path> directKernel, Arch arch,
    String memory, int cpus, List<String> ports, String accel, String qemu, List<String> extraArgs) {

  public RunRequest {
    ports = List.copyOf(ports);
    extraArgs = List.copyOf(extraArgs);
  }
}
