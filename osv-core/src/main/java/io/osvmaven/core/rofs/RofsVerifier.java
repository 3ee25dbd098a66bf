package io.osvmaven.core.rofs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The consistency checks of {@link RofsReader#verify()}; collects problems instead of throwing. */
final class RofsVerifier {

  private final RofsSuperblock superblock;
  private final List<RofsReader.StoredEntry> entries;
  private final int symlinkCount;
  private final List<RofsInode> inodes;
  private final long[] storedNumbers;
  private final List<String> problems = new ArrayList<>();

  RofsVerifier(RofsSuperblock superblock, List<RofsReader.StoredEntry> entries, int symlinkCount,
      List<RofsInode> inodes, long[] storedNumbers) {
    this.superblock = superblock;
    this.entries = entries;
    this.symlinkCount = symlinkCount;
    this.inodes = inodes;
    this.storedNumbers = storedNumbers;
  }

  List<String> verify() {
    long[] owner = new long[entries.size()];
    for (RofsInode inode : inodes) {
      if (storedNumbers[(int) inode.number() - 1] != inode.number()) {
        problems.add("inode " + inode.number() + " stores inode number "
            + Long.toUnsignedString(storedNumbers[(int) inode.number() - 1]));
      }
      switch (inode.type()) {
        case DIRECTORY -> checkDirectory(inode, owner);
        case SYMLINK -> checkSymlink(inode);
        case REGULAR -> checkFileBounds(inode);
        case UNKNOWN -> problems.add("inode " + inode.number() + " has unknown mode 0x"
            + Long.toHexString(inode.mode()));
      }
    }
    if (inodes.get(0).type() != RofsInode.Type.DIRECTORY) {
      problems.add("inode 1 (the root) is not a directory");
    }
    checkEntries(owner);
    checkOverlaps();
    return problems;
  }

  private boolean hasValidRange(RofsInode dir) {
    return dir.dataOffset() >= 0 && dir.count() >= 0
        && dir.dataOffset() <= entries.size() - dir.count();
  }

  private void checkDirectory(RofsInode dir, long[] owner) {
    if (!hasValidRange(dir)) {
      problems.add("directory inode " + dir.number() + " has entries " + dir.dataOffset() + "+"
          + dir.count() + " beyond the " + entries.size() + " in the table");
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = (int) dir.dataOffset(); i < dir.dataOffset() + dir.count(); i++) {
      if (owner[i] != 0) {
        problems.add("directory entry " + i + " belongs to both directory inode " + owner[i]
            + " and " + dir.number());
      }
      owner[i] = dir.number();
      String name = entries.get(i).name();
      if (!names.add(name)) {
        problems.add("directory inode " + dir.number() + " has the name '" + name + "' twice");
      }
    }
  }

  private void checkSymlink(RofsInode link) {
    if (link.dataOffset() < 0 || link.dataOffset() >= symlinkCount) {
      problems.add("symlink inode " + link.number() + " points at symlink " + link.dataOffset()
          + " of " + symlinkCount);
    }
    if (link.count() != 1) {
      problems.add("symlink inode " + link.number() + " has count " + link.count() + " (not 1)");
    }
  }

  private void checkFileBounds(RofsInode file) {
    if (file.count() < 0) {
      problems.add("file inode " + file.number() + " has a negative size");
    } else if (file.count() > 0 && (file.dataOffset() < 1
        || file.dataOffset() > superblock.firstTableBlock() - file.dataBlocks())) {
      problems.add("file inode " + file.number() + " has data blocks " + file.dataOffset() + "+"
          + file.dataBlocks() + " outside the data area (blocks 1 to "
          + (superblock.firstTableBlock() - 1) + ")");
    }
  }

  private void checkEntries(long[] owner) {
    int[] references = new int[inodes.size() + 1];
    for (int i = 0; i < entries.size(); i++) {
      RofsReader.StoredEntry entry = entries.get(i);
      String name = entry.name();
      if (name.isEmpty() || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0 || name.equals(".")
          || name.equals("..")) {
        problems.add("directory entry " + i + " has the unusable name '" + name.replace("\0", "\\0")
            + "'");
      }
      if (entry.inode() < 1 || entry.inode() > inodes.size()) {
        problems.add("directory entry " + i + " ('" + name + "') refers to inode "
            + Long.toUnsignedString(entry.inode()) + " of " + inodes.size());
      } else if (owner[i] == 0) {
        problems.add("directory entry " + i + " ('" + name + "') belongs to no directory");
      } else {
        references[(int) entry.inode()]++;
      }
    }
    if (references[1] > 0) {
      problems.add("the root directory (inode 1) is the target of a directory entry");
    }
    for (int n = 2; n <= inodes.size(); n++) {
      if (references[n] > 1) {
        problems.add("inode " + n + " is the target of " + references[n]
            + " directory entries (ROFS has no hard links)");
      }
    }
    Set<Long> reachable = reachableFromRoot();
    for (int n = 2; n <= inodes.size(); n++) {
      if (!reachable.contains((long) n)) {
        problems.add("inode " + n + " cannot be reached from the root directory");
      }
    }
  }

  private Set<Long> reachableFromRoot() {
    Set<Long> seen = new HashSet<>();
    Deque<RofsInode> pending = new ArrayDeque<>();
    pending.push(inodes.get(0));
    seen.add(1L);
    while (!pending.isEmpty()) {
      RofsInode dir = pending.pop();
      if (dir.type() != RofsInode.Type.DIRECTORY || !hasValidRange(dir)) {
        continue;
      }
      for (int i = (int) dir.dataOffset(); i < dir.dataOffset() + dir.count(); i++) {
        long target = entries.get(i).inode();
        if (target >= 1 && target <= inodes.size() && seen.add(target)) {
          pending.push(inodes.get((int) target - 1));
        }
      }
    }
    return seen;
  }

  private void checkOverlaps() {
    List<RofsInode> files = new ArrayList<>();
    for (RofsInode inode : inodes) {
      if (inode.type() == RofsInode.Type.REGULAR && inode.count() > 0) {
        files.add(inode);
      }
    }
    files.sort(Comparator.comparingLong(RofsInode::dataOffset));
    RofsInode furthest = null;
    for (RofsInode file : files) {
      if (furthest != null && file.dataOffset() < furthest.dataOffset() + furthest.dataBlocks()) {
        problems.add("data of file inode " + file.number() + " (blocks " + file.dataOffset() + "+"
            + file.dataBlocks() + ") overlaps file inode " + furthest.number() + " (blocks "
            + furthest.dataOffset() + "+" + furthest.dataBlocks() + ")");
      }
      if (furthest == null || file.dataOffset() + file.dataBlocks()
          > furthest.dataOffset() + furthest.dataBlocks()) {
        furthest = file;
      }
    }
  }
}
