package io.osvmaven.core.tree;

/**
 * Metadata an entry gets in the image. Never taken from the host: a tree built twice from the same
 * inputs has the same attributes, whoever built it and whenever.
 *
 * @param mode permission bits only (e.g. 0755), no file-type bits
 * @param uid owner in the guest
 * @param gid group in the guest
 * @param mtimeSeconds modification time, seconds since the epoch (from project.build.outputTimestamp)
 */
public record Attributes(int mode, int uid, int gid, long mtimeSeconds) {

  /** The jib/maven-archiver default time when no output timestamp is configured: epoch + 1 s. */
  public static final long DEFAULT_MTIME = 1L;

  public static final Attributes DIRECTORY = new Attributes(0755, 0, 0, DEFAULT_MTIME);
  public static final Attributes FILE = new Attributes(0644, 0, 0, DEFAULT_MTIME);
  public static final Attributes EXECUTABLE = new Attributes(0755, 0, 0, DEFAULT_MTIME);
  public static final Attributes SYMLINK = new Attributes(0777, 0, 0, DEFAULT_MTIME);

  public Attributes {
    if ((mode & ~07777) != 0) {
      throw new IllegalArgumentException("mode has bits beyond 07777: " + Integer.toOctalString(mode));
    }
  }

  public Attributes withMtime(long seconds) {
    return new Attributes(mode, uid, gid, seconds);
  }

  public Attributes withMode(int newMode) {
    return new Attributes(newMode, uid, gid, mtimeSeconds);
  }
}
