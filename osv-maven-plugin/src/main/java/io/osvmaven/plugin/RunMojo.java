package io.osvmaven.plugin;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.OsvException;
import io.osvmaven.core.json.JsonReader;
import io.osvmaven.core.profile.Arch;
import io.osvmaven.core.run.FirecrackerConfig;
import io.osvmaven.core.run.QemuCommand;
import io.osvmaven.core.run.QemuRunner;
import io.osvmaven.core.run.RunRequest;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Boots the built image in QEMU with the console on the terminal: {@code mvn package osv:run}. Uses KVM
 * when {@code /dev/kvm} is usable and falls back to software emulation when a KVM start fails. A disk
 * built with a kernel boots on its own; a kernel-less disk needs {@code runKernel} (direct boot). Also
 * writes a Firecracker VM configuration next to the image when a direct-boot kernel is known.
 *
 * @since 0.1.0
 */
@Mojo(name = RunMojo.GOAL, threadSafe = true)
public class RunMojo extends AbstractOsvMojo {

  public static final String GOAL = "run";

  /**
   * File name of the image, without extension, as given to {@code osv:image}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.imageName", defaultValue = "${project.build.finalName}", required = true)
  protected String imageName;

  /**
   * The kernel for direct boot of a kernel-less disk ({@code loader-stripped.elf} on x64,
   * {@code loader.img} on aarch64); also the kernel of the Firecracker configuration.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.run.kernel")
  protected File runKernel;

  /**
   * Guest memory, QEMU syntax.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.run.memory", defaultValue = "512M")
  protected String memory;

  /**
   * Virtual CPUs.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.run.cpus", defaultValue = "2")
  protected int cpus;

  /**
   * TCP port forwards {@code hostPort:guestPort}, e.g. {@code 8080:8080}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.run.ports")
  protected List<String> ports;

  /**
   * {@code auto} (KVM when usable, else software emulation), {@code kvm} or {@code tcg}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.run.accel", defaultValue = "auto")
  protected String accel;

  /**
   * The QEMU binary; default {@code qemu-system-x86_64} or {@code qemu-system-aarch64} for the arch.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.run.qemu")
  protected String qemu;

  /**
   * More QEMU arguments, appended as they are.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.run.extraArgs")
  protected List<String> extraArgs;

  /**
   * Print the QEMU command instead of running it.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.run.dryRun", defaultValue = "false")
  protected boolean dryRun;

  @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
  protected File buildDirectory;

  @Override
  protected String goal() {
    return "osv:" + GOAL;
  }

  @Override
  protected void run(BuildListener listener) throws IOException {
    Path descriptor = buildDirectory.toPath().resolve(imageName + ".json");
    if (!Files.isRegularFile(descriptor)) {
      throw new PomElementException("<imageName>", "no image " + imageName + " in " + buildDirectory,
          "build it first: mvn package " + goal());
    }
    Map<?, ?> image;
    Path disk;
    String commandLine;
    try {
      image = (Map<?, ?>) JsonReader.read(Files.readString(descriptor, StandardCharsets.UTF_8));
      disk = buildDirectory.toPath().resolve((String) ((Map<?, ?>) ((List<?>) image.get("disks")).get(0)).get("file"));
      commandLine = (String) Objects.requireNonNull(image.get("commandLine"));
    } catch (RuntimeException e) {
      throw new OsvException("the image descriptor " + descriptor + " is not one osv:image wrote: " + e.getMessage(),
          "rebuild the image: mvn package " + goal());
    }
    boolean bootable = Boolean.TRUE.equals(image.get("bootable"));
    Arch targetArch = element("<arch>", () -> arch == null || arch.isBlank() ? Arch.host() : Arch.of(arch));
    Optional<Path> kernel = Optional.ofNullable(runKernel).map(File::toPath);
    int memoryMib = element("<memory>", () -> FirecrackerConfig.mebibytes(memory));

    if (kernel.isPresent()) {
      Path config = buildDirectory.toPath().resolve(imageName + ".firecracker.json");
      FirecrackerConfig.write(config, kernel.get().toAbsolutePath(), disk.toAbsolutePath(), commandLine, targetArch,
          cpus, memoryMib);
      getLog().info("Firecracker configuration: " + config);
    } else {
      getLog().info("No Firecracker configuration: it needs the kernel ELF; set <runKernel> to write one");
    }

    RunRequest request = new RunRequest(disk, bootable, commandLine, kernel, targetArch, memory, cpus,
        ports == null ? List.of() : ports, accel, qemu, extraArgs == null ? List.of() : extraArgs);
    QemuRunner runner = new QemuRunner(listener);
    List<String> command;
    try {
      command = runner.command(request);
    } catch (OsvException e) {
      throw new PomElementException(e.getMessage().startsWith("accel") ? "<accel>"
          : e.getMessage().startsWith("port forward") ? "<ports>" : "<runKernel>", e);
    }
    if (dryRun) {
      getLog().info("Dry run: " + QemuCommand.render(command));
      return;
    }
    int exit = runner.run(request);
    if (exit != 0) {
      throw new OsvException("QEMU exited with status " + exit);
    }
  }
}
