# Drivers profile 'microvm' for x64: QEMU microvm and Firecracker
conf_drivers_mmio?=1
conf_drivers_virtio_blk?=1
conf_drivers_virtio_net?=1
