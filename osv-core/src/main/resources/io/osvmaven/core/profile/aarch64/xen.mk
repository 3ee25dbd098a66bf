# Drivers profile 'xen' for aarch64: Xen guests
conf_drivers_pci?=1
conf_drivers_xen?=1
