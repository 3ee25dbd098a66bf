package io.osvmaven.core.rofs;

/**
 * What {@link RofsWriter} produced.
 *
 * @param imageBytes size of the image (always a multiple of 512)
 * @param imageBlocks size of the image in 512-byte blocks
 * @param dataBlocks blocks holding file data (block 1 up to {@code firstTableBlock - 1})
 * @param firstTableBlock the superblock's structure_info_first_block
 * @param tableBlocks the superblock's structure_info_blocks_count
 * @param tableBytes bytes of the three tables before the final padding
 * @param dirEntries directory entries written
 * @param symlinks symlink records written
 * @param inodes inodes written (the root included)
 * @param files regular files written
 * @param fileBytes total bytes of file content
 */
public record RofsResult(long imageBytes, long imageBlocks, long dataBlocks, long firstTableBlock,
    long tableBlocks, long tableBytes, int dirEntries, int symlinks, int inodes, int files,
    long fileBytes) {}
