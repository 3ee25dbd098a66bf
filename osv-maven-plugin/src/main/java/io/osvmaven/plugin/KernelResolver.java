package io.osvmaven.plugin;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Finds the kernel the {@code <kernel>} parameter names: a file (relative to the project directory) or
 * Maven coordinates resolved like a dependency, so teams can publish their OSv kernels to a repository.
 */
final class KernelResolver {

  private final RepositorySystem repositorySystem;
  private final MavenSession session;

  KernelResolver(RepositorySystem repositorySystem, MavenSession session) {
    this.repositorySystem = repositorySystem;
    this.session = session;
  }

  Path resolve(String kernel, MavenProject project) {
    String value = kernel.strip();
    File file = new File(value);
    if (!file.isAbsolute()) {
      file = new File(project.getBasedir(), value);
    }
    if (file.isFile()) {
      return file.toPath();
    }
    String[] parts = value.split(":");
    if (parts.length < 3 || parts.length > 5 || value.contains("/") || value.contains("\\")) {
      throw new PomElementException("<kernel>", "kernel file " + file + " does not exist",
          "give the path of an OSv loader.img, or Maven coordinates groupId:artifactId:version[:type[:classifier]]");
    }
    String type = parts.length > 3 ? parts[3] : "img";
    String classifier = parts.length > 4 ? parts[4] : "";
    DefaultArtifact artifact = new DefaultArtifact(parts[0], parts[1], classifier, type, parts[2]);
    try {
      return repositorySystem.resolveArtifact(session.getRepositorySession(),
              new ArtifactRequest(artifact, project.getRemoteProjectRepositories(), null))
          .getArtifact().getFile().toPath();
    } catch (ArtifactResolutionException e) {
      throw new PomElementException("<kernel>", "cannot resolve kernel " + value + ": " + e.getMessage(),
          "check the coordinates (type defaults to img) and the repositories");
    }
  }
}
