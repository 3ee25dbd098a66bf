package io.osvmaven.core.qcow2;

import java.nio.file.Path;

/**
 * What {@link Qcow2Writer} produced.
 *
 * @param output the qcow2 file
 * @param virtualSize the disk size a guest sees (the raw size rounded up to whole 512-byte sectors)
 * @param fileSize the length of the qcow2 file
 * @param dataClusters how many 64 KiB guest clusters hold data (all-zero clusters are not stored)
 */
public record Qcow2Result(Path output, long virtualSize, long fileSize, long dataClusters) {}
