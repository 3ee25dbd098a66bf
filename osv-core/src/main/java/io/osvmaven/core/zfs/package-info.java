/**
 * A pure-Java writer of ZFS pool images for OSv's {@code --rootfs=zfs}: pool version 23 with ZPL
 * version 4, the newest that both OSv's BSD ZFS and zfs-fuse (the verification tool) read.
 *
 * <p>Layout: one {@code disk} vdev at {@code /dev/vblk0.1} (ashift 9), four labels with the config
 * nvlist and an uberblock at txg 8; every block single-copy, uncompressed, fletcher4, born in txg 4.
 * The pool's root dataset {@code osv} (which OSv mounts as {@code /}) holds the tree. Blocks are
 * allocated in order (never across a 128 KiB boundary, so never across a metaslab) and written
 * bottom-up: file data and directories as the tree is walked, then the dataset's object set, then the
 * MOS, whose space maps describe every allocated extent, their own blocks included. Entry point:
 * {@link io.osvmaven.core.zfs.ZfsPoolWriter}.
 */
package io.osvmaven.core.zfs;
