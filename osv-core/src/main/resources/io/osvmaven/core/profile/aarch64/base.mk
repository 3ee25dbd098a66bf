# Drivers profile 'base' for aarch64: no driver set; the implication rules and defaults every profile ends with.
# A rule 'ifeq ($(conf_drivers_X),1) ... export conf_drivers_Y?=1' turns Y on whenever X is on.
ifeq ($(conf_drivers_virtio_blk),1)
export conf_drivers_virtio?=1
endif
ifeq ($(conf_drivers_virtio_fs),1)
export conf_drivers_virtio?=1
endif
ifeq ($(conf_drivers_virtio_net),1)
export conf_drivers_virtio?=1
endif
ifeq ($(conf_drivers_virtio_rng),1)
export conf_drivers_virtio?=1
endif
ifeq ($(conf_drivers_virtio_scsi),1)
export conf_drivers_virtio?=1
export conf_drivers_scsi?=1
endif
ifeq ($(conf_drivers_nvme),1)
export conf_drivers_pci?=1
endif
ifeq ($(conf_drivers_ena),1)
export conf_drivers_pci?=1
endif
# Every driver is off unless a profile, the user or a rule turned it on.
export conf_drivers_cadence?=0
export conf_drivers_ena?=0
export conf_drivers_mmio?=0
export conf_drivers_nvme?=0
export conf_drivers_pci?=0
export conf_drivers_scsi?=0
export conf_drivers_virtio?=0
export conf_drivers_virtio_blk?=0
export conf_drivers_virtio_fs?=0
export conf_drivers_virtio_net?=0
export conf_drivers_virtio_rng?=0
export conf_drivers_virtio_scsi?=0
export conf_drivers_xen?=0
