# Drivers profile 'virtio-pci' for x64: virtio devices over PCI (QEMU/KVM)
conf_drivers_pci?=1
conf_drivers_acpi?=1
conf_drivers_virtio_blk?=1
conf_drivers_virtio_scsi?=1
conf_drivers_virtio_fs?=1
conf_drivers_virtio_net?=1
conf_drivers_virtio_rng?=1
conf_drivers_pvpanic?=1
