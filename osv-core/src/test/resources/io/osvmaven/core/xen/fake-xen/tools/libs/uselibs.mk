# Test fixture: a made-up Xen tree's library list, in the grammar of tools/libs/uselibs.mk.
# It lacks guest, hypfs, light, util, stat, vchan and manage, lists toollog before toolcore, and
# adds a library the catalogue does not know (arinc).

LIBS_LIBS += toollog
USELIBS_toollog :=

LIBS_LIBS += toolcore
USELIBS_toolcore :=
LIBS_LIBS += evtchn
USELIBS_evtchn := toollog toolcore
LIBS_LIBS += gnttab
USELIBS_gnttab := toollog toolcore
LIBS_LIBS += call
USELIBS_call := toollog toolcore
LIBS_LIBS += foreignmemory
USELIBS_foreignmemory := toollog toolcore
LIBS_LIBS += devicemodel
USELIBS_devicemodel := toollog toolcore call
LIBS_LIBS += ctrl
USELIBS_ctrl := toollog call evtchn gnttab \
                foreignmemory devicemodel   # continued from the line above
LIBS_LIBS += store
USELIBS_store := toolcore

ifeq ($(CONFIG_MINIMAL_TOOLS),y)
LIBS_LIBS += notbuilt
endif

    LIBS_LIBS += arinc
    USELIBS_arinc := toollog call # indented, as the RFC writes them
FILENAME_arinc := xenarinc653

# A macro body is not read as assignments.
define fixture-macro
LIBS_LIBS += insidemacro
endef
