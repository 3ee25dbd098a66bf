package io.osvmaven.core.zfs;

/** The DMU object types of pool version 23 that this writer emits (numbering of {@code dmu_object_type_t}). */
final class DmuType {

  static final int NONE = 0;
  static final int OBJECT_DIRECTORY = 1;
  static final int OBJECT_ARRAY = 2;
  static final int PACKED_NVLIST = 3;
  static final int PACKED_NVLIST_SIZE = 4;
  static final int BPLIST = 5;
  static final int BPLIST_HDR = 6;
  static final int SPACE_MAP_HEADER = 7;
  static final int SPACE_MAP = 8;
  static final int DNODE = 10;
  static final int OBJSET = 11;
  static final int DSL_DIR = 12;
  static final int DSL_DIR_CHILD_MAP = 13;
  static final int DSL_DS_SNAP_MAP = 14;
  static final int DSL_PROPS = 15;
  static final int DSL_DATASET = 16;
  static final int ZNODE = 17;
  static final int PLAIN_FILE_CONTENTS = 19;
  static final int DIRECTORY_CONTENTS = 20;
  static final int MASTER_NODE = 21;
  static final int UNLINKED_SET = 22;
  static final int NEXT_CLONES = 37;
  static final int USERGROUP_USED = 39;

  private DmuType() {}
}
