package io.osvmaven.core.rofs;

/**
 * An entry of an image's tree as {@link RofsReader#list()} walks it.
 *
 * @param path absolute guest path ("/" for the root)
 * @param inode the entry's inode
 */
public record RofsEntry(String path, RofsInode inode) {}
