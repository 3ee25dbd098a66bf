package io.osvmaven.plugin;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.OsvException;
import io.osvmaven.core.image.ImageInspector;
import io.osvmaven.core.io.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lists the files of a built image (a raw disk or a bare ROFS image) with their sizes and link targets,
 * shows the disk's command line, and checks the filesystem's structure; a damaged image fails the build.
 *
 * @since 0.1.0
 */
@Mojo(name = InspectMojo.GOAL, defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class InspectMojo extends AbstractOsvMojo {

  public static final String GOAL = "inspect";

  /**
   * The image to inspect. Default: {@code <imageName>.img} in the build directory.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.inspect.image")
  protected File image;

  /**
   * File name of the image, without extension, as given to {@code osv:image}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.imageName", defaultValue = "${project.build.finalName}", required = true)
  protected String imageName;

  @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
  protected File buildDirectory;

  /**
   * Also write the listing to this file (one entry per line, as logged), e.g. for CI artifacts.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.inspect.output")
  protected File output;

  @Override
  protected String goal() {
    return "osv:" + GOAL;
  }

  @Override
  protected void run(BuildListener listener) throws IOException {
    File image = this.image != null ? this.image : new File(buildDirectory, imageName + ".img");
    if (!image.isFile()) {
      throw new PomElementException(this.image != null ? "<image>" : "<imageName>", "no image " + image,
          "build it first: mvn package " + goal());
    }
    try (ImageInspector.Opened opened = ImageInspector.open(image.toPath())) {
      getLog().info("Image " + image + (opened.offset() > 0 ? ", ROFS at byte " + opened.offset() : ", bare ROFS"));
      opened.commandLine().ifPresent(c -> getLog().info("Command line: " + c));
      StringBuilder listing = new StringBuilder();
      for (ImageInspector.Listed e : opened.list()) {
        String line = switch (e.kind()) {
          case 'f' -> "f " + e.path() + " (" + e.size() + " bytes)";
          case 'l' -> "l " + e.path() + " -> " + e.linkTarget();
          default -> e.kind() + " " + e.path();
        };
        getLog().info("  " + line);
        listing.append(line).append('\n');
      }
      if (output != null) {
        AtomicFiles.writeIfChanged(output.toPath(), listing.toString().getBytes(StandardCharsets.UTF_8));
      }
      List<String> problems = opened.rofs().verify();
      if (!problems.isEmpty()) {
        throw new OsvException(image + " is damaged:\n  " + String.join("\n  ", problems));
      }
      getLog().info("Filesystem structure is sound");
    }
  }
}
