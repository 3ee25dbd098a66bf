package io.osvmaven.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.RecordingListener;
import io.osvmaven.core.profile.Arch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QemuRunnerTest {

  @TempDir
  Path dir;

  private final RecordingListener listener = new RecordingListener();

  private RunRequest request(boolean bootable, Optional<Path> kernel, String accel, String qemu, List<String> ports) {
    return new RunRequest(dir.resolve("app.img"), bootable, "--rootfs=rofs /hello.so", kernel, Arch.X64, "512M", 2,
        ports, accel, qemu, List.of());
  }

  @Test
  void bootableDiskBootsFromItsOwnLoaderWithSnapshotAndForwards() {
    List<String> cmd = QemuCommand.build(request(true, Optional.empty(), "tcg", "", List.of("8080:80")), false);
    assertThat(cmd).containsExactly("qemu-system-x86_64", "-m", "512M", "-smp", "2", "-nographic", "-no-reboot",
        "-device", "virtio-blk-pci,drive=hd0",
        "-drive", "file=" + dir.resolve("app.img") + ",if=none,id=hd0,format=raw,snapshot=on",
        "-device", "virtio-rng-pci",
        "-netdev", "user,id=net0,hostfwd=tcp::8080-:80", "-device", "virtio-net-pci,netdev=net0");
  }

  @Test
  void kernellessDiskNeedsADirectBootKernel() {
    List<String> cmd = QemuCommand.build(request(false, Optional.of(dir.resolve("loader-stripped.elf")), "tcg", "",
        List.of()), true);
    assertThat(cmd).containsSubsequence("-enable-kvm", "-cpu", "host")
        .containsSubsequence("-kernel", dir.resolve("loader-stripped.elf").toString(), "-append", "--rootfs=rofs /hello.so");
    assertThatThrownBy(() -> QemuCommand.build(request(false, Optional.empty(), "tcg", "", List.of()), false))
        .hasMessageContaining("has no kernel of its own");
  }

  @Test
  void badPortForwardsAndAccelAreErrors() {
    assertThatThrownBy(() -> QemuCommand.build(request(true, Optional.empty(), "tcg", "", List.of("http")), false))
        .hasMessageContaining("port forward 'http' is not hostPort:guestPort");
    assertThatThrownBy(() -> new QemuRunner(listener).wantsKvm(request(true, Optional.empty(), "hvf", "", List.of())))
        .hasMessageContaining("accel must be auto, kvm or tcg");
  }

  @Test
  void renderQuotesWhatTheShellWouldSplit() {
    assertThat(QemuCommand.render(List.of("qemu", "-append", "--rootfs=rofs /a b"))).isEqualTo("qemu -append '--rootfs=rofs /a b'");
  }

  /** A stand-in for QEMU: fails at once under KVM (like a nested /dev/kvm that cannot run OSv), else records its arguments. */
  private Path fakeQemu(Path log) throws IOException {
    Path script = dir.resolve("fake-qemu");
    Files.writeString(script, "#!/bin/sh\nfor a in \"$@\"; do [ \"$a\" = -enable-kvm ] && exit 3; done\n"
        + "echo \"$@\" > '" + log + "'\nexit 0\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  @Test
  void fallsBackToSoftwareEmulationWhenKvmFailsAtOnce() throws IOException {
    Path log = dir.resolve("args.txt");
    Path kvm = Files.writeString(dir.resolve("kvm"), "");
    QemuRunner runner = new QemuRunner(listener, kvm);
    RunRequest r = request(true, Optional.empty(), "auto", fakeQemu(log).toString(), List.of());
    assertThat(runner.wantsKvm(r)).isTrue();
    assertThat(runner.run(r)).isZero();
    assertThat(Files.readString(log)).doesNotContain("-enable-kvm").contains("-nographic");
    assertThat(listener.warnings).anyMatch(m -> m.startsWith("QEMU with KVM failed at once (exit 3)"));
  }

  @Test
  void explicitKvmDoesNotFallBackAndMissingKvmDeviceMeansTcg() throws IOException {
    Path log = dir.resolve("args.txt");
    Path kvm = Files.writeString(dir.resolve("kvm"), "");
    RunRequest forced = request(true, Optional.empty(), "kvm", fakeQemu(log).toString(), List.of());
    assertThat(new QemuRunner(listener, kvm).run(forced)).isEqualTo(3);
    RunRequest auto = request(true, Optional.empty(), "auto", fakeQemu(log).toString(), List.of());
    assertThat(new QemuRunner(listener, dir.resolve("no-kvm")).wantsKvm(auto)).isFalse();
  }

  @Test
  void missingQemuIsAClearError() {
    RunRequest r = request(true, Optional.empty(), "tcg", dir.resolve("no-such-qemu").toString(), List.of());
    assertThatThrownBy(() -> new QemuRunner(listener).run(r)).hasMessageContaining("cannot start").hasMessageContaining("no-such-qemu");
  }

  @Test
  void firecrackerConfigBootsTheKernelElfWithNopci() {
    String json = FirecrackerConfig.render(Path.of("loader-stripped.elf"), Path.of("app.img"), "--rootfs=rofs /hello.so",
        Arch.X64, 2, FirecrackerConfig.mebibytes("1G"));
    assertThat(json).isEqualTo("""
        {
          "boot-source": {
            "kernel_image_path": "loader-stripped.elf",
            "boot_args": "--nopci --rootfs=rofs /hello.so"
          },
          "drives": [
            {
              "drive_id": "rootfs",
              "path_on_host": "app.img",
              "is_root_device": false,
              "is_read_only": false
            }
          ],
          "machine-config": {
            "vcpu_count": 2,
            "mem_size_mib": 1024
          }
        }
        """);
    assertThat(FirecrackerConfig.mebibytes("512M")).isEqualTo(512);
    assertThatThrownBy(() -> FirecrackerConfig.mebibytes("lots")).hasMessageContaining("512M or 1G");
  }
}
