package io.osvmaven.core.run;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.OsvException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Boots an image in QEMU with the console on the caller's terminal. With {@code accel=auto} it uses KVM
 * when {@code /dev/kvm} is usable, and falls back to software emulation (TCG) when a KVM start fails
 * within the first seconds: some hosts expose a nested {@code /dev/kvm} that cannot run OSv.
 */
public final class QemuRunner {

  /** A KVM run that ends with an error this early is treated as "KVM does not work here". */
  static final long KVM_FAILURE_WINDOW_MS = 5_000;

  private final BuildListener listener;
  private final Path kvmDevice;

  public QemuRunner(BuildListener listener) {
    this(listener, Path.of("/dev/kvm"));
  }

  QemuRunner(BuildListener listener, Path kvmDevice) {
    this.listener = listener;
    this.kvmDevice = kvmDevice;
  }

  /** Whether the run would use KVM first. */
  public boolean wantsKvm(RunRequest request) {
    String accel = QemuCommand.normaliseAccel(request.accel());
    return accel.equals("kvm") || accel.equals("auto") && Files.isReadable(kvmDevice) && Files.isWritable(kvmDevice);
  }

  /** The command the run starts with. */
  public List<String> command(RunRequest request) {
    return QemuCommand.build(request, wantsKvm(request));
  }

  /** Runs QEMU until the guest powers off; returns QEMU's exit code. */
  public int run(RunRequest request) throws IOException {
    boolean kvm = wantsKvm(request);
    List<String> command = QemuCommand.build(request, kvm);
    listener.info("Booting: " + QemuCommand.render(command));
    long start = System.nanoTime();
    int exit = start(command);
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    if (exit != 0 && kvm && QemuCommand.normaliseAccel(request.accel()).equals("auto") && elapsedMs < KVM_FAILURE_WINDOW_MS) {
      listener.warn("QEMU with KVM failed at once (exit " + exit + "); this host's KVM cannot run the guest. "
          + "Retrying with software emulation (TCG); set accel to tcg to skip KVM.");
      List<String> tcg = QemuCommand.build(request, false);
      listener.info("Booting: " + QemuCommand.render(tcg));
      exit = start(tcg);
    }
    return exit;
  }

  private static int start(List<String> command) throws IOException {
    Process p;
    try {
      p = new ProcessBuilder(command).inheritIO().start();
    } catch (IOException e) {
      throw new OsvException("cannot start " + command.get(0) + ": " + e.getMessage(),
          "install QEMU (Debian: apt-get install qemu-system-x86) or set the QEMU binary");
    }
    try {
      return p.waitFor();
    } catch (InterruptedException e) {
      p.destroy();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while QEMU was running", e);
    }
  }
}
