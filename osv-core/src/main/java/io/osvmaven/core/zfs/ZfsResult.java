package io.osvmaven.core.zfs;

import java.nio.file.Path;

/**
 * What {@link ZfsPoolWriter#write} produced.
 *
 * @param image the pool image
 * @param deviceSize bytes of the image (the vdev size)
 * @param allocatedBytes bytes the pool's blocks occupy (file data, metadata, MOS)
 * @param objects objects in the root dataset, the ZPL's own included
 * @param poolGuid the pool's GUID (derived from the inputs)
 */
public record ZfsResult(Path image, long deviceSize, long allocatedBytes, long objects, long poolGuid) {}
