# Drivers profile 'virtio-mmio' for aarch64: virtio devices over MMIO
conf_drivers_mmio?=1
conf_drivers_virtio_blk?=1
conf_drivers_virtio_net?=1
