package io.osvmaven.plugin;

import java.io.File;

/**
 * One entry of the image given in the POM: {@code <file><path>/etc/app.conf</path><source>app.conf</source></file>},
 * a symbolic link {@code <file><path>/etc/mnttab</path><link>/proc/mounts</link></file>}, or an empty
 * directory {@code <file><path>/data</path><directory>true</directory></file>}.
 */
public class ImageFile {

  /** Absolute guest path. */
  String path;

  /** Host file whose content the entry gets. */
  File source;

  /** Target of a symbolic link. */
  String link;

  /** True for an empty directory. */
  boolean directory;
}
