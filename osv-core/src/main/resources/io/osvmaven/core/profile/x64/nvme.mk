# Drivers profile 'nvme' for x64: NVMe storage on PCI
conf_drivers_pci?=1
conf_drivers_nvme?=1
